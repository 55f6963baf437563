"""Learning the reporter's identity: a handler's request, the custodian's decision, and the audited read."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from nacl.public import PrivateKey

from garda.core.access import has_capability
from garda.core.models import User
from garda.core.reasons import required_reason
from garda.core.roles import Capability
from garda.whistle import crypto, keys
from garda.whistle.actions.audited_reads import _open_grant
from garda.whistle.actions.common import _audit, _require_handler
from garda.whistle.actions.submission import seal_identity_for
from garda.whistle.models import (
    IdentityGrant,
    IdentityRecord,
    Report,
    RevealRequest,
    RevealStatus,
)


def do_request_reveal(report: Report, *, acting_user: User, reason: str) -> RevealRequest:
    _require_handler(acting_user)
    reason = required_reason(reason)
    if not IdentityRecord.objects.filter(report=report).exists():
        raise ValidationError({"reason": "pelapor tidak memberikan identitas"})
    if RevealRequest.objects.filter(report=report, requested_by=acting_user, status=RevealStatus.PENDING).exists():
        raise ValidationError({"reason": "permintaan Anda masih menunggu persetujuan"})
    with transaction.atomic():
        request = RevealRequest.objects.create(
            report=report, requested_by=acting_user, reason=reason, requested_at=timezone.now()
        )
        _audit(
            "whistle.reveal_request",
            report,
            f"{acting_user.username} meminta identitas pelapor {report.number}",
            actor=acting_user,
            after={"reason": reason},
        )
    return request


def do_decide_reveal(
    request: RevealRequest, *, acting_user: User, private_key: PrivateKey | None, approve: bool, note: str
) -> RevealRequest:
    """The custodian's decision. Approving re-seals the identity key from the custodian's copy to the requester's
    key: without that step nobody else can open it, whatever the database says."""
    if not has_capability(acting_user, Capability.WHISTLE_CUSTODIAN):
        raise PermissionDenied
    if request.requested_by_id == acting_user.pk:
        raise PermissionDenied
    if request.status != RevealStatus.PENDING:
        raise ValidationError({"note": "permintaan ini sudah diputuskan"})
    note = required_reason(note, "note")
    report = request.report
    with transaction.atomic():
        if approve:
            identity_key = identity_key_for(report, acting_user, private_key)
            if identity_key is None:
                raise ValidationError({"note": "kunci Anda tidak membuka identitas ini; masuk ulang dengan kata sandi"})
            public_key = keys.public_key_of(request.requested_by)
            if public_key is None:
                raise ValidationError({"note": "peminta belum punya kunci"})
            seal_identity_for(report.identity, identity_key, public_key, user=request.requested_by)
        request.status = RevealStatus.APPROVED if approve else RevealStatus.REFUSED
        request.decided_by, request.decided_at, request.decision_note = acting_user, timezone.now(), note
        request.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])
        _audit(
            "whistle.reveal_decision",
            report,
            f"Permintaan identitas pelapor {report.number} {'disetujui' if approve else 'ditolak'}",
            actor=acting_user,
            after={"requested_by": request.requested_by.username, "approved": approve, "note": note},
        )
    return request


def identity_key_for(report: Report, user: User, private_key: PrivateKey | None) -> bytes | None:
    return _open_grant(IdentityGrant.objects.filter(identity__report=report, user=user).first(), private_key)


def read_identity(report: Report, *, acting_user: User, private_key: PrivateKey | None) -> dict[str, str] | None:
    """The identity, for a handler whose request a custodian approved; every reading is audited."""
    _require_handler(acting_user)
    identity_key = identity_key_for(report, acting_user, private_key)
    if identity_key is None:
        return None
    value: dict[str, str] = crypto.decrypt_json(identity_key, bytes(report.identity.box))
    with transaction.atomic():
        _audit("whistle.identity_read", report, f"Identitas pelapor {report.number} dibuka", actor=acting_user)
    return value
