"""Fairness of screening, measured: how often applications that ended clean were flagged (screened medium or high),
by province group, sex and age band, with 95 % Wilson intervals.

An application "ended clean" when its passport was issued or the officer let it proceed, with no adverse decision.
A flag on such an application is a false alarm the applicant paid for in time and questions; if PMI-sending
provinces (domain brief §3.1 no. 12: Jawa Timur, Jawa Tengah, Jawa Barat, NTB, Lampung), women or the young carry
more of them, screening is profiling who people are rather than what they do. The goal is a gap of at most one
point between the PMI-sending provinces and the others.

The province is the NIK's (its first two digits: the registering province); the age is at submission.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.db.models.fields.json import KT

from garda.core.models import Office
from garda.core.statistics import wilson
from garda.screening.api import Application

PMI_SENDING_PROVINCES = {"35": "Jawa Timur", "33": "Jawa Tengah", "32": "Jawa Barat", "52": "NTB", "18": "Lampung"}
AGE_BANDS = ((0, 17, "<18"), (18, 24, "18-24"), (25, 34, "25-34"), (35, 44, "35-44"), (45, 54, "45-54"))
CLEAN_DECISIONS = ("issued", "")
ADVERSE = ("postponed", "refused", "cancelled", "withdrawn", "revoked", "suspended")


@dataclass
class Rate:
    group: str
    n: int = 0
    flagged: int = 0

    @property
    def rate(self) -> float:
        return self.flagged / self.n if self.n else 0.0

    def as_json(self) -> dict[str, Any]:
        low, high = wilson(self.flagged, self.n)
        return {
            "group": self.group,
            "clean": self.n,
            "flagged": self.flagged,
            "rate": round(self.rate, 4),
            "ci_low": round(low, 4),
            "ci_high": round(high, 4),
        }


@dataclass
class FairnessStats:
    office: str
    start: date
    end: date
    clean: int = 0
    unscreened: int = 0
    by: dict[str, dict[str, Rate]] = field(default_factory=dict)

    def gap(self, dimension: str, a: str, b: str) -> float:
        """Flag rate of group a minus group b, in percentage points."""
        rows = self.by.get(dimension, {})
        return round(100 * (rows.get(a, Rate(a)).rate - rows.get(b, Rate(b)).rate), 2)

    def as_json(self) -> dict[str, Any]:
        return {
            "office": self.office,
            "from": self.start.isoformat(),
            "to": self.end.isoformat(),
            "clean_applications": self.clean,
            "unscreened": self.unscreened,
            "flagged": sum(r.flagged for r in self.by.get("sex", {}).values()),
            "groups": {dim: [r.as_json() for r in rows.values()] for dim, rows in self.by.items()},
            "gaps_points": {
                "province_group": self.gap("province_group", "pmi_sending", "other"),
                "sex": self.gap("sex", "F", "M"),
            },
        }


def _age_band(born: date | None, on: date) -> str:
    if born is None:
        return "unknown"
    age = on.year - born.year - ((on.month, on.day) < (born.month, born.day))
    for low, high, name in AGE_BANDS:
        if low <= age <= high:
            return name
    return "55+"


def province_group(nik: str) -> str:
    if len(nik) < 2 or not nik[:2].isdigit():
        return "unknown"
    return "pmi_sending" if nik[:2] in PMI_SENDING_PROVINCES else "other"


def fairness_stats(office_code: str, start: date, end: date) -> FairnessStats:
    office = Office.objects.filter(code=office_code).first()
    zone = ZoneInfo(office.time_zone if office is not None else "Asia/Jakarta")
    since = datetime.combine(start, time.min, tzinfo=zone)
    until = datetime.combine(end + timedelta(days=1), time.min, tzinfo=zone)
    rows = (
        Application.objects.filter(office_code=office_code, submitted_at__gte=since, submitted_at__lt=until)
        .exclude(decision_kind__in=ADVERSE)
        # The sex alone out of the record, not the whole record of every application of the period.
        .annotate(sex=KT("record__applicant__sex"))
        .values_list("decision_kind", "outcome", "risk_level", "applicant_nik", "applicant_birth_date", "sex",
                     "submitted_at")
    )  # fmt: skip
    stats = FairnessStats(office_code, start, end)
    by: dict[str, dict[str, Rate]] = defaultdict(dict)
    for decision, outcome, risk, nik, born, sex, submitted in rows.iterator(chunk_size=2000):
        if decision != "issued" and outcome != "proceed":
            continue  # still open, or not cleared: not known to have ended clean
        if not risk:
            stats.unscreened += 1
            continue
        stats.clean += 1
        flagged = risk in ("medium", "high")
        for dimension, group in (
            ("province_group", province_group(nik or "")),
            ("sex", sex or "unknown"),
            ("age_band", _age_band(born, submitted.astimezone(zone).date())),
        ):
            rate = by[dimension].setdefault(group, Rate(group))
            rate.n += 1
            rate.flagged += flagged
    stats.by = {dim: dict(sorted(rows.items())) for dim, rows in by.items()}
    return stats
