"""`garda import agency-reports`: partner reports, idempotent on (agency, id); subjects join the person index."""

from datetime import date
from pathlib import Path
from typing import Any

from django.db import transaction

from garda.contracts import parse_datetime, problems
from garda.core.imports import ImportSummary, import_json_lines, upsert
from garda.core.models import Organisation
from garda.core.signals import screening_context_changed
from garda.identity.index import index_person, remove_persons
from garda.intel.models import AgencyReport, ReportSubject


def _index_subjects(report: AgencyReport, subjects: list[dict[str, Any]]) -> None:
    prefix = f"{report.agency}:{report.external_id}:"
    remove_persons(source="report_subject", source_ref_prefix=prefix)
    for position, subject in enumerate(subjects):
        if subject.get("role") == "company" or not (
            subject.get("full_name") or subject.get("nik") or subject.get("phone")
        ):
            continue
        index_person(
            source="report_subject",
            source_ref=f"{prefix}{position}",
            record={
                "full_name": subject.get("full_name"),
                "birth_date": subject.get("birth_date"),
                "sex": subject.get("sex"),
                "nik": subject.get("nik"),
                "phone": subject.get("phone"),
                "other_id": subject.get("passport_number"),
            },
        )


def store_report(record: dict[str, Any], *, source: str, organisation: Organisation | None = None) -> str:
    """Store (or update) one report in the contract's shape. The command line, the pages and the partners' API
    all come through here, so the same report gives the same record whichever way it arrived."""
    if organisation is None:
        organisation = Organisation.objects.filter(code=record["agency"]).first()
    values = {
        "organisation": organisation,
        "reference": record.get("reference", "")[:200],
        "received_at": parse_datetime(record["received_at"]),
        "category": record["category"],
        "destination_country": record.get("destination_country", ""),
        "summary": record.get("summary", ""),
        "valid_until": date.fromisoformat(record["valid_until"]) if record.get("valid_until") else None,
    }
    with transaction.atomic():
        report, outcome = upsert(
            AgencyReport,
            lookup={"agency": record["agency"], "external_id": record["id"]},
            values=values,
            record=record,
            action="agency_report.update",
            label=f"Laporan {record['agency']}/{record['id']}",
            source=source,
        )
        if outcome == "unchanged":
            return outcome
        report.subjects.all().delete()
        ReportSubject.objects.bulk_create(
            [
                ReportSubject(
                    report=report,
                    position=i,
                    role=s["role"],
                    full_name=s.get("full_name", "")[:200],
                    nik=s.get("nik", "")[:32],
                    phone=s.get("phone", "")[:40],
                    organisation=s.get("organisation", "")[:200],
                )
                for i, s in enumerate(record["subjects"])
            ]
        )
        _index_subjects(report, record["subjects"])
        # Pending applications are re-screened against the new report (screening receives the signal).
        screening_context_changed.send(sender=AgencyReport, reason="agency_report")
    return outcome


def import_agency_reports(path: Path) -> ImportSummary:
    return import_json_lines(
        path,
        kind="agency_report",
        check=lambda r: problems("agency-report", r),
        store=lambda r: store_report(r, source=path.name),
    )
