"""A report submitted: its content, files and the reporter's identity sealed to the handlers the routing allows
and to the office's recovery key, in one transaction."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from garda.core.models import Office, User
from garda.core.numbering import next_number
from garda.whistle import crypto, keys, routing, storage
from garda.whistle.actions.common import _audit, _recovery_keys, story
from garda.whistle.models import (
    Attachment,
    Grant,
    IdentityGrant,
    IdentityRecord,
    Message,
    RecoveryKey,
    Report,
    Topic,
)


@dataclass(frozen=True)
class Upload:
    name: str
    content_type: str
    data: bytes


@dataclass
class Submission:
    office: Office
    topic: str
    what: str
    where: str = ""
    when: str = ""
    people: str = ""
    officer: str = ""
    excluded: str = ""  # names, one per line or comma-separated
    identity_name: str = ""
    identity_contact: str = ""
    files: list[Upload] = field(default_factory=list)
    language: str = "id"

    def excluded_names(self) -> list[str]:
        return [n.strip() for n in re.split(r"[\n,;]+", self.excluded) if n.strip()]


def _store_file(report: Report, message: Message | None, report_key: bytes, upload: Upload, written: list[str]) -> None:
    file_key = crypto.random_key()
    blob = storage.new_name()
    storage.write(blob, crypto.encrypt(file_key, upload.data))
    written.append(blob)
    Attachment.objects.create(
        report=report,
        message=message,
        blob=blob,
        file_key=crypto.encrypt(report_key, file_key, pad=False),
        meta=crypto.encrypt_json(
            file_key, {"name": upload.name[:200], "type": upload.content_type, "size": len(upload.data)}
        ),
        worker_sealed_key=crypto.seal(keys.worker_public_key(), file_key),
        created_at=timezone.now(),
    )


def _enqueue_cleaning(report_id: int) -> None:
    from garda.whistle.tasks import clean_attachments

    transaction.on_commit(lambda: clean_attachments.enqueue(report_id))


def _with_files_removed_on_failure(work: Any) -> Any:
    """Files are written before the rows that name them commit; if the transaction fails, they go."""
    written: list[str] = []
    try:
        return work(written)
    except BaseException:
        for blob in written:
            storage.remove(blob)
        raise


def do_submit_report(submission: Submission) -> tuple[Report, str]:
    """Store an anonymous report; returns it and the receipt, which is shown once and kept nowhere."""
    if submission.topic not in Topic.values:
        raise ValidationError({"topic": "topik tidak dikenal"})
    if not submission.what.strip():
        raise ValidationError({"what": "ceritakan apa yang terjadi"})
    receipt = crypto.new_receipt()
    receipt_keys = keys.receipt_keys(receipt)  # Argon2id: outside the transaction, which holds the write lock
    report_key = crypto.random_key()
    named = ([submission.officer.strip()] if submission.officer.strip() else []) + submission.excluded_names()
    unit = routing.unit_for(submission.topic, bool(submission.officer.strip()))
    content = {
        "topic": submission.topic,
        "what": submission.what,
        "where": submission.where,
        "when": submission.when,
        "people": submission.people,
        "officer": submission.officer,
        "language": submission.language,
    }

    def work(written: list[str]) -> Report:
        with transaction.atomic():
            return _store_report(submission, receipt_keys, report_key, unit, named, content, written)

    report: Report = _with_files_removed_on_failure(work)
    return report, receipt


def _store_report(
    submission: Submission,
    receipt_keys: crypto.ReceiptKeys,
    report_key: bytes,
    unit: str,
    named: list[str],
    content: dict[str, Any],
    written: list[str],
) -> Report:
    now = timezone.now()
    kept, left_out = routing.recipients(submission.office, unit, named, story(content))
    report = Report.objects.create(
        number=next_number(Report.objects.all(), "number", f"WBS-{now.year}-", 6),
        office=submission.office,
        topic=submission.topic,
        unit=unit,
        receipt_lookup=receipt_keys.lookup,
        reporter_sealed_key=crypto.seal(receipt_keys.public_key, report_key),
        content=crypto.encrypt_json(report_key, content),
        protected=crypto.encrypt_json(report_key, {"excluded_users": sorted(left_out), "excluded_names": named}),
        received_at=now,
        reporter_active_at=now,
    )
    sealed_to = 0
    for user, public_key in keys.public_keys(kept):  # users without a key yet are given access later
        seal_for(report, report_key, public_key, user=user, by=None)
        sealed_to += 1
    recovery = _recovery_keys(submission.office)
    if not sealed_to and not recovery:
        # Nobody could ever open it: refuse now, while the reporter is still here (the transaction is rolled back
        # and no receipt is given), rather than keep a report no one can read. `garda check --deploy` names such
        # an office before it happens.
        raise ValidationError(
            _(
                "Saluran pengaduan untuk kantor ini belum siap menerima laporan. Pilih Direktorat Jenderal "
                "Imigrasi sebagai kantor tujuan, atau coba lagi nanti. Laporan Anda belum disimpan."
            )
        )
    for rk in recovery:
        Grant.objects.create(
            report=report,
            recovery=rk,
            public_key=bytes(rk.public_key),
            sealed_key=crypto.seal(bytes(rk.public_key), report_key),
            granted_at=now,
        )
    if submission.identity_name.strip() or submission.identity_contact.strip():
        _store_identity(report, submission, named, recovery)
    for upload in submission.files:
        _store_file(report, None, report_key, upload, written)
    if submission.files:
        _enqueue_cleaning(report.pk)
    _audit(
        "whistle.report_received",
        report,
        f"Laporan pengaduan {report.number} diterima",
        after={"number": report.number, "unit": unit, "recipients": sealed_to, "files": len(submission.files)},
    )
    return report


def seal_for(report: Report, report_key: bytes, public_key: bytes, *, user: User, by: User | None) -> Grant:
    """Seal the report key to a user's public key (a new grant, or one replacing a stale one)."""
    grant, _ = Grant.objects.update_or_create(
        report=report,
        user=user,
        defaults={
            "public_key": public_key,
            "sealed_key": crypto.seal(public_key, report_key),
            "granted_at": timezone.now(),
            "granted_by": by,
        },
    )
    return grant


def _store_identity(report: Report, submission: Submission, named: list[str], recovery: list[RecoveryKey]) -> None:
    identity_key = crypto.random_key()
    record = IdentityRecord.objects.create(
        report=report,
        box=crypto.encrypt_json(
            identity_key, {"name": submission.identity_name, "contact": submission.identity_contact}
        ),
        created_at=report.received_at,
    )
    for user, public_key in keys.public_keys(routing.custodians(report.office, named)):
        seal_identity_for(record, identity_key, public_key, user=user)
    for rk in recovery:
        IdentityGrant.objects.create(
            identity=record,
            recovery=rk,
            public_key=bytes(rk.public_key),
            sealed_key=crypto.seal(bytes(rk.public_key), identity_key),
            granted_at=report.received_at,
        )


def seal_identity_for(record: IdentityRecord, identity_key: bytes, public_key: bytes, *, user: User) -> None:
    IdentityGrant.objects.update_or_create(
        identity=record,
        user=user,
        defaults={
            "public_key": public_key,
            "sealed_key": crypto.seal(public_key, identity_key),
            "granted_at": timezone.now(),
        },
    )
