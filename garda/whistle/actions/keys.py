"""A handler's or custodian's key pair: made at the first login, opened with the password at each login,
re-wrapped when the password changes, retired when an administrator sets a temporary one."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from nacl.public import PrivateKey

from garda.core import audit
from garda.core.models import User
from garda.whistle import crypto
from garda.whistle.keys import kdf_cost
from garda.whistle.models import RecipientKey

# --- Key pairs ------------------------------------------------------------------------------------------------


def _wrap(private_key: PrivateKey, password: str) -> dict[str, Any]:
    cost, salt = kdf_cost(), crypto.random_salt()
    return {
        "public_key": crypto.public_bytes(private_key),
        "wrapped_private": crypto.wrap_private_key(private_key, password, salt, cost),
        "salt": salt,
        "opslimit": cost.opslimit,
        "memlimit": cost.memlimit,
    }


def do_open_key_pair(user: User, password: str) -> PrivateKey:
    """The user's private key, made at the first call. A key wrapped under another password (set before an
    administrator's reset) cannot be opened: it is replaced, and the replacement audited."""
    with transaction.atomic():
        row = RecipientKey.objects.select_for_update().filter(user=user).first()
        if row is not None:
            try:
                cost = crypto.KdfCost(row.opslimit, row.memlimit)
                return crypto.unwrap_private_key(bytes(row.wrapped_private), password, bytes(row.salt), cost)
            except crypto.DecryptionError:
                row.delete()
                audit.record(
                    "whistle.key_replaced",
                    actor=user,
                    obj=user,
                    summary="Kunci saluran pengaduan tidak dapat dibuka dengan kata sandi ini; kunci baru dibuat",
                )
        private_key = crypto.new_keypair()
        RecipientKey.objects.create(user=user, created_at=timezone.now(), **_wrap(private_key, password))
        audit.record("whistle.key_created", actor=user, obj=user, summary="Kunci saluran pengaduan dibuat")
        return private_key


def do_rewrap_key_pair(user: User, private_key: PrivateKey, password: str) -> None:
    RecipientKey.objects.filter(user=user).update(**_wrap(private_key, password))
    audit.record("whistle.key_rewrapped", actor=user, obj=user, summary="Kunci saluran pengaduan dibungkus ulang")


def do_retire_key_pair(user: User) -> None:
    if RecipientKey.objects.filter(user=user).delete()[0]:
        audit.record(
            "whistle.key_retired",
            actor_username="system",
            obj=user,
            summary=f"Kunci saluran pengaduan {user.username} dipensiunkan (kata sandi diatur ulang)",
        )
