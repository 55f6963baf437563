"""The audit chain: append one event per state change; verify that nothing was altered or removed.

Each event's hash is an HMAC-SHA-256 of its canonical JSON — which includes the previous event's hash and its own
sequence number — under a key kept outside the database (`auditkey`). Changing any field breaks its hash; removing
an event leaves a gap in the sequence; a forged event cannot be given a fitting hash without the key; and the
database refuses UPDATE, DELETE and TRUNCATE on the table in the first place. Cutting the newest events off cannot
be seen from the chain alone: signed checkpoints of the head, written outside the database (`garda audit
checkpoint`, hourly by the worker), make `verify` fail when the chain is shorter than, or disagrees with, the
latest one.

A chain begun before the key existed keeps its first events as plain SHA-256; once an event is keyed, every later
one must be.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC
from typing import TYPE_CHECKING, Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, models, transaction
from django.utils import timezone

from garda.core import auditkey
from garda.core.models import AuditEvent
from garda.core.requestid import current_request_id

if TYPE_CHECKING:
    from garda.core.models import Office, User

GENESIS_HASH = "0" * 64
_CHAIN_LOCK_KEY = 0x6A7264  # any constant: serialises appends on PostgreSQL


def jsonable(value: Any) -> Any:
    """Plain JSON (strings for dates, decimals, UUIDs), so the stored value hashes the same when read back."""
    if value is None:
        return None
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder))


def _hashed_fields(event: AuditEvent) -> dict[str, Any]:
    return {
        "seq": event.seq,
        "created_at": event.created_at.astimezone(UTC).isoformat(timespec="microseconds"),
        "actor_id": event.actor_id,
        "actor_username": event.actor_username,
        "office_code": event.office_code,
        "action": event.action,
        "object_type": event.object_type,
        "object_id": event.object_id,
        "summary": event.summary,
        "before": event.before,
        "after": event.after,
        "request_id": event.request_id,
        "prev_hash": event.prev_hash,
    }


def _canonical(event: AuditEvent) -> bytes:
    return json.dumps(_hashed_fields(event), sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def compute_hash(event: AuditEvent) -> str:
    """The event's keyed hash."""
    return auditkey.mac(_canonical(event))


def legacy_hash(event: AuditEvent) -> str:
    """The plain SHA-256 of events written before the chain was keyed."""
    return hashlib.sha256(_canonical(event)).hexdigest()


def _lock_chain() -> None:
    # SQLite transactions are IMMEDIATE (settings), so they already hold the write lock here.
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_CHAIN_LOCK_KEY])


def record(
    action: str,
    *,
    actor: User | None = None,
    actor_username: str = "",
    office: Office | None = None,
    obj: models.Model | None = None,
    summary: str = "",
    before: Any = None,
    after: Any = None,
    unscoped: bool = False,
) -> AuditEvent:
    """Append one event. Call it inside the action's transaction, so the event and the change commit together.

    `unscoped` events belong to no office, so only national reviewers see them: the whistleblowing channel's, which
    the staff of the office a report concerns must not find in their office's trail."""
    office_code = office.code if office is not None else ""
    if not office_code and not unscoped and actor is not None and actor.office_id is not None:
        office_code = actor.office.code
    with transaction.atomic():
        _lock_chain()
        last = AuditEvent.objects.order_by("-seq").values_list("seq", "hash").first()
        seq, prev_hash = (last[0] + 1, last[1]) if last else (1, GENESIS_HASH)
        event = AuditEvent(
            seq=seq,
            created_at=timezone.now(),
            actor=actor,
            actor_username=(actor.get_username() if actor is not None else actor_username or "system")[:150],
            office_code=office_code,
            action=action,
            object_type=obj._meta.label_lower if obj is not None else "",
            object_id=str(obj.pk) if obj is not None else "",
            summary=summary[:300],
            before=jsonable(before),
            after=jsonable(after),
            request_id=current_request_id(),
            prev_hash=prev_hash,
        )
        event.hash = compute_hash(event)
        event.save(force_insert=True)
    return event


@dataclass(frozen=True)
class ChainReport:
    intact: bool
    count: int
    head_hash: str
    broken_seq: int | None = None
    broken_id: int | None = None
    reason: str = ""


def verify_chain(*, checkpoint: bool = True) -> ChainReport:
    """Walk the whole chain in order; stop at the first event that does not fit; then hold the chain against the
    latest signed checkpoint, if any."""
    expected_seq, expected_prev, count = 1, GENESIS_HASH, 0
    keyed = False
    hashes: dict[int, str] = {}
    point, problem = auditkey.latest_checkpoint() if checkpoint else (None, "")
    for event in AuditEvent.objects.order_by("seq").iterator(chunk_size=2000):
        reason = ""
        if event.seq != expected_seq:
            reason = f"nomor urut {event.seq}, seharusnya {expected_seq}: ada kejadian yang dihapus"
        elif event.prev_hash != expected_prev:
            reason = "hash kejadian sebelumnya tidak cocok: rantai diputus atau disisipi"
        elif compute_hash(event) == event.hash:
            keyed = True
        elif keyed or legacy_hash(event) != event.hash:
            reason = "isi kejadian tidak cocok dengan hash-nya: data telah diubah atau kejadian dipalsukan"
        if reason:
            return ChainReport(False, count, expected_prev, event.seq, event.pk, reason)
        if point is not None and event.seq == point.seq:
            hashes[event.seq] = event.hash
        expected_seq, expected_prev, count = expected_seq + 1, event.hash, count + 1
    if problem:
        return ChainReport(False, count, expected_prev, None, None, problem)
    if point is not None:
        if count < point.seq:
            return ChainReport(
                False,
                count,
                expected_prev,
                count + 1,
                None,
                f"rantai berakhir pada #{count}, padahal titik periksa {point.written_at} mencatat #{point.seq}: "
                "kejadian terbaru telah dihapus",
            )
        if hashes.get(point.seq) != point.hash:
            return ChainReport(
                False,
                count,
                expected_prev,
                point.seq,
                None,
                f"kejadian #{point.seq} tidak sama dengan titik periksa {point.written_at}: rantai telah diganti",
            )
    return ChainReport(True, count, expected_prev)


def checkpoint() -> auditkey.Checkpoint | None:
    """Write a signed checkpoint of the chain's head outside the database (nothing when the chain is empty)."""
    head = AuditEvent.objects.order_by("-seq").values_list("seq", "hash").first()
    if head is None:
        return None
    return auditkey.write_checkpoint(head[0], head[1], timezone.now().isoformat())


def snapshot(instance: models.Model, fields: list[str]) -> dict[str, Any]:
    """The values of some fields, for an event's before/after (foreign keys by id)."""
    return {name: jsonable(getattr(instance, instance._meta.get_field(name).attname)) for name in fields}  # type: ignore[union-attr]
