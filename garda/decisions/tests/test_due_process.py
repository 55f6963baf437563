"""Maker → checker → approver, four eyes in the actions and in the database, a decided case frozen by the
database, and a decision shared with every office's screening."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.utils import DatabaseError
from django.utils import timezone

from garda.conftest import make_user
from garda.core.models import AuditEvent, User
from garda.core.roles import Role
from garda.decisions.actions import do_decide, do_propose, do_record_examination, do_review
from garda.decisions.models import Case, Kind, Status
from garda.screening import context as screening_context
from garda.screening.actions import screen_application
from garda.screening.imports import store_many
from garda.screening.models import Application
from garda.synthetic.scenarios import Builder


def _application(office: str, person: dict | None = None, seed: int = 1) -> tuple[Application, dict]:
    b = Builder(seed, timezone.localdate())
    b.serial = seed * 1000
    person = person or b.person()
    record = b.application(person, office=office)
    record["submitted_at"] = timezone.localtime().isoformat()
    [(_, app)] = store_many([record], source="test")
    return app, person


def _issued(app: Application, number: str) -> Application:
    """The passport issued to the applicant of `app` earlier, as the history import brings it."""
    record = dict(app.record, id=f"{app.external_id}-P", submitted_at="2024-01-10T09:00:00+07:00")
    record["decision"] = {"kind": "issued", "decided_at": "2024-01-15T10:00:00+07:00", "passport_number": number}
    [(_, issued)] = store_many([record], source="test")
    return issued


def _propose(app: Application, maker: User, **extra) -> Case:
    return do_propose(
        app,
        acting_user=maker,
        kind=extra.pop("kind", Kind.POSTPONEMENT),
        categories=["non_procedural"],
        findings=extra.pop("findings", "Pemohon mengaku akan bekerja sebagai asisten rumah tangga."),
        legal_bases=extra.pop("legal_bases", ["SE-IMI-0277-2017"]),
        **extra,
    )


def cancel(app: Application, personas: dict[str, User], ground: str = "PEMBATALAN-B", **extra) -> Case:
    """A cancellation carried through: proposed, examined (BAP), checked and approved."""
    case = _propose(app, personas["interviewer"], kind=Kind.CANCELLATION, legal_bases=[ground], **extra)
    do_record_examination(
        case,
        acting_user=personas["interviewer"],
        statement="Pemohon mengakui tiket dibelikan oleh perekrut.",
        findings="Keterangan tujuan wisata tidak benar; pemohon akan bekerja.",
    )
    do_review(case, acting_user=personas["kasi"], forward=True, reason="BAP lengkap, diteruskan.")
    return do_decide(case, acting_user=personas["kakanim"], approve=True, reason="Dibatalkan sesuai BAP.")


@pytest.fixture
def kakanim(personas: dict[str, User]) -> User:
    return personas["kakanim"]


def test_the_three_steps_are_audited_and_the_decision_is_shared(personas, kakanim) -> None:
    app, person = _application("JAKSEL")
    case = _propose(app, personas["interviewer"])
    do_review(case, acting_user=personas["kasi"], forward=True, reason="Indikasi kuat, diteruskan.")
    do_decide(case, acting_user=kakanim, approve=True, reason="Disetujui: penundaan sampai dokumen lengkap.")
    case.refresh_from_db()
    assert case.status == Status.APPROVED and case.legal_list_version >= 1
    events = AuditEvent.objects.filter(object_type="decisions.case", object_id=str(case.pk))
    actions = list(events.order_by("seq").values_list("action", flat=True))
    assert actions == ["decision.propose", "decision.review", "decision.decide"]
    app.refresh_from_db()
    assert app.decision_kind == "postponed" and app.record["decision"]["categories"] == ["non_procedural"]

    # The same person applies at another office: its screening finds the decision.
    other, _ = _application("CIREBON", person | {"full_name": person["full_name"].title()}, seed=2)
    _, result = screen_application(other, screening_context.load(), trigger="import")
    earlier = [i for i in result.indicators if i.code == "PD_EARLIER_DECISION"]
    assert earlier and earlier[0].evidence["record"] == f"JAKSEL/{app.external_id}"


def test_nobody_takes_two_steps_of_one_case(personas, offices, kakanim) -> None:
    app, _ = _application("JAKSEL")
    kasi = personas["kasi"]
    case = _propose(app, kasi)  # a Kepala Seksi may propose…
    with pytest.raises(PermissionDenied):
        do_review(case, acting_user=kasi, forward=True, reason="Saya setujui sendiri usulan ini.")  # …not check it
    second_kasi = make_user(offices["JAKSEL"], Role.KASI, "kasi2")
    do_review(case, acting_user=second_kasi, forward=True, reason="Diperiksa oleh kasi lain.")
    with pytest.raises(PermissionDenied):
        do_decide(case, acting_user=personas["interviewer"], approve=True, reason="Bukan wewenang saya.")
    # The database refuses it too, whatever the code above would let through.
    with pytest.raises(IntegrityError), transaction.atomic():
        Case.objects.filter(pk=case.pk).update(decided_by=kasi, status=Status.APPROVED)


def test_a_decided_case_cannot_be_changed_even_directly(personas, kakanim) -> None:
    app, _ = _application("JAKSEL")
    case = _propose(app, personas["interviewer"])
    do_review(case, acting_user=personas["kasi"], forward=False, reason="Lengkapi temuan wawancara.")
    assert Case.objects.get(pk=case.pk).status == Status.RETURNED
    do_review(case, acting_user=personas["kasi"], forward=True, reason="Temuan sudah lengkap sekarang.")
    do_decide(case, acting_user=kakanim, approve=False, reason="Bukti belum cukup kuat.")
    with pytest.raises(DatabaseError), transaction.atomic():
        Case.objects.filter(pk=case.pk).update(status=Status.APPROVED)
    with pytest.raises(DatabaseError), transaction.atomic():  # nor erased
        Case.objects.filter(pk=case.pk)._raw_delete(Case.objects.db)
    if connection.vendor == "postgresql":
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("TRUNCATE decisions_case CASCADE")
    with pytest.raises(ValidationError):
        do_decide(case, acting_user=kakanim, approve=True, reason="Berubah pikiran setelah diputus.")
    assert Case.objects.get(pk=case.pk).status == Status.REJECTED


def test_reasons_legal_bases_and_offices_are_checked(personas, offices) -> None:
    app, _ = _application("JAKSEL")
    with pytest.raises(ValidationError, match="tidak berlaku"):
        _propose(app, personas["interviewer"], legal_bases=["PEMBATALAN-A"])  # a cancellation ground
    with pytest.raises(ValidationError, match="mengikuti pembatalan"):  # no cancellation on ground a/b yet
        _propose(app, personas["interviewer"], kind=Kind.SUSPENSION, legal_bases=["PENANGGUHAN"])
    cancel(app, personas)
    with pytest.raises(ValidationError, match="tanggal akhir"):
        _propose(app, personas["interviewer"], kind=Kind.SUSPENSION, legal_bases=["PENANGGUHAN"])
    today = timezone.localdate()
    for too in (today + timedelta(days=90), today + timedelta(days=900)):  # under 6 months, over 2 years
        with pytest.raises(ValidationError, match="6 bulan sampai 2 tahun"):
            _propose(
                app, personas["interviewer"], kind=Kind.SUSPENSION, legal_bases=["PENANGGUHAN"], suspension_until=too
            )
    suspended = _propose(
        app,
        personas["interviewer"],
        kind=Kind.SUSPENSION,
        legal_bases=["PENANGGUHAN"],
        suspension_until=today + timedelta(days=365),
    )
    assert suspended.suspension_until == today + timedelta(days=365)
    with pytest.raises(PermissionDenied):
        _propose(app, personas["other_office"])  # an interviewer of another office
    case = _propose(app, personas["interviewer"])
    with pytest.raises(ValidationError, match="alasan"):
        do_review(case, acting_user=personas["kasi"], forward=True, reason="ok")


def test_a_re_import_never_erases_a_decision_taken_here(personas, kakanim, tmp_path) -> None:
    import copy
    import json

    from django.core.management import call_command

    app, _ = _application("JAKSEL")
    line = copy.deepcopy(app.record)
    case = _propose(app, personas["interviewer"])
    do_review(case, acting_user=personas["kasi"], forward=True, reason="Diteruskan untuk diputuskan.")
    do_decide(case, acting_user=kakanim, approve=True, reason="Disetujui, tunda penerbitan.")
    app.refresh_from_db()
    assert app.decision_kind == "postponed"
    # The routine export, re-imported: the same line, without the decision taken here.
    path = tmp_path / "again.jsonl"
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    call_command("import", "applications", str(path))
    app.refresh_from_db()
    assert app.decision_kind == "postponed" and app.record["decision"]["kind"] == "postponed"
    # Another office's export says otherwise: the conflict is audited, the decision taken here stands.
    path.write_text(
        json.dumps(line | {"decision": {"kind": "issued", "decided_at": "2026-11-30T10:00:00+07:00"}}) + "\n",
        encoding="utf-8",
    )
    call_command("import", "applications", str(path))
    app.refresh_from_db()
    assert app.decision_kind == "postponed"
    conflict = AuditEvent.objects.get(action="application.decision_conflict")
    assert conflict.after["kind"] == "issued" and conflict.before["kind"] == "postponed"
