"""The audit chain: append one event per state change; verify that nothing was altered or removed.

Each event's hash is the SHA-256 of its canonical JSON, which includes the previous event's hash and its own
sequence number. Changing any field breaks its hash; removing an event leaves a gap in the sequence; and the
database refuses UPDATE and DELETE on the table in the first place. (Truncating the newest events cannot be seen
from the chain alone: `garda audit verify` prints the head so it can be recorded elsewhere.)
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


def compute_hash(event: AuditEvent) -> str:
    canonical = json.dumps(_hashed_fields(event), sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


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


def verify_chain() -> ChainReport:
    """Walk the whole chain in order; stop at the first event that does not fit."""
    expected_seq, expected_prev, count = 1, GENESIS_HASH, 0
    for event in AuditEvent.objects.order_by("seq").iterator(chunk_size=2000):
        reason = ""
        if event.seq != expected_seq:
            reason = f"nomor urut {event.seq}, seharusnya {expected_seq}: ada kejadian yang dihapus"
        elif event.prev_hash != expected_prev:
            reason = "hash kejadian sebelumnya tidak cocok: rantai diputus atau disisipi"
        elif compute_hash(event) != event.hash:
            reason = "isi kejadian tidak cocok dengan hash-nya: data telah diubah"
        if reason:
            return ChainReport(False, count, expected_prev, event.seq, event.pk, reason)
        expected_seq, expected_prev, count = expected_seq + 1, event.hash, count + 1
    return ChainReport(True, count, expected_prev)


def snapshot(instance: models.Model, fields: list[str]) -> dict[str, Any]:
    """The values of some fields, for an event's before/after (foreign keys by id)."""
    return {name: jsonable(getattr(instance, instance._meta.get_field(name).attname)) for name in fields}  # type: ignore[union-attr]
