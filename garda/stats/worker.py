"""The worker's part of a periodic report: compute it, write the file, record it — a failure is recorded on the
report and in the trail, never lost. Kept apart from `actions` (which queues the task) so the task module does
not import back into what imports it."""

from django.db import transaction
from django.utils import timezone

from garda.core import audit, filestore
from garda.core.access import offices_in_scope
from garda.core.models.offices import OfficeKind
from garda.stats import reports
from garda.stats.models import PeriodicReport, ReportStatus
from garda.stats.periods import parse_period

AREA = "reports"


def make(report_id: int) -> PeriodicReport:
    """The worker's part: compute, write the file, record it; a failure is recorded, not lost."""
    report = PeriodicReport.objects.select_related("requested_by", "requested_office").get(pk=report_id)
    if report.status == ReportStatus.DONE:
        return report

    def progress(percent: int, step: str) -> None:
        PeriodicReport.objects.filter(pk=report.pk).update(status=ReportStatus.RUNNING, progress=percent, step=step)

    period = parse_period(report.period)
    requester_scope = list(offices_in_scope(report.requested_by).order_by("code"))
    offices = [o for o in requester_scope if o.code == report.office_code] if report.office_code else requester_scope
    everything = not report.office_code and report.requested_office.kind == OfficeKind.NATIONAL
    try:
        data = reports.render(
            reports.scope_for(offices, period, everything=everything),
            period,
            report.format,
            outward=report.outward,
            progress=progress,
        )
    except Exception as error:  # recorded on the report and in the trail; the worker goes on with the next task
        PeriodicReport.objects.filter(pk=report.pk).update(
            status=ReportStatus.FAILED, error=str(error)[:2000], finished_at=timezone.now()
        )
        audit.record(
            "report.failed",
            actor_username="system",
            office=report.requested_office,
            obj=report,
            summary=f"Laporan gagal: {error}"[:300],
        )
        raise
    name = filestore.new_name()
    filestore.write(AREA, name, data)
    with transaction.atomic():
        PeriodicReport.objects.filter(pk=report.pk).update(
            status=ReportStatus.DONE, progress=100, step="", blob=name, size=len(data), finished_at=timezone.now()
        )
        audit.record(
            "report.made",
            actor_username="system",
            office=report.requested_office,
            obj=report,
            summary=f"Laporan {report.period} ({report.format}) {report.scope_label} selesai, {len(data)} bita",
        )
    report.refresh_from_db()
    return report
