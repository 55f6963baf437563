"""`garda stats decisions` as the contract says: total, by kind, by category, by month, the period inclusive in
the office's time zone."""

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

from django.core.management import call_command

from garda.screening.imports import store_many
from garda.synthetic.scenarios import Builder


def _decided(kind: str, decided_at: str, categories: list[str], office: str = "JAKSEL", n: int = 0) -> dict:
    b = Builder(n, date(2025, 10, 1))
    b.serial = 10_000 + n
    record = b.application(b.person(), office=office, submitted_at="2025-01-01T08:00:00+07:00")
    record["decision"] = {"kind": kind, "decided_at": decided_at, "categories": categories}
    return record


def test_counts_by_kind_category_and_month_in_office_time(db, capsys) -> None:
    store_many(
        [
            _decided("postponed", "2025-01-01T00:30:00+07:00", ["non_procedural"], n=1),  # first minute of the period
            _decided("cancelled", "2025-03-31T23:59:00+07:00", ["non_procedural", "illegal_agent"], n=2),
            _decided("refused", "2025-02-10T10:00:00+07:00", [], n=3),
            _decided("postponed", "2024-12-31T16:59:00+00:00", ["inconsistency"], n=4),  # 23:59 WIB: before
            _decided("issued", "2025-02-10T10:00:00+07:00", [], n=5),  # not a counted decision
            _decided("postponed", "2025-02-10T10:00:00+07:00", ["non_procedural"], office="CIREBON", n=6),
        ],
        source="test",
    )
    call_command("stats", "decisions", "--office", "JAKSEL", "--from", "2025-01-01", "--to", "2025-03-31", "--json")
    out = json.loads(capsys.readouterr().out)
    assert out == {
        "office": "JAKSEL",
        "from": "2025-01-01",
        "to": "2025-03-31",
        "total": 3,
        "by_kind": {"postponement": 1, "refusal": 1, "cancellation": 1},
        "by_category": {"illegal_agent": 1, "non_procedural": 2, "uncategorised": 1},
        "by_month": {"2025-01": 1, "2025-02": 1, "2025-03": 1},
        # Garda's own cases (none here: the decisions came with the imported history), all six kinds.
        "proposals_and_decisions": {
            kind: {"proposed": 0, "approved": 0, "rejected": 0, "pending": 0}
            for kind in ("postponement", "refusal", "cancellation", "withdrawal", "revocation", "suspension")
        },
    }


def test_a_reversed_period_is_refused(db: None) -> None:
    garda = str(Path(sys.executable).parent / "garda")
    done = subprocess.run(
        [garda, "stats", "decisions", "--office", "X", "--from", "2025-02-01", "--to", "2025-01-01"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2 and "--to" in done.stderr


def test_the_page_shows_the_same_figures_with_bounded_queries(
    login_as, personas, django_assert_max_num_queries
) -> None:
    store_many(
        [_decided("postponed", f"2025-0{m}-10T10:00:00+07:00", ["non_procedural"], n=20 + m) for m in (1, 2, 3)],
        source="test",
    )
    client = login_as(personas["kasi"])
    url = "/statistik/keputusan/?office=JAKSEL&start=2025-01-01&end=2025-09-30"
    client.get(url)
    with django_assert_max_num_queries(12):  # two for Garda's own cases, whatever their number
        page = client.get(url)
    body = page.content.decode()
    assert page.status_code == 200 and "<strong>3</strong>" in body and "2025-09" in body
    assert client.get("/statistik/keputusan/?office=JAKSEL&start=2025-09-30&end=2025-01-01").status_code == 200
