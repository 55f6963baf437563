"""A list page as a file: the rows its filters select (every page of them, not only the one on screen), as CSV or
XLSX, each export on the audit trail with its filters and its number of rows.

The rows are personal data leaving Garda, so an export is recorded like a download (`list.exported`), and is
refused above `LIMIT` rows with a message asking to narrow the filters: a million-row audit trail is read by
filtering it, and a file that large would leave the office unread and unguarded. Lists are of people, not
counts: small-cell suppression belongs to the figures' outward copies (garda.stats.workbook), not here.
"""

import csv
import io
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from garda.core import audit
from garda.core.models import User

FORMATS = ("csv", "xlsx")
LIMIT = 100_000
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def wanted(request: HttpRequest) -> str:
    """The format asked for (`?format=csv|xlsx`), or "" for the page itself."""
    fmt = request.GET.get("format", "")
    return fmt if fmt in FORMATS else ""


def page_query(request: HttpRequest) -> str:
    """The list's filters for its pager and export links: without the page number and the format."""
    query = request.GET.copy()
    query.pop("page", None)
    query.pop("format", None)
    return query.urlencode()


def _cell(value: Any) -> Any:
    if isinstance(value, datetime):
        return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if timezone.is_aware(value) else value
    if isinstance(value, date):
        return value.isoformat()
    if value is None:
        return ""
    return value


def _safe(value: Any) -> Any:
    """A text cell that a spreadsheet would read as a formula is written as text (CSV injection)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def export(
    request: HttpRequest,
    user: User,
    *,
    name: str,
    title: str,
    columns: Sequence[str],
    rows: Any,
    row: Callable[[Any], Sequence[Any]],
    back: str,
) -> HttpResponse:
    """Answer `?format=` with the file of `rows` (a queryset or a list), each made a line by `row`; recorded.
    Above LIMIT rows, back to the list (`back`) with a message instead."""
    fmt = wanted(request)
    total = rows.count() if hasattr(rows, "count") and not isinstance(rows, list) else len(rows)
    if total > LIMIT:
        messages.error(
            request,
            _("Daftar ini berisi %(n)s baris; ekspor paling banyak %(limit)s baris. Persempit saringannya dahulu.")
            % {"n": f"{total:,}".replace(",", "."), "limit": f"{LIMIT:,}".replace(",", ".")},
        )
        return HttpResponseRedirect(back)
    lines = (
        [_safe(_cell(v)) for v in row(item)]
        for item in (rows.iterator(chunk_size=2000) if hasattr(rows, "iterator") else rows)
    )
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    filename = f"garda-{name}-{stamp}.{fmt}"
    body = _csv(columns, lines) if fmt == "csv" else _xlsx(title, columns, lines)
    filters = {k: v for k, v in request.GET.items() if k not in ("format", "page")}
    audit.record(
        "list.exported",
        actor=user,
        summary=f"Daftar {title} diekspor ({fmt}, {total} baris)",
        after={"list": name, "format": fmt, "rows": total, "filters": filters},
    )
    response = HttpResponse(body, content_type="text/csv; charset=utf-8" if fmt == "csv" else XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _csv(columns: Sequence[str], lines: Iterable[list[Any]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    writer.writerows(lines)
    return ("\ufeff" + out.getvalue()).encode("utf-8")  # the BOM: Excel opens the file as UTF-8


def _xlsx(title: str, columns: Sequence[str], lines: Iterable[list[Any]]) -> bytes:
    book = Workbook(write_only=True)
    sheet = book.create_sheet(title[:31])
    bold = Font(bold=True)
    head = []
    for column in columns:
        cell = WriteOnlyCell(sheet, value=column)
        cell.font = bold
        head.append(cell)
    sheet.append(head)
    for line in lines:
        sheet.append(line)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
