"""The dashboard, the periodic reports and `garda report`: the same figures everywhere, defaulting to the last
twelve months that have data, scoped to the user's offices, every export and download on the audit trail."""

import io
import re
from datetime import date

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook
from playwright.sync_api import expect

from garda.conftest import assert_accessible, assert_fits, browser_login
from garda.core.models import AuditEvent, Office
from garda.screening.imports import store_many
from garda.stats import actions, aggregates, worker
from garda.stats.figures import TOTAL, Scope, compute, last_twelve_months
from garda.stats.models import PeriodicReport, ReportStatus
from garda.stats.periods import parse_period
from garda.stats.tests.test_stats_command import _decided

# Q3 2025 at JAKSEL: 2 postponements, 1 refusal, 2 cancellations (one on two grounds); one outside the quarter,
# one at another office.
HISTORY = [
    ("postponed", "2025-07-03T10:00:00+07:00", ["non_procedural"], "JAKSEL"),
    ("postponed", "2025-08-14T10:00:00+07:00", ["inconsistency"], "JAKSEL"),
    ("refused", "2025-08-20T10:00:00+07:00", ["illegal_agent"], "JAKSEL"),
    ("cancelled", "2025-09-01T10:00:00+07:00", ["non_procedural", "illegal_agent"], "JAKSEL"),
    ("cancelled", "2025-09-30T23:00:00+07:00", ["agency_report"], "JAKSEL"),
    ("cancelled", "2025-06-30T10:00:00+07:00", ["non_procedural"], "JAKSEL"),
    ("postponed", "2025-08-01T10:00:00+07:00", ["non_procedural"], "CIREBON"),
]


@pytest.fixture
def history(offices: dict[str, Office]) -> None:
    records = []
    for n, (kind, at, categories, office) in enumerate(HISTORY):
        record = _decided(kind, at, categories, office=office, n=100 + n)
        record["submitted_at"] = at.replace("10:00", "08:00").replace("23:00", "08:00")
        records.append(record)
    store_many(records, source="test")
    aggregates.bring_up_to_date()  # as the worker would; compute() reads the monthly counts


def _decisions_row(figures, label: str) -> list:
    return next(row for row in figures.table("decisions").with_total() if row[0] == label)


def test_the_default_period_is_the_last_twelve_months_with_data(history: None) -> None:
    assert last_twelve_months(["JAKSEL"], date(2026, 11, 30)) == (date(2024, 10, 1), date(2025, 9, 30))
    assert last_twelve_months(["JAYAPURA"], date(2026, 11, 30)) == (date(2025, 12, 1), date(2026, 11, 30))


def test_the_decisions_table_crosses_kind_ground_and_month_with_a_total(history, offices) -> None:
    scope = Scope(offices=[offices["JAKSEL"]], start=date(2025, 7, 1), end=date(2025, 9, 30))
    figures = compute(scope, date(2026, 11, 30), sections=("decisions",))
    table = figures.table("decisions")
    assert table.columns[1:4] == ["Penundaan", "Penolakan", "Pembatalan"] and table.columns[-1] == "Jumlah keputusan"
    total = _decisions_row(figures, TOTAL)
    assert total[1:4] == [2, 1, 2] and total[-1] == 5
    assert _decisions_row(figures, "2025-09")[-1] == 2  # 23:00 WIB on the 30th is still September
    grounds = dict(zip(table.columns, total, strict=True))
    assert sum(v for k, v in grounds.items() if k.startswith("Dasar")) == 6  # one decision, two grounds


@given(st.integers(2000, 2099), st.integers(1, 4), st.integers(1, 12))
def test_periods_are_read_as_written(year: int, quarter: int, month: int) -> None:
    q = parse_period(f"{year}-Q{quarter}")
    assert q.start == date(year, 3 * quarter - 2, 1) and q.end.month == 3 * quarter and q.kind == "quarter"
    m = parse_period(f"{year}-{month:02d}")
    assert m.start == date(year, month, 1) and m.end.month == month and (m.end.day >= 28)
    assert parse_period(str(year)).end == date(year, 12, 31)


@pytest.mark.parametrize("bad", ["2025-Q5", "2025-13", "25", "2025/09", "Q3-2025", ""])
def test_a_bad_period_names_the_forms(bad: str) -> None:
    with pytest.raises(ValueError, match="2025-Q3"):
        parse_period(bad)


def test_garda_report_writes_one_sheet_per_section_with_a_jumlah_row(history, tmp_path) -> None:
    out = tmp_path / "q3.xlsx"
    call_command("report", "--office", "JAKSEL", "--period", "2025-Q3", "--format", "xlsx", "--output", str(out))
    book = load_workbook(out, read_only=True)
    assert {"tentang", "decisions", "screening", "flags", "destinations", "agents"} <= set(book.sheetnames)
    rows = [list(r) for r in book["decisions"].iter_rows(values_only=True)]
    total = next(r for r in rows if r[0] == TOTAL)
    assert total[1:4] == [2, 1, 2] and total[rows[0].index("Jumlah keputusan")] == 5
    pdf = tmp_path / "q3.pdf"
    call_command("report", "--office", "JAKSEL", "--period", "2025-Q3", "--format", "pdf", "--output", str(pdf))
    assert pdf.read_bytes().startswith(b"%PDF")


def test_the_cli_refuses_a_bad_period_and_an_unknown_office(db, tmp_path) -> None:
    from garda.conftest import run_garda

    env = {"GARDA_DATA_DIR": str(tmp_path)}
    run_garda(env, "migrate", "--no-input")
    done = run_garda(env, "report", "--period", "2025-Q9", "--output", str(tmp_path / "x.xlsx"))
    assert done.returncode != 0 and "--period" in done.stderr
    done = run_garda(env, "report", "--office", "NOPE", "--period", "2025", "--output", str(tmp_path / "x.xlsx"))
    assert done.returncode != 0 and "NOPE" in done.stderr


def test_the_dashboard_page_its_exports_and_scope(history, personas, login_as) -> None:
    client = login_as(personas["kakanim"])
    html = client.get("/statistik/").content.decode()
    assert "JAKSEL, Okt 2024 – Sep 2025" in html  # the last twelve months with data, not an empty range
    assert '<svg class="chart" role="img"' in html and "<title id=" in html
    assert "Saluran pengaduan" in html and "Pengawasan internal" in html  # the head's sections
    quarter = client.get("/statistik/", {"start": "2025-07", "end": "2025-09", "format": "xlsx"})
    book = load_workbook(io.BytesIO(quarter.content), read_only=True)
    total = next(r for r in book["decisions"].iter_rows(values_only=True) if r[0] == TOTAL)
    assert total[1:4] == (2, 1, 2)
    csv = client.get("/statistik/", {"start": "2025-07", "end": "2025-09", "format": "csv", "table": "decisions"})
    assert csv["Content-Type"].startswith("text/csv") and "Jumlah,2,1,2" in csv.content.decode()
    assert AuditEvent.objects.filter(action="stats.exported", actor_username="kakanim").count() == 2
    assert client.get("/statistik/", {"format": "csv", "table": "nothing"}).status_code == 404
    # One category: only the decisions taken on that ground (the August refusal, the September cancellation on two
    # grounds), and only its ground as a column.
    agent = client.get("/statistik/", {"start": "2025-07", "end": "2025-09", "category": "illegal_agent",
                                       "format": "csv", "table": "decisions"}).content.decode()  # fmt: skip
    header, *_rows, total = agent.strip().splitlines()
    assert header.count("Dasar:") == 1 and total == "Jumlah,0,1,1,2,2"
    bad = client.get("/statistik/", {"start": "2025-13"}).content.decode()
    assert "TTTT-BB" in bad
    # An interviewer reads the applications' figures, not the channel's or oversight's.
    html = login_as(personas["interviewer"]).get("/statistik/").content.decode()
    assert "Saluran pengaduan" not in html and "Pengawasan internal" not in html
    # Another office's user sees only their own office.
    html = login_as(personas["other_office"]).get("/statistik/", {"office": "JAKSEL"}).content.decode()
    assert 'id="id_office_error"' in html and "CIREBON" in html


def test_the_dashboard_and_reports_pages_keep_their_query_count(history, personas, login_as) -> None:
    client = login_as(personas["kakanim"])
    client.get("/statistik/")
    with CaptureQueriesContext(connection) as ctx:
        client.get("/statistik/")
    few = len(ctx)
    store_many([_decided("refused", "2025-09-10T10:00:00+07:00", ["illegal_agent"], n=300 + i) for i in range(8)],
               source="test")  # fmt: skip
    client.get("/statistik/")  # the first request after the import recounts the changed month
    with CaptureQueriesContext(connection) as ctx:
        client.get("/statistik/")
    assert len(ctx) == few
    for period in ("2025-07", "2025-08", "2025-09"):
        actions.do_request_report(personas["kakanim"], office_code="JAKSEL", period=period, fmt="xlsx", outward=False)
    with CaptureQueriesContext(connection) as ctx:
        client.get("/statistik/laporan/")
    assert len(ctx) <= 12


def test_a_report_is_made_by_the_worker_and_its_download_audited(history, personas, login_as) -> None:
    client = login_as(personas["kakanim"])
    client.post("/statistik/laporan/", {"office": "JAKSEL", "period": "2025-q3", "format": "xlsx"})
    report = PeriodicReport.objects.get()
    assert report.status == ReportStatus.QUEUED and report.period == "2025-Q3"
    assert client.get(f"/statistik/laporan/{report.pk}/unduh/").status_code == 404  # not made yet
    worker.make(report.pk)
    response = client.get(f"/statistik/laporan/{report.pk}/unduh/")
    book = load_workbook(io.BytesIO(response.content), read_only=True)
    assert next(r for r in book["decisions"].iter_rows(values_only=True) if r[0] == TOTAL)[1:4] == (2, 1, 2)
    trail = AuditEvent.objects.filter(object_type="stats.periodicreport").order_by("seq")
    actions_done = list(trail.values_list("action", flat=True))
    assert actions_done == ["report.requested", "report.made", "report.downloaded"]
    # Another office cannot fetch it.
    assert login_as(personas["other_office"]).get(f"/statistik/laporan/{report.pk}/unduh/").status_code == 404
    bad = client.post("/statistik/laporan/", {"office": "JAKSEL", "period": "2025-Q7", "format": "xlsx"})
    assert "2025-Q3" in bad.content.decode() and PeriodicReport.objects.count() == 1


def test_an_outward_report_suppresses_small_counts(history, personas) -> None:
    report = actions.do_request_report(
        personas["kakanim"], office_code="JAKSEL", period="2025-Q3", fmt="xlsx", outward=True
    )
    from garda.core import filestore

    made = worker.make(report.pk)
    book = load_workbook(io.BytesIO(filestore.read(worker.AREA, made.blob)), read_only=True)
    total = next(r for r in book["decisions"].iter_rows(values_only=True) if r[0] == TOTAL)
    assert total[1:4] == ("<11", "<11", "<11")


@pytest.mark.browser
def test_the_head_downloads_the_quarterly_xlsx_and_it_equals_the_dashboard(page, history, personas) -> None:
    browser_login(page, personas["kakanim"])
    page.goto("/statistik/?start=2025-07&end=2025-09&office=JAKSEL")
    assert_accessible(page)
    page.set_viewport_size({"width": 390, "height": 844})  # a head reading it on a phone: nothing runs off the side
    assert_fits(page)
    page.set_viewport_size({"width": 1366, "height": 900})
    shown = page.locator("#decisions tr.total").inner_text().split()
    page.goto("/statistik/laporan/")
    assert_accessible(page)
    page.locator("#id_office").select_option("JAKSEL")
    page.locator("#id_period").fill("2025-Q3")
    page.locator("#id_format").select_option("xlsx")
    page.get_by_role("button", name="Buat laporan").click()
    expect(page.get_by_role("progressbar")).to_be_visible()
    worker.make(PeriodicReport.objects.get().pk)  # the worker's turn
    page.reload()
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile(r"Unduh garda-jaksel-2025-Q3\.xlsx")).click()
    book = load_workbook(io.BytesIO(download.value.path().read_bytes()), read_only=True)
    total = next(r for r in book["decisions"].iter_rows(values_only=True) if r[0] == TOTAL)
    assert [str(v) for v in total] == shown


def test_an_outward_copy_of_the_dashboard_hides_small_counts(history, personas, login_as) -> None:
    client = login_as(personas["kakanim"])
    query = {"start": "2025-07", "end": "2025-09", "format": "csv", "table": "decisions"}
    inward = client.get("/statistik/", query).content.decode().strip().splitlines()[-1]
    outward = client.get("/statistik/", {**query, "outward": "1"}).content.decode().strip().splitlines()[-1]
    assert inward.startswith("Jumlah,2,1,2,") and outward.startswith("Jumlah,<11,<11,<11,")
    event = AuditEvent.objects.filter(action="stats.exported").order_by("-seq").first()
    assert event is not None and event.after["outward"] is True and "pihak luar" in event.summary
