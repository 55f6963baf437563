"""Reads of protected content. Each opening of a report's content or file by a user is an audited event; the
receipt-holder's own reads are not (the reporter is anonymous)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import transaction
from nacl.public import PrivateKey

from garda.core.models import User
from garda.whistle import crypto, keys, storage
from garda.whistle.actions.common import _audit, _require_handler
from garda.whistle.models import (
    Attachment,
    Grant,
    IdentityGrant,
    Message,
    Report,
)


def report_key_for_receipt(receipt: str) -> tuple[Report, bytes] | None:
    """The report a receipt opens, and its key; None for a wrong receipt (the caller makes that slow)."""
    receipt_keys = keys.receipt_keys(receipt)
    report = Report.objects.filter(receipt_lookup=receipt_keys.lookup).first()
    if report is None:
        return None
    return report, crypto.unseal(receipt_keys.private_key, bytes(report.reporter_sealed_key))


def _open_grant(grant: Grant | IdentityGrant | None, private_key: PrivateKey | None) -> bytes | None:
    """The key in a grant, if the grant was sealed to this private key (not to one the user no longer has)."""
    if grant is None or private_key is None or bytes(grant.public_key) != crypto.public_bytes(private_key):
        return None
    return crypto.unseal(private_key, bytes(grant.sealed_key))


def report_key_for_user(report: Report, user: User, private_key: PrivateKey | None) -> bytes | None:
    """None when the user holds no grant, or their grant was sealed to a key they no longer have."""
    return _open_grant(Grant.objects.filter(report=report, user=user).first(), private_key)


def read_content(report: Report, report_key: bytes, *, reader: User | None) -> dict[str, Any]:
    """The report's text. A handler's reading is an audited event; the reporter's own is not recorded."""
    content: dict[str, Any] = crypto.decrypt_json(report_key, bytes(report.content))
    if reader is not None:
        with transaction.atomic():
            _audit("whistle.report_read", report, f"Laporan pengaduan {report.number} dibaca", actor=reader)
    return content


def protected(report: Report, report_key: bytes) -> dict[str, Any]:
    value: dict[str, Any] = crypto.decrypt_json(report_key, bytes(report.protected))
    return value


@dataclass(frozen=True)
class OpenedMessage:
    message: Message
    text: str
    files: list[OpenedFile]


@dataclass(frozen=True)
class OpenedFile:
    attachment: Attachment
    name: str
    content_type: str
    size: int


def _file_key(attachment: Attachment, report_key: bytes) -> bytes:
    return crypto.decrypt(report_key, bytes(attachment.file_key), pad=False)


def opened_file(attachment: Attachment, report_key: bytes) -> OpenedFile:
    meta = crypto.decrypt_json(_file_key(attachment, report_key), bytes(attachment.meta))
    return OpenedFile(attachment, meta["name"], meta["type"], int(meta["size"]))


def file_bytes(attachment: Attachment, report_key: bytes, *, clean: bool) -> bytes:
    blob = attachment.clean_blob if clean else attachment.blob
    if not blob:
        raise FileNotFoundError("salinan bersih belum ada")
    return crypto.decrypt(_file_key(attachment, report_key), storage.read(blob))


def read_file(attachment: Attachment, report_key: bytes, *, reader: User, clean: bool) -> tuple[OpenedFile, bytes]:
    """A handler downloads a file: the copy without metadata, or the original as evidence. Audited."""
    _require_handler(reader)
    opened, data = opened_file(attachment, report_key), file_bytes(attachment, report_key, clean=clean)
    report = attachment.report
    with transaction.atomic():
        _audit(
            "whistle.attachment_read",
            report,
            f"Lampiran laporan {report.number} diunduh ({'bersih' if clean else 'asli'})",
            actor=reader,
        )
    return opened, data


def thread(report: Report, report_key: bytes) -> tuple[list[OpenedFile], list[OpenedMessage]]:
    """The report's own files, then the messages both ways with theirs (two queries)."""
    files: dict[int | None, list[OpenedFile]] = {}
    for attachment in report.attachments.all():
        files.setdefault(attachment.message_id, []).append(opened_file(attachment, report_key))
    messages = [
        OpenedMessage(m, crypto.decrypt(report_key, bytes(m.body)).decode("utf-8"), files.get(m.pk, []))
        for m in report.messages.select_related("author")
    ]
    return files.get(None, []), messages
