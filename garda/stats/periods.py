"""Report periods as people write them: a year (2025), a quarter (2025-Q3) or a month (2025-09)."""

import re
from dataclasses import dataclass
from datetime import date

from garda.stats.figures import month_end

PERIOD = re.compile(r"^(?P<year>\d{4})(?:-(?:Q(?P<quarter>[1-4])|(?P<month>0[1-9]|1[0-2])))?$")


@dataclass(frozen=True)
class Period:
    text: str
    start: date
    end: date

    @property
    def kind(self) -> str:
        return "year" if len(self.text) == 4 else "quarter" if "Q" in self.text else "month"


def parse_period(text: str) -> Period:
    """The period's first and last day; ValueError naming the expected forms when it is none of them."""
    found = PERIOD.match(text.strip().upper())
    if not found:
        raise ValueError(f"periode tidak dikenal: {text!r} (tulis 2025, 2025-Q3 atau 2025-09)")
    year = int(found["year"])
    if found["quarter"]:
        first_month = 3 * (int(found["quarter"]) - 1) + 1
        return Period(found.group(0), date(year, first_month, 1), month_end(date(year, first_month + 2, 1)))
    if found["month"]:
        first = date(year, int(found["month"]), 1)
        return Period(found.group(0), first, month_end(first))
    return Period(found.group(0), date(year, 1, 1), date(year, 12, 31))
