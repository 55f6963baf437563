"""Handlers' and custodians' key pairs: made at their first login, opened with their password at each login and
kept for the session (encrypted under a key the database does not hold), re-wrapped when they change their
password, retired when an administrator sets a temporary one (another handler or the recovery key holder then
grants them access again)."""

from __future__ import annotations

import base64
import contextlib
import os
from pathlib import Path
from typing import Any

from django.conf import settings
from nacl.public import PrivateKey

from garda.core.access import has_capability
from garda.core.models import User
from garda.core.roles import Capability
from garda.whistle import crypto
from garda.whistle.models import ChannelKey, RecipientKey

SESSION_KEY = "garda_whistle_key"


def kdf_cost() -> crypto.KdfCost:
    """Interactive Argon2id (about 0.2 s, 64 MiB); the test suite sets WHISTLE_KDF = "minimal" to stay fast."""
    if getattr(settings, "WHISTLE_KDF", "interactive") == "minimal":
        return crypto.KdfCost.minimal()
    return crypto.KdfCost.interactive()


def channel_key() -> ChannelKey:
    row = ChannelKey.objects.order_by("pk").first()
    if row is None:
        cost = kdf_cost()
        row = ChannelKey.objects.create(salt=crypto.random_salt(), opslimit=cost.opslimit, memlimit=cost.memlimit)
    return row


def receipt_keys(receipt: str) -> crypto.ReceiptKeys:
    row = channel_key()
    return crypto.receipt_keys(receipt, bytes(row.salt), crypto.KdfCost(row.opslimit, row.memlimit))


def holds_keys(user: Any) -> bool:
    return has_capability(user, Capability.WHISTLE_HANDLE) or has_capability(user, Capability.WHISTLE_CUSTODIAN)


# --- The session's copy ---------------------------------------------------------------------------------------


def _session_secret(salt: bytes) -> bytes:
    return crypto.keyed_hash(settings.SECRET_KEY.encode("utf-8"), b"garda-whistle-session:" + salt)


def keep_in_session(session: Any, private_key: PrivateKey) -> None:
    salt = crypto.random_salt()
    box = crypto.encrypt(_session_secret(salt), crypto.private_bytes(private_key), pad=False)
    session[SESSION_KEY] = {"salt": base64.b64encode(salt).decode(), "box": base64.b64encode(box).decode()}


def from_session(session: Any) -> PrivateKey | None:
    kept = session.get(SESSION_KEY)
    if not kept:
        return None
    try:
        salt, box = base64.b64decode(kept["salt"]), base64.b64decode(kept["box"])
        return crypto.private_from_bytes(crypto.decrypt(_session_secret(salt), box, pad=False))
    except (crypto.DecryptionError, KeyError, ValueError):
        return None  # SECRET_KEY rotated, or a damaged session: the user opens the key again


def session_key_for(user: User, session: Any) -> PrivateKey | None:
    """The user's opened private key, only if it is still their current key pair."""
    private_key = from_session(session)
    current = RecipientKey.objects.filter(user=user).values_list("public_key", flat=True).first()
    if private_key is None or current is None or crypto.public_bytes(private_key) != bytes(current):
        return None
    return private_key


def public_keys(users: list[User]) -> list[tuple[User, bytes]]:
    """The users who have a key pair, with their public keys (users fetched with `whistle_key` selected cost no
    query here)."""
    found = []
    for user in users:
        try:
            found.append((user, bytes(user.whistle_key.public_key)))
        except RecipientKey.DoesNotExist:
            continue
    return found


def public_key_of(user: User) -> bytes | None:
    value = RecipientKey.objects.filter(user=user).values_list("public_key", flat=True).first()
    return bytes(value) if value is not None else None


# --- The attachment worker's key pair ---------------------------------------------------------------------------


def _worker_key_path() -> Path:
    return Path(settings.DATA_DIR) / "keys" / "whistle-worker.key"


def worker_private_key() -> PrivateKey:
    """Kept in a file beside SECRET_KEY, outside the database and the file store: the worker opens the files it
    must clean, and a copy of the database and the files alone does not."""
    path = _worker_key_path()
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(crypto.private_bytes(crypto.new_keypair()))
        tmp.chmod(0o600)
        with contextlib.suppress(FileExistsError):  # another process made it first: theirs is the key
            os.link(tmp, path)  # appears complete or not at all
        tmp.unlink()
    return crypto.private_from_bytes(path.read_bytes())


def worker_public_key() -> bytes:
    return crypto.public_bytes(worker_private_key())
