"""The figures as files: an XLSX workbook with one sheet per table (openpyxl, write-only), a CSV of one table, and
a PDF (WeasyPrint) of all of them. Outward copies — a report leaving the office for a partner or the public —
suppress small counts: every count from 1 to 10 becomes "<11" (CTDC's k = 11), totals included."""

import csv
import io
from typing import Any

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from garda.core.statistics import suppressed
from garda.stats.figures import TOTAL, Figures, Table

SHEET_NAME_LIMIT = 31  # Excel's limit on a sheet's name


def cells(table: Table, *, outward: bool = False) -> list[list[Any]]:
    rows = [list(row) for row in table.with_total()]
    if outward:
        rows = [[row[0], *(_outward(c) for c in row[1:])] for row in rows]
    return rows


def _outward(value: Any) -> Any:
    """A count stays a number unless it is small enough to point at a person."""
    if not isinstance(value, int):
        return value
    shown = suppressed(value)
    return value if shown.isdigit() else shown


def xlsx(figures: Figures, *, title: str, outward: bool = False) -> bytes:
    book = Workbook(write_only=True)
    bold = Font(bold=True)
    about = book.create_sheet("tentang")
    scope = figures.scope
    for label, value in (
        ("Laporan", title),
        ("Kantor", scope.label),
        ("Periode", f"{scope.start.isoformat()} s.d. {scope.end.isoformat()}"),
        ("Kategori", scope.category or "semua"),
        ("Dibuat", timezone.localtime().strftime("%Y-%m-%d %H:%M")),
        ("Sel kecil disamarkan", "ya (<11)" if outward else "tidak (untuk internal)"),
    ):
        about.append([label, value])
    for table in figures.tables:
        sheet = book.create_sheet(table.key[:SHEET_NAME_LIMIT])
        head = []
        for column in table.columns:
            cell = WriteOnlyCell(sheet, value=column)
            cell.font = bold
            head.append(cell)
        sheet.append(head)
        for row in cells(table, outward=outward):
            if row and row[0] == TOTAL:
                styled = []
                for value in row:
                    cell = WriteOnlyCell(sheet, value=value)
                    cell.font = bold
                    styled.append(cell)
                sheet.append(styled)
            else:
                sheet.append(row)
        if table.note:
            sheet.append([])
            sheet.append([table.note])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def table_csv(table: Table, *, outward: bool = False) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(table.columns)
    writer.writerows(cells(table, outward=outward))
    return out.getvalue()
