"""Statistics' actions: asking for a periodic report, the worker making it, downloading it, exporting the
dashboard — each one audit event, so who made and who took which figures out of Garda is on the record."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from garda.core import audit, filestore
from garda.core.access import offices_in_scope
from garda.core.models import User
from garda.core.models.offices import OfficeKind
from garda.stats.figures import Figures
from garda.stats.models import PeriodicReport, ReportFormat, ReportStatus
from garda.stats.periods import parse_period
from garda.stats.worker import AREA


def do_request_report(user: User, *, office_code: str, period: str, fmt: str, outward: bool) -> PeriodicReport:
    """Queue a report of one office in the user's scope (or of all of them: office_code "")."""
    scope = offices_in_scope(user)
    if office_code and not scope.filter(code=office_code).exists():
        raise PermissionDenied
    try:
        parsed = parse_period(period)
    except ValueError as error:
        raise ValidationError({"period": str(error)}) from error
    if fmt not in ReportFormat.values:
        raise ValidationError({"format": f"format tidak dikenal: {fmt}"})
    label = office_code or (
        "semua kantor" if user.office.kind == OfficeKind.NATIONAL else f"wilayah {user.office.code}"
    )
    with transaction.atomic():
        report = PeriodicReport.objects.create(
            office_code=office_code,
            scope_label=label,
            period=parsed.text,
            format=fmt,
            outward=outward,
            requested_by=user,
            requested_office=user.office,
            requested_at=timezone.now(),
        )
        audit.record(
            "report.requested",
            actor=user,
            obj=report,
            summary=f"Laporan {parsed.text} ({fmt}) {label} diminta" + (", untuk pihak luar" if outward else ""),
            after={"office": office_code, "period": parsed.text, "format": fmt, "outward": outward},
        )
        from garda.stats.tasks import make_report

        transaction.on_commit(lambda: make_report.enqueue(report.pk))
    return report


def do_download_report(user: User, report: PeriodicReport) -> bytes:
    if report.status != ReportStatus.DONE:
        raise ValidationError({"report": "laporan belum selesai dibuat"})
    data = filestore.read(AREA, report.blob)
    audit.record(
        "report.downloaded",
        actor=user,
        obj=report,
        summary=f"Laporan {report.period} ({report.format}) {report.scope_label} diunduh",
    )
    return data


def do_export_figures(user: User, figures: Figures, *, fmt: str, table: str = "", outward: bool = False) -> None:
    """The dashboard's tables leaving Garda as a file: recorded, like a report's download."""
    scope = figures.scope
    what = f"{fmt} {table}{' untuk pihak luar' if outward else ''}".strip()
    audit.record(
        "stats.exported",
        actor=user,
        summary=f"Statistik {scope.label} {scope.start:%Y-%m}..{scope.end:%Y-%m} diekspor ({what})",
        after={
            "offices": scope.codes,
            "start": scope.start.isoformat(),
            "end": scope.end.isoformat(),
            "category": scope.category,
            "format": fmt,
            "table": table,
            "outward": outward,
        },
    )
