"""Monthly counts of the applications, kept up to date so that dashboards and reports never read a year of
applications on a request.

A national year is five million applications; counting its flags by category, indicator, destination and agent
means reading half a million screenings' indicators and records — seconds, not the 150 ms a page may take. So
each (office, month) is counted once into `MonthlyCount` rows, and a page adds up those rows.

Up to date how? Every change to an application moves its `updated_at` (imports, screenings, decisions), so the
months to recount are those of the applications changed since the last count. A page catches up by itself when
only a few applications changed (a counter's morning); after a large import it shows the counts as they were and
asks the worker to recount (`stats.tasks.refresh_aggregates`). The worker's report catches up fully first, so a
report and the page after it agree.
"""

from collections import Counter
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.db import connection, transaction
from django.db.models import Count, Max, Min, QuerySet
from django.utils import timezone

from garda.core.models import Office
from garda.screening.api import Application, Screening
from garda.stats.models import AggregateState, MonthlyCount

FLAGGED = ("high", "medium")
AGENT_RELATIONS = ("agent", "travel_agent", "employer")
PLACEMENT = "placement_company"  # the role of a placement company among the agents
MEASURES = ("risk", "destination", "category", "indicator", "flagged_destination", "agent")
# The decisions, by the month they were taken (not submitted): "decision" rows count a kind (label) among all of
# them (category "") and among those taken on each ground (category); "decision_ground" rows count a ground.
DECISION_MEASURES = ("decision", "decision_ground")
STATE = "monthly"
OFFICE_STAMP = "office:"  # AggregateState rows named office:CODE stamp each office's last recount
# Changes are looked for a little before the last one counted: an import's transaction stamps its applications
# when it starts and may commit after a count has run.
MARGIN = timedelta(hours=1)
INLINE = 2000  # a page recounts by itself when at most this many applications changed

Key = tuple[str, str, str, str]  # measure, category, label, detail


def count(applications: QuerySet[Application]) -> Counter[Key]:
    """The counts of a set of applications (one office-month): by risk level and destination, and for the
    flagged ones by category, indicator, destination and the agents and companies they name — the latter also
    once per category the application was flagged in, for the category filter. Four queries."""
    counts: Counter[Key] = Counter()
    plain = applications.order_by()
    for risk, n in plain.values_list("risk_level").annotate(n=Count("pk")).values_list("risk_level", "n"):
        counts[("risk", "", risk, "")] += n
    for country, n in plain.values_list("destination_country").annotate(n=Count("pk")).values_list(
        "destination_country", "n"
    ):  # fmt: skip
        counts[("destination", "", country, "")] += n
    flagged = plain.filter(risk_level__in=FLAGGED)
    named = {
        pk: (country, companion, company)
        for pk, country, companion, company in flagged.values_list(
            "pk", "destination_country", "record__companion", "record__travel__placement_company__name"
        ).iterator(chunk_size=2000)
    }
    latest: dict[int, list[dict[str, Any]]] = {}
    screenings = Screening.objects.filter(application_id__in=flagged.values("pk")).order_by(
        "application_id", "-created_at", "-id"
    )
    for application_id, indicators in screenings.values_list("application_id", "indicators").iterator(chunk_size=2000):
        latest.setdefault(application_id, indicators or [])
    for pk, (country, companion, company) in named.items():
        indicators = latest.get(pk, [])
        categories = sorted({str(i.get("category", "")) for i in indicators})
        for category in categories:
            counts[("category", "", category, "")] += 1
        for code, category in {(str(i.get("code", "")), str(i.get("category", ""))) for i in indicators}:
            counts[("indicator", "", code, category)] += 1
        agents = _agents(companion, company)
        for category in ("", *categories):
            counts[("flagged_destination", category, country, "")] += 1
            for name, role in agents:
                counts[("agent", category, name, role)] += 1
    return counts


def _agents(companion: Any, company: Any) -> list[tuple[str, str]]:
    """The agent, travel agent or employer who comes with the applicant (by organisation, else by name) and the
    placement company, as (NAME, role)."""
    named = []
    if isinstance(companion, dict) and companion.get("relation") in AGENT_RELATIONS:
        name = str(companion.get("organisation") or companion.get("full_name") or "").strip().upper()
        if name:
            named.append((name[:200], str(companion["relation"])))
    if isinstance(company, str) and company.strip():
        named.append((company.strip().upper()[:200], PLACEMENT))
    return named


def _zones() -> dict[str, ZoneInfo]:
    return {code: ZoneInfo(zone) for code, zone in Office.objects.values_list("code", "time_zone")}


def _bounds(month: date, zone: ZoneInfo) -> tuple[datetime, datetime]:
    following = date(month.year + (month.month == 12), month.month % 12 + 1, 1)
    return datetime.combine(month, time.min, tzinfo=zone), datetime.combine(following, time.min, tzinfo=zone)


def month_of(moment: datetime, zone: ZoneInfo) -> date:
    return moment.astimezone(zone).date().replace(day=1)


def _lock(office_code: str) -> None:
    """Serialise recounts on the state row, and stamp the office: the sums of its counts cached under the old
    stamp (garda.stats.figures.counts) are not read again; other offices' sums stay good."""
    AggregateState.objects.select_for_update().get_or_create(name=STATE)
    now = timezone.now()
    AggregateState.objects.filter(name=STATE).update(refreshed_at=now)
    AggregateState.objects.update_or_create(name=f"{OFFICE_STAMP}{office_code}", defaults={"refreshed_at": now})


def office_versions() -> dict[str, str]:
    """Each office's stamp, which changes whenever any of the office's counts change (a cache key's part)."""
    stamps = AggregateState.objects.filter(name__startswith=OFFICE_STAMP).values_list("name", "refreshed_at")
    return {name.removeprefix(OFFICE_STAMP): at.isoformat() for name, at in stamps if at is not None}


def refresh_month(office_code: str, month: date, zone: ZoneInfo | None = None) -> int:
    """Recount one office's month of applications (its decisions: `refresh_decisions`); returns the rows kept.
    One transaction, serialised with every other recount by a lock on the state row (two recounts of one month
    would otherwise both delete, then both insert)."""
    zone = zone or _zones().get(office_code, ZoneInfo("Asia/Jakarta"))
    since, until = _bounds(month, zone)
    counts = count(Application.objects.filter(office_code=office_code, submitted_at__gte=since, submitted_at__lt=until))
    rows = [
        MonthlyCount(
            office_code=office_code, month=month, measure=measure, category=category, label=label, detail=detail, n=n
        )
        for (measure, category, label, detail), n in counts.items()
        if n
    ]
    with transaction.atomic():
        _lock(office_code)
        MonthlyCount.objects.filter(office_code=office_code, month=month).exclude(
            measure__in=DECISION_MEASURES
        ).delete()  # fmt: skip
        MonthlyCount.objects.bulk_create(rows, batch_size=2000)
    return len(rows)


def refresh_decisions(office_code: str, zone: ZoneInfo | None = None) -> int:
    """Recount an office's decisions, every month: a decision replaced or withdrawn moves out of the month it was
    counted in, which only a count of all of them notices. An office's decisions are a few hundred a year."""
    from garda.stats.decisions import COUNTED, grounds_from

    zone = zone or _zones().get(office_code, ZoneInfo("Asia/Jakarta"))
    counts: Counter[tuple[date, str, str, str]] = Counter()
    decided = Application.objects.filter(
        office_code=office_code, decision_kind__in=list(COUNTED), decided_at__isnull=False
    ).values_list("decision_kind", "decided_at", "decision_grounds")
    for kind, decided_at, stated in decided.iterator(chunk_size=2000):
        if decided_at is None:  # excluded by the filter; the type does not know
            continue
        month = month_of(decided_at, zone)
        grounds = grounds_from(stated)
        counts[(month, "decision", "", COUNTED[kind])] += 1
        for ground in grounds:
            counts[(month, "decision", str(ground), COUNTED[kind])] += 1
            counts[(month, "decision_ground", "", str(ground))] += 1
    rows = [
        MonthlyCount(office_code=office_code, month=month, measure=measure, category=category, label=label, n=n)
        for (month, measure, category, label), n in counts.items()
    ]
    with transaction.atomic():
        _lock(office_code)
        MonthlyCount.objects.filter(office_code=office_code, measure__in=DECISION_MEASURES).delete()
        MonthlyCount.objects.bulk_create(rows, batch_size=2000)
    return len(rows)


def _months_between(first: date, last: date) -> Iterable[date]:
    cursor = first.replace(day=1)
    while cursor <= last:
        yield cursor
        cursor = date(cursor.year + (cursor.month == 12), cursor.month % 12 + 1, 1)


def refresh_all() -> int:
    """Recount every office's every month (the first count of an installation; `garda stats refresh --all`).
    Returns the number of office-months counted."""
    latest = Application.objects.aggregate(latest=Max("updated_at"))["latest"]
    zones = _zones()
    spans = Application.objects.order_by().values_list("office_code").annotate(
        first=Min("submitted_at"), last=Max("submitted_at")
    )  # fmt: skip
    wanted: set[tuple[str, date]] = set()
    for code, first, last in spans.values_list("office_code", "first", "last"):
        zone = zones.get(code, ZoneInfo("Asia/Jakarta"))
        wanted.update((code, month) for month in _months_between(month_of(first, zone), month_of(last, zone)))
    for code, month in sorted(wanted):
        refresh_month(code, month, zones.get(code))
    for code in sorted({code for code, _month in wanted}):
        refresh_decisions(code, zones.get(code))
    counted = MonthlyCount.objects.exclude(measure__in=DECISION_MEASURES).order_by()
    for code, month in set(counted.values_list("office_code", "month").distinct()) - wanted:
        counted.filter(office_code=code, month=month).delete()  # an office-month whose applications are gone
    offices = {code for code, _month in wanted}
    MonthlyCount.objects.filter(measure__in=DECISION_MEASURES).exclude(office_code__in=offices).delete()
    _planner_statistics()
    _mark(latest)
    return len(wanted)


def _planner_statistics() -> None:
    """SQLite plans its queries from statistics only ANALYZE gathers; without fresh ones it may read the office's
    hundred thousand applications through the wrong index where the right one reads a few hundred. Sampling at
    most a thousand rows per index, ANALYZE takes well under a second at a million applications.
    (PostgreSQL's autovacuum keeps its own.)"""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA analysis_limit = 1000")
            cursor.execute("ANALYZE")


def _mark(latest: datetime | None) -> None:
    AggregateState.objects.update_or_create(
        name=STATE, defaults={"seen": latest, "refreshed_at": timezone.now(), "requested_at": None}
    )


def bring_up_to_date(*, limit: int | None = None) -> bool:
    """Recount the months of the applications changed since the last count. With `limit`, only when at most
    that many changed (a page's request); returns False when more did and the counts were left as they are."""
    state = AggregateState.objects.filter(name=STATE).first()
    latest = Application.objects.aggregate(latest=Max("updated_at"))["latest"]
    if state is None or state.refreshed_at is None:
        if limit is not None and Application.objects.all()[: limit + 1].count() > limit:
            return False
        refresh_all()
        return True
    if latest is None or (state.seen is not None and latest <= state.seen):
        return True
    changed = Application.objects.order_by()
    if state.seen is not None:
        changed = changed.filter(updated_at__gt=state.seen - MARGIN)
    moments = changed.values_list("office_code", "submitted_at")
    if limit is not None:
        found = list(moments[: limit + 1])
        if len(found) > limit:
            return False
    else:  # the worker, after an import: the tables grew, their statistics too
        found = list(moments.iterator(chunk_size=10000))
        _planner_statistics()
    zones = _zones()
    months = {(code, month_of(submitted, zones.get(code, ZoneInfo("Asia/Jakarta")))) for code, submitted in found}
    for code, month in sorted(months):
        refresh_month(code, month, zones.get(code))
    for code in sorted({code for code, _month in months}):
        refresh_decisions(code, zones.get(code))
    _mark(latest)
    return True


def counted_through() -> datetime | None:
    """When the counts were last brought up to date (None: never)."""
    state = AggregateState.objects.filter(name=STATE).first()
    return state.refreshed_at if state else None


def claim_request() -> bool:
    """Whether to ask the worker to catch up now: once in ten minutes at most (the caller enqueues
    `stats.tasks.refresh_aggregates` when True)."""
    now = timezone.now()
    with transaction.atomic():
        state, _created = AggregateState.objects.select_for_update().get_or_create(name=STATE)
        if state.requested_at is not None and now - state.requested_at < timedelta(minutes=10):
            return False
        state.requested_at = now
        state.save(update_fields=["requested_at"])
    return True
