"""Every state change of intelligence that an officer makes (pages call these): entering a report by hand.
Importers are in `garda.intel.imports`."""

from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone

from garda.contracts import problems
from garda.core import audit
from garda.core.models import User
from garda.core.numbering import next_number
from garda.intel.imports import store_report
from garda.intel.models import AgencyReport


class ReportError(ValueError):
    def __init__(self, found: list[str]) -> None:
        super().__init__("; ".join(found))
        self.problems = found


def next_report_id(agency: str, day: date | None = None) -> str:
    """GARDA-YYYYMMDD-NNNN: the next number Garda gives a report entered here (call in the storing transaction)."""
    day = day or timezone.localdate()
    return next_number(AgencyReport.objects.filter(agency=agency), "external_id", f"GARDA-{day:%Y%m%d}-", 4)


def do_enter_report(record: dict[str, Any], *, acting_user: User) -> AgencyReport:
    """Check the record against the contract, store it (its subjects join the person index, pending
    applications are re-screened), and record who entered it."""
    found = problems("agency-report", record)
    if found:
        raise ReportError(found)
    with transaction.atomic():
        store_report(record, source=f"entered by {acting_user.username}")
        report = AgencyReport.objects.get(agency=record["agency"], external_id=record["id"])
        audit.record(
            "agency_report.enter",
            actor=acting_user,
            obj=report,
            summary=f"Laporan {report.agency}/{report.external_id} dimasukkan: {report.category}, "
            f"{len(record['subjects'])} subjek",
            after={"agency": report.agency, "id": report.external_id, "category": report.category},
        )
    return report
