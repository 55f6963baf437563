"""Handling a report: its status, and access granted to or withdrawn from other handlers."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from garda.core.models import User
from garda.core.reasons import required_reason
from garda.whistle import crypto, keys, routing
from garda.whistle.actions.audited_reads import protected
from garda.whistle.actions.common import ORDER, _audit, _require_handler, story
from garda.whistle.actions.submission import seal_for
from garda.whistle.models import (
    Grant,
    IdentityGrant,
    Outcome,
    Report,
    Status,
    Unit,
)


def needs_two_to_close(report: Report) -> bool:
    """Zero tolerance with due process: no allegation about staff is closed by one person."""
    return report.unit == Unit.COMPLIANCE


def do_set_status(report: Report, *, acting_user: User, status: str, outcome: str = "", note: str = "") -> Report:
    """Forward or back one step; closing takes an outcome (the WBS categories) and a reason."""
    _require_handler(acting_user)
    if report.status == Status.CLOSED:
        raise ValidationError({"status": "laporan sudah selesai"})
    if status not in ORDER or abs(ORDER.index(Status(status)) - ORDER.index(Status(report.status))) != 1:
        raise ValidationError({"status": "status hanya dapat maju atau mundur satu langkah"})
    if status == Status.CLOSED:
        if outcome not in Outcome.values:
            raise ValidationError({"outcome": "pilih hasil penanganan"})
        note = required_reason(note, "note")
    elif outcome:
        raise ValidationError({"outcome": "hasil hanya diisi saat laporan ditutup"})
    if status == Status.CLOSED and needs_two_to_close(report):
        return _propose_close(report, acting_user, outcome, note)
    with transaction.atomic():
        before = {"status": report.status, "outcome": report.outcome}
        now = timezone.now()
        report.status, report.outcome = status, outcome
        fields = ["status", "outcome"]
        if report.acknowledged_at is None:
            report.acknowledged_at = now
            fields.append("acknowledged_at")
        if status == Status.CLOSED:
            report.closed_at = now
            fields.append("closed_at")
        if report.close_proposed_by_id is not None:  # a move withdraws a pending proposal to close
            _clear_proposal(report)
            fields += PROPOSAL_FIELDS
        report.save(update_fields=fields)
        _audit(
            "whistle.status",
            report,
            f"Status {report.number}: {Status(before['status']).label} → {Status(status).label}",
            actor=acting_user,
            after={"before": before, "status": status, "outcome": outcome, "note": note},
        )
    return report


PROPOSAL_FIELDS = ["close_proposed_by", "close_proposed_at", "close_proposed_outcome", "close_proposed_note"]


def _clear_proposal(report: Report) -> None:
    report.close_proposed_by, report.close_proposed_at = None, None
    report.close_proposed_outcome, report.close_proposed_note = "", ""


def _propose_close(report: Report, acting_user: User, outcome: str, note: str) -> Report:
    """The first signature: the report stays open until another holder signs."""
    if report.close_proposed_by_id is not None:
        raise ValidationError({"status": "penutupan sudah diusulkan dan menunggu tanda tangan kedua"})
    with transaction.atomic():
        report.close_proposed_by, report.close_proposed_at = acting_user, timezone.now()
        report.close_proposed_outcome, report.close_proposed_note = outcome, note
        report.save(update_fields=PROPOSAL_FIELDS)
        _audit(
            "whistle.close_proposed",
            report,
            f"Penutupan {report.number} diusulkan",
            actor=acting_user,
            after={"outcome": outcome, "note": note},
        )
    return report


def do_confirm_close(report: Report, *, acting_user: User, confirm: bool, reason: str) -> Report:
    """The second signature, by another holder of the report (internal compliance): the report closes with the
    proposed outcome, or the proposal is refused and the report stays where it was."""
    _require_handler(acting_user)
    if report.status == Status.CLOSED or report.close_proposed_by_id is None:
        raise ValidationError({"reason": "tidak ada usul penutupan"})
    if report.close_proposed_by_id == acting_user.pk:
        raise ValidationError({"reason": "tanda tangan kedua harus oleh orang lain"})
    reason = required_reason(reason)
    with transaction.atomic():
        proposal = {
            "by": report.close_proposed_by.username if report.close_proposed_by else "",
            "outcome": report.close_proposed_outcome,
            "note": report.close_proposed_note,
        }
        fields = list(PROPOSAL_FIELDS)
        if confirm:
            report.status, report.outcome = Status.CLOSED, report.close_proposed_outcome
            report.closed_at, report.close_confirmed_by = timezone.now(), acting_user
            fields += ["status", "outcome", "closed_at", "close_confirmed_by"]
        else:
            _clear_proposal(report)
        report.save(update_fields=fields)
        _audit(
            "whistle.close_confirmed" if confirm else "whistle.close_refused",
            report,
            f"Penutupan {report.number} {'disetujui' if confirm else 'ditolak'}",
            actor=acting_user,
            after={"proposal": proposal, "reason": reason},
        )
    return report


def eligible_handlers(report: Report, report_key: bytes) -> list[User]:
    """Who else may be given the report: the unit's handlers at the office or nationally, never anyone named by
    the reporter or left out earlier."""
    barred = protected(report, report_key)
    text = story(crypto.decrypt_json(report_key, bytes(report.content)))
    pool, _ = routing.recipients(report.office, report.unit, barred.get("excluded_names", []), text)
    excluded = set(barred.get("excluded_users", []))
    return [u for u in pool if u.pk not in excluded]


def do_grant_access(report: Report, report_key: bytes, *, acting_user: User, target: User, reason: str) -> Grant:
    """Re-assignment: seal the report key to another handler of the same unit (recorded, with the reason)."""
    _require_handler(acting_user)
    reason = required_reason(reason)
    if target.pk not in {u.pk for u in eligible_handlers(report, report_key)}:
        raise ValidationError({"target": "pengguna ini tidak boleh menangani laporan ini"})
    public_key = keys.public_key_of(target)
    if public_key is None:
        raise ValidationError({"target": "pengguna ini belum punya kunci: ia perlu masuk sekali lebih dahulu"})
    with transaction.atomic():
        grant = seal_for(report, report_key, public_key, user=target, by=acting_user)
        _audit(
            "whistle.grant",
            report,
            f"Akses {report.number} diberikan kepada {target.username}",
            actor=acting_user,
            after={"user": target.username, "reason": reason},
        )
    return grant


def do_exclude(report: Report, report_key: bytes, *, acting_user: User, target: User, reason: str) -> None:
    """A conflict of interest found later: the person loses their sealed copy and can never be given it again."""
    _require_handler(acting_user)
    reason = required_reason(reason)
    barred = protected(report, report_key)
    with transaction.atomic():
        barred["excluded_users"] = sorted({*barred.get("excluded_users", []), target.pk})
        report.protected = crypto.encrypt_json(report_key, barred)
        report.save(update_fields=["protected"])
        Grant.objects.filter(report=report, user=target).delete()
        IdentityGrant.objects.filter(identity__report=report, user=target).delete()
        _audit(
            "whistle.exclude",
            report,
            f"{target.username} dikeluarkan dari {report.number} (benturan kepentingan)",
            actor=acting_user,
            after={"user": target.username, "reason": reason},
        )
