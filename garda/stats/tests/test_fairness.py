"""`garda stats fairness`: flag rates of the applications that ended clean, by province group, sex and age band,
with Wilson intervals; open and adverse applications are not counted."""

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from hypothesis import given
from hypothesis import strategies as st

from garda.core.statistics import wilson
from garda.screening.imports import store_many
from garda.screening.models import Application
from garda.stats.fairness import province_group


def _record(i: int, nik: str, sex: str, **extra: Any) -> dict[str, Any]:
    return {
        "id": f"F-{i}",
        "office": "JAKSEL",
        "submitted_at": "2026-10-05T09:00:00+07:00",
        "applicant": {
            "nik": nik,
            "full_name": f"ORANG {i}",
            "sex": sex,
            "birth_date": "1990-01-01",
            "birth_place": "X",
        },
        "travel": {"purpose": "tourism", "destination_country": "JP"},
        **extra,
    }


ISSUED = {"decision": {"kind": "issued", "decided_at": "2026-10-09T10:00:00+07:00"}}


@pytest.mark.django_db
def test_flag_rates_of_clean_applications_by_group(capsys: Any) -> None:
    records = [
        _record(1, "3578010101900001", "F", **ISSUED),  # Jawa Timur: PMI-sending
        _record(2, "3578010101900002", "F", **ISSUED),
        _record(3, "3174010101900003", "M", **ISSUED),  # Jakarta
        _record(4, "3174010101900004", "M", **ISSUED),
        _record(5, "3174010101900005", "M"),  # still open: not counted
        _record(6, "3174010101900006", "M", decision={"kind": "refused", "decided_at": "2026-10-09T10:00:00+07:00"}),
    ]
    store_many(records, source="test")
    Application.objects.filter(external_id__in=["F-1", "F-3", "F-5", "F-6"]).update(risk_level="high")
    Application.objects.filter(external_id__in=["F-2", "F-4"]).update(risk_level="low")
    call_command("stats", "fairness", "--office", "JAKSEL", "--from", "2026-10-01", "--to", "2026-10-31", "--json")
    out = json.loads(capsys.readouterr().out)
    assert out["clean_applications"] == 4
    groups = {row["group"]: row for row in out["groups"]["province_group"]}
    assert groups["pmi_sending"]["flagged"] == 1 and groups["pmi_sending"]["clean"] == 2
    assert 0 < groups["other"]["ci_low"] < 0.5 < groups["other"]["ci_high"] < 1
    assert out["gaps_points"]["province_group"] == 0.0
    call_command("stats", "fairness", "--office", "JAKSEL", "--from", "2026-10-01", "--to", "2026-10-31")
    assert "Kelompok provinsi" in capsys.readouterr().out


@given(st.integers(0, 500), st.integers(1, 500))
def test_the_wilson_interval_holds_the_rate(k: int, n: int) -> None:
    k = min(k, n)
    low, high = wilson(k, n)
    assert 0 <= low <= k / n <= high <= 1


def test_the_province_group_is_the_niks() -> None:
    assert province_group("5271010101900001") == "pmi_sending"  # NTB
    assert province_group("3171010101900001") == "other"
    assert province_group("") == "unknown"


@pytest.mark.parametrize(
    ("period", "said"),
    [(("2025-02-01", "2025-01-01"), "--to"), (("2025-13-01", "2025-12-31"), "bukan tanggal ISO")],
)
def test_a_bad_period_is_refused_on_the_command_line(period: tuple[str, str], said: str) -> None:
    garda = str(Path(sys.executable).parent / "garda")
    done = subprocess.run(
        [garda, "stats", "fairness", "--office", "JAKSEL", "--from", period[0], "--to", period[1]],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2 and said in done.stderr
