"""Periodic reports: the dashboard's figures for a month, a quarter or a year, as a PDF to file or an XLSX workbook
to work with — the same tables, computed by `figures`, so the quarterly workbook and the dashboard agree. Made by
the worker for the web page (with its progress), or at once by `garda report` on the command line."""

from datetime import date

from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from garda.core.models import Office
from garda.stats import aggregates
from garda.stats import figures as figs
from garda.stats.periods import Period
from garda.stats.workbook import cells, xlsx


def title_for(period: Period) -> str:
    kind = {"year": _("Laporan tahunan"), "quarter": _("Laporan triwulan"), "month": _("Laporan bulanan")}
    return f"{kind[period.kind]} {period.text}"


def scope_for(offices: list[Office], period: Period, *, everything: bool = False) -> figs.Scope:
    return figs.Scope(offices=offices, start=period.start, end=period.end, everything=everything)


def render(
    scope: figs.Scope,
    period: Period,
    fmt: str,
    *,
    outward: bool = False,
    today: date | None = None,
    progress: figs.Progress | None = None,
) -> bytes:
    """Every section, one after another (reporting progress after each), then the file."""
    today = today or timezone.localdate()
    aggregates.bring_up_to_date()  # a report counts every application changed until now, however many
    with translation.override("id"):
        result = figs.compute(scope, today, progress=progress)
        title = title_for(period)
        if progress:
            progress(92, fmt)
        if fmt == "xlsx":
            return xlsx(result, title=title, outward=outward)
        from weasyprint import HTML

        html = render_to_string(
            "stats/report_pdf.html",
            {
                "title": title,
                "scope": scope,
                "outward": outward,
                "made_at": timezone.localtime(),
                "tables": [(t, cells(t, outward=outward)) for t in result.tables],
            },
        )
        return bytes(HTML(string=html).write_pdf())
