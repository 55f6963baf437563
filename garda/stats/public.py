"""The office's figures as the public sees them: a year of postponements, refusals and cancellations of one office
or of the whole country, every count under 11 shown as "<11" (CTDC's k = 11), so no published cell can point to a
person. The same counts as the staff page, from the same function."""

from dataclasses import dataclass
from datetime import date

from django.core.cache import cache
from django.db.models import Max, Min
from django.utils import timezone

from garda.core.days import day_range
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
    """The years in which any office decided, newest first: the first and last decision, then one indexed look per
    year between (truncating every decision's date to its year ran a function on each of them)."""
    decided = Application.objects.filter(decision_kind__in=list(COUNTED), decided_at__isnull=False)
    span = decided.aggregate(first=Min("decided_at"), last=Max("decided_at"))
    if span["first"] is None or span["last"] is None:
        return []
    first, last = timezone.localtime(span["first"]).year, timezone.localtime(span["last"]).year
    years = []
    for year in range(last, first - 1, -1):
        since, until = day_range(date(year, 1, 1), date(year, 12, 31))
        if year in (first, last) or decided.filter(decided_at__gte=since, decided_at__lt=until).exists():
            years.append(year)
    return years


def public_figures(office: Office | None, year: int, today: date) -> PublicFigures:
    """Kept in the cache until any application changes (a decision moves its `updated_at`): the public page is
    read by anyone, far more often than a decision is taken."""
    latest = Application.objects.aggregate(latest=Max("updated_at"))["latest"]
    key = f"stats:public:{office.code if office else '-'}:{year}:{today.isoformat()}:{latest}"
    found: PublicFigures | None = cache.get(key)
    if found is None:
        found = _public_figures(office, year, today)
        cache.set(key, found, timeout=600)
    return found


def _public_figures(office: Office | None, year: int, today: date) -> PublicFigures:
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
