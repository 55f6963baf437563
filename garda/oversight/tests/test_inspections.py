"""An inspection from plan to report: the sample drawn by a committed seed and stratified by risk, each file checked
against the checklist version it was planned under, findings owned by the office's heads and closed only by an
inspector after the owner's follow-up; the office inspected sees none of the plan."""

from datetime import date, timedelta
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from garda.conftest import make_user
from garda.core.models import AuditEvent, User
from garda.core.roles import Role
from garda.oversight import actions, sampling
from garda.oversight.actions.inspections import checklist, result, verify_sample
from garda.oversight.models import Finding, FindingStatus, Inspection, InspectionStatus, ItemResult
from garda.screening.actions import do_record_review
from garda.screening.models import Application
from garda.screening.tests.test_pages import _queue

REASON = "Dokumen lengkap dan keterangan konsisten setelah wawancara."


def _processed(personas: dict[str, User], n: int = 30) -> list[Application]:
    apps = _queue(n, seed=7)
    Application.objects.filter(pk__in=[a.pk for a in apps[:4]]).update(risk_level="high")
    for app in apps:
        app.refresh_from_db()
        do_record_review(app, acting_user=personas["interviewer"], outcome="proceed", reason=REASON)
    return apps


def _plan(personas: dict[str, User], offices: dict[str, Any], **extra: Any) -> Any:
    today = timezone.localdate()
    fields: dict[str, Any] = {
        "acting_user": personas["investigator"],
        "office": offices["JAKSEL"],
        "kind": "periodic",
        "scope": "applications",
        "period_start": today - timedelta(days=7),
        "period_end": today,
        "planned_for": today,
    }
    return actions.do_plan_inspection(**(fields | extra))


def _answer(item: Any, *, deviation: bool = False) -> dict[str, str]:
    questions = checklist(item.inspection.scope, item.inspection.checklist_version)
    return {q["code"]: ("no" if deviation and i == 0 else "yes") for i, q in enumerate(questions)}


def test_a_periodic_inspection_from_plan_to_report(personas: dict[str, User], offices: dict[str, Any]) -> None:
    _processed(personas)
    inspection = _plan(personas, offices)
    assert inspection.sample_size == 59 and inspection.seed_sha256 == sampling.commitment(inspection.seed)
    planned = AuditEvent.objects.get(action="inspection.plan")
    assert planned.office_code == "" and inspection.seed not in str(planned.after)  # committed, not revealed
    inspection = actions.do_draw_sample(inspection, acting_user=personas["investigator"])
    items = list(inspection.items.all())
    # 30 processed files: the finite-population correction asks for 30 × 59 / (30 + 58) → 21.
    assert inspection.population_size == 30 and len(items) == inspection.sample_size == 21
    assert (
        inspection.strata["high_risk_clearance"]["size"] == 4 and inspection.strata["high_risk_clearance"]["drawn"] >= 3
    )
    assert inspection.seed in str(AuditEvent.objects.get(action="inspection.sample").after)
    assert verify_sample(inspection)
    assert all(i.officer == personas["interviewer"] for i in items)

    with pytest.raises(ValidationError, match="masih ada berkas"):
        actions.do_report_inspection(inspection, acting_user=personas["investigator"], conclusion="Selesai diperiksa.")
    with pytest.raises(ValidationError):  # a deviation needs the inspector's note
        actions.do_check_item(
            items[0], acting_user=personas["investigator"], answers=_answer(items[0], deviation=True), note=""
        )
    actions.do_check_item(
        items[0], acting_user=personas["investigator"], answers=_answer(items[0], deviation=True),
        note="Identitas tidak dicocokkan dengan KK asli; hanya fotokopi di berkas.",
    )  # fmt: skip
    for item in items[1:]:
        actions.do_check_item(item, acting_user=personas["investigator"], answers=_answer(item), note="")
    outcome = result(inspection)
    assert (outcome.checked, outcome.deviations) == (21, 1) and not outcome.effective

    finding = actions.do_record_finding(
        inspection,
        acting_user=personas["investigator"],
        item=items[0],
        severity="medium",
        description="Verifikasi identitas dilewati pada berkas risiko tinggi.",
        evidence="Berkas hanya memuat fotokopi KK; tidak ada paraf verifikasi asli.",
        officer=personas["interviewer"],
        owner=personas["kasi"],
    )
    assert finding.due > timezone.localdate()
    with pytest.raises(ValidationError, match="belum melaporkan"):
        actions.do_close_finding(finding, acting_user=personas["investigator"], note="Sudah diperiksa ulang di loket.")
    actions.do_follow_up_finding(
        finding, acting_user=personas["kasi"], note="Petugas diingatkan; SOP ditempel di loket."
    )
    with pytest.raises(PermissionDenied):  # the owner does not sign off their own remedy
        actions.do_close_finding(finding, acting_user=personas["kasi"], note="Sudah saya tindak lanjuti semua.")
    actions.do_close_finding(finding, acting_user=personas["investigator"], note="Diperiksa di loket: KK asli dicek.")
    finding.refresh_from_db()
    assert finding.status == FindingStatus.CLOSED

    actions.do_report_inspection(
        inspection, acting_user=personas["investigator"], conclusion="Satu penyimpangan; pengendalian belum efektif."
    )
    inspection.refresh_from_db()
    assert inspection.status == InspectionStatus.REPORTED
    assert not AuditEvent.objects.filter(action__startswith="inspection.").exclude(office_code="").exists()


def test_a_surprise_inspection_draws_its_day_and_waits_for_it(
    personas: dict[str, User], offices: dict[str, Any]
) -> None:
    _processed(personas, n=5)
    today = timezone.localdate()
    inspection = _plan(personas, offices, kind="surprise", planned_for=None)
    assert today < inspection.planned_for <= today + timedelta(days=40)
    with pytest.raises(ValidationError, match="hari inspeksi"):
        actions.do_draw_sample(inspection, acting_user=personas["investigator"], today=today)
    actions.do_draw_sample(inspection, acting_user=personas["investigator"], today=inspection.planned_for)
    assert inspection.items.count() == 5  # the whole small population


def test_cash_and_queue_inspections_sample_working_days(personas: dict[str, User], offices: dict[str, Any]) -> None:
    inspection = _plan(personas, offices, scope="queue", period_start=date(2025, 3, 1), period_end=date(2025, 3, 31))
    actions.do_draw_sample(inspection, acting_user=personas["investigator"])
    days = [date.fromisoformat(i.key) for i in inspection.items.all()]
    assert days and all(d.weekday() < 5 for d in days) and all(d.month == 3 for d in days)
    assert not any(d == date(2025, 3, 31) for d in days)  # Idul Fitri 1446 H, not a working day


def test_bad_plans_are_refused_with_what_is_wrong(personas: dict[str, User], offices: dict[str, Any]) -> None:
    today = timezone.localdate()
    with pytest.raises(ValidationError, match="lebih kecil"):
        _plan(personas, offices, tolerable=5, expected=5)
    with pytest.raises(ValidationError, match="akhir periode"):
        _plan(personas, offices, period_start=today, period_end=today - timedelta(days=1))
    with pytest.raises(ValidationError, match="wajib diisi"):
        _plan(personas, offices, planned_for=None)
    with pytest.raises(PermissionDenied):
        _plan(personas, offices, acting_user=personas["kakanim"])
    with pytest.raises(PermissionDenied):  # another office's investigator has no scope here
        _plan(personas, offices, acting_user=make_user(offices["CIREBON"], Role.INVESTIGATOR, "inv.cirebon"))


def test_the_office_inspected_sees_neither_plan_nor_sample(
    login_as: Any, personas: dict[str, User], offices: dict[str, Any]
) -> None:
    _processed(personas, n=8)
    inspection = _plan(personas, offices, kind="surprise", planned_for=None)
    kakanim = login_as(personas["kakanim"])
    assert kakanim.get("/pengawasan/inspeksi/").status_code == 403
    assert kakanim.get(f"/pengawasan/inspeksi/{inspection.number}/").status_code == 403
    trail = kakanim.get("/audit/").content.decode() if kakanim.get("/audit/").status_code == 200 else ""
    assert inspection.number not in trail
    other = make_user(offices["CIREBON"], Role.INVESTIGATOR, "inv.cirebon")
    assert login_as(other).get(f"/pengawasan/inspeksi/{inspection.number}/").status_code == 404


def _tariff_finding(personas: dict[str, User], offices: dict[str, Any]) -> tuple[Inspection, Finding]:
    """A drawn inspection and its high finding about the interviewer, owned by the Kasi."""
    _processed(personas, n=6)
    inspection = actions.do_draw_sample(_plan(personas, offices), acting_user=personas["investigator"])
    finding = actions.do_record_finding(
        inspection,
        acting_user=personas["investigator"],
        severity="high",
        description="Papan tarif resmi tidak terpasang di loket.",
        evidence="Foto area loket pada hari inspeksi, pukul 09.10.",
        officer=personas["interviewer"],
        owner=personas["kasi"],
    )
    return inspection, finding


def test_the_owner_sees_only_their_findings_and_the_officer_concerned_none(
    login_as: Any, personas: dict[str, User], offices: dict[str, Any]
) -> None:
    inspection, finding = _tariff_finding(personas, offices)
    owner = login_as(personas["kasi"])
    assert finding.number in owner.get("/pengawasan/temuan/").content.decode()
    assert owner.get(f"/pengawasan/temuan/{finding.number}/").status_code == 200
    assert owner.get(f"/pengawasan/inspeksi/{inspection.number}/").status_code == 403
    assert login_as(personas["interviewer"]).get(f"/pengawasan/temuan/{finding.number}/").status_code == 403
    with pytest.raises(ValidationError, match="penanggung jawab"):  # an owner must be a head of that office
        actions.do_record_finding(
            inspection,
            acting_user=personas["investigator"],
            severity="low",
            description="Catatan antrean tidak lengkap pada pagi hari.",
            evidence="Buku antrean halaman 3 dan 4 kosong.",
            owner=personas["counter"],
        )
    assert Finding.objects.count() == 1


def test_the_inspection_pages_and_the_report_pdf(
    login_as: Any, personas: dict[str, User], offices: dict[str, Any], django_assert_max_num_queries: Any
) -> None:
    _processed(personas, n=12)
    client = login_as(personas["investigator"])
    page = client.post(
        "/pengawasan/inspeksi/baru/",
        {
            "office": offices["JAKSEL"].pk,
            "kind": "periodic",
            "scope": "applications",
            "period_start": (timezone.localdate() - timedelta(days=3)).isoformat(),
            "period_end": timezone.localdate().isoformat(),
            "planned_for": timezone.localdate().isoformat(),
            "confidence": "95",
            "tolerable": "5",
            "expected": "0",
        },
        follow=True,
    )
    assert "59 berkas" in page.content.decode()
    inspection = Inspection.objects.get()
    client.post(f"/pengawasan/inspeksi/{inspection.number}/sampel/")
    inspection.refresh_from_db()
    item = inspection.items.first()
    answers = {f"q_{code}": value for code, value in _answer(item).items()}
    client.post(f"/pengawasan/inspeksi/{inspection.number}/berkas/{item.position}/", answers | {"note": ""})
    item.refresh_from_db()
    assert item.result == ItemResult.COMPLIANT
    # A bad form is named and nothing is stored.
    bad = client.post(f"/pengawasan/inspeksi/{inspection.number}/berkas/2/", {"note": ""})
    assert 'id="id_q_app_identity_error">Bidang ini tidak boleh kosong.' in bad.content.decode()
    assert inspection.items.get(position=2).result == ItemResult.PENDING
    with django_assert_max_num_queries(20):
        detail = client.get(f"/pengawasan/inspeksi/{inspection.number}/")
    assert "Diperiksa ulang" in detail.content.decode()
    with django_assert_max_num_queries(12):
        client.get("/pengawasan/inspeksi/")
    pdf = client.get(f"/pengawasan/inspeksi/{inspection.number}/laporan.pdf")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


def test_a_finding_waits_in_its_owners_inbox_and_an_overdue_one_in_the_inspectors(
    personas: dict[str, User], offices: dict[str, Any]
) -> None:
    from garda.core import inbox

    _inspection, finding = _tariff_finding(personas, offices)
    today = timezone.localdate()
    url = f"/pengawasan/temuan/{finding.number}/"
    owned = [i for i in inbox.items_for(personas["kasi"], today) if i.url == url]
    assert [(i.kind, i.due) for i in owned] == [("Tindak lanjuti temuan inspeksi", finding.due)]
    assert not [i for i in inbox.items_for(personas["interviewer"], today) if i.url == url]  # the officer concerned
    assert not [i for i in inbox.items_for(personas["investigator"], today) if i.url == url]  # not late yet
    Finding.objects.filter(pk=finding.pk).update(due=today - timedelta(days=1))
    late = [i for i in inbox.items_for(personas["investigator"], today) if i.url == url]
    assert [i.kind for i in late] == ["Temuan inspeksi lewat tenggat"] and late[0].overdue(today)
