"""Finding a person among those indexed, as the counter does: respelled, renumbered, with swapped dates."""

import random

import pytest

from garda.identity.index import bulk_index, find_candidates, forget_cached, index_person
from garda.identity.models import BlockingKey, IndexedPerson
from garda.synthetic.identities import appearance, namesake, true_person

REGISTERED = {
    "full_name": "Muhammad Rizki Saputra",
    "birth_date": "1990-05-12",
    "sex": "M",
    "nik": "3174061205900003",
    "phone": "081234567890",
    "mother_name": "Siti Aminah",
}


@pytest.fixture
def index(db: None) -> IndexedPerson:
    rng = random.Random(4)
    crowd = []
    for k in range(400):
        person = true_person(rng, k)
        crowd.append(("application", f"crowd-{k}", appearance(rng, person, f"crowd-{k}", first=True), "JAKSEL"))
        if k % 40 == 0:
            twin = namesake(rng, person, 10_000 + k)
            crowd.append(("application", f"twin-{k}", appearance(rng, twin, f"twin-{k}", first=True), "CIREBON"))
    bulk_index(crowd)
    forget_cached()
    return index_person(source="agency_report", source_ref="R-1", record=REGISTERED, office_code="JAKSEL")


@pytest.mark.parametrize(
    ("variant", "at_least"),
    [
        ({"full_name": "MOH. RIZKY SAPUTRO", "birth_date": "1990-05-12"}, 0.9),
        ({"full_name": "Muhamad Riski Saputra", "birth_date": "1990-12-05", "phone": "+62 812-3456-7890"}, 0.9),
        ({"full_name": "Saputra Muhammad Rizki", "nik": "3174061205900003"}, 0.9),
        (
            {
                "full_name": "H. Mochammad Rizky Saputra, S.Kom.",
                "birth_date": "1991-05-12",
                "mother_name": "SITTI AMINAH",
            },
            0.5,
        ),
        # Registered again elsewhere, new phone, one name dropped: found first, but the evidence is thin (a second
        # valid NIK counts strongly against, and nothing of the family is there to say otherwise).
        (
            {"full_name": "M. Rizki", "birth_date": "1990-05-12", "nik": "3209011205900017", "phone": "0857 1111 2222"},
            0.01,
        ),
    ],
)
def test_variants_of_a_person_are_found_first(index: IndexedPerson, variant: dict[str, str], at_least: float) -> None:
    found = find_candidates(variant)
    assert found, "no candidate at all"
    assert found[0].person.pk == index.pk
    assert found[0].probability >= at_least


def test_a_namesake_born_elsewhere_in_time_is_not_taken_for_the_person(index: IndexedPerson) -> None:
    found = find_candidates(
        {"full_name": "Muhammad Rizki Saputra", "birth_date": "1972-01-30", "nik": "3201013001720009"}
    )
    assert all(c.person.pk != index.pk or c.probability < 0.1 for c in found)


def test_evidence_explains_the_match(index: IndexedPerson) -> None:
    best = find_candidates({"full_name": "Muhamad Riski Saputra", "birth_date": "1990-12-05"})[0]
    labels = {e.comparison: e.label_id for e in best.result.evidence}
    assert labels["birth_date"] == "tanggal dan bulan tertukar"
    assert labels["name"] in {"nama sama (setelah normalisasi)", "nama hampir sama (≥ 0,95)"}


def test_reindexing_replaces_the_keys(index: IndexedPerson) -> None:
    index_person(source="agency_report", source_ref="R-1", record={**REGISTERED, "phone": "0899 0000 1111"})
    keys = set(BlockingKey.objects.filter(person=index).values_list("key", flat=True))
    assert "P:+6289900001111" in keys and "P:+6281234567890" not in keys
    assert IndexedPerson.objects.filter(source="agency_report", source_ref="R-1").count() == 1


def test_lookup_makes_a_fixed_number_of_queries(index: IndexedPerson, django_assert_num_queries) -> None:
    forget_cached()
    find_candidates({"full_name": "MOH. RIZKY", "birth_date": "1990-05-12"})  # loads the model and index size
    with django_assert_num_queries(2):  # the name's frequency; the persons under the keys
        find_candidates({"full_name": "MUHAMMAD RIZKI", "birth_date": "1990-12-05"})


def test_a_record_without_anything_to_look_up_finds_nothing(index: IndexedPerson) -> None:
    assert find_candidates({"full_name": "", "birth_date": "tidak tahu"}) == []


def test_training_stores_a_new_version_that_the_counter_uses(db: None, tmp_path) -> None:
    import csv

    from django.core.management import call_command

    from garda.core.models import AuditEvent
    from garda.identity.index import current_model
    from garda.identity.models import MatchModel
    from garda.synthetic.identities import dataset

    path = tmp_path / "list.csv"
    rows = [r for r, _ in dataset(1500, seed=3)]
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    forget_cached()
    assert current_model().version == "default-2"
    call_command("identity", "train", "--from-file", str(path))
    stored = MatchModel.objects.get()
    assert current_model().version == stored.version
    assert AuditEvent.objects.filter(action="identity.model_trained", object_id=str(stored.pk)).exists()
    assert 0 < stored.params["prior"] < 0.01
    assert stored.params["gate_bits"] == current_model().gate_bits  # the household gate is part of the version


def test_name_counts_follow_the_index(index: IndexedPerson) -> None:
    from garda.identity.index import rebuild_name_frequencies
    from garda.identity.models import NameFrequency

    key = index.name_key
    assert NameFrequency.objects.get(name_key=key).count == 1
    index_person(source="agency_report", source_ref="R-2", record=REGISTERED)
    assert NameFrequency.objects.get(name_key=key).count == 2
    index_person(source="agency_report", source_ref="R-2", record={**REGISTERED, "full_name": "Dewi Lestari"})
    assert NameFrequency.objects.get(name_key=key).count == 1
    before = dict(NameFrequency.objects.values_list("name_key", "count"))
    rebuild_name_frequencies()
    assert dict(NameFrequency.objects.filter(count__gt=0).values_list("name_key", "count")) == {
        k: v for k, v in before.items() if v > 0
    }


def test_reindex_rebuilds_the_same_keys(index: IndexedPerson) -> None:
    from django.core.management import call_command

    before = sorted(BlockingKey.objects.values_list("key", "person_id"))
    BlockingKey.objects.filter(person=index).delete()
    call_command("identity", "reindex")
    assert sorted(BlockingKey.objects.values_list("key", "person_id")) == before
