"""The monthly counts behind the dashboard: each application in its own office's month, the flagged ones by
category, indicator, destination and agent, kept up to date as applications change, and recounted by the worker
when too many changed for a page to wait."""

from datetime import date, timedelta
from types import SimpleNamespace
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from garda.core.models import Office
from garda.screening.actions.results import save_screenings
from garda.screening.imports import store_many
from garda.screening.models import Application, Screening
from garda.stats import aggregates
from garda.stats.figures import Scope, compute
from garda.stats.models import AggregateState, MonthlyCount
from garda.synthetic.scenarios import Builder

TODAY = date(2026, 11, 30)
NP = {"code": "NP_JOB_SEEKER_PROFILE", "category": "non_procedural", "severity": "high"}
AG = {"code": "AG_RECRUITER_COMPANION", "category": "illegal_agent", "severity": "high"}
INC = {"code": "INC_NIK_BIRTH_DATE", "category": "inconsistency", "severity": "medium"}


def _application(n: int, office: str, submitted_at: str, **parts: Any) -> dict[str, Any]:
    b = Builder(n, date(2025, 10, 1))
    b.serial = 20_000 + n
    record = b.application(b.person(), office=office, submitted_at=submitted_at)
    record.pop("companion", None)
    for key, value in parts.items():
        record[key] = value if key != "travel" else {**record["travel"], **value}
    return record


def _screen(external_id: str, risk: str, indicators: list[dict[str, str]]) -> None:
    app = Application.objects.get(external_id=external_id)
    row = Screening(application=app, trigger="screen", rules_version="uji", risk_level=risk, score=60,
                    recommendation="interview", indicators=indicators)  # fmt: skip
    save_screenings([(app, row)], with_ids=True)


@pytest.fixture
def three(offices: dict[str, Office]) -> dict[str, str]:
    """A: JAKSEL, the last half hour of July (WIB), high, flagged on two grounds, an agent with her.
    B: JAYAPURA, 16:30 UTC on 31 July — already 1 August in Jayapura (WIT) — medium, a placement company that is the
    same company keyed in lower case. C: JAKSEL in August, not flagged."""
    records = [
        _application(1, "JAKSEL", "2025-07-31T23:30:00+07:00", travel={"destination_country": "MY"},
                     companion={"full_name": "Rudi", "relation": "agent", "organisation": "PT Maju Jaya"}),
        _application(2, "JAYAPURA", "2025-07-31T16:30:00+00:00",
                     travel={"destination_country": "MY", "placement_company": {"name": " pt maju jaya "}}),
        _application(3, "JAKSEL", "2025-08-10T09:00:00+07:00", travel={"destination_country": "SA"}),
    ]  # fmt: skip
    store_many(records, source="test")
    ids = {k: r["id"] for k, r in zip("ABC", records, strict=True)}
    _screen(ids["A"], "high", [NP, AG])
    _screen(ids["B"], "medium", [INC])
    _screen(ids["C"], "low", [])
    return ids


def _rows(figures: Any, key: str) -> list[list[Any]]:
    return figures.table(key).rows


def test_each_application_counts_in_its_own_offices_month(three, offices) -> None:
    assert aggregates.bring_up_to_date()
    both = Scope([offices["JAKSEL"], offices["JAYAPURA"]], date(2025, 7, 1), date(2025, 8, 31))
    figures = compute(both, TODAY, sections=("screening", "flags", "destinations", "agents"))
    assert _rows(figures, "screening") == [["2025-07", 1, 1, 0], ["2025-08", 2, 0, 1]]
    assert dict((r[0], r[1]) for r in _rows(figures, "flags")) == {
        "Dugaan PMI non-prosedural": 1, "Agen atau perekrut ilegal": 1, "Data atau keterangan tidak sesuai": 1,
    }  # fmt: skip
    assert _rows(figures, "destinations")[:2] == [["Malaysia", 2, 2], ["Arab Saudi", 0, 1]]
    agents = sorted(_rows(figures, "agents"))
    assert agents == [["PT MAJU JAYA", 1, "agen"], ["PT MAJU JAYA", 1, "perusahaan penempatan"]]
    # One category: only what was flagged on that ground.
    one = compute(Scope(both.offices, both.start, both.end, category="illegal_agent"), TODAY)
    assert [r[:2] for r in _rows(one, "flags")] == [["Agen atau perekrut ilegal", 1]]
    assert _rows(one, "destinations")[0] == ["Malaysia", 1, 2]
    assert _rows(one, "agents") == [["PT MAJU JAYA", 1, "agen"]]
    # Jayapura's July is empty: B came on its 1 August.
    july = compute(Scope([offices["JAYAPURA"]], date(2025, 7, 1), date(2025, 7, 31)), TODAY, sections=("screening",))
    assert _rows(july, "screening") == [["2025-07", 0, 0, 0]]


def test_a_change_is_counted_on_the_next_page_and_only_its_month_recounted(
    three, offices, personas, login_as, monkeypatch
) -> None:
    monkeypatch.setattr(aggregates, "MARGIN", timedelta(0))  # the fixture's applications changed a moment ago
    client = login_as(personas["kakanim"])
    client.get("/statistik/", {"start": "2025-07", "end": "2025-08"})
    july = MonthlyCount.objects.filter(office_code="JAKSEL", month=date(2025, 7, 1))
    first_july = set(july.values_list("pk", flat=True))
    _screen(three["C"], "high", [AG])  # re-screened: C (August) is now flagged
    with CaptureQueriesContext(connection) as ctx:
        html = client.get("/statistik/", {"start": "2025-07", "end": "2025-08"}).content.decode()
    assert set(july.values_list("pk", flat=True)) == first_july  # July was not recounted
    august = MonthlyCount.objects.get(office_code="JAKSEL", month=date(2025, 8, 1), measure="risk", label="high")
    assert august.n == 1 and "sedang diperbarui" not in html
    deletes = [q["sql"] for q in ctx.captured_queries if q["sql"].startswith("DELETE")]
    assert len(deletes) == 2 and "2025-08-01" in deletes[0]  # JAKSEL's August, then JAKSEL's decisions


def test_after_a_large_import_the_page_says_so_and_the_worker_catches_up(
    three, offices, personas, login_as, monkeypatch
) -> None:
    from garda.stats import tasks

    client = login_as(personas["kakanim"])
    client.get("/statistik/")
    store_many([_application(10 + n, "JAKSEL", "2025-08-12T09:00:00+07:00") for n in range(3)], source="test")
    monkeypatch.setattr(aggregates, "INLINE", 2)
    asked: list[bool] = []
    task = tasks.refresh_aggregates
    monkeypatch.setattr(tasks, "refresh_aggregates", SimpleNamespace(enqueue=lambda: asked.append(True)))
    html = client.get("/statistik/", {"start": "2025-08", "end": "2025-08"}).content.decode()
    assert "sedang diperbarui di latar belakang" in html and asked == [True]
    assert 'Jumlah</th><td class="num">1</td>' in html.split('id="screening"')[1]  # still C alone
    client.get("/statistik/")
    assert asked == [True]  # asked once, not on every request
    assert task.func() == 1  # what the worker runs
    assert AggregateState.objects.get(name=aggregates.STATE).requested_at is None
    html = client.get("/statistik/", {"start": "2025-08", "end": "2025-08"}).content.decode()
    assert "sedang diperbarui" not in html and 'Jumlah</th><td class="num">4</td>' in html.split('id="screening"')[1]
    assert MonthlyCount.objects.get(office_code="JAKSEL", month=date(2025, 8, 1), measure="risk", label="").n == 3


def test_a_full_recount_drops_months_whose_applications_are_gone(three, offices) -> None:
    aggregates.bring_up_to_date()
    MonthlyCount.objects.create(office_code="JAKSEL", month=date(2020, 1, 1), measure="risk", label="low", n=9)
    assert aggregates.refresh_all() == 3  # JAKSEL July and August, JAYAPURA August
    assert not MonthlyCount.objects.filter(month=date(2020, 1, 1)).exists()


def test_a_replaced_decision_leaves_the_month_it_was_counted_in(three, offices) -> None:
    record = Application.objects.get(external_id=three["A"]).record
    scope = Scope([offices["JAKSEL"]], date(2025, 8, 1), date(2025, 9, 30))

    def by_month() -> list[list[Any]]:
        aggregates.bring_up_to_date()
        table = compute(scope, TODAY, sections=("decisions",)).table("decisions")
        return [[row[0], *row[1:4], row[-1]] for row in table.rows]

    postponed = {"kind": "postponed", "decided_at": "2025-08-05T10:00:00+07:00", "categories": ["non_procedural"]}
    store_many([{**record, "decision": postponed}], source="test")
    assert by_month() == [["2025-08", 1, 0, 0, 1], ["2025-09", 0, 0, 0, 0]]
    refused = {"kind": "refused", "decided_at": "2025-09-10T10:00:00+07:00", "categories": ["illegal_agent"]}
    store_many([{**record, "decision": refused}], source="test")  # the history corrected: refused, in September
    assert by_month() == [["2025-08", 0, 0, 0, 0], ["2025-09", 0, 1, 0, 1]]


def test_garda_stats_refresh_counts_from_the_command_line(three, capsys) -> None:
    from django.core.management import call_command

    call_command("stats", "refresh")
    assert "mutakhir" in capsys.readouterr().out and MonthlyCount.objects.filter(measure="risk").exists()
    MonthlyCount.objects.all().delete()
    call_command("stats", "refresh", "--all")
    assert capsys.readouterr().out.strip() == "3 bulan-kantor dihitung ulang"
    assert MonthlyCount.objects.get(office_code="JAYAPURA", measure="risk", label="medium").n == 1


def test_cached_sums_follow_a_recount_at_one_office(three, offices) -> None:
    aggregates.bring_up_to_date()
    both = Scope([offices["JAKSEL"], offices["JAYAPURA"]], date(2025, 7, 1), date(2025, 8, 31), everything=True)

    def flags() -> dict[str, int]:
        return {row[0]: row[1] for row in _rows(compute(both, TODAY, sections=("flags",)), "flags")}

    assert flags()["Agen atau perekrut ilegal"] == 1  # summed, and now in the cache
    _screen(three["C"], "high", [AG])
    assert flags()["Agen atau perekrut ilegal"] == 1  # not counted yet: the figures are the counts
    aggregates.bring_up_to_date()
    assert flags()["Agen atau perekrut ilegal"] == 2  # JAKSEL's stamp moved; JAYAPURA's sums still come cached
