"""The programme's reach in a year: per kecamatan and per kelurahan/desa, the events held, the people reached (by
sex), the early warnings received and the follow-ups open and done — the office's table and the yearly report.
A fixed number of queries, however many villages."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q, QuerySet, Sum

from garda.outreach.models import AgeBand, Attendance, EarlyWarning, Event, FollowUp, Sex, Village


@dataclass
class Row:
    name: str
    pk: int = 0  # the village's; 0 for a subtotal
    code: str = ""
    officer: str = ""
    events: int = 0
    women: int = 0
    men: int = 0
    warnings: int = 0
    open_follow_ups: int = 0
    done_follow_ups: int = 0

    @property
    def reached(self) -> int:
        return self.women + self.men

    def add(self, other: "Row") -> None:
        self.events += other.events
        self.women += other.women
        self.men += other.men
        self.warnings += other.warnings
        self.open_follow_ups += other.open_follow_ups
        self.done_follow_ups += other.done_follow_ups


@dataclass
class District:
    total: Row
    villages: list[Row] = field(default_factory=list)


@dataclass
class Reach:
    year: int
    districts: list[District]
    total: Row
    by_band: dict[tuple[str, str], int]  # (sex, age band) → people
    by_topic: Counter[str]
    by_warning_kind: Counter[str]


def attendance_grid(cells: dict[tuple[str, str], int]) -> dict[str, Any]:
    """People by sex (rows) and age band (columns), for `outreach/_attendance.html`."""
    return {
        "band_labels": [label for _band, label in AgeBand.choices],
        "grid": [(label, [cells.get((sex, band), 0) for band in AgeBand.values]) for sex, label in Sex.choices],
    }


def reach(villages: QuerySet[Village], year: int) -> Reach:
    villages = villages.select_related("officer").order_by("district_name", "name")
    events = Event.objects.filter(village__in=villages, held_on__year=year)
    per_events = dict(events.values_list("village").annotate(n=Count("id")))
    people: dict[int, Counter[str]] = defaultdict(Counter)
    by_band: dict[tuple[str, str], int] = {(s, b): 0 for s in Sex.values for b in AgeBand.values}
    cells = Attendance.objects.filter(event__in=events).values_list("event__village", "sex", "band")
    for village_id, sex, band, n in cells.annotate(n=Sum("count")):
        people[village_id][sex] += n
        by_band[(sex, band)] += n
    warnings = EarlyWarning.objects.filter(village__in=villages, received_on__year=year)
    per_warnings = dict(warnings.values_list("village").annotate(n=Count("id")))
    follow_ups = FollowUp.objects.filter(event__in=events).values("event__village")
    per_follow_ups = {
        row["event__village"]: row
        for row in follow_ups.annotate(
            open=Count("id", filter=Q(done_on__isnull=True)), done=Count("id", filter=Q(done_on__isnull=False))
        )
    }
    topics: Counter[str] = Counter()
    for listed in events.values_list("topics", flat=True):
        topics.update(listed or [])
    districts: dict[str, District] = {}
    total = Row(name="")
    for village in villages:
        follow: dict[str, Any] = dict(per_follow_ups.get(village.pk, {}))
        row = Row(
            name=village.name,
            pk=village.pk,
            code=village.dotted_code,
            officer=village.officer.full_name or village.officer.username,
            events=per_events.get(village.pk, 0),
            women=people[village.pk][Sex.FEMALE],
            men=people[village.pk][Sex.MALE],
            warnings=per_warnings.get(village.pk, 0),
            open_follow_ups=follow.get("open", 0),
            done_follow_ups=follow.get("done", 0),
        )
        district = districts.setdefault(village.district_code, District(total=Row(name=village.district_name)))
        district.villages.append(row)
        district.total.add(row)
        total.add(row)
    return Reach(
        year=year,
        districts=list(districts.values()),
        total=total,
        by_band=by_band,
        by_topic=topics,
        by_warning_kind=Counter(dict(warnings.values_list("kind").annotate(n=Count("id")))),
    )
