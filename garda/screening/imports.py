"""Storing applications: every import is idempotent, a changed record is updated and the change audited."""

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils import timezone

from garda.contracts import applicant_person, parse_datetime, problems
from garda.core import audit
from garda.core.bulk import insert_rows
from garda.core.imports import ImportSummary, import_json_lines, record_hash, upsert
from garda.core.signals import screening_context_changed
from garda.identity.index import PersonRow, index_person, insert_person_rows, person_row, remove_persons
from garda.identity.names import name_or_none
from garda.identity.phones import phone_or_none
from garda.screening import context as screening_context
from garda.screening.models import Application, Contact, grounds_of
from garda.screening.rules import family_key


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
        "decision_grounds": grounds_of(decision),
        "suspended_until": date.fromisoformat(decision["until"]) if decision.get("until") else None,
    }


def _people(app: Application, record: dict[str, Any]) -> list[tuple[str, str, dict[str, Any], str]]:
    """The applicant and the companion as (source, source_ref, fields, office) rows of the person index."""
    applicant = record["applicant"]
    ref = f"{app.office_code}:{app.external_id}"
    rows: list[tuple[str, str, dict[str, Any], str]] = [
        (
            "applicant",
            ref,
            applicant_person(applicant),
            app.office_code,
        )
    ]
    companion = record.get("companion") or {}
    if companion.get("full_name") or companion.get("nik") or companion.get("phone"):
        rows.append(
            (
                "companion",
                ref,
                {k: companion.get(k) for k in ("full_name", "nik", "phone")},
                app.office_code,
            )
        )
    return rows


def _index_people(app: Application, record: dict[str, Any]) -> None:
    """The applicant and the companion join the person index, so later screening recognises them anywhere."""
    rows = _people(app, record)
    for source, ref, fields, office in rows:
        index_person(source=source, source_ref=ref, office_code=office, record=fields)
    if all(source != "companion" for source, *_ in rows):  # a companion struck from a corrected record
        remove_persons(source="companion", source_ref=f"{app.office_code}:{app.external_id}")


def _contacts(app: Application, record: dict[str, Any]) -> None:
    """The contact points other applications are compared with (same companion, same phone, other families)."""
    Contact.objects.filter(application=app).delete()
    Contact.objects.bulk_create(_contact_rows(app, record))


def _contacts_of(record: dict[str, Any], submitted_at: Any) -> list[dict[str, Any]]:
    family = family_key(record)
    rows = []
    for role, data in (("applicant", record.get("applicant") or {}), ("companion", record.get("companion") or {})):
        if not (data.get("full_name") or data.get("nik") or data.get("phone")):
            continue
        # The contact keys are what the person index keeps, without the NIK's decoding (not needed here).
        name = name_or_none(str(data.get("full_name") or ""))
        nik = re.sub(r"\D", "", str(data.get("nik") or ""))
        rows.append(
            {
                "role": role,
                "name_key": (name.key if name else "")[:200],
                "nik": nik if len(nik) == 16 else "",
                "phone": phone_or_none(str(data.get("phone") or "")) or "",
                "family": family,
                "submitted_at": submitted_at,
            }
        )
    return rows


def _contact_rows(app: Application, record: dict[str, Any]) -> list[Contact]:
    return [Contact(application=app, **c) for c in _contacts_of(record, app.submitted_at)]


def _contact_values(app: Application, record: dict[str, Any]) -> list[list[Any]]:
    return [[c[f] for f in _CONTACT_FIELDS[1:]] for c in _contacts_of(record, app.submitted_at)]


def _keeping_own_decision(record: dict[str, Any], *, source: str) -> dict[str, Any]:
    """The record as it will be stored: with the decision Garda itself took on this application, whatever the
    imported line says. An imported decision that differs is a conflict, audited for the office to resolve; the
    decision taken here stands (other offices' screening keeps seeing it)."""
    own = (
        Application.objects.filter(office_code=record["office"], external_id=record["id"])
        .values_list("own_decision", flat=True)
        .first()
    )
    if not own:
        return record
    incoming = record.get("decision")
    if incoming and incoming != own:
        audit.record(
            "application.decision_conflict",
            actor_username="system",
            summary=f"Permohonan {record['office']}/{record['id']}: keputusan dari {source} "
            f"({incoming.get('kind', '?')}) berbeda dengan keputusan yang diambil di Garda ({own.get('kind')}); "
            "keputusan Garda dipertahankan"[:300],
            before=own,
            after=incoming,
        )
    return {**record, "decision": own}


def store_application(record: dict[str, Any], *, source: str) -> str:
    """Create or update one valid record; returns "stored", "updated" or "unchanged"."""
    outcome, _ = store_application_returning(record, source=source)
    return outcome


def store_application_returning(record: dict[str, Any], *, source: str) -> tuple[str, Application]:
    with transaction.atomic():
        record = _keeping_own_decision(record, source=source)
        app, outcome = upsert(
            Application,
            lookup={"office_code": record["office"], "external_id": record["id"]},
            values=_fields(record),
            record=record,
            action="application.update",
            label=f"Permohonan {record['office']}/{record['id']}",
            source=source,
        )
        if outcome != "unchanged":
            _index_people(app, record)
            _contacts(app, record)
            if app.decision_kind in screening_context.ADVERSE:
                # Pending applications everywhere must be re-screened against this decision.
                screening_context_changed.send(sender=Application, reason="decision")
    return outcome, app


_APP_FIELDS = [f.name for f in Application._meta.concrete_fields if not f.primary_key]
_CONTACT_FIELDS = ["application_id", "role", "name_key", "nik", "phone", "family", "submitted_at"]


def _fetch_ids(apps: list[Application]) -> None:
    """The ids the database gave the rows just inserted (one indexed query per office)."""
    by_key = {(a.office_code, a.external_id): a for a in apps}
    offices: dict[str, list[str]] = {}
    for office, external in by_key:
        offices.setdefault(office, []).append(external)
    for office, ids in offices.items():
        for pk, external in Application.objects.filter(office_code=office, external_id__in=ids).values_list(
            "pk", "external_id"
        ):
            app = by_key[(office, external)]
            app.pk = pk
            app._state.adding = False


@dataclass(frozen=True)
class _Prepared:
    """One new application ready to insert: its row, its people and its contact points, adapted for the
    database takes them. (Preparing these on every core was tried: pickling them back cost what it saved.)"""

    app: Application
    values: list[Any]  # in _APP_FIELDS order
    people: list[PersonRow]
    contacts: list[list[Any]]  # in _CONTACT_FIELDS order without application_id, which the insert gives


def _prepare(record: dict[str, Any], now: Any) -> _Prepared:
    app = Application(
        office_code=record["office"],
        external_id=record["id"],
        record=record,
        record_hash=record_hash(record),
        imported_at=now,
        updated_at=now,
        **_fields(record),
    )
    people = [person_row(source, ref, fields, office, now) for source, ref, fields, office in _people(app, record)]
    return _Prepared(app, [getattr(app, f) for f in _APP_FIELDS], people, _contact_values(app, record))


def store_many(records: list[dict[str, Any]], *, source: str) -> list[tuple[str, Application]]:
    """Store a batch of valid records, in order: new ones in bulk (one insert each for the applications, the
    person index and the contacts), the rest — re-imports and changes — one by one with their audit."""
    results: list[tuple[str, Application] | None] = [None] * len(records)
    keys = [(r["office"], r["id"]) for r in records]
    wanted: dict[str, set[str]] = {}
    for office, external in keys:
        wanted.setdefault(office, set()).add(external)
    known = {
        (office, external)
        for office, ids in wanted.items()
        for external in Application.objects.filter(office_code=office, external_id__in=ids).values_list(
            "external_id", flat=True
        )
    }
    fresh: list[int] = []
    seen: set[tuple[str, str]] = set()
    for i, key in enumerate(keys):
        if key in known or key in seen:
            continue  # stored already, or a second line of the same application: the careful path below
        seen.add(key)
        fresh.append(i)
    now = timezone.now()
    prepared = [_prepare(records[i], now) for i in fresh]
    with transaction.atomic():
        apps = [p.app for p in prepared]
        insert_rows(Application, _APP_FIELDS, [p.values for p in prepared])
        _fetch_ids(apps)
        insert_person_rows([row for p in prepared for row in p.people])
        insert_rows(Contact, _CONTACT_FIELDS, [[p.app.pk, *c] for p in prepared for c in p.contacts])
        for i, app in zip(fresh, apps, strict=True):
            results[i] = ("stored", app)
        if any(app.decision_kind in screening_context.ADVERSE for app in apps):
            screening_context_changed.send(sender=Application, reason="decision")
    for i, record in enumerate(records):
        if results[i] is None:
            results[i] = store_application_returning(record, source=source)
    return [r for r in results if r is not None]


def import_applications(path: Path) -> ImportSummary:
    """Every line checked against the contract; bad lines named and skipped; valid lines stored."""
    return import_json_lines(
        path,
        kind="application",
        check=lambda r: problems("application", r),
        store=lambda r: store_application(r, source=path.name),
        store_many=lambda rs: [outcome for outcome, _ in store_many(rs, source=path.name)],
    )
