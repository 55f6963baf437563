"""The installation's referral signing key (Ed25519): a referral packet sent to a partner outside Garda carries the
SHA-256 of its canonical JSON and a signature over it, which the partner checks with the public key published at
/api/v1/keys/referrals. The private key lives in a file beside SECRET_KEY, never in the database."""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import os
from pathlib import Path
from typing import Any

from django.conf import settings
from nacl.signing import SigningKey, VerifyKey


def _path() -> Path:
    return Path(settings.DATA_DIR) / "keys" / "referral-signing.key"


def signing_key() -> SigningKey:
    path = _path()
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(bytes(SigningKey.generate()))
        tmp.chmod(0o600)
        with contextlib.suppress(FileExistsError):  # another process made it first: theirs is the key
            os.link(tmp, path)
        tmp.unlink()
    return SigningKey(path.read_bytes())


def public_key_b64() -> str:
    return base64.b64encode(bytes(signing_key().verify_key)).decode()


def canonical(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def seal(packet: dict[str, Any]) -> tuple[str, str]:
    """The packet's SHA-256 (hex) and the base64 Ed25519 signature over its canonical bytes."""
    data = canonical(packet)
    return hashlib.sha256(data).hexdigest(), base64.b64encode(signing_key().sign(data).signature).decode()


def verify(packet: dict[str, Any], signature_b64: str, public_b64: str) -> bool:
    from nacl.exceptions import BadSignatureError

    try:
        VerifyKey(base64.b64decode(public_b64)).verify(canonical(packet), base64.b64decode(signature_b64))
    except (BadSignatureError, ValueError):
        return False
    return True
