"""Encrypted files of the channel, under GARDA_DATA_DIR/files/whistle/ with random names. Nothing here is readable
without a key from the database's sealed boxes."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from django.conf import settings


def store_dir() -> Path:
    path = Path(settings.MEDIA_ROOT) / "whistle"
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def new_name() -> str:
    return secrets.token_hex(16)


def write(name: str, data: bytes) -> None:
    path = store_dir() / name
    tmp = path.with_name(f"{name}.tmp")
    with open(tmp, "wb") as out:
        out.write(data)
        out.flush()
        os.fsync(out.fileno())  # accepted means on disk: the receipt is shown only after this
    tmp.replace(path)


def read(name: str) -> bytes:
    return (store_dir() / name).read_bytes()


def remove(name: str) -> None:
    (store_dir() / name).unlink(missing_ok=True)
