"""Files kept outside the database under GARDA_DATA_DIR/files/<area>/ with random names: the channel's encrypted
attachments, oversight's encrypted evidence. Callers encrypt before writing; this module only keeps bytes safely."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from django.conf import settings


def area_dir(area: str) -> Path:
    path = Path(settings.MEDIA_ROOT) / area
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def new_name() -> str:
    return secrets.token_hex(16)


def write(area: str, name: str, data: bytes) -> None:
    path = area_dir(area) / name
    tmp = path.with_name(f"{name}.tmp")
    with open(tmp, "wb") as out:
        out.write(data)
        out.flush()
        os.fsync(out.fileno())  # accepted means on disk: a receipt or a "saved" is shown only after this
    tmp.replace(path)


def read(area: str, name: str) -> bytes:
    return (area_dir(area) / name).read_bytes()


def remove(area: str, name: str) -> None:
    (area_dir(area) / name).unlink(missing_ok=True)
