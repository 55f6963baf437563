"""Intelligence's public surface: the only intelligence module other apps import (screening reads reports and the
P3MI registry through it; the whistleblowing channel opens a record through it; the `garda import` command and
the demo load data through it). The models named here are read models: other apps query them, never write them.
"""

from collections.abc import Iterator
from typing import Any

from garda.intel.actions import ReportError, do_enter_report, next_report_id
from garda.intel.imports import import_agency_reports, import_p3mi, store_report
from garda.intel.models import AgencyReport, P3MICompany, P3MISnapshot, ReportSubject
from garda.intel.registry import company_key, current_registry, licence_key

__all__ = [
    "AgencyReport",
    "P3MICompany",
    "P3MISnapshot",
    "ReportError",
    "ReportSubject",
    "company_key",
    "current_registry",
    "do_enter_report",
    "import_agency_reports",
    "import_p3mi",
    "licence_key",
    "next_report_id",
    "on_watch",
    "registry_companies",
    "reported_subjects",
    "store_report",
]


def registry_companies(snapshot: P3MISnapshot) -> Iterator[P3MICompany]:
    """The licensed companies of one registry snapshot."""
    yield from snapshot.companies.all()


def reported_subjects() -> Iterator[tuple[AgencyReport, ReportSubject, dict[str, Any]]]:
    """Every subject of every partner report, in report order, with the subject's fields as the partner sent them
    (aliases, KK, parents, address: more than the indexed columns hold). Two queries, whatever the count."""
    reports = {r.pk: r for r in AgencyReport.objects.all()}
    for subject in ReportSubject.objects.order_by("report_id", "position"):
        report = reports[subject.report_id]
        raw = report.record.get("subjects", [])
        yield report, subject, raw[subject.position] if subject.position < len(raw) else {}


def on_watch(nik: str, today: Any = None) -> bool:
    """A partner report in force names this NIK (a possible victim, a recruiter, a companion): the person is
    watched. Only whether — never which report or by whom."""
    from datetime import date

    from django.db.models import Q

    if not nik:
        return False
    today = today or date.today()
    return (
        ReportSubject.objects.filter(nik=nik)
        .filter(Q(report__valid_until__isnull=True) | Q(report__valid_until__gte=today))
        .exists()
    )
