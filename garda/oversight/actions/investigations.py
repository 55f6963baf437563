"""Internal investigations: opening one, and every step of the PP 94/2021 procedure — summons I and II, the
examination record, the report with its recommendation, temporary release from duties, the decree by the
authorised official, its delivery, objection or appeal, finality — and the two-signature close."""

import re
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from garda.core import audit
from garda.core.access import has_capability
from garda.core.actions import do_set_duty_release
from garda.core.models import Office, User
from garda.core.models.offices import OfficeKind
from garda.core.numbering import next_number
from garda.core.reasons import required_reason
from garda.core.reflists import current_items, current_revision, parameters
from garda.core.roles import Capability
from garda.core.workdays import add_working_days
from garda.oversight.access import declared_conflict_about, may_see_investigation
from garda.oversight.models import Investigation, InvestigationStatus, InvestigationStep, Outcome, StepKind

MIN_ALLEGATION = 10


def do_open_investigation(
    *,
    acting_user: User,
    office: Office,
    subject: User | None,
    subject_description: str,
    allegation: str,
    source: str,
    source_ref: str = "",
) -> Investigation:
    if not has_capability(acting_user, Capability.INVESTIGATIONS):
        raise PermissionDenied
    allegation = (allegation or "").strip()
    if len(allegation) < MIN_ALLEGATION:
        raise ValidationError({"allegation": f"uraikan dugaan pelanggaran, paling sedikit {MIN_ALLEGATION} huruf"})
    if subject is not None and subject.pk == acting_user.pk:
        raise ValidationError({"subject": "Anda tidak dapat memeriksa diri sendiri"})
    if subject is not None and not (subject.office_id == office.pk or subject.office.kind == OfficeKind.NATIONAL):
        # A national reviewer may be the officer concerned in an office's case; another office's staff are
        # examined by their own office.
        raise ValidationError({"subject": "petugas ini bukan pegawai kantor tersebut atau pusat"})
    if declared_conflict_about(acting_user, subject):
        raise ValidationError({"subject": "Anda telah menyatakan benturan kepentingan dengan petugas ini"})
    if subject is None and not subject_description.strip():
        raise ValidationError({"subject": "pilih petugas atau uraikan ciri-cirinya"})
    with transaction.atomic():
        now = timezone.now()
        investigation = Investigation.objects.create(
            number=next_number(Investigation.objects.all(), "number", f"INV-{now.year}-", 4),
            office=office,
            subject=subject,
            subject_description=subject_description.strip()[:300],
            allegation=allegation,
            source=source,
            source_ref=source_ref,
            opened_by=acting_user,
            opened_at=now,
        )
        # Unscoped: the office's own trail must not tell its staff that one of them is being examined.
        audit.record(
            "investigation.open",
            actor=acting_user,
            obj=investigation,
            summary=f"Pemeriksaan internal {investigation.number} dibuka",
            after={"source": source, "source_ref": source_ref},
            unscoped=True,
        )
    return investigation


# --- The PP 94/2021 procedure -----------------------------------------------------------------------------------

DEADLINES = "discipline_deadlines"
DEADLINE_DEFAULTS = {
    "summons_notice_working_days": 7,
    "second_summons_working_days": 7,
    "decree_delivery_working_days": 14,
    "objection_working_days": 14,
    "superior_action_working_days": 10,
}
TEAM_LEVELS = ("sedang", "berat")  # examined by a team: the superior, internal compliance, personnel
CLOSE_OUTCOMES = (Outcome.NOT_PROVEN, Outcome.NO_VIOLATION, Outcome.ETHICS)


def deadlines() -> dict[str, int]:
    return DEADLINE_DEFAULTS | parameters(DEADLINES)


def catalogue(key: str) -> dict[str, dict[str, Any]]:
    return {item["code"]: item for item in current_items(key)}


def require_investigator(user: User, investigation: Investigation) -> None:
    """Internal compliance of the case's office (or national), never the officer examined."""
    if not (has_capability(user, Capability.INVESTIGATIONS) and may_see_investigation(user, investigation)):
        raise PermissionDenied
    if investigation.subject_id == user.pk:
        raise PermissionDenied


def _step(
    investigation: Investigation,
    kind: str,
    by: User,
    on: date,
    *,
    status: str | None = None,
    number: str = "",
    note: str = "",
    due: date | None = None,
    data: dict[str, Any] | None = None,
    audit_extra: dict[str, Any] | None = None,
) -> InvestigationStep:
    """Record the step, move the case, and write the one audit event of the action (unscoped)."""
    step = InvestigationStep.objects.create(
        investigation=investigation,
        kind=kind,
        number=number,
        at=timezone.now(),
        on=on,
        by=by,
        note=note,
        due=due,
        data=data or {},
    )
    before = investigation.status
    if status is not None and status != before:
        investigation.status = status
        investigation.save(update_fields=["status"])
    audit.record(
        f"investigation.{kind}",
        actor=by,
        obj=investigation,
        summary=f"{investigation.number}: {step.get_kind_display()}",
        before={"status": before},
        after={"status": investigation.status, "number": number, "on": on.isoformat(), **(audit_extra or {})},
        unscoped=True,
    )
    return step


def _last(investigation: Investigation, kind: str) -> InvestigationStep | None:
    return investigation.steps.filter(kind=kind).order_by("-at", "-id").first()


def do_summon(
    investigation: Investigation, *, acting_user: User, examination_on: date, place: str, today: date | None = None
) -> InvestigationStep:
    """Surat Panggilan I; Panggilan II when the officer did not come on the first examination date."""
    require_investigator(acting_user, investigation)
    if investigation.subject is None:
        raise ValidationError({"examination_on": "petugas yang diperiksa belum dikenali; lengkapi dahulu"})
    today = today or timezone.localdate()
    first = _last(investigation, StepKind.SUMMONS_1)
    if investigation.status == InvestigationStatus.OPEN:
        kind, notice = StepKind.SUMMONS_1, deadlines()["summons_notice_working_days"]
    elif (
        investigation.status == InvestigationStatus.SUMMONED and first and not _last(investigation, StepKind.SUMMONS_2)
    ):
        if today <= first.on:
            raise ValidationError({"examination_on": "panggilan II hanya setelah tanggal pemeriksaan pertama lewat"})
        kind, notice = StepKind.SUMMONS_2, deadlines()["second_summons_working_days"]
    else:
        raise ValidationError({"examination_on": "panggilan tidak dapat dibuat pada tahap ini"})
    if examination_on < add_working_days(today, notice):
        raise ValidationError(
            {"examination_on": f"tanggal pemeriksaan paling cepat {notice} hari kerja setelah surat dikirim"}
        )
    place = required_reason(place, "place")
    with transaction.atomic():
        n = 1 if kind == StepKind.SUMMONS_1 else 2
        return _step(
            investigation,
            kind,
            acting_user,
            examination_on,
            status=InvestigationStatus.SUMMONED,
            number=f"SP-{n}/{investigation.number}",
            note=place,
            due=examination_on,
        )


def do_inform_superior(
    investigation: Investigation, *, acting_user: User, superior: User, informed_on: date
) -> InvestigationStep:
    """The direct superior is told of the suspected breach (a memo, a meeting). From then the superior must summon
    and examine (PP 94/2021 Pasal 26 ayat 1); past the deadline the case shows the superior's inaction."""
    require_investigator(acting_user, investigation)
    if investigation.status != InvestigationStatus.OPEN:
        raise ValidationError({"superior": "atasan diberi tahu sebelum pemanggilan"})
    if superior.pk in (investigation.subject_id, acting_user.pk) or not superior.is_active:
        raise ValidationError({"superior": "pilih atasan langsung petugas, bukan petugas itu sendiri atau Anda"})
    if not (superior.office_id == investigation.office_id or superior.office.kind == OfficeKind.NATIONAL):
        raise ValidationError({"superior": "atasan ini bukan pegawai kantor tersebut atau pusat"})
    if informed_on > timezone.localdate():
        raise ValidationError({"informed_on": "tanggal pemberitahuan belum terjadi"})
    with transaction.atomic():
        investigation.superior = superior
        investigation.save(update_fields=["superior"])
        return _step(
            investigation,
            StepKind.SUPERIOR_INFORMED,
            acting_user,
            informed_on,
            note=superior.full_name,
            due=add_working_days(informed_on, deadlines()["superior_action_working_days"]),
            audit_extra={"superior": superior.username},
        )


def superior_overdue(investigation: Investigation, today: date | None = None) -> InvestigationStep | None:
    """The notice to a superior who has not summoned by its deadline (None when there is none, or it was met or
    already recorded). Read from the steps fetched with the case."""
    today = today or timezone.localdate()
    steps = list(investigation.steps.all())
    kinds = {step.kind for step in steps}
    if investigation.status != InvestigationStatus.OPEN or kinds & {StepKind.SUMMONS_1, StepKind.SUPERIOR_INACTION}:
        return None
    informed = [step for step in steps if step.kind == StepKind.SUPERIOR_INFORMED]
    if informed and informed[-1].due is not None and today > informed[-1].due:
        return informed[-1]
    return None


def do_record_superior_inaction(
    investigation: Investigation, *, acting_user: User, note: str, today: date | None = None
) -> InvestigationStep:
    """Compliance records that the superior let the deadline pass (Pasal 28); the case then goes on without them,
    and a case about the superior may be opened in turn."""
    require_investigator(acting_user, investigation)
    notice = superior_overdue(investigation, today)
    if notice is None or investigation.superior is None:
        raise ValidationError({"note": "tenggat atasan belum lewat, atau atasan sudah memanggil"})
    note = required_reason(note, "note")
    with transaction.atomic():
        return _step(
            investigation,
            StepKind.SUPERIOR_INACTION,
            acting_user,
            today or timezone.localdate(),
            note=note,
            data={"superior": investigation.superior.username, "informed_on": notice.on.isoformat()},
        )


def _team(text: str) -> list[str]:
    return [name.strip() for name in re.split(r"[,;\n]", text) if name.strip()]


def do_record_examination(
    investigation: Investigation, *, acting_user: User, examined_on: date, team: str, statement: str, findings: str
) -> InvestigationStep:
    """The Berita Acara Pemeriksaan, signed by the examiner(s) and the officer examined."""
    require_investigator(acting_user, investigation)
    if investigation.status != InvestigationStatus.SUMMONED:
        raise ValidationError({"examined_on": "pemeriksaan dilakukan setelah petugas dipanggil"})
    if examined_on > timezone.localdate():
        raise ValidationError({"examined_on": "tanggal pemeriksaan belum terjadi"})
    statement, findings = required_reason(statement, "statement"), required_reason(findings, "findings")
    with transaction.atomic():
        return _step(
            investigation,
            StepKind.EXAMINATION,
            acting_user,
            examined_on,
            status=InvestigationStatus.EXAMINED,
            number=f"BAP/{investigation.number}",
            note=findings,
            data={"team": _team(team), "statement": statement},
        )


def do_report(
    investigation: Investigation,
    *,
    acting_user: User,
    outcome: str,
    recommendation: str,
    offence: str = "",
    level: str = "",
) -> InvestigationStep:
    """The Laporan Hasil Pemeriksaan: proven (under an offence of the catalogue, at a level it allows) or not."""
    require_investigator(acting_user, investigation)
    if investigation.status != InvestigationStatus.EXAMINED:
        raise ValidationError({"outcome": "laporan dibuat setelah berita acara pemeriksaan"})
    if outcome not in Outcome.values:
        raise ValidationError({"outcome": "hasil tidak dikenal"})
    recommendation = required_reason(recommendation, "recommendation")
    if outcome == Outcome.PROVEN:
        offences = catalogue("discipline_offences")
        if offence not in offences:
            raise ValidationError({"offence": "pilih pelanggaran dari katalog"})
        if level not in offences[offence].get("levels", []):
            raise ValidationError({"level": "tingkat hukuman ini tidak berlaku untuk pelanggaran tersebut"})
        examination = _last(investigation, StepKind.EXAMINATION)
        if level in TEAM_LEVELS and (examination is None or len(examination.data.get("team", [])) < 3):
            raise ValidationError(
                {"level": "hukuman sedang atau berat memerlukan pemeriksaan oleh tim (atasan, kepatuhan, kepegawaian)"}
            )
    else:
        offence, level = "", ""
    with transaction.atomic():
        investigation.outcome, investigation.offence, investigation.level = outcome, offence, level
        investigation.catalogue_version = current_revision("discipline_offences").version
        investigation.save(update_fields=["outcome", "offence", "level", "catalogue_version"])
        return _step(
            investigation,
            StepKind.REPORT,
            acting_user,
            timezone.localdate(),
            status=InvestigationStatus.REPORTED,
            number=f"LHP/{investigation.number}",
            note=recommendation,
            data={"outcome": outcome, "offence": offence, "level": level},
        )


RELEASABLE = (
    InvestigationStatus.SUMMONED,
    InvestigationStatus.EXAMINED,
    InvestigationStatus.REPORTED,
    InvestigationStatus.DECREED,
    InvestigationStatus.DELIVERED,
    InvestigationStatus.OBJECTED,
)


def do_release_from_duties(
    investigation: Investigation, *, acting_user: User, released: bool, reason: str
) -> InvestigationStep:
    """Pembebasan sementara: every system privilege of the officer is withdrawn at once (he can no longer approve,
    screen or read files), and given back when the release ends."""
    require_investigator(acting_user, investigation)
    if investigation.subject is None:
        raise ValidationError({"reason": "petugas yang diperiksa belum dikenali"})
    if released and investigation.status not in RELEASABLE:
        raise ValidationError({"reason": "pembebasan sementara hanya selama pemeriksaan berjalan"})
    if released == investigation.released:
        raise ValidationError({"reason": "sudah demikian"})
    reason = required_reason(reason)
    with transaction.atomic():
        do_set_duty_release(investigation.subject, acting_user=acting_user, released=released, reason=reason)
        investigation.released = released
        investigation.save(update_fields=["released"])
        return _step(
            investigation,
            StepKind.RELEASE if released else StepKind.RESTORE,
            acting_user,
            timezone.localdate(),
            note=reason,
        )


def may_impose(user: User, level: str) -> bool:
    """The `discipline_authority` list: an official of this role at an office of this kind may impose the level."""
    kind = user.office.kind
    return any(
        item.get("imposer_role") == user.role
        and item.get("imposer_office_kind") == kind
        and level in item.get("levels", [])
        for item in catalogue("discipline_authority").values()
    )


def do_decree(
    investigation: Investigation, *, acting_user: User, sanction: str, number: str, on: date
) -> InvestigationStep:
    """The disciplinary decree, by the official the authority list allows for the level; never the examiner who
    wrote the report, never the officer."""
    if not (
        has_capability(acting_user, Capability.DISCIPLINE_DECIDE) and may_see_investigation(acting_user, investigation)
    ):
        raise PermissionDenied
    if (
        acting_user.pk in (investigation.subject_id,)
        or investigation.steps.filter(kind=StepKind.REPORT, by=acting_user).exists()
    ):
        raise PermissionDenied
    if investigation.status != InvestigationStatus.REPORTED or investigation.outcome != Outcome.PROVEN:
        raise ValidationError({"sanction": "keputusan hukuman hanya atas laporan yang menyatakan terbukti"})
    sanctions = catalogue("discipline_sanctions")
    if sanctions.get(sanction, {}).get("level") != investigation.level:
        raise ValidationError({"sanction": "pilih hukuman dari tingkat yang direkomendasikan"})
    if not may_impose(acting_user, investigation.level):
        raise ValidationError({"sanction": "Anda tidak berwenang menjatuhkan hukuman tingkat ini"})
    number = number.strip()
    if not number:
        raise ValidationError({"number": "nomor keputusan wajib diisi"})
    with transaction.atomic():
        investigation.sanction = sanction
        investigation.save(update_fields=["sanction"])
        return _step(
            investigation,
            StepKind.DECREE,
            acting_user,
            on,
            status=InvestigationStatus.DECREED,
            number=number[:64],
            due=add_working_days(on, deadlines()["decree_delivery_working_days"]),
            data={"sanction": sanction, "level": investigation.level},
        )


def do_record_delivery(investigation: Investigation, *, acting_user: User, delivered_on: date) -> InvestigationStep:
    require_investigator(acting_user, investigation)
    decree = _last(investigation, StepKind.DECREE)
    if investigation.status != InvestigationStatus.DECREED or decree is None:
        raise ValidationError({"delivered_on": "belum ada keputusan untuk disampaikan"})
    if delivered_on < decree.on or delivered_on > timezone.localdate():
        raise ValidationError({"delivered_on": "tanggal penyampaian di luar rentang yang mungkin"})
    late = decree.due is not None and delivered_on > decree.due
    with transaction.atomic():
        return _step(
            investigation,
            StepKind.DELIVERY,
            acting_user,
            delivered_on,
            status=InvestigationStatus.DELIVERED,
            due=add_working_days(delivered_on, deadlines()["objection_working_days"]),
            data={"late": late},
        )


def do_record_objection(
    investigation: Investigation, *, acting_user: User, route: str, filed_on: date, note: str
) -> InvestigationStep:
    """Keberatan (to the superior of the official) or banding (to BPASN), filed within the period."""
    require_investigator(acting_user, investigation)
    delivery = _last(investigation, StepKind.DELIVERY)
    if investigation.status != InvestigationStatus.DELIVERED or delivery is None:
        raise ValidationError({"filed_on": "keberatan diajukan setelah keputusan disampaikan"})
    if route not in ("keberatan", "banding"):
        raise ValidationError({"route": "pilih keberatan atau banding"})
    if delivery.due is not None and filed_on > delivery.due:
        raise ValidationError({"filed_on": "keberatan melewati tenggat; hukuman berkekuatan tetap"})
    note = required_reason(note, "note")
    with transaction.atomic():
        return _step(
            investigation,
            StepKind.OBJECTION,
            acting_user,
            filed_on,
            status=InvestigationStatus.OBJECTED,
            note=note,
            data={"route": route},
        )


def do_decide_objection(
    investigation: Investigation, *, acting_user: User, granted: bool, note: str, sanction_after: str = ""
) -> InvestigationStep:
    """The answer to the objection or appeal: the sanction stands, is changed (another of the catalogue), or is
    annulled (granted without a sanction after). It is then final."""
    if not (
        has_capability(acting_user, Capability.DISCIPLINE_DECIDE) and may_see_investigation(acting_user, investigation)
    ):
        raise PermissionDenied
    if investigation.status != InvestigationStatus.OBJECTED:
        raise ValidationError({"note": "tidak ada keberatan yang menunggu"})
    note = required_reason(note, "note")
    if sanction_after and sanction_after not in catalogue("discipline_sanctions"):
        raise ValidationError({"sanction_after": "hukuman tidak ada di katalog"})
    with transaction.atomic():
        before = investigation.sanction
        if granted:
            investigation.sanction = sanction_after
            investigation.save(update_fields=["sanction"])
        step = _step(
            investigation,
            StepKind.OBJECTION_DECIDED,
            acting_user,
            timezone.localdate(),
            status=InvestigationStatus.FINAL,
            note=note,
            data={"granted": granted, "sanction_before": before, "sanction_after": investigation.sanction},
        )
        _restore_if_released(investigation, acting_user)
    return step


def do_finalise(investigation: Investigation, *, acting_user: User, today: date | None = None) -> InvestigationStep:
    """No objection within the period: the sanction is final."""
    require_investigator(acting_user, investigation)
    delivery = _last(investigation, StepKind.DELIVERY)
    today = today or timezone.localdate()
    if (
        investigation.status != InvestigationStatus.DELIVERED
        or delivery is None
        or (delivery.due and today <= delivery.due)
    ):
        raise ValidationError({"status": "tenggat keberatan belum lewat"})
    with transaction.atomic():
        step = _step(investigation, StepKind.FINAL, acting_user, today, status=InvestigationStatus.FINAL)
        _restore_if_released(investigation, acting_user)
    return step


def _restore_if_released(investigation: Investigation, acting_user: User) -> None:
    if investigation.released and investigation.subject is not None:
        do_set_duty_release(
            investigation.subject, acting_user=acting_user, released=False, reason=f"{investigation.number} selesai"
        )
        investigation.released = False
        investigation.save(update_fields=["released"])


CLOSABLE = (
    InvestigationStatus.OPEN,
    InvestigationStatus.SUMMONED,
    InvestigationStatus.EXAMINED,
    InvestigationStatus.REPORTED,
)


def do_propose_close(
    investigation: Investigation, *, acting_user: User, outcome: str, reason: str
) -> InvestigationStep:
    """Zero tolerance with due process: a case is closed without a sanction only by a reasoned decision signed by
    two people; this is the first signature."""
    require_investigator(acting_user, investigation)
    if investigation.status not in CLOSABLE:
        raise ValidationError({"outcome": "kasus pada tahap ini tidak dapat ditutup tanpa hukuman"})
    if investigation.status == InvestigationStatus.REPORTED and investigation.outcome == Outcome.PROVEN:
        raise ValidationError({"outcome": "laporan menyatakan terbukti: lanjutkan ke keputusan hukuman"})
    if outcome not in CLOSE_OUTCOMES:
        raise ValidationError({"outcome": "pilih tidak terbukti, pelanggaran etika, atau tidak terjadi pelanggaran"})
    reason = required_reason(reason)
    with transaction.atomic():
        return _step(
            investigation,
            StepKind.CLOSE_PROPOSED,
            acting_user,
            timezone.localdate(),
            status=InvestigationStatus.CLOSING,
            note=reason,
            data={"outcome": outcome, "from": investigation.status},
        )


def do_confirm_close(
    investigation: Investigation, *, acting_user: User, confirm: bool, reason: str
) -> InvestigationStep:
    """The second signature, by another person of internal compliance or the head of office. "Not proven" and
    "no violation" seal the record from ordinary view and give the officer's privileges back."""
    proposal = _last(investigation, StepKind.CLOSE_PROPOSED)
    if investigation.status != InvestigationStatus.CLOSING or proposal is None:
        raise ValidationError({"reason": "tidak ada usul penutupan"})
    second = has_capability(acting_user, Capability.INVESTIGATIONS) or has_capability(
        acting_user, Capability.DISCIPLINE_DECIDE
    )
    if not (second and may_see_investigation(acting_user, investigation)):
        raise PermissionDenied
    if acting_user.pk in (proposal.by_id, investigation.subject_id):
        raise PermissionDenied
    reason = required_reason(reason)
    outcome = proposal.data.get("outcome", Outcome.NOT_PROVEN)
    with transaction.atomic():
        if not confirm:
            return _step(
                investigation,
                StepKind.CLOSE_CONFIRMED,
                acting_user,
                timezone.localdate(),
                status=proposal.data.get("from", InvestigationStatus.OPEN),
                note=reason,
                data={"confirmed": False},
            )
        investigation.outcome = outcome
        investigation.sealed = outcome in (Outcome.NOT_PROVEN, Outcome.NO_VIOLATION)
        investigation.save(update_fields=["outcome", "sealed"])
        step = _step(
            investigation,
            StepKind.CLOSE_CONFIRMED,
            acting_user,
            timezone.localdate(),
            status=InvestigationStatus.CLOSED,
            note=reason,
            data={"confirmed": True, "outcome": outcome},
        )
        _restore_if_released(investigation, acting_user)
    return step
