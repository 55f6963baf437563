"""The audit chain's key and its checkpoints, kept outside the database (under GARDA_DATA_DIR/keys and
GARDA_DATA_DIR/audit).

Whoever can write the database could otherwise recompute every hash: delete the newest events, or append a forged
one with a fresh SHA-256, and the chain still verified. Keyed with an HMAC whose key the database does not hold,
a forged event cannot be made to fit; signed checkpoints of the head, written outside the database on a schedule,
show a chain cut short after them.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from django.conf import settings


def _keys_dir() -> Path:
    path = Path(settings.DATA_DIR) / "keys"
    path.mkdir(mode=0o700, exist_ok=True)
    return path


@lru_cache(maxsize=1)
def _key_at(path: str) -> bytes:
    file = Path(path)
    try:
        fd = os.open(file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        pass
    else:
        with os.fdopen(fd, "w") as fh:
            fh.write(secrets.token_hex(32))
    return bytes.fromhex(file.read_text().strip())


def audit_key() -> bytes:
    """GARDA_AUDIT_KEY (64 hex digits, for a deployment that keeps it in a secrets store), or a key made once in
    the data directory (owner-only)."""
    if value := os.environ.get("GARDA_AUDIT_KEY"):
        return bytes.fromhex(value)
    return _key_at(str(_keys_dir() / "audit.key"))


def mac(payload: bytes) -> str:
    return hmac.new(audit_key(), payload, hashlib.sha256).hexdigest()


# --- Checkpoints ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Checkpoint:
    seq: int
    hash: str
    written_at: str
    signature: str

    def payload(self) -> bytes:
        return json.dumps({"seq": self.seq, "hash": self.hash, "written_at": self.written_at}, sort_keys=True).encode()

    @property
    def genuine(self) -> bool:
        return hmac.compare_digest(self.signature, mac(b"checkpoint:" + self.payload()))


def checkpoint_file() -> Path:
    path = Path(settings.DATA_DIR) / "audit"
    path.mkdir(mode=0o700, exist_ok=True)
    return path / "checkpoints.jsonl"


def write_checkpoint(seq: int, head_hash: str, written_at: str) -> Checkpoint:
    """Append a signed checkpoint of the chain's head (one line, flushed to disk)."""
    unsigned = Checkpoint(seq, head_hash, written_at, "")
    point = Checkpoint(seq, head_hash, written_at, mac(b"checkpoint:" + unsigned.payload()))
    line = json.dumps({"seq": seq, "hash": head_hash, "written_at": written_at, "signature": point.signature})
    with checkpoint_file().open("a", encoding="utf-8") as fh:
        fh.write(line + "\n")
        fh.flush()
        os.fsync(fh.fileno())
    return point


def latest_checkpoint() -> tuple[Checkpoint | None, str]:
    """The newest checkpoint, and a problem with the file if any (unreadable, or a line not signed by our key)."""
    path = checkpoint_file()
    if not path.exists():
        return None, ""
    latest: Checkpoint | None = None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            point = Checkpoint(int(data["seq"]), str(data["hash"]), str(data["written_at"]), str(data["signature"]))
        except (ValueError, KeyError, TypeError):
            return latest, f"{path}:{number}: baris titik periksa tidak terbaca"
        if not point.genuine:
            return latest, f"{path}:{number}: tanda tangan titik periksa tidak sah"
        if latest is None or point.seq >= latest.seq:
            latest = point
    return latest, ""
