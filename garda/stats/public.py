"""The office's figures as the public sees them: a year of postponements, refusals and cancellations of one office
or of the whole country, every count under 11 shown as "<11" (CTDC's k = 11), so no published cell can point to a
person. The same counts as the staff page, from the same function."""

from dataclasses import dataclass
from datetime import date

from garda.core.models import Office
from garda.core.statistics import suppressed
from garda.screening.api import Application
from garda.stats.decisions import COUNTED, decision_stats


@dataclass(frozen=True)
class PublicFigures:
    office: Office | None  # None: every office
    year: int
    total: str
    by_kind: list[tuple[str, str]]
    by_category: list[tuple[str, str]]
    by_month: list[tuple[date, str]]


def years_with_decisions() -> list[int]:
    """The years in which any office decided, newest first (one query)."""
    dates = Application.objects.filter(decision_kind__in=list(COUNTED), decided_at__isnull=False).datetimes(
        "decided_at", "year", order="DESC"
    )
    return [d.year for d in dates]


def public_figures(office: Office | None, year: int, today: date) -> PublicFigures:
    end = min(date(year, 12, 31), today)
    stats = decision_stats(office.code if office else None, date(year, 1, 1), end)
    return PublicFigures(
        office=office,
        year=year,
        total=suppressed(stats.total),
        by_kind=[(kind, suppressed(n)) for kind, n in stats.by_kind.items()],
        by_category=[(category, suppressed(n)) for category, n in stats.by_category.items()],
        by_month=[(date.fromisoformat(f"{month}-01"), suppressed(n)) for month, n in stats.by_month.items()],
    )
