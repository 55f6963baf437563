"""Messages both ways: the reporter's (by receipt) and the handler's reply."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from garda.core.models import User
from garda.whistle import crypto
from garda.whistle.actions.common import _audit, _require_handler
from garda.whistle.actions.submission import Upload, _enqueue_cleaning, _store_file, _with_files_removed_on_failure
from garda.whistle.models import (
    Message,
    Report,
)


def do_reporter_message(report: Report, report_key: bytes, text: str, files: list[Upload]) -> Message:
    if not text.strip() and not files:
        raise ValidationError({"text": "tulis pesan atau lampirkan berkas"})

    def work(written: list[str]) -> Message:
        with transaction.atomic():
            now = timezone.now()
            message = Message.objects.create(
                report=report,
                from_reporter=True,
                body=crypto.encrypt(report_key, text.encode("utf-8")),
                created_at=now,
            )
            for upload in files:
                _store_file(report, message, report_key, upload, written)
            if files:
                _enqueue_cleaning(report.pk)
            Report.objects.filter(pk=report.pk).update(reporter_active_at=now)
            _audit(
                "whistle.reporter_message",
                report,
                f"Pelapor menambahkan informasi pada {report.number}",
                after={"files": len(files)},
            )
            return message

    message: Message = _with_files_removed_on_failure(work)
    return message


def do_reply(report: Report, report_key: bytes, *, acting_user: User, text: str) -> Message:
    _require_handler(acting_user)
    if not text.strip():
        raise ValidationError({"text": "balasan tidak boleh kosong"})
    with transaction.atomic():
        now = timezone.now()
        message = Message.objects.create(
            report=report,
            from_reporter=False,
            author=acting_user,
            body=crypto.encrypt(report_key, text.encode("utf-8")),
            created_at=now,
        )
        changed = []
        if report.acknowledged_at is None:
            report.acknowledged_at = now
            changed.append("acknowledged_at")
        if report.first_response_at is None:
            report.first_response_at = now
            changed.append("first_response_at")
        if changed:
            report.save(update_fields=changed)
        _audit("whistle.reply", report, f"Balasan kepada pelapor {report.number}", actor=acting_user)
    return message
