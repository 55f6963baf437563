"""Integrity signals: computing them for an office and period (new flags join the review list; figures of open
ones are refreshed; a dismissed or escalated one stays as decided), dismissing one with a reason, or escalating it
into an internal investigation."""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from garda.core import audit
from garda.core.access import has_capability, offices_in_scope
from garda.core.models import Office, User
from garda.core.reasons import required_reason
from garda.core.roles import Capability
from garda.oversight import integrity
from garda.oversight.actions.investigations import do_open_investigation
from garda.oversight.models import IntegritySignal, SignalStatus, Source


def _may_review(user: User | None, office: Office) -> bool:
    return user is None or (
        has_capability(user, Capability.INVESTIGATIONS) and offices_in_scope(user).filter(pk=office.pk).exists()
    )


def do_compute_signals(
    office: Office, start: date, end: date, *, acting_user: User | None = None
) -> list[IntegritySignal]:
    """`acting_user` None: the worker or the command line."""
    if not _may_review(acting_user, office):
        raise PermissionDenied
    if start > end:
        raise ValidationError({"period_end": "akhir periode sebelum awalnya"})
    found = integrity.flags(office, start, end)
    now = timezone.now()
    signals: list[IntegritySignal] = []
    with transaction.atomic():
        for flag in found:
            figures = {
                "role": flag.role,
                "count": flag.count,
                "base": flag.base,
                "lower": flag.lower,
                "upper": flag.upper,
                "peer_count": flag.peer_count,
                "peer_base": flag.peer_base,
                "peer_upper": flag.peer_upper,
                "peers": flag.peers,
                "detail": flag.detail,
                "computed_at": now,
            }
            signal, created = IntegritySignal.objects.get_or_create(
                office=office,
                officer_id=flag.officer_id,
                metric=flag.metric,
                period_start=start,
                period_end=end,
                defaults=figures,
            )
            if not created and signal.status == SignalStatus.OPEN:
                for key, value in figures.items():
                    setattr(signal, key, value)
                signal.save(update_fields=list(figures))
            signals.append(signal)
        # Unscoped: the office's own trail must not tell its staff who is being looked at.
        audit.record(
            "integrity.compute",
            actor=acting_user,
            actor_username="" if acting_user else "system",
            obj=office,
            summary=f"Sinyal integritas {office.code} {start.isoformat()}–{end.isoformat()}: {len(signals)}",
            after={"signals": len(signals)},
            unscoped=True,
        )
    return signals


def _reviewable(signal: IntegritySignal, user: User) -> None:
    if not _may_review(user, signal.office) or signal.officer_id == user.pk:
        raise PermissionDenied
    if signal.status != SignalStatus.OPEN:
        raise ValidationError({"reason": "sinyal ini sudah ditelaah"})


def do_dismiss_signal(signal: IntegritySignal, *, acting_user: User, reason: str) -> IntegritySignal:
    """The first signature of a close without a case: why (the explanation found, the check made) is written and
    kept; another person of compliance signs second (`do_confirm_dismissal`)."""
    _reviewable(signal, acting_user)
    reason = required_reason(reason)
    with transaction.atomic():
        signal.status = SignalStatus.CLOSING
        signal.reviewed_by, signal.reviewed_at, signal.review_reason = acting_user, timezone.now(), reason
        signal.save(update_fields=["status", "reviewed_by", "reviewed_at", "review_reason"])
        audit.record(
            "integrity.dismiss",
            actor=acting_user,
            obj=signal,
            summary=f"Sinyal {signal} diusulkan ditutup",
            unscoped=True,
        )
    return signal


def do_confirm_dismissal(signal: IntegritySignal, *, acting_user: User, confirm: bool, reason: str) -> IntegritySignal:
    """The second signature: the signal is dismissed, or goes back to the review list with the reason why not."""
    if not _may_review(acting_user, signal.office) or acting_user.pk in (signal.officer_id, signal.reviewed_by_id):
        raise PermissionDenied
    if signal.status != SignalStatus.CLOSING:
        raise ValidationError({"reason": "tidak ada usul penutupan sinyal ini"})
    reason = required_reason(reason)
    with transaction.atomic():
        if confirm:
            signal.status = SignalStatus.DISMISSED
            signal.confirmed_by, signal.confirmed_at = acting_user, timezone.now()
        else:
            signal.status = SignalStatus.OPEN
            signal.reviewed_by, signal.reviewed_at, signal.review_reason = None, None, ""
        signal.save(
            update_fields=["status", "confirmed_by", "confirmed_at", "reviewed_by", "reviewed_at", "review_reason"]
        )
        audit.record(
            "integrity.dismiss_confirmed" if confirm else "integrity.dismiss_refused",
            actor=acting_user,
            obj=signal,
            summary=f"Sinyal {signal} {'ditutup' if confirm else 'kembali ditelaah'}",
            after={"reason": reason},
            unscoped=True,
        )
    return signal


def do_escalate_signal(signal: IntegritySignal, *, acting_user: User, allegation: str) -> IntegritySignal:
    """The human review found enough to examine: an internal investigation is opened on the officer."""
    _reviewable(signal, acting_user)
    allegation = required_reason(allegation, "allegation")
    with transaction.atomic():
        investigation = do_open_investigation(
            acting_user=acting_user,
            office=signal.office,
            subject=signal.officer,
            subject_description="",
            allegation=allegation,
            source=Source.SIGNAL,
            source_ref=str(signal),
        )
        signal.status = SignalStatus.ESCALATED
        signal.investigation = investigation
        signal.reviewed_by, signal.reviewed_at, signal.review_reason = acting_user, timezone.now(), allegation
        signal.save(update_fields=["status", "investigation", "reviewed_by", "reviewed_at", "review_reason"])
        audit.record(
            "integrity.escalate",
            actor=acting_user,
            obj=signal,
            summary=f"Sinyal {signal} diteruskan ke pemeriksaan {investigation.number}",
            unscoped=True,
        )
    return signal
