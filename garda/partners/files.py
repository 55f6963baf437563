"""Partners' attachments at rest: each file encrypted under its own key (the channel's authenticated encryption),
the file key under the installation's partner-files key, kept in a file beside SECRET_KEY — a copy of the database
and the file store alone opens nothing."""

from __future__ import annotations

import contextlib
import hashlib
import os
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from garda.core import audit, filestore
from garda.intel.api import AgencyReport
from garda.partners.models import ReportFile
from garda.whistle import api as sealing

AREA = "partners"


def _installation_key() -> bytes:
    path = Path(settings.DATA_DIR) / "keys" / "partner-files.key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(sealing.random_key())
        tmp.chmod(0o600)
        with contextlib.suppress(FileExistsError):  # another process made it first: theirs is the key
            os.link(tmp, path)
        tmp.unlink()
    return path.read_bytes()


def store(report: AgencyReport, uploads: list[sealing.Upload], *, added_by: str) -> list[ReportFile]:
    """Write the files, then their rows (in the caller's transaction); files of a failed transaction are removed."""
    master = _installation_key()
    written: list[str] = []
    rows = []
    try:
        for upload in uploads:
            file_key = sealing.random_key()
            blob = filestore.new_name()
            filestore.write(AREA, blob, sealing.encrypt(file_key, upload.data))
            written.append(blob)
            rows.append(
                ReportFile.objects.create(
                    report=report,
                    blob=blob,
                    key=sealing.encrypt(master, file_key, pad=False),
                    name=upload.name[:200],
                    content_type=upload.content_type,
                    size=len(upload.data),
                    sha256=hashlib.sha256(upload.data).hexdigest(),
                    added_at=timezone.now(),
                    added_by=added_by,
                )
            )
    except BaseException:
        for blob in written:
            filestore.remove(AREA, blob)
        raise
    return rows


def read(item: ReportFile, *, reader: str) -> bytes:
    """The file, decrypted; each reading is an audited event."""
    file_key = sealing.decrypt(_installation_key(), bytes(item.key), pad=False)
    data = sealing.decrypt(file_key, filestore.read(AREA, item.blob))
    with transaction.atomic():
        audit.record(
            "partner_report.file_read",
            actor_username=reader,
            obj=item.report,
            summary=f"Lampiran {item.name} laporan {item.report.agency}/{item.report.external_id} dibuka",
            after={"sha256": item.sha256},
        )
    return data
