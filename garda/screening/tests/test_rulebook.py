"""The reference lists that are screening's rules: refused when screening could not read them, and followed when
they change (alternative documents, tour operators, thresholds)."""

import copy
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command

from garda.core import actions as core_actions
from garda.core.models import ReferenceList
from garda.core.reflists import ListValidationError, current_items, items_as_text, parse_items
from garda.screening import context as screening_context
from garda.screening.engine import screen
from garda.screening.rules import Subject
from garda.screening.tests._world import write_jsonl
from garda.screening.tests.test_rules import app, codes


@pytest.fixture
def ctx(db: None) -> screening_context.Context:
    return screening_context.load()


def _revise(key: str, items: list[Any], admin: Any) -> None:
    lst = ReferenceList.objects.get(key=key)
    parsed = parse_items(lst, items_as_text(lst, items))
    core_actions.do_revise_reference_list(
        lst, acting_user=admin, items=parsed, note="uji", source="uji", effective_from=date(2026, 11, 1)
    )


@pytest.mark.django_db
def test_a_document_code_screening_does_not_know_is_refused_with_where() -> None:
    lst = ReferenceList.objects.get(key="required_documents_by_purpose")
    items = copy.deepcopy(current_items("required_documents_by_purpose"))
    items[1]["documents"].append({"code": "surat_sehat", "label_id": "Surat sehat", "label_en": "Health letter"})
    with pytest.raises(ListValidationError) as caught:
        parse_items(lst, items_as_text(lst, items))
    assert any(p.startswith("$[1].documents[3].code: 'surat_sehat'") for p in caught.value.problems)
    items[1]["documents"][-1]["accepts"] = ["health_letter"]
    with pytest.raises(ListValidationError) as caught:
        parse_items(lst, items_as_text(lst, items))
    assert "health_letter bukan jenis dokumen formulir" in caught.value.problems[0]
    items[1]["documents"][-1]["accepts"] = ["other"]
    assert parse_items(lst, items_as_text(lst, items))[1]["documents"][-1]["accepts"] == ["other"]


@pytest.mark.django_db
def test_every_shipped_list_passes_its_own_checks() -> None:
    for lst in ReferenceList.objects.all():
        items = lst.revisions.order_by("-version").first().items
        if items or lst.kind != "country_set":
            parse_items(lst, items_as_text(lst, items))


def test_a_family_visit_shows_its_host_by_a_guarantee_or_an_invitation(ctx) -> None:
    host = {"full_name": "RINA AMINAH", "relation": "sibling", "country": "JP"}
    visit = app(travel__purpose="family_visit", travel__host=host)
    visit["documents"] += [{"type": "host_passport_copy", "full_name": "RINA AMINAH"}]
    result = screen(Subject(visit), ctx)
    [missing] = [i for i in result.indicators if i.code == "NP_MISSING_PURPOSE_DOCUMENTS"]
    assert missing.evidence["missing"] == ["guarantee_letter|invitation_letter"]
    assert "Surat jaminan atau Surat undangan" in missing.params["missing"] or "atau" in missing.params["missing"]
    for letter in ("guarantee_letter", "invitation_letter"):
        with_letter = copy.deepcopy(visit)
        with_letter["documents"].append({"type": letter, "full_name": "RINA AMINAH"})
        assert codes(with_letter, ctx) == set(), letter


def test_an_internship_without_its_recommendation_is_missing_documents(ctx) -> None:
    intern = app(travel__purpose="internship", travel__destination_country="DE")
    result = screen(Subject(intern), ctx)
    [missing] = [i for i in result.indicators if i.code == "NP_MISSING_PURPOSE_DOCUMENTS"]
    assert missing.severity == "high" and missing.evidence["requirements"] == ["kemnaker_internship_recommendation"]
    # The ministry's letter keyed as "other" naming Kemnaker meets it too.
    intern["documents"].append({"type": "other", "issuer": "Ditjen Binalavotas Kemnaker"})
    assert "NP_MISSING_PURPOSE_DOCUMENTS" not in codes(intern, ctx)


def test_a_work_placement_needs_the_id_pmi_once_not_twice(ctx) -> None:
    worker = app(travel__purpose="work", travel__destination_country="MY")
    worker["documents"].append({"type": "recommendation_disnaker"})
    [missing] = [i for i in screen(Subject(worker), ctx).indicators if i.code == "NP_MISSING_PURPOSE_DOCUMENTS"]
    assert missing.evidence["missing"] == ["id_pmi"]


NAMES = ["MARIA", "YOSEF", "ANTONIUS", "THERESIA", "MARKUS", "KRISTINA"]
GUIDE = {"present": True, "full_name": "YOHANES PURBA", "relation": "travel_agent", "phone": "081299990000"}


def _pilgrims(n: int, **travel: Any) -> list[dict[str, Any]]:
    out = []
    for i in range(n):
        record = app(
            id=f"G-{i}",
            applicant__nik=f"31740645059{i:05d}",
            applicant__kk_number=f"31740601011{i:05d}",
            applicant__full_name=f"{NAMES[i % 6]} SIMANJUNTAK",
            applicant__phone=f"0813000{i:05d}",
            applicant__mother_name=f"IBU {i}",
            documents=[],
            travel__destination_country="IL",
            companion=GUIDE,
        )
        record["travel"].update(travel)
        out.append(record)
    return out


def test_a_church_pilgrimage_guide_is_not_a_recruitment_network(personas: Any, tmp_path: Path) -> None:
    admin_user = personas["admin"]
    group = _pilgrims(6, return_ticket=True)
    for record in group:
        record["documents"] = [{"type": "travel_agent_letter", "issuer": "PT Kasih Wisata Rohani"}]
    call_command("import", "applications", str(write_jsonl(tmp_path / "group.jsonl", group[:5])))
    ctx = screening_context.load()
    assert "IA_SHARED_COMPANION" not in codes(group[5], ctx)
    # Without the operator's letter or a return ticket, the same guide on six families is a pattern.
    bare = copy.deepcopy(group[5])
    bare["documents"], bare["travel"]["return_ticket"] = [], False
    assert "IA_SHARED_COMPANION" in codes(bare, ctx)
    # A licensed operator in the list explains the group without the letter, if the tickets are return.
    _revise(
        "tour_operators",
        [{"code": "PW-0042/2024", "name": "PT Kasih Wisata Rohani", "kind": "tour", "uncertain": False}],
        admin_user,
    )
    bare["companion"] = GUIDE | {"organisation": "PT KASIH WISATA ROHANI"}
    bare["travel"]["return_ticket"] = True
    assert "IA_SHARED_COMPANION" not in codes(bare, screening_context.load())


def test_thresholds_come_from_their_list(personas: Any) -> None:
    admin_user = personas["admin"]
    items = copy.deepcopy(current_items("screening_thresholds"))
    for item in items:
        if item["code"] == "job_seeker_points":
            item["value"] = 6
    _revise("screening_thresholds", items, admin_user)
    ctx = screening_context.load()
    assert ctx.thresholds.job_seeker_points == 6
    seeker = app(travel__destination_country="MY", travel__return_ticket=False, travel__funds_source="agent")
    assert "NP_JOB_SEEKER_PROFILE" not in codes(seeker, ctx)
    items[0]["code"] = "jendela"
    lst = ReferenceList.objects.get(key="screening_thresholds")
    with pytest.raises(ListValidationError, match="'jendela' tidak dikenal"):
        parse_items(lst, items_as_text(lst, items))


def test_the_job_seeker_profile_never_fires_on_who_the_applicant_is(ctx) -> None:
    for occupation in ("IBU RUMAH TANGGA", "BELUM/TIDAK BEKERJA", "PETANI"):
        for country in ("MY", "SA", "KH"):
            record = app(applicant__occupation=occupation, travel__destination_country=country)
            assert "NP_JOB_SEEKER_PROFILE" not in codes(record, ctx), (occupation, country)
    one_way = app(applicant__occupation="IBU RUMAH TANGGA", travel__destination_country="MY")
    one_way["travel"]["return_ticket"] = False
    assert "NP_JOB_SEEKER_PROFILE" not in codes(one_way, ctx)  # a one-way ticket alone is not a recruited trip
    one_way["travel"]["funds_source"] = "sponsor"
    assert "NP_JOB_SEEKER_PROFILE" in codes(one_way, ctx)  # ... with someone else paying it is
    worker = app(applicant__occupation="KARYAWAN SWASTA", travel__destination_country="MY")
    worker["travel"].update(return_ticket=False, funds_source="sponsor")
    [a] = [i for i in screen(Subject(one_way), ctx).indicators if i.code == "NP_JOB_SEEKER_PROFILE"]
    [b] = [i for i in screen(Subject(worker), ctx).indicators if i.code == "NP_JOB_SEEKER_PROFILE"]
    assert (a.severity, a.evidence["points"]) == (b.severity, b.evidence["points"])  # who she is changes nothing
