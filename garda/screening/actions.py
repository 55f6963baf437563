"""Storing applications: every import is idempotent, a changed record is updated and the change audited."""

from datetime import date
from pathlib import Path
from typing import Any

from django.db import transaction

from garda.core.imports import ImportSummary, import_json_lines, upsert
from garda.identity.index import index_person
from garda.identity.records import prepare
from garda.screening import context as screening_context
from garda.screening.contracts import parse_datetime, problems
from garda.screening.models import Application, Contact
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


def _contacts(app: Application, record: dict[str, Any]) -> None:
    """The contact points other applications are compared with (same companion, same phone, other families)."""
    Contact.objects.filter(application=app).delete()
    family = family_key(record)
    rows = []
    for role, data in (("applicant", record.get("applicant") or {}), ("companion", record.get("companion") or {})):
        if not (data.get("full_name") or data.get("nik") or data.get("phone")):
            continue
        person = prepare({"id": role, **{k: data.get(k) for k in ("full_name", "nik", "phone")}})
        rows.append(
            Contact(
                application=app,
                role=role,
                name_key=(person.name.key if person.name else "")[:200],
                nik=person.nik or "",
                phone=person.phone or "",
                family=family,
                submitted_at=app.submitted_at,
            )
        )
    Contact.objects.bulk_create(rows)


def store_application(record: dict[str, Any], *, source: str) -> str:
    """Create or update one valid record; returns "stored", "updated" or "unchanged"."""
    outcome, _ = store_application_returning(record, source=source)
    return outcome


def store_application_returning(record: dict[str, Any], *, source: str) -> tuple[str, Application]:
    with transaction.atomic():
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
                screening_context.bump()
    return outcome, app


def import_applications(path: Path) -> ImportSummary:
    """Every line checked against the contract; bad lines named and skipped; valid lines stored."""
    return import_json_lines(
        path,
        kind="application",
        check=lambda r: problems("application", r),
        store=lambda r: store_application(r, source=path.name),
    )
