"""The steps of a decision case. Each is one transaction with its audit event; each checks who may take it —
the role, the office, and four eyes (nobody takes two steps of one case) — before the database checks again."""

from datetime import date, datetime, timedelta
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from garda.core import audit
from garda.core.models import Office, User
from garda.core.numbering import new_verification_code
from garda.core.reasons import required_reason
from garda.core.roles import Capability
from garda.decisions import deadlines, legal
from garda.decisions.access import require_step
from garda.decisions.letters import LETTERS_FOR
from garda.decisions.models import (
    APPLICATION_DECISION,
    Case,
    Cutting,
    Examination,
    FollowUp,
    FollowUpKind,
    Kind,
    Letter,
    LetterKind,
    Status,
)
from garda.screening.api import Application, do_record_decision

CATEGORIES = ("non_procedural", "inconsistency", "illegal_agent", "agency_report", "prior_decision", "administrative")


def _check_suspension(until: date | None, start: date) -> None:
    """A suspension runs at least 6 months and at most 2 years from the cancellation it follows (domain brief
    §1.4)."""
    if until is None:
        raise ValidationError({"suspension_until": "penangguhan wajib punya tanggal akhir (6 bulan sampai 2 tahun)"})
    periods = deadlines.current()
    shortest, longest = periods.suspension_min_months, periods.suspension_max_months
    earliest = _add_months(start, shortest)
    latest = _add_months(start, longest)
    if not earliest <= until <= latest:
        span = f"antara {earliest:%d-%m-%Y} dan {latest:%d-%m-%Y}"
        raise ValidationError({"suspension_until": f"penangguhan 6 bulan sampai 2 tahun: {span}"})


# A suspension follows a cancellation on these grounds (domain brief §1.4).
SUSPENSION_FOLLOWS = {"PEMBATALAN-A", "PEMBATALAN-B"}


def _passport(application: Application, kind: str, number: str) -> str:
    """Withdrawal and revocation act on an issued passport, and so does a cancellation of one: the passport's
    number is required and must have an issuance record (imported from the history or issued here) of this
    person."""
    number = "".join(number.split()).upper()
    if not number:
        if kind in (Kind.WITHDRAWAL, Kind.REVOCATION):
            raise ValidationError(
                {"passport_number": "penarikan dan pencabutan hanya untuk paspor yang sudah terbit: isi nomor paspor"}
            )
        if kind == Kind.CANCELLATION and application.decision_kind == "issued":
            raise ValidationError(
                {"passport_number": "paspor pemohon ini sudah terbit: isi nomor paspor yang dibatalkan"}
            )
        return ""
    if kind not in (Kind.CANCELLATION, Kind.WITHDRAWAL, Kind.REVOCATION):
        raise ValidationError(
            {"passport_number": "nomor paspor hanya diisi untuk pembatalan, penarikan atau pencabutan"}
        )
    if not application.applicant_nik:
        # Without a NIK no issuance record can be shown to be this person's (an empty NIK matches everyone's).
        raise ValidationError(
            {"passport_number": "permohonan tanpa NIK: catatan penerbitan paspor tidak dapat dicocokkan"}
        )
    issued = [
        a
        for a in Application.objects.filter(decision_kind="issued", applicant_nik=application.applicant_nik)
        if number in {str((a.record.get("decision") or {}).get("passport_number", "")).upper(),
                      str(a.own_decision.get("passport_number", "")).upper()}
    ]  # fmt: skip
    if not issued:
        holders = Application.objects.filter(decision_kind="issued", record__decision__passport_number=number)
        if holders.exists():
            raise ValidationError({"passport_number": f"paspor {number} tercatat diterbitkan untuk orang lain"})
        raise ValidationError(
            {
                "passport_number": f"tidak ada catatan penerbitan paspor {number} untuk NIK "
                f"{application.applicant_nik}; impor riwayat penerbitannya lebih dahulu"
            }
        )
    return number


def _cancellation_followed(application: Application) -> Case:
    """The approved cancellation on ground a or b of this person that a suspension follows."""
    cancellations = Case.objects.filter(
        kind=Kind.CANCELLATION, status=Status.APPROVED, subject_nik=application.applicant_nik
    ).exclude(subject_nik="")
    for case in cancellations.order_by("-decided_at"):
        if SUSPENSION_FOLLOWS & set(case.legal_bases):
            return case
    raise ValidationError(
        {
            "kind": "penangguhan hanya mengikuti pembatalan paspor atas dasar huruf a atau b yang telah disetujui; "
            "belum ada pembatalan itu untuk NIK pemohon ini"
        }
    )


def _add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


# --- Letters: numbered and coded inside the step that issues them -------------------------------------------


def _next_number(office: Office, year: int) -> tuple[int, str]:
    last = Letter.objects.filter(office=office, year=year).order_by("-sequence").values_list("sequence", flat=True)
    sequence = (last.first() or 0) + 1
    return sequence, f"W.IMI.{office.code}-GR.01.01-{sequence:04d}/{year}"


def _issue_letter(case: Case, kind: str, *, issued_by: User, at: datetime) -> Letter:
    """One letter, numbered in the office's sequence; called inside the step's transaction, with the office row
    locked so that numbers never collide."""
    office = Office.objects.select_for_update().get(pk=case.office_id)
    year = timezone.localtime(at).year
    sequence, number = _next_number(office, year)
    return Letter.objects.create(
        case=case,
        office=office,
        kind=kind,
        year=year,
        sequence=sequence,
        number=number,
        verification_code=new_verification_code(),
        issued_at=at,
        issued_by=issued_by,
    )


def _issue_letters(case: Case, *, issued_by: User, at: datetime) -> list[Letter]:
    """The notices of an approved decision."""
    return [_issue_letter(case, kind, issued_by=issued_by, at=at) for kind in LETTERS_FOR[Kind(case.kind)]]


def do_propose(
    application: Application,
    *,
    acting_user: User,
    kind: str,
    categories: list[str],
    findings: str,
    legal_bases: list[str],
    indicators: list[str] | None = None,
    facts: list[dict[str, str]] | None = None,
    suspension_until: date | None = None,
    documents_requested: list[str] | None = None,
    passport_number: str = "",
    at: datetime | None = None,
) -> Case:
    """The maker: an interviewer (or the Kepala Seksi) proposes with grounds, findings and legal basis."""
    office = acting_user.office
    if application.office_code != office.code:
        raise PermissionDenied
    require_step(acting_user, Capability.DECISIONS_PROPOSE, office.pk)
    if kind not in Kind.values:
        raise ValidationError({"kind": f"jenis keputusan tidak dikenal: {kind}"})
    unknown = [c for c in categories if c not in CATEGORIES]
    if not categories or unknown:
        raise ValidationError({"categories": f"kategori tidak sah atau kosong: {unknown or categories}"})
    follows = None
    if kind == Kind.SUSPENSION:
        follows = _cancellation_followed(application)
        assert follows.decided_at is not None
        _check_suspension(suspension_until, timezone.localtime(follows.decided_at).date())
    passport_number = _passport(application, kind, passport_number)
    version = legal.check(kind, legal_bases)
    moment = at or timezone.now()
    with transaction.atomic():
        case = Case.objects.create(
            office=office,
            application=application,
            kind=kind,
            subject_name=application.applicant_name,
            subject_nik=application.applicant_nik,
            passport_number=passport_number,
            categories=list(categories),
            indicators=list(indicators or []),
            facts=[{"code": str(f["code"]), "text": str(f["text"])} for f in facts or []],
            findings=required_reason(findings, "findings"),
            legal_bases=list(legal_bases),
            legal_list_version=version,
            suspension_until=suspension_until,
            follows=follows,
            documents_requested=list(documents_requested or []),
            proposed_by=acting_user,
            proposed_at=moment,
        )
        audit.record(
            "decision.propose",
            actor=acting_user,
            obj=case,
            summary=f"Usulan {case.get_kind_display().lower()} untuk {case.subject_name} "
            f"({application.office_code}/{application.external_id})",
            after={"kind": kind, "categories": categories, "legal_bases": legal_bases},
        )
    return case


def _current(case: Case) -> Case:
    """The case as it stands now, locked for this transaction: two officers acting on it at once take turns, and
    the second is told what the first did (rather than an error from the database's freezing trigger)."""
    return Case.objects.select_for_update().get(pk=case.pk)


def do_review(case: Case, *, acting_user: User, forward: bool, reason: str, at: datetime | None = None) -> Case:
    """The checker: the Kepala Seksi forwards the proposal to the Kepala Kantor or returns it, with a reason."""
    require_step(acting_user, Capability.DECISIONS_REVIEW, case.office_id)
    with transaction.atomic():
        case = _current(case)
        if case.status not in (Status.PROPOSED, Status.RETURNED):
            raise ValidationError({"status": f"usulan berstatus {case.get_status_display()} tidak dapat diperiksa"})
        examination = Examination.objects.filter(case=case).first()
        if case.proposed_by_id == acting_user.pk or (examination and examination.examined_by_id == acting_user.pk):
            raise PermissionDenied("nobody checks their own proposal or examination")
        if forward and case.kind == Kind.CANCELLATION and examination is None:
            raise ValidationError(
                {"status": "pembatalan diteruskan setelah petugas pemeriksa membuat Berita Acara Pemeriksaan"}
            )
        before = {"status": case.status}
        case.status = Status.FORWARDED if forward else Status.RETURNED
        case.reviewed_by, case.reviewed_at = acting_user, at or timezone.now()
        case.review_reason = required_reason(reason)
        case.save(update_fields=["status", "reviewed_by", "reviewed_at", "review_reason"])
        audit.record(
            "decision.review",
            actor=acting_user,
            obj=case,
            summary=f"Usulan #{case.pk} {'diteruskan' if forward else 'dikembalikan'}: {case.review_reason}"[:300],
            before=before,
            after={"status": case.status},
        )
    return case


def do_decide(case: Case, *, acting_user: User, approve: bool, reason: str, at: datetime | None = None) -> Case:
    """The approver: the Kepala Kantor decides a forwarded proposal. An approval is shared nationally at once."""
    require_step(acting_user, Capability.DECISIONS_DECIDE, case.office_id)
    moment = at or timezone.now()
    with transaction.atomic():
        case = _current(case)
        if case.status != Status.FORWARDED:
            raise ValidationError(
                {"status": f"hanya usulan yang diteruskan yang dapat diputuskan ({case.get_status_display()})"}
            )
        examiner = Examination.objects.filter(case=case).values_list("examined_by_id", flat=True).first()
        if acting_user.pk in (case.proposed_by_id, case.reviewed_by_id, examiner):
            raise PermissionDenied("the approver takes no other step of the case")
        case.status = Status.APPROVED if approve else Status.REJECTED
        case.decided_by, case.decided_at, case.decision_reason = acting_user, moment, required_reason(reason)
        case.save(update_fields=["status", "decided_by", "decided_at", "decision_reason"])
        audit.record(
            "decision.decide",
            actor=acting_user,
            obj=case,
            summary=f"Keputusan #{case.pk}: {'disetujui' if approve else 'tidak disetujui'} — {case.decision_reason}"[
                :300
            ],
            before={"status": Status.FORWARDED},
            after={"status": case.status},
        )
        if approve:
            _issue_letters(case, issued_by=acting_user, at=moment)
            if case.application is not None:
                do_record_decision(case.application, _shared(case), actor=acting_user, summary=_share_summary(case))
    return case


def do_record_examination(
    case: Case,
    *,
    acting_user: User,
    statement: str,
    findings: str,
    subject_signed: bool = True,
    refusal_note: str = "",
    at: datetime | None = None,
) -> Examination:
    """The examining officer's Berita Acara Pemeriksaan, before the Kepala Seksi checks the proposal: what the
    person said, what was found, and whether the person signed. Its letter is numbered and signed by the examiner."""
    require_step(acting_user, Capability.DECISIONS_PROPOSE, case.office_id)
    moment = at or timezone.now()
    with transaction.atomic():
        case = _current(case)
        if case.status not in (Status.PROPOSED, Status.RETURNED):
            raise ValidationError({"status": "Berita Acara Pemeriksaan dibuat sebelum usulan diteruskan"})
        if Examination.objects.filter(case=case).exists():
            raise ValidationError({"status": "Berita Acara Pemeriksaan untuk usulan ini sudah dibuat"})
        if not subject_signed and not refusal_note.strip():
            raise ValidationError({"refusal_note": "tuliskan alasan yang diperiksa menolak menandatangani"})
        examination = Examination.objects.create(
            case=case,
            examined_by=acting_user,
            examined_at=moment,
            statement=required_reason(statement, "statement"),
            findings=required_reason(findings, "findings"),
            facts=list(case.facts),
            subject_signed=subject_signed,
            refusal_note=refusal_note.strip(),
        )
        letter = _issue_letter(case, LetterKind.BAP, issued_by=acting_user, at=moment)
        audit.record(
            "decision.examine",
            actor=acting_user,
            obj=case,
            summary=f"Berita Acara Pemeriksaan {letter.number} untuk usulan #{case.pk}",
            after={"letter": letter.number, "subject_signed": subject_signed},
        )
    return examination


def do_record_cutting(
    case: Case,
    *,
    acting_user: User,
    witnesses: list[str],
    holder_signed: bool,
    refusal_note: str = "",
    cut_by: User | None = None,
    cut_at: datetime | None = None,
) -> Cutting:
    """The cutting of a cancelled passport as it happened, recorded with its Berita Acara Pengguntingan."""
    require_step(acting_user, Capability.DECISIONS_PROPOSE, case.office_id)
    cutter = cut_by or acting_user
    if cutter.office_id != case.office_id:
        raise ValidationError({"cut_by": "pejabat yang menggunting bertugas di kantor yang memutuskan"})
    names = [w.strip() for w in witnesses if w.strip()]
    if not names:
        raise ValidationError({"witnesses": "sebutkan paling sedikit satu saksi pengguntingan"})
    if not holder_signed and not refusal_note.strip():
        raise ValidationError({"refusal_note": "tuliskan keadaan pemegang menolak menandatangani"})
    moment = timezone.now()
    with transaction.atomic():
        case = Case.objects.select_for_update().get(pk=case.pk)
        if case.kind != Kind.CANCELLATION or case.status != Status.APPROVED or not case.passport_number:
            raise ValidationError({"status": "pengguntingan dicatat untuk pembatalan paspor yang telah disetujui"})
        if Cutting.objects.filter(case=case).exists():
            raise ValidationError({"status": "pengguntingan paspor ini sudah dicatat"})
        assert case.decided_at is not None
        when = cut_at or moment
        # The form keys minutes: a cutting in the minute of the decision is after it.
        if when < case.decided_at.replace(second=0, microsecond=0) or when > moment + timedelta(minutes=1):
            raise ValidationError({"cut_at": "waktu pengguntingan di antara keputusan dan sekarang"})
        cutting = Cutting.objects.create(
            case=case,
            cut_by=cutter,
            cut_at=when,
            witnesses=names,
            holder_signed=holder_signed,
            refusal_note=refusal_note.strip(),
            recorded_by=acting_user,
            recorded_at=moment,
        )
        letter = _issue_letter(case, LetterKind.CANCELLATION_RECORD, issued_by=cutter, at=when)
        audit.record(
            "decision.cut",
            actor=acting_user,
            obj=case,
            summary=f"Paspor {case.passport_number} digunting; berita acara {letter.number}",
            after={"letter": letter.number, "witnesses": names, "holder_signed": holder_signed},
        )
    return cutting


def _shared(case: Case) -> dict[str, Any]:
    assert case.decided_at is not None
    decision: dict[str, Any] = {
        "kind": APPLICATION_DECISION[Kind(case.kind)],
        "decided_at": timezone.localtime(case.decided_at).isoformat(timespec="seconds"),
        "categories": list(case.categories),
    }
    if case.passport_number:
        decision["passport_number"] = case.passport_number
    if case.suspension_until:
        decision["until"] = case.suspension_until.isoformat()
    return decision


def _share_summary(case: Case) -> str:
    return f"Keputusan {case.get_kind_display().lower()} #{case.pk} dibagikan ke semua kantor"


_APPEAL_OUTCOMES = {FollowUpKind.APPEAL_UPHELD, FollowUpKind.APPEAL_DISMISSED}


def _last(case: Case) -> FollowUp | None:
    return case.follow_ups.order_by("-recorded_at", "-id").first()


def do_follow_up(case: Case, *, acting_user: User, kind: str, note: str, at: datetime | None = None) -> FollowUp:
    """Record what happened after the decision. Resuming a postponement (the documents came) is the interviewer's
    or the Kepala Seksi's; an appeal is filed with, and decided by, the Kepala Kantor."""
    if case.status != Status.APPROVED:
        raise ValidationError({"kind": "hanya keputusan yang disetujui yang dapat ditindaklanjuti"})
    last = _last(case)
    if kind == FollowUpKind.RESUMED:
        require_step(acting_user, Capability.DECISIONS_PROPOSE, case.office_id)
        if case.kind != Kind.POSTPONEMENT or (
            last is not None and last.kind in (FollowUpKind.RESUMED, FollowUpKind.LAPSED)
        ):
            raise ValidationError({"kind": "hanya penundaan yang masih berjalan yang dapat dilanjutkan"})
    elif kind == FollowUpKind.APPEAL_FILED:
        require_step(acting_user, Capability.DECISIONS_PROPOSE, case.office_id)
    elif kind in _APPEAL_OUTCOMES:
        require_step(acting_user, Capability.DECISIONS_DECIDE, case.office_id)
        if last is None or last.kind != FollowUpKind.APPEAL_FILED:
            raise ValidationError({"kind": "tidak ada keberatan yang menunggu keputusan"})
    else:
        raise ValidationError({"kind": f"tindak lanjut tidak dikenal: {kind}"})
    with transaction.atomic():
        follow_up = FollowUp.objects.create(
            case=case,
            kind=kind,
            note=required_reason(note, "note"),
            recorded_by=acting_user,
            recorded_at=at or timezone.now(),
        )
        audit.record(
            f"decision.{kind}",
            actor=acting_user,
            obj=case,
            summary=f"Keputusan #{case.pk}: {follow_up.get_kind_display()} — {follow_up.note}"[:300],
            after={"follow_up": kind},
        )
    return follow_up


def do_lapse_postponements(today: date | None = None) -> int:
    """Postponements whose documents did not come within the period lapse (run daily by the worker)."""
    today = today or timezone.localdate()
    period = deadlines.current().postponement_days
    lapsed = 0
    for case in Case.objects.filter(kind=Kind.POSTPONEMENT, status=Status.APPROVED).prefetch_related("follow_ups"):
        assert case.decided_at is not None
        if (today - timezone.localtime(case.decided_at).date()).days <= period:
            continue
        if any(f.kind in (FollowUpKind.RESUMED, FollowUpKind.LAPSED) for f in case.follow_ups.all()):
            continue
        with transaction.atomic():
            FollowUp.objects.create(
                case=case,
                kind=FollowUpKind.LAPSED,
                note=f"Dokumen tidak diserahkan dalam {period} hari sejak penundaan.",
                recorded_at=timezone.now(),
            )
            audit.record(
                "decision.lapsed",
                actor_username="system",
                obj=case,
                summary=f"Penundaan #{case.pk} gugur: dokumen tidak diserahkan dalam {period} hari",
            )
        lapsed += 1
    return lapsed
