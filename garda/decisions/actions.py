"""The steps of a decision case. Each is one transaction with its audit event; each checks who may take it —
the role, the office, and four eyes (nobody takes two steps of one case) — before the database checks again."""

from datetime import date, datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from garda.core import audit
from garda.core.access import has_capability
from garda.core.models import User
from garda.core.reasons import required_reason
from garda.core.reflists import current_revision
from garda.core.roles import Capability
from garda.decisions import deadlines
from garda.decisions.letters import issue_letters
from garda.decisions.models import APPLICATION_DECISION, Case, FollowUp, FollowUpKind, Kind, Status
from garda.screening.actions import record_decision
from garda.screening.models import Application

CATEGORIES = ("non_procedural", "inconsistency", "illegal_agent", "agency_report", "prior_decision", "administrative")


def _require(user: User, capability: Capability, case_office_id: int) -> None:
    if not has_capability(user, capability) or user.office_id != case_office_id:
        raise PermissionDenied


def _legal_bases(kind: str, codes: list[str]) -> int:
    """The chosen articles must be in the list in force and apply to this kind of decision."""
    revision = current_revision("legal_bases")
    known = {item["code"]: item for item in revision.items}
    if not codes:
        raise ValidationError({"legal_bases": "pilih paling sedikit satu dasar hukum"})
    for code in codes:
        item = known.get(code)
        if item is None:
            raise ValidationError(
                {"legal_bases": f"{code}: tidak ada dalam daftar dasar hukum versi {revision.version}"}
            )
        if item.get("applies_to") and kind not in item["applies_to"]:
            raise ValidationError({"legal_bases": f"{code} tidak berlaku untuk {Kind(kind).label.lower()}"})
    return int(revision.version)


def _check_suspension(until: date | None, start: date) -> None:
    """A suspension runs at least 6 months and at most 2 years from the cancellation (domain brief §1.4)."""
    if until is None:
        raise ValidationError({"suspension_until": "penangguhan wajib punya tanggal akhir (6 bulan sampai 2 tahun)"})
    periods = deadlines.current()
    shortest, longest = periods.suspension_min_months, periods.suspension_max_months
    earliest = _add_months(start, shortest)
    latest = _add_months(start, longest)
    if not earliest <= until <= latest:
        span = f"antara {earliest:%d-%m-%Y} dan {latest:%d-%m-%Y}"
        raise ValidationError({"suspension_until": f"penangguhan 6 bulan sampai 2 tahun: {span}"})


def _add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def do_propose(
    application: Application,
    *,
    acting_user: User,
    kind: str,
    categories: list[str],
    findings: str,
    legal_bases: list[str],
    indicators: list[str] | None = None,
    suspension_until: date | None = None,
    documents_requested: list[str] | None = None,
    passport_number: str = "",
    at: datetime | None = None,
) -> Case:
    """The maker: an interviewer (or the Kepala Seksi) proposes with grounds, findings and legal basis."""
    office = acting_user.office
    if application.office_code != office.code:
        raise PermissionDenied
    _require(acting_user, Capability.DECISIONS_PROPOSE, office.pk)
    if kind not in Kind.values:
        raise ValidationError({"kind": f"jenis keputusan tidak dikenal: {kind}"})
    unknown = [c for c in categories if c not in CATEGORIES]
    if not categories or unknown:
        raise ValidationError({"categories": f"kategori tidak sah atau kosong: {unknown or categories}"})
    if kind == Kind.SUSPENSION:
        _check_suspension(suspension_until, timezone.localtime(at).date() if at else timezone.localdate())
    version = _legal_bases(kind, legal_bases)
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
            findings=required_reason(findings, "findings"),
            legal_bases=list(legal_bases),
            legal_list_version=version,
            suspension_until=suspension_until,
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
    _require(acting_user, Capability.DECISIONS_REVIEW, case.office_id)
    with transaction.atomic():
        case = _current(case)
        if case.status not in (Status.PROPOSED, Status.RETURNED):
            raise ValidationError({"status": f"usulan berstatus {case.get_status_display()} tidak dapat diperiksa"})
        if case.proposed_by_id == acting_user.pk:
            raise PermissionDenied("nobody checks their own proposal")
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
    _require(acting_user, Capability.DECISIONS_DECIDE, case.office_id)
    moment = at or timezone.now()
    with transaction.atomic():
        case = _current(case)
        if case.status != Status.FORWARDED:
            raise ValidationError(
                {"status": f"hanya usulan yang diteruskan yang dapat diputuskan ({case.get_status_display()})"}
            )
        if acting_user.pk in (case.proposed_by_id, case.reviewed_by_id):
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
            issue_letters(case, issued_by=acting_user, at=moment)
            if case.application is not None:
                record_decision(case.application, _shared(case), actor=acting_user, summary=_share_summary(case))
    return case


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
        _require(acting_user, Capability.DECISIONS_PROPOSE, case.office_id)
        if case.kind != Kind.POSTPONEMENT or (
            last is not None and last.kind in (FollowUpKind.RESUMED, FollowUpKind.LAPSED)
        ):
            raise ValidationError({"kind": "hanya penundaan yang masih berjalan yang dapat dilanjutkan"})
    elif kind == FollowUpKind.APPEAL_FILED:
        _require(acting_user, Capability.DECISIONS_PROPOSE, case.office_id)
    elif kind in _APPEAL_OUTCOMES:
        _require(acting_user, Capability.DECISIONS_DECIDE, case.office_id)
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


def lapse_postponements(today: date | None = None) -> int:
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
