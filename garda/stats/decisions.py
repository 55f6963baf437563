"""Decision statistics: postponements, refusals and cancellations of an office in a period, from the national
history of applications (decisions imported from any office's system and decisions taken in Garda alike)."""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from garda.core.models import Office
from garda.decisions.api import DECIDED, Case, Kind
from garda.screening.api import Application

# The application contract's decision → the kind counted ("postponement, refusal and cancellation decisions").
COUNTED = {"postponed": "postponement", "refused": "refusal", "cancelled": "cancellation"}
DEFAULT_ZONE = "Asia/Jakarta"


@dataclass
class DecisionStats:
    office: str
    start: date
    end: date
    total: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)
    by_category: dict[str, int] = field(default_factory=dict)
    by_month: dict[str, int] = field(default_factory=dict)
    # Garda's own cases, all six kinds: proposals made in the period, and decisions taken in it (approved or not).
    steps: dict[str, dict[str, int]] = field(default_factory=dict)
    # The month × kind and month × category cross tables the dashboard and the periodic report print.
    by_month_kind: dict[str, dict[str, int]] = field(default_factory=dict)
    by_month_category: dict[str, dict[str, int]] = field(default_factory=dict)

    def as_json(self) -> dict[str, object]:
        return {
            "office": self.office,
            "from": self.start.isoformat(),
            "to": self.end.isoformat(),
            "total": self.total,
            "by_kind": self.by_kind,
            "by_category": self.by_category,
            "by_month": self.by_month,
            "proposals_and_decisions": self.steps,
        }


def decision_stats(
    office_code: str | None,
    start: date,
    end: date,
    *,
    office_codes: list[str] | None = None,
    category: str = "",
) -> DecisionStats:
    """Counts in the office's own time zone (the day a decision was taken is the office's day), both ends
    inclusive. Every month of the period appears in by_month, with 0 where nothing was decided; a decision with
    several categories counts once in each. With no office, every office's decisions (the national figure, in
    Jakarta time); `office_codes` narrows that to several offices (a Kanwil's), `category` to the decisions taken
    on that ground."""
    office = Office.objects.filter(code=office_code).first() if office_code else None
    zone = ZoneInfo(office.time_zone if office is not None else DEFAULT_ZONE)
    since = datetime.combine(start, time.min, tzinfo=zone)
    until = datetime.combine(end + timedelta(days=1), time.min, tzinfo=zone)
    decided = Application.objects.filter(decision_kind__in=list(COUNTED), decided_at__gte=since, decided_at__lt=until)
    if office_code:
        decided = decided.filter(office_code=office_code)
    elif office_codes is not None:
        decided = decided.filter(office_code__in=office_codes)
    # The grounds as kept beside the record: the index answers, no decided record's JSON is read.
    rows = decided.values_list("decision_kind", "decided_at", "decision_grounds")
    kinds: Counter[str] = Counter({kind: 0 for kind in COUNTED.values()})
    categories: Counter[str] = Counter()
    months: Counter[str] = Counter({month: 0 for month in _months(start, end)})
    month_kind = {month: dict.fromkeys(COUNTED.values(), 0) for month in months}
    month_category: dict[str, Counter[str]] = {month: Counter() for month in months}
    for kind, decided_at, stated in rows.iterator(chunk_size=2000):
        grounds = grounds_from(stated)
        if category and category not in grounds:
            continue
        kinds[COUNTED[kind]] += 1
        month = decided_at.astimezone(zone).strftime("%Y-%m") if decided_at is not None else None
        if month is not None:  # the filter guarantees it; the type does not
            months[month] += 1
            month_kind[month][COUNTED[kind]] += 1
        for ground in grounds:
            categories[ground] += 1
            if month is not None:
                month_category[month][ground] += 1
    return DecisionStats(
        steps=_steps(office_code, since, until, office_codes),
        office=office_code or "",
        start=start,
        end=end,
        total=sum(kinds.values()),
        by_kind=dict(kinds),
        by_category=dict(sorted(categories.items())),
        by_month=dict(sorted(months.items())),
        by_month_kind=month_kind,
        by_month_category={month: dict(counts) for month, counts in sorted(month_category.items())},
    )


def grounds_from(stored: str) -> list[str]:
    """A decision's grounds from `Application.decision_grounds`; one without any is counted as uncategorised."""
    return stored.split(",") if stored else ["uncategorised"]


def _steps(
    office_code: str | None, since: datetime, until: datetime, office_codes: list[str] | None = None
) -> dict[str, dict[str, int]]:
    steps = {kind: {"proposed": 0, "approved": 0, "rejected": 0, "pending": 0} for kind in Kind.values}
    cases = Case.objects.filter(office__code=office_code) if office_code else Case.objects.all()
    if not office_code and office_codes is not None:
        cases = cases.filter(office__code__in=office_codes)
    proposed = cases.filter(proposed_at__gte=since, proposed_at__lt=until)
    for kind, status in proposed.values_list("kind", "status"):
        steps[kind]["proposed"] += 1
        if status not in DECIDED:
            steps[kind]["pending"] += 1
    for kind, status in cases.filter(decided_at__gte=since, decided_at__lt=until).values_list("kind", "status"):
        steps[kind][status] += 1
    return steps


def _months(start: date, end: date) -> list[str]:
    months, cursor = [], date(start.year, start.month, 1)
    while cursor <= end:
        months.append(cursor.strftime("%Y-%m"))
        cursor = date(cursor.year + (cursor.month == 12), cursor.month % 12 + 1, 1)
    return months
