"""Storing applications: every import is idempotent, a changed record is updated and the change audited."""

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from django.db import transaction

from garda.core import audit
from garda.identity.index import index_person
from garda.screening.contracts import parse_datetime, problems
from garda.screening.models import Application


class UnreadableFile(Exception):
    pass


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


def read_json_lines(path: Path) -> Iterator[tuple[int, Any, str]]:
    """(line number, parsed object or None, error) for each non-empty line."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableFile(f"{path}: tidak dapat dibaca ({exc.strerror or exc})") from exc
    for lineno, raw in enumerate(data.splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            text = raw.decode("utf-8").removeprefix("\ufeff")
        except UnicodeDecodeError as exc:
            yield lineno, None, f"bukan teks UTF-8 yang sah (byte {exc.start + 1})"
            continue
        try:
            yield lineno, json.loads(text), ""
        except json.JSONDecodeError as exc:
            yield lineno, None, f"JSON tidak sah pada kolom {exc.colno}: {exc.msg}"


def _fields(record: dict[str, Any]) -> dict[str, Any]:
    applicant, travel = record["applicant"], record["travel"]
    decision = record.get("decision") or {}
    return {
        "submitted_at": parse_datetime(record["submitted_at"]),
        "channel": record.get("channel", ""),
        "applicant_name": applicant["full_name"][:200],
        "applicant_nik": str(applicant.get("nik", ""))[:32],
        "applicant_birth_date": date.fromisoformat(applicant["birth_date"]),
        "purpose": travel["purpose"],
        "destination_country": travel.get("destination_country", ""),
        "decision_kind": decision.get("kind", ""),
        "decided_at": parse_datetime(decision["decided_at"]) if decision.get("decided_at") else None,
        "suspended_until": date.fromisoformat(decision["until"]) if decision.get("until") else None,
    }


def _index_people(app: Application, record: dict[str, Any]) -> None:
    """The applicant and the companion join the person index, so later screening recognises them anywhere."""
    applicant = record["applicant"]
    ref = f"{app.office_code}:{app.external_id}"
    index_person(
        source="applicant",
        source_ref=ref,
        office_code=app.office_code,
        record={
            "full_name": applicant.get("full_name"),
            "birth_date": applicant.get("birth_date"),
            "sex": applicant.get("sex"),
            "nik": applicant.get("nik"),
            "phone": applicant.get("phone"),
            "birth_place": applicant.get("birth_place"),
            "mother_name": applicant.get("mother_name"),
            "address": (applicant.get("address") or {}).get("text"),
        },
    )
    companion = record.get("companion") or {}
    if companion.get("full_name") or companion.get("nik") or companion.get("phone"):
        index_person(
            source="companion",
            source_ref=ref,
            office_code=app.office_code,
            record={
                "full_name": companion.get("full_name"),
                "nik": companion.get("nik"),
                "phone": companion.get("phone"),
            },
        )


def store_application(record: dict[str, Any], *, source: str) -> str:
    """Create or update one valid record; returns "stored", "updated" or "unchanged"."""
    digest = hashlib.sha256(json.dumps(record, sort_keys=True, ensure_ascii=False).encode()).hexdigest()
    with transaction.atomic():
        existing = (
            Application.objects.select_for_update()
            .filter(office_code=record["office"], external_id=record["id"])
            .first()
        )
        if existing is not None and existing.record_hash == digest:
            return "unchanged"
        values = {**_fields(record), "record": record, "record_hash": digest}
        if existing is None:
            app = Application.objects.create(office_code=record["office"], external_id=record["id"], **values)
            outcome = "stored"
        else:
            changed = sorted(k for k in set(existing.record) | set(record) if existing.record.get(k) != record.get(k))
            before = {k: existing.record.get(k) for k in changed}
            for name, value in values.items():
                setattr(existing, name, value)
            existing.save()
            app = existing
            audit.record(
                "application.update",
                actor_username="system",
                obj=app,
                summary=f"Permohonan {app.office_code}/{app.external_id} diperbarui dari {source}: "
                f"{', '.join(changed)}"[:300],
                before=before,
                after={k: record.get(k) for k in changed},
            )
            outcome = "updated"
        _index_people(app, record)
    return outcome


def import_applications(path: Path) -> ImportSummary:
    """Every line checked against the contract; bad lines named and skipped; valid lines stored."""
    summary = ImportSummary()
    for lineno, record, error in read_json_lines(path):
        summary.read += 1
        found = [error] if error else problems("application", record)
        if found:
            summary.rejected += 1
            summary.errors.extend(f"{path}:{lineno}: {problem}" for problem in found)
            continue
        outcome = store_application(record, source=str(path.name))
        setattr(summary, outcome, getattr(summary, outcome) + 1)
    audit.record(
        "application.import",
        actor_username="system",
        summary=f"Impor permohonan {path.name}: {summary.line()}"[:300],
        after={
            "file": path.name,
            "read": summary.read,
            "stored": summary.stored,
            "updated": summary.updated,
            "rejected": summary.rejected,
        },
    )
    return summary
