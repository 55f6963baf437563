"""A partner's report, from the portal or the API, in the contract's shape: checked against the contract, stored
through the same path as `garda import agency-reports` (so the same report gives the same record), owned by the
partner's organisation."""

from typing import Any

from django.db import transaction
from django.utils import timezone

from garda.contracts import problems
from garda.core import audit
from garda.core.models import Organisation
from garda.intel.api import AgencyReport, store_report
from garda.partners.files import store as store_files


class ReportProblems(ValueError):
    def __init__(self, found: list[str], *, conflict: bool = False, foreign: bool = False) -> None:
        super().__init__("; ".join(found))
        self.problems = found
        self.conflict = conflict  # the number is another organisation's
        self.foreign = foreign  # the report names another organisation's code


def do_submit_report(
    record: dict[str, Any], *, organisation: Organisation, submitted_by: str, files: list[Any] | None = None
) -> AgencyReport:
    """Create or update the organisation's report `record["id"]`; `agency` is the organisation's and may be left
    out. Another organisation's report of the same number is a conflict, never overwritten."""
    record = dict(record)
    if record.setdefault("agency", organisation.report_code) != organisation.report_code:
        raise ReportProblems([f"agency: laporan instansi ini memakai kode {organisation.report_code}"], foreign=True)
    record.setdefault("received_at", timezone.now().isoformat(timespec="seconds"))
    found = problems("agency-report", record)
    if found:
        raise ReportProblems(found)
    existing = AgencyReport.objects.filter(agency=record["agency"], external_id=record["id"]).first()
    if existing is not None and existing.organisation_id not in (None, organisation.pk):
        raise ReportProblems([f"id: nomor {record['id']} sudah dipakai instansi lain"], conflict=True)
    with transaction.atomic():
        outcome = store_report(record, source=f"mitra {submitted_by}", organisation=organisation)
        report = AgencyReport.objects.get(agency=record["agency"], external_id=record["id"])
        stored = store_files(report, files or [], added_by=submitted_by)
        audit.record(
            "partner_report.submit",
            actor_username=submitted_by,
            obj=report,
            summary=f"Laporan {report.agency}/{report.external_id} dari {organisation.code}: {outcome}",
            after={
                "organisation": organisation.code,
                "id": report.external_id,
                "outcome": outcome,
                "files": [f.sha256 for f in stored],
            },
        )
    return report
