"""The shared machinery of the contract's JSON Lines imports: reading line by line, naming bad lines, and the
one-line summary (records read, stored, updated, rejected)."""

import json
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import transaction

from garda.core import audit
from garda.core.jsonlines import unstorable_text


class UnreadableFile(Exception):
    """The file cannot be read at all: exit status 2."""


@dataclass
class ImportSummary:
    read: int = 0
    stored: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    errors: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (
            f"{self.read} records read, {self.stored} stored, {self.updated} updated, {self.unchanged} "
            f"unchanged, {self.rejected} rejected"
        )


def read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise UnreadableFile(f"{path}: tidak dapat dibaca ({exc.strerror or exc})") from exc


def read_json_lines(path: Path) -> Iterator[tuple[int, Any, str]]:
    """(line number, parsed object or None, error) for each non-empty line."""
    data = read_bytes(path)
    for lineno, raw in enumerate(data.splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            text = raw.decode("utf-8").removeprefix("\ufeff")
        except UnicodeDecodeError as exc:
            yield lineno, None, f"bukan teks UTF-8 yang sah (byte {exc.start + 1})"
            continue
        try:
            record = json.loads(text)
        except json.JSONDecodeError as exc:
            yield lineno, None, f"JSON tidak sah pada kolom {exc.colno}: {exc.msg}"
            continue
        unstorable = unstorable_text(raw, record)
        if unstorable:
            yield lineno, record, "; ".join(unstorable)  # the record still names its id on the error line
            continue
        yield lineno, record, ""


def import_json_lines(
    path: Path,
    *,
    kind: str,
    check: Callable[[Any], list[str]],
    store: Callable[[dict[str, Any]], str],
    store_many: Callable[[list[dict[str, Any]]], list[str]] | None = None,
    batch_size: int = 500,
) -> ImportSummary:
    """Check every line, name the bad ones as FILE:LINE: reason, store the good ones (store returns "stored",
    "updated" or "unchanged"; store_many, when given, does the same for a batch), and record the run in the
    audit chain."""
    summary = ImportSummary()
    batch: list[dict[str, Any]] = []
    lines: list[int] = []

    def flush() -> None:
        # Each batch commits with its own audit event: a run killed half-way leaves no stored row unaccounted for
        # (the run's summary event alone came at the very end).
        with transaction.atomic():
            outcomes = store_many(batch) if store_many is not None else [store(r) for r in batch]
            counts = Counter(outcomes)
            audit.record(
                f"{kind}.import_batch",
                actor_username="system",
                summary=f"Impor {kind} {path.name} baris {lines[0]}–{lines[-1]}: {counts['stored']} disimpan, "
                f"{counts['updated']} diperbarui, {counts['unchanged']} tetap"[:300],
                after={"file": path.name, "first_line": lines[0], "last_line": lines[-1], **counts},
            )
        for outcome in outcomes:
            setattr(summary, outcome, getattr(summary, outcome) + 1)
        batch.clear()
        lines.clear()

    for lineno, record, error in read_json_lines(path):
        summary.read += 1
        found = [error] if error else check(record)
        if found:
            summary.rejected += 1
            summary.errors.extend(f"{path}:{lineno}: {problem}" for problem in found)
            continue
        batch.append(record)
        lines.append(lineno)
        if len(batch) >= batch_size:
            flush()
    if batch:
        flush()
    audit.record(
        f"{kind}.import",
        actor_username="system",
        summary=f"Impor {kind} {path.name}: {summary.line()}"[:300],
        after={
            "file": path.name,
            "read": summary.read,
            "stored": summary.stored,
            "updated": summary.updated,
            "rejected": summary.rejected,
        },
    )
    return summary


def record_hash(record: Any) -> str:
    import hashlib

    return hashlib.sha256(json.dumps(record, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def changed_keys(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    return sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))


def upsert(
    model: Any,
    *,
    lookup: dict[str, Any],
    values: dict[str, Any],
    record: dict[str, Any],
    action: str,
    label: str,
    source: str,
) -> tuple[Any, str]:
    """Create or update the stored copy of an imported record (inside the caller's transaction).

    Unchanged records are left alone; a changed one is updated and its changed fields go into an audit event.
    Returns the object and "stored", "updated" or "unchanged"."""
    digest = record_hash(record)
    existing = model.objects.select_for_update().filter(**lookup).first()
    if existing is not None and existing.record_hash == digest:
        return existing, "unchanged"
    values = {**values, "record": record, "record_hash": digest}
    if existing is None:
        return model.objects.create(**lookup, **values), "stored"
    changed = changed_keys(existing.record, record)
    before = {k: existing.record.get(k) for k in changed}
    for name, value in values.items():
        setattr(existing, name, value)
    existing.save()
    audit.record(
        action,
        actor_username="system",
        obj=existing,
        summary=f"{label} diperbarui dari {source}: {', '.join(changed)}"[:300],
        before=before,
        after={k: record.get(k) for k in changed},
    )
    return existing, "updated"
