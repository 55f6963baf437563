"""The office recovery key: the way back when every handler of a report has lost their key (passwords reset,
people gone). Its private half is printed once when it is made, for its holder (the Kepala Kantor's designated
official, see docs/whistleblowing.md) to keep offline — on paper in the office safe — and is never stored by Garda.

Using it gives a handler access again: every report key (and, for a custodian, identity key) sealed to the office's
recovery key is opened with the private half typed in, and sealed to the handler's current key, within the same
routing rules as any other grant. Each use is an audited event per report."""

from __future__ import annotations

import base64

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from nacl.public import PrivateKey

from garda.core import audit
from garda.core.models import Office, User
from garda.core.roles import Role
from garda.whistle import crypto, keys
from garda.whistle.actions.audited_reads import protected
from garda.whistle.actions.handling import eligible_handlers
from garda.whistle.actions.submission import seal_for
from garda.whistle.models import Grant, IdentityGrant, RecoveryKey, Report

PREFIX = "GARDA-PEMULIHAN-"


def _encode(raw: bytes) -> str:
    text = base64.b32encode(raw).decode().rstrip("=")
    return PREFIX + "-".join(text[i : i + 4] for i in range(0, len(text), 4))


def _decode(text: str) -> bytes:
    body = "".join(text.strip().upper().removeprefix(PREFIX).split("-")).replace(" ", "")
    try:
        raw = base64.b32decode(body + "=" * (-len(body) % 8))
    except ValueError as exc:
        raise ValidationError("kunci pemulihan tidak terbaca") from exc
    if len(raw) != 32:
        raise ValidationError("kunci pemulihan harus 32 bita")
    return raw


def do_create_recovery_key(office: Office, holder: str) -> tuple[RecoveryKey, str]:
    """Make the office's recovery key (retiring the previous one); returns the row and the private half to print."""
    if not holder.strip():
        raise ValidationError("sebutkan pemegang kunci pemulihan")
    private_key = crypto.new_keypair()
    with transaction.atomic():
        now = timezone.now()
        RecoveryKey.objects.filter(office=office, retired_at__isnull=True).update(retired_at=now)
        row = RecoveryKey.objects.create(
            office=office, public_key=crypto.public_bytes(private_key), holder=holder.strip(), created_at=now
        )
        audit.record(
            "whistle.recovery_key_created",
            actor_username="cli",
            office=office,
            obj=row,
            summary=f"Kunci pemulihan saluran pengaduan {office.code} dibuat; pemegang: {row.holder}"[:300],
        )
    return row, _encode(crypto.private_bytes(private_key))


def do_restore_access(office: Office, user: User, private_text: str) -> int:
    """Seal every report of the office that the recovery key opens to the user's current key; returns how many."""
    private_key = crypto.private_from_bytes(_decode(private_text))
    public_key = crypto.public_bytes(private_key)
    row = RecoveryKey.objects.filter(office=office, public_key=public_key).first()
    if row is None:
        raise ValidationError("kunci ini bukan kunci pemulihan kantor tersebut")
    target = keys.public_key_of(user)
    if target is None:
        raise ValidationError(f"{user.username} belum punya kunci: ia perlu masuk sekali lebih dahulu")
    done = 0
    custodian = user.role == Role.CUSTODIAN
    for grant in Grant.objects.filter(recovery=row).select_related("report"):
        report = grant.report
        report_key = crypto.unseal(private_key, bytes(grant.sealed_key))
        if custodian:
            done += _restore_identity(report, report_key, private_key, user, target)
            continue
        if user.pk not in {u.pk for u in eligible_handlers(report, report_key)}:
            continue
        with transaction.atomic():
            seal_for(report, report_key, target, user=user, by=None)
            _audit(report, user)
        done += 1
    return done


def _restore_identity(report: Report, report_key: bytes, private_key: PrivateKey, user: User, target: bytes) -> int:
    """A custodian gets back the identity keys (never the report): if the reporter did not name them."""
    if user.pk in protected(report, report_key).get("excluded_users", []):
        return 0
    sealed = IdentityGrant.objects.filter(
        identity__report=report, recovery__public_key=crypto.public_bytes(private_key)
    )
    found = sealed.first()
    if found is None:
        return 0
    identity_key = crypto.unseal(private_key, bytes(found.sealed_key))
    with transaction.atomic():
        IdentityGrant.objects.update_or_create(
            identity=found.identity,
            user=user,
            defaults={
                "public_key": target,
                "sealed_key": crypto.seal(target, identity_key),
                "granted_at": timezone.now(),
            },
        )
        _audit(report, user)
    return 1


def _audit(report: Report, user: User) -> None:
    audit.record(
        "whistle.recovery_grant",
        actor_username="cli",
        obj=report,
        summary=f"Akses {report.number} dipulihkan untuk {user.username} dengan kunci pemulihan",
        unscoped=True,
    )
