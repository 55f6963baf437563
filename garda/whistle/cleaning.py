"""The worker's side of attachments: open a file with the key sealed to the worker, make the copy without metadata
in an isolated child process, store the copy under the same file key, and erase the worker's sealed key."""

from __future__ import annotations

from django.db import transaction

from garda.core import audit
from garda.whistle import crypto, keys, sanitize, storage
from garda.whistle.models import Attachment, CleanStatus


def clean_one(attachment: Attachment) -> str:
    sealed = attachment.worker_sealed_key
    if sealed is None or attachment.clean_status != CleanStatus.PENDING:
        return str(attachment.clean_status)
    file_key = crypto.unseal(keys.worker_private_key(), bytes(sealed))
    meta = crypto.decrypt_json(file_key, bytes(attachment.meta))
    original = crypto.decrypt(file_key, storage.read(attachment.blob))
    kind = sanitize.sniff(original)
    blob, status, note = "", CleanStatus.DONE, ""
    try:
        if kind is None:
            raise sanitize.SanitizeError("jenis berkas tidak dikenali")
        copy = sanitize.clean_isolated(original, kind)
        blob = storage.new_name()
        storage.write(blob, crypto.encrypt(file_key, copy))
    except sanitize.SanitizeError as exc:
        status, note = CleanStatus.FAILED, str(exc)[:300]
    with transaction.atomic():
        Attachment.objects.filter(pk=attachment.pk).update(
            clean_blob=blob, clean_status=status, clean_note=note, worker_sealed_key=None
        )
        audit.record(
            "whistle.attachment_cleaned",
            actor_username="worker",
            obj=attachment,
            summary=f"Lampiran laporan {attachment.report.number}: {CleanStatus(status).label}",
            after={"status": status, "type": meta.get("type", ""), "note": note},
            unscoped=True,
        )
    return str(status)


def clean_pending(report_id: int) -> dict[str, int]:
    counts: dict[str, int] = {}
    for attachment in Attachment.objects.filter(report_id=report_id, clean_status=CleanStatus.PENDING).select_related(
        "report"
    ):
        status = clean_one(attachment)
        counts[status] = counts.get(status, 0) + 1
    return counts
