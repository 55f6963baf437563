import itertools
import math
from collections import defaultdict
from datetime import date

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from garda.identity.batch import clusters, resolve
from garda.identity.comparisons import COMPARISONS, compare
from garda.identity.defaults import default_model
from garda.identity.model import FSModel, bounded, estimate, estimate_u, implausible
from garda.identity.records import prepare
from garda.synthetic.identities import dataset, household_dataset, linked_lists

RIZKI = {
    "id": "a",
    "full_name": "MOH. RIZKY",
    "birth_date": "1990-05-12",
    "sex": "M",
    "nik": "3174061205900003",
    "phone": "0812-3456-7890",
}


def _score(a: dict, b: dict, **kw):
    return default_model().score(compare(prepare(a), prepare(b)), **kw)


def test_same_person_written_differently_is_a_match_with_evidence() -> None:
    other = {"id": "b", "full_name": "Muhammad Rizki", "birth_date": "1990-12-05", "phone": "+62 812 3456 7890"}
    result = _score(RIZKI, other)
    assert result.probability > 0.99
    fields = {e.comparison: e for e in result.evidence}
    assert fields["name"].label_en == "same name (normalised)"
    assert fields["birth_date"].label_en == "day and month swapped" and fields["birth_date"].weight > 0
    assert fields["phone"].weight > 0
    assert "nik" not in fields  # missing on one side: neither for nor against


def test_a_different_birth_date_and_nik_count_against() -> None:
    namesake = {**RIZKI, "id": "c", "birth_date": "1985-02-17", "nik": "3201011702850004", "phone": ""}
    result = _score(RIZKI, namesake)
    assert result.probability < 0.01
    against = {e.comparison for e in result.disagreed}
    assert {"birth_date", "nik"} <= against


def test_common_names_count_less_than_rare_ones() -> None:
    a = {"id": "a", "full_name": "X", "birth_date": "1990-05-12"}
    common = _score(a, {**a, "id": "b"}, name_tf=0.01)
    rare = _score(a, {**a, "id": "b"}, name_tf=0.00001)
    assert rare.weight - common.weight > 5


def test_a_names_frequency_in_a_small_count_leans_on_the_model() -> None:
    model = default_model()
    u_exact = model.u["name"][0]
    # Two of twenty records say little: the frequency stays near the model's, and a shared name still counts.
    small = model.name_tf(2, 20)
    assert small is not None and small < 4 * u_exact
    # In a national history the count speaks: a name held by 5,000 of 5,000,000 is that common...
    common = model.name_tf(5_000, 5_000_000)
    assert common is not None and math.isclose(common, 0.001, rel_tol=0.01)
    # ...and a name seen once is rarer than the model's average.
    rare = model.name_tf(1, 5_000_000)
    assert rare is not None and rare < u_exact
    assert model.name_tf(3, 0) is None


def test_model_survives_json() -> None:
    model = default_model()
    again = FSModel.from_json(model.to_json())
    assert again.m == model.m and again.u == model.u and again.prior == model.prior


def test_em_recovers_the_m_probabilities_it_was_generated_with() -> None:
    rng = np.random.default_rng(3)
    n_levels = [c.n_levels for c in COMPARISONS]
    # Disagreement on a person field stays rare among matches (the model's bounds), as in real data.
    true_m = {
        c.name: np.array(bounded(c.name, list(rng.dirichlet(np.linspace(8, 1, c.n_levels - 1))))) for c in COMPARISONS
    }
    true_u = {c.name: rng.dirichlet(np.linspace(1, 8, c.n_levels - 1)) for c in COMPARISONS}
    n_match, n_non = 4000, 20000

    def draw(probs: dict, n: int) -> np.ndarray:
        return np.stack(
            [rng.choice(np.arange(1, k), size=n, p=probs[c.name]) for c, k in zip(COMPARISONS, n_levels, strict=True)],
            axis=1,
        )

    levels = np.vstack([draw(true_m, n_match), draw(true_u, n_non)]).astype(np.int8)
    u = estimate_u(draw(true_u, 100000).astype(np.int8))
    model = estimate(levels, u, total_pairs=len(levels), version="t")
    for c in COMPARISONS:
        assert np.allclose(model.m[c.name], true_m[c.name], atol=0.03), c.name
    assert math.isclose(model.prior, n_match / (n_match + n_non), rel_tol=0.1)


def _pairwise_f1(predicted: set, truth: set) -> float:
    tp = len(predicted & truth)
    return 2 * tp / (len(predicted) + len(truth))


def test_dedupe_quality_on_synthetic_indonesian_people() -> None:
    rows = list(dataset(3000, seed=11))
    persons = [prepare(r) for r, _ in rows]
    scored, _ = resolve(persons)
    roots = clusters(len(persons), ((i, j) for i, j, p in scored if p >= 0.9))
    by_truth, by_cluster = defaultdict(list), defaultdict(list)
    for i, (_, key) in enumerate(rows):
        by_truth[key].append(i)
        by_cluster[roots[i]].append(i)
    truth = {p for g in by_truth.values() for p in itertools.combinations(sorted(g), 2)}
    predicted = {p for g in by_cluster.values() for p in itertools.combinations(sorted(g), 2)}
    assert _pairwise_f1(predicted, truth) >= 0.98


def test_link_quality_on_synthetic_lists() -> None:
    left, right, truth = linked_lists(3000, seed=5)
    lp, rp = [prepare(r) for r in left], [prepare(r) for r in right]
    scored, _ = resolve(lp, rp)
    predicted = {(lp[i].id, rp[j].id) for i, j, p in scored if p >= 0.9}
    assert _pairwise_f1(predicted, truth) >= 0.98


def test_vectorised_scoring_equals_one_by_one() -> None:
    rows = [r for r, _ in dataset(400, seed=21)]
    persons = [prepare(r) for r in rows]
    model = default_model()
    pairs = [(i, j) for i in range(0, 300, 7) for j in range(1, 300, 11) if i != j]
    levels = np.array([compare(persons[i], persons[j]) for i, j in pairs], dtype=np.int8)
    tf = np.array([0.001 if k % 2 else np.nan for k in range(len(pairs))])
    vector = model.probabilities(levels, tf)
    for k, (row, t) in enumerate(zip(levels, tf, strict=True)):
        one = model.score(tuple(int(x) for x in row), name_tf=None if np.isnan(t) else float(t))
        assert math.isclose(vector[k], one.probability, rel_tol=1e-9, abs_tol=1e-12)


@pytest.mark.filterwarnings("ignore:This process .* is multi-threaded:DeprecationWarning")
def test_parallel_and_serial_batches_agree() -> None:
    from garda.identity import batch

    persons = [prepare(r) for r, _ in dataset(1500, seed=8)]
    serial_from = batch.PARALLEL_FROM_PAIRS, batch.PARALLEL_FROM_RECORDS
    batch.PARALLEL_FROM_PAIRS = batch.PARALLEL_FROM_RECORDS = 10**12
    try:
        serial, _ = batch.resolve(persons)
    finally:
        batch.PARALLEL_FROM_PAIRS, batch.PARALLEL_FROM_RECORDS = serial_from
    batch.PARALLEL_FROM_PAIRS = batch.PARALLEL_FROM_RECORDS = 1
    batch.FORCE_PARALLEL = True  # the test runner has threads; the forked workers here touch none of them
    try:
        parallel, _ = batch.resolve(persons)
    finally:
        batch.PARALLEL_FROM_PAIRS, batch.PARALLEL_FROM_RECORDS = serial_from
        batch.FORCE_PARALLEL = False
    assert np.array_equal(serial.i, parallel.i) and np.array_equal(serial.j, parallel.j)
    assert np.allclose(serial.probability, parallel.probability)


def test_fast_weight_equals_the_explained_score() -> None:
    persons = [prepare(r) for r, _ in dataset(200, seed=4)]
    model = default_model()
    for a, b in itertools.pairwise(persons):
        levels = compare(a, b)
        for tf in (None, 0.002):
            assert math.isclose(model.weight(levels, name_tf=tf), model.score(levels, name_tf=tf).weight)


def test_a_key_shared_by_too_many_records_is_skipped_and_reported() -> None:
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    rows = [
        {"id": f"r{k}", "full_name": f"{letters[k % 26]}{letters[k // 26]}WATI", "phone": "0811 0000 0000"}
        for k in range(30)
    ]
    scored, report = resolve([prepare(r) for r in rows], max_block=20)
    assert report.skipped_blocks == [("P:+6281100000000", 30)]
    assert len(scored) == 0


@given(st.dates(), st.dates())
def test_one_digit_apart_is_a_single_differing_digit_of_yyyymmdd(x, y) -> None:
    from rapidfuzz.distance import Levenshtein

    from garda.identity.comparisons import _one_digit_apart

    if x.year >= 1000 and y.year >= 1000:
        assert _one_digit_apart(x, y) == (Levenshtein.distance(x.strftime("%Y%m%d"), y.strftime("%Y%m%d")) == 1)


@given(st.dates(min_value=date(1000, 1, 1)))
def test_the_typos_looked_up_are_the_dates_compared_as_one_digit_apart(born: date) -> None:
    from garda.identity.blocking import one_digit_typos
    from garda.identity.comparisons import _one_digit_apart

    typos = one_digit_typos(born)
    assert typos and len(set(typos)) == len(typos)
    assert all(_one_digit_apart(born, date(int(t[:4]), int(t[4:6]), int(t[6:]))) for t in typos)
    # A date one digit away is among them, whichever digit.
    assert (
        f"{born.year + 1:04d}{born.month:02d}{born.day:02d}" in typos
        or born.year % 10 == 9
        or (born.month == 2 and born.day == 29)
    )


def _index_values(record: dict[str, str], pk: int) -> tuple:
    """A record as an index row (ALL_FIELDS order): plain fields normalised, names as written."""
    p = prepare(record)
    return (pk, record["full_name"], p.birth_date, p.sex or "", p.nik or "", p.phone or "", p.birth_place or "",
            p.address or "", record.get("mother_name", ""), p.other_id or "", p.kk_number or "",
            record.get("father_name", ""), "test", str(pk), "")  # fmt: skip


def test_staged_candidate_weights_equal_the_full_weight_or_prune_only_below_the_floor() -> None:
    from garda.identity.index import CandidateWeights

    model = default_model()
    records = [r for r, _ in household_dataset(40, seed=5).records]
    for floor in (-10.0, 0.0, 3.17):
        for query in records[:25]:
            person = prepare(query)
            weights = CandidateWeights(model, person, 0.001, floor)
            for pk, other in enumerate(records):
                full = model.weight(compare(person, prepare(other)), name_tf=0.001)
                got = weights.weight(_index_values(other, pk))
                if full >= floor:
                    assert got is not None and math.isclose(got, full), (query["id"], other["id"])
                else:
                    assert got is None


def test_an_implausible_estimate_falls_back_to_the_default_model_with_a_warning(monkeypatch) -> None:
    import garda.identity.batch as batch

    def drifted(*args, **kwargs):
        # "Same household" as the match class: the names of matches mostly differ.
        model = FSModel.from_json(default_model().to_json())
        model.m = {**model.m, "name": [0.05, 0.05, 0.1, 0.2, 0.6]}
        return model

    monkeypatch.setattr(batch, "estimate", drifted)
    persons = [prepare(r) for r, _ in dataset(800, seed=3)]
    _, report = resolve(persons)
    assert report.model is default_model()
    assert report.warnings and "name" in report.warnings[0]


def test_the_shipped_model_is_plausible() -> None:
    from garda.identity.batch import candidate_pairs, compare_pairs

    persons = [prepare(r) for r, _ in household_dataset(150, seed=8).records]
    i, j = candidate_pairs(persons, None)
    assert implausible(default_model(), compare_pairs(persons, persons, i, j)) == []


def test_em_keeps_a_different_sex_or_nik_rare_among_matches() -> None:
    assert bounded("sex", [0.5, 0.5]) == [0.98, 0.02]
    capped = bounded("nik", [0.4, 0.1, 0.1, 0.1, 0.3])
    assert math.isclose(capped[-1], 0.03) and math.isclose(sum(capped), 1.0)
    assert bounded("name", [0.2, 0.2, 0.2, 0.2, 0.2]) == [0.2, 0.2, 0.2, 0.2, 0.2]


@given(st.text(alphabet="ABDEFGHIKLMNOPRSTUY", min_size=3, max_size=9))
def test_a_word_is_never_another_name_of_itself(word: str) -> None:
    from garda.identity.names import distinct_given_names, normalise_name

    try:
        name = normalise_name(word)
    except ValueError:
        return
    assert not distinct_given_names(name, name)


@given(st.sampled_from(["PUTRA", "RINA", "SARTIKA", "FAJAR", "AINI", "HASAN", "SANTOSO", "DEWI"]),
       st.sampled_from(["PUTRI", "RINI", "KARTIKA", "FAJRI", "AINA", "HUSEIN", "SANTOSA", "DEWY"]))  # fmt: skip
def test_another_name_is_symmetric(a: str, b: str) -> None:
    from garda.identity.names import distinct_given_names, normalise_name

    x, y = normalise_name(a), normalise_name(b)
    assert distinct_given_names(x, y) == distinct_given_names(y, x)


def test_clusters_never_hold_a_pair_judged_surely_different() -> None:
    from garda.identity.batch import Scored, clusters_apart

    # A twin (2) is linked to her sister's record (1) a little less strongly than that record to the person (0),
    # and the person and the twin are surely different: the chain must not join them.
    i = np.array([0, 1, 0, 3])
    j = np.array([1, 2, 2, 4])
    p = np.array([0.99, 0.95, 1e-9, 0.97])
    roots = clusters_apart(5, Scored(i, j, p), 0.9)
    assert roots == [0, 0, 2, 3, 3]
    # Without the surely-different pair it is the plain components.
    assert clusters_apart(5, Scored(i, j, np.array([0.99, 0.95, 0.5, 0.97])), 0.9) == [0, 0, 0, 3, 3]


@given(st.lists(st.tuples(st.integers(0, 11), st.integers(0, 11), st.floats(0, 1)), max_size=40))
def test_constrained_clusters_refine_the_plain_ones(edges: list[tuple[int, int, float]]) -> None:
    from garda.identity.batch import Scored, clusters_apart

    edges = [(min(a, b), max(a, b), p) for a, b, p in edges if a != b]
    i = np.array([a for a, _, _ in edges], dtype=np.int64)
    j = np.array([b for _, b, _ in edges], dtype=np.int64)
    p = np.array([x for _, _, x in edges])
    plain = clusters(12, ((a, b) for a, b, x in edges if x >= 0.9))
    apart = clusters_apart(12, Scored(i, j, p), 0.9, apart_below=0.05)
    for a in range(12):
        for b in range(12):
            if apart[a] == apart[b]:
                assert plain[a] == plain[b]  # never joins what the links did not
    for a, b, x in edges:
        if x < 0.05:
            assert apart[a] != apart[b]  # never holds a surely-different pair
    assert all(apart[r] == r for r in set(apart))  # each cluster named after its smallest member
