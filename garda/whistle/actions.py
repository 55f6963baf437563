"""Every change in the channel: a report submitted, messages both ways, statuses, access granted or withdrawn, a
request to learn the reporter's identity and its approval. Each is one transaction with its audit event; the
events are unscoped (no office), so the office a report concerns does not see it in its own trail, and their
summaries name the report's number, never its content."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from nacl.public import PrivateKey

from garda.core import audit
from garda.core.access import has_capability
from garda.core.models import Office, User
from garda.core.models.offices import OfficeKind
from garda.core.numbering import next_number
from garda.core.reasons import required_reason
from garda.core.roles import Capability
from garda.intel.work import ReportError, do_enter_report, next_report_id
from garda.whistle import crypto, keys, routing, storage
from garda.whistle.models import (
    Attachment,
    Grant,
    IdentityGrant,
    IdentityRecord,
    Message,
    Outcome,
    RecoveryKey,
    Report,
    RevealRequest,
    RevealStatus,
    Status,
    Topic,
)

# The order a report moves in; a handler may go forward or back one step, except out of "closed".
ORDER = [Status.RECEIVED, Status.VERIFIED, Status.INVESTIGATING, Status.CLOSED]


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


def story(content: dict[str, Any]) -> str:
    """The report's free text, where a reporter may name people without using the fields for names."""
    return "\n".join(str(content.get(k) or "") for k in ("what", "where", "when", "people"))


def _audit(action: str, report: Report, summary: str, *, actor: User | None = None, after: Any = None) -> None:
    audit.record(
        action,
        actor=actor,
        actor_username="" if actor else "pelapor anonim",
        obj=report,
        summary=summary,
        after=after,
        unscoped=True,
    )


def _recovery_keys(office: Office) -> list[RecoveryKey]:
    """The office's recovery key and the national one, if made."""
    return list(
        RecoveryKey.objects.filter(Q(office=office) | Q(office__kind=OfficeKind.NATIONAL), retired_at__isnull=True)
    )


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


# --- Opening a report -----------------------------------------------------------------------------------------


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


# --- The reporter -----------------------------------------------------------------------------------------------


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


# --- Handlers -----------------------------------------------------------------------------------------------------


def _require_handler(user: User) -> None:
    if not has_capability(user, Capability.WHISTLE_HANDLE):
        raise PermissionDenied


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


def do_set_status(report: Report, *, acting_user: User, status: str, outcome: str = "", note: str = "") -> Report:
    """Forward or back one step; closing takes an outcome (the WBS categories) and a reason."""
    _require_handler(acting_user)
    if report.status == Status.CLOSED:
        raise ValidationError({"status": "laporan sudah selesai"})
    if status not in ORDER or abs(ORDER.index(Status(status)) - ORDER.index(Status(report.status))) != 1:
        raise ValidationError({"status": "status hanya dapat maju atau mundur satu langkah"})
    if status == Status.CLOSED:
        if outcome not in Outcome.values:
            raise ValidationError({"outcome": "pilih hasil penanganan"})
        note = required_reason(note, "note")
    elif outcome:
        raise ValidationError({"outcome": "hasil hanya diisi saat laporan ditutup"})
    with transaction.atomic():
        before = {"status": report.status, "outcome": report.outcome}
        now = timezone.now()
        report.status, report.outcome = status, outcome
        fields = ["status", "outcome"]
        if report.acknowledged_at is None:
            report.acknowledged_at = now
            fields.append("acknowledged_at")
        if status == Status.CLOSED:
            report.closed_at = now
            fields.append("closed_at")
        report.save(update_fields=fields)
        _audit(
            "whistle.status",
            report,
            f"Status {report.number}: {Status(before['status']).label} → {Status(status).label}",
            actor=acting_user,
            after={"before": before, "status": status, "outcome": outcome, "note": note},
        )
    return report


def eligible_handlers(report: Report, report_key: bytes) -> list[User]:
    """Who else may be given the report: the unit's handlers at the office or nationally, never anyone named by
    the reporter or left out earlier."""
    barred = protected(report, report_key)
    text = story(crypto.decrypt_json(report_key, bytes(report.content)))
    pool, _ = routing.recipients(report.office, report.unit, barred.get("excluded_names", []), text)
    excluded = set(barred.get("excluded_users", []))
    return [u for u in pool if u.pk not in excluded]


def do_grant_access(report: Report, report_key: bytes, *, acting_user: User, target: User, reason: str) -> Grant:
    """Re-assignment: seal the report key to another handler of the same unit (recorded, with the reason)."""
    _require_handler(acting_user)
    reason = required_reason(reason)
    if target.pk not in {u.pk for u in eligible_handlers(report, report_key)}:
        raise ValidationError({"target": "pengguna ini tidak boleh menangani laporan ini"})
    public_key = keys.public_key_of(target)
    if public_key is None:
        raise ValidationError({"target": "pengguna ini belum punya kunci: ia perlu masuk sekali lebih dahulu"})
    with transaction.atomic():
        grant = seal_for(report, report_key, public_key, user=target, by=acting_user)
        _audit(
            "whistle.grant",
            report,
            f"Akses {report.number} diberikan kepada {target.username}",
            actor=acting_user,
            after={"user": target.username, "reason": reason},
        )
    return grant


def do_exclude(report: Report, report_key: bytes, *, acting_user: User, target: User, reason: str) -> None:
    """A conflict of interest found later: the person loses their sealed copy and can never be given it again."""
    _require_handler(acting_user)
    reason = required_reason(reason)
    barred = protected(report, report_key)
    with transaction.atomic():
        barred["excluded_users"] = sorted({*barred.get("excluded_users", []), target.pk})
        report.protected = crypto.encrypt_json(report_key, barred)
        report.save(update_fields=["protected"])
        Grant.objects.filter(report=report, user=target).delete()
        IdentityGrant.objects.filter(identity__report=report, user=target).delete()
        _audit(
            "whistle.exclude",
            report,
            f"{target.username} dikeluarkan dari {report.number} (benturan kepentingan)",
            actor=acting_user,
            after={"user": target.username, "reason": reason},
        )


# --- The reporter's identity ------------------------------------------------------------------------------------


def do_request_reveal(report: Report, *, acting_user: User, reason: str) -> RevealRequest:
    _require_handler(acting_user)
    reason = required_reason(reason)
    if not IdentityRecord.objects.filter(report=report).exists():
        raise ValidationError({"reason": "pelapor tidak memberikan identitas"})
    if RevealRequest.objects.filter(report=report, requested_by=acting_user, status=RevealStatus.PENDING).exists():
        raise ValidationError({"reason": "permintaan Anda masih menunggu persetujuan"})
    with transaction.atomic():
        request = RevealRequest.objects.create(
            report=report, requested_by=acting_user, reason=reason, requested_at=timezone.now()
        )
        _audit(
            "whistle.reveal_request",
            report,
            f"{acting_user.username} meminta identitas pelapor {report.number}",
            actor=acting_user,
            after={"reason": reason},
        )
    return request


def do_decide_reveal(
    request: RevealRequest, *, acting_user: User, private_key: PrivateKey | None, approve: bool, note: str
) -> RevealRequest:
    """The custodian's decision. Approving re-seals the identity key from the custodian's copy to the requester's
    key: without that step nobody else can open it, whatever the database says."""
    if not has_capability(acting_user, Capability.WHISTLE_CUSTODIAN):
        raise PermissionDenied
    if request.requested_by_id == acting_user.pk:
        raise PermissionDenied
    if request.status != RevealStatus.PENDING:
        raise ValidationError({"note": "permintaan ini sudah diputuskan"})
    note = required_reason(note, "note")
    report = request.report
    with transaction.atomic():
        if approve:
            identity_key = identity_key_for(report, acting_user, private_key)
            if identity_key is None:
                raise ValidationError({"note": "kunci Anda tidak membuka identitas ini; masuk ulang dengan kata sandi"})
            public_key = keys.public_key_of(request.requested_by)
            if public_key is None:
                raise ValidationError({"note": "peminta belum punya kunci"})
            seal_identity_for(report.identity, identity_key, public_key, user=request.requested_by)
        request.status = RevealStatus.APPROVED if approve else RevealStatus.REFUSED
        request.decided_by, request.decided_at, request.decision_note = acting_user, timezone.now(), note
        request.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])
        _audit(
            "whistle.reveal_decision",
            report,
            f"Permintaan identitas pelapor {report.number} {'disetujui' if approve else 'ditolak'}",
            actor=acting_user,
            after={"requested_by": request.requested_by.username, "approved": approve, "note": note},
        )
    return request


def identity_key_for(report: Report, user: User, private_key: PrivateKey | None) -> bytes | None:
    return _open_grant(IdentityGrant.objects.filter(identity__report=report, user=user).first(), private_key)


def read_identity(report: Report, *, acting_user: User, private_key: PrivateKey | None) -> dict[str, str] | None:
    """The identity, for a handler whose request a custodian approved; every reading is audited."""
    _require_handler(acting_user)
    identity_key = identity_key_for(report, acting_user, private_key)
    if identity_key is None:
        return None
    value: dict[str, str] = crypto.decrypt_json(identity_key, bytes(report.identity.box))
    with transaction.atomic():
        _audit("whistle.identity_read", report, f"Identitas pelapor {report.number} dibuka", actor=acting_user)
    return value


def do_open_intel_record(
    report: Report, *, acting_user: User, role: str, full_name: str, phone: str, organisation: str, summary: str
) -> str:
    """A recruiter or company from a report goes on the watchlist: a PUBLIC partner report (its subject joins the
    person index and screening watches for it). Returns the new record's id.

    Every screening user of every office reads that record, so it says nothing of its source: no report number,
    and the day it was entered rather than the moment the report came in. The link back is the audit event, which
    only the case's grant holders see."""
    _require_handler(acting_user)
    subject = {"role": role, "full_name": full_name, "phone": phone, "organisation": organisation}
    entered_on = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    with transaction.atomic():  # the number is taken and used in one transaction
        record = {
            "id": next_report_id("PUBLIC"),
            "agency": "PUBLIC",
            "received_at": entered_on.isoformat(),
            "category": "illegal_company" if role == "company" else "suspected_recruiter",
            "subjects": [{k: v.strip() for k, v in subject.items() if v.strip()}],
            "summary": summary,
        }
        try:
            entered = do_enter_report(record, acting_user=acting_user)
        except ReportError as exc:
            raise ValidationError({"intel": exc.problems}) from exc
        _audit(
            "whistle.intel_record",
            report,
            f"Catatan intelijen {entered.external_id} dibuat dari {report.number}",
            actor=acting_user,
            after={"agency_report": entered.external_id},
        )
    return str(entered.external_id)
