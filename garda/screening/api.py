"""Screening's public surface: the only screening module other apps import (decisions and statistics today;
oversight, partners and the public portal next). Typed functions and dataclasses; the models named here are read
models — other apps may query them and point foreign keys at them, and change them only through the functions
below.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from garda.screening.access import access_application, applications_in_scope
from garda.screening.actions.decisions import do_record_decision
from garda.screening.context import ADVERSE
from garda.screening.forms import DOCUMENTS
from garda.screening.indicators import DOCUMENT_LABELS, explain
from garda.screening.models import Application, Contact, Review, Screening

__all__ = [
    "ADVERSE",
    "DOCUMENT_CHOICES",
    "STRATA",
    "Application",
    "Evidence",
    "Finding",
    "OfficerActivity",
    "ProcessedApplication",
    "Screening",
    "access_application",
    "applications_in_scope",
    "do_record_decision",
    "document_label",
    "evidence",
    "findings",
    "latest_screening",
    "office_with_decision_in_force",
    "officer_activity",
    "processed_applications",
    "report_use",
]

# The documents an officer can ask an applicant for, as (code, label) choices for a form.
DOCUMENT_CHOICES: list[tuple[str, Any]] = list(DOCUMENTS)


@dataclass(frozen=True)
class Finding:
    """One indicator of a screening, in words: what a decision may state as a fact found."""

    code: str
    category: str
    severity: str
    text: str
    counted: bool  # False: shown as context (a relative, a cleared match), not part of the score


@dataclass(frozen=True)
class Evidence:
    """What a checker and an approver decide on beside a proposal: the latest screening in words, the interview
    notes and the documents the applicant showed."""

    screening: Screening | None
    findings: list[Finding] = field(default_factory=list)
    interview: dict[str, Any] = field(default_factory=dict)
    documents: list[str] = field(default_factory=list)


def latest_screening(application: Application) -> Screening | None:
    return application.screenings.first()


def findings(screening: Screening | None, *, language: str = "id") -> list[Finding]:
    """The screening's indicators in the order the engine gave them, each explained in `language`."""
    if screening is None:
        return []
    return [
        Finding(
            code=i["code"],
            category=i["category"],
            severity=i["severity"],
            text=explain(i["code"], i.get("params", {}), language),
            counted=bool(i.get("counted", True)),
        )
        for i in screening.indicators
    ]


def evidence(application: Application, *, language: str = "id") -> Evidence:
    latest = latest_screening(application)
    record = application.record
    return Evidence(
        screening=latest,
        findings=findings(latest, language=language),
        interview=record.get("interview") or {},
        documents=[str(d["type"]) for d in record.get("documents") or [] if isinstance(d, dict) and d.get("type")],
    )


def document_label(code: str, *, language: str = "id") -> str:
    """A document type in words ("Kartu Keluarga"), for letters; an unknown code is returned as it is."""
    indonesian, english = DOCUMENT_LABELS.get(code, (code, code))[:2]
    return english if language == "en" else indonesian


@dataclass(frozen=True)
class ProcessedApplication:
    """An application an officer processed (its latest interview outcome), as an inspection samples it."""

    key: str  # the application's id
    label: str
    officer_id: int
    stratum: str  # high_risk_clearance | override | fast | other


STRATA = ("high_risk_clearance", "override", "fast", "other")


def processed_applications(
    office_code: str, start: date, end: date, *, fast_minutes: int
) -> list[ProcessedApplication]:
    """The applications of an office submitted in [start, end] that an officer processed, each in one stratum, the
    riskiest first: a high-risk application cleared; an outcome against the screening's recommendation (or a
    clearance the second officer refused); one processed within `fast_minutes` of its screening; the rest."""
    reviews = (
        Review.objects.filter(
            application__office_code=office_code,
            application__submitted_at__date__gte=start,
            application__submitted_at__date__lte=end,
        )
        .select_related("application")
        .order_by("application_id", "-created_at", "-id")
    )
    seen: set[int] = set()
    rows: list[ProcessedApplication] = []
    for review in reviews:
        app = review.application
        if app.pk in seen:  # the latest review of each application only
            continue
        seen.add(app.pk)
        started = app.screened_at or app.submitted_at
        if review.outcome == "proceed" and review.risk_level == "high":
            stratum = "high_risk_clearance"
        elif (
            review.outcome == "proceed" and app.recommendation in ("postpone", "refuse")
        ) or review.confirmed is False:
            stratum = "override"
        elif (review.created_at - started).total_seconds() < fast_minutes * 60:
            stratum = "fast"
        else:
            stratum = "other"
        label = f"{app.office_code}/{app.external_id} — {app.applicant_name}"
        rows.append(ProcessedApplication(str(app.pk), label[:200], review.officer_id, stratum))
    return rows


@dataclass
class OfficerActivity:
    """What one officer did with an office's applications in a period, counted for the integrity signals."""

    officer_id: int
    reviews: int = 0
    high_risk: int = 0  # reviews of applications screened high
    high_risk_cleared: int = 0  # ... that the officer let proceed
    proceeded: int = 0
    proceeded_later_refused: int = 0  # proceeded, and the applicant was refused or postponed afterwards, anywhere
    out_of_hours: int = 0  # recorded before `day_start`, from `day_end`, or on a weekend (office time)
    fast: int = 0  # recorded within `fast_minutes` of the submission
    top_contact: str = ""  # the companion phone or name found on most of the officer's applications
    top_contact_count: int = 0


def _local_bounds(start: date, end: date, time_zone: str) -> tuple[datetime, datetime]:
    """[start, end] as aware datetimes of the office's days: a range the submission index answers (a `__date`
    lookup casts every row in SQLite)."""
    from zoneinfo import ZoneInfo

    zone = ZoneInfo(time_zone)
    return (
        datetime.combine(start, datetime.min.time(), zone),
        datetime.combine(end + timedelta(days=1), datetime.min.time(), zone),
    )


def officer_activity(
    office_code: str,
    start: date,
    end: date,
    *,
    time_zone: str,
    fast_minutes: int,
    day_start: int = 7,
    day_end: int = 17,
) -> dict[int, OfficerActivity]:
    """Counts per officer, in a few aggregate queries whatever the volume (the signals of a million applications
    must not be a million round trips). The latest review of each application counts, as the queue shows it."""
    from django.db.models import Count, Max, Q

    from garda.core.sqltime import LocalHour, LocalWeekday, MinutesBetween

    since, until = _local_bounds(start, end, time_zone)
    latest = (
        Review.objects.filter(
            application__office_code=office_code,
            application__submitted_at__gte=since,
            application__submitted_at__lt=until,
        )
        .values("application_id")
        .annotate(last=Max("id"))
        .values("last")
    )
    reviews = Review.objects.filter(id__in=latest)
    # From the application's submission (the office's own time, also for imported history; `screened_at` is
    # when Garda screened it, which for history is the import) to the outcome.
    rows = (
        reviews.annotate(
            took=MinutesBetween("created_at", "application__submitted_at"),
            hour=LocalHour("created_at", time_zone),
            weekday=LocalWeekday("created_at", time_zone),
        )
        .values("officer_id")
        .annotate(
            reviews=Count("id"),
            high_risk=Count("id", filter=Q(risk_level="high")),
            high_risk_cleared=Count("id", filter=Q(risk_level="high", outcome="proceed")),
            proceeded=Count("id", filter=Q(outcome="proceed")),
            out_of_hours=Count("id", filter=Q(hour__lt=day_start) | Q(hour__gte=day_end) | Q(weekday=0) | Q(weekday=6)),
            fast=Count("id", filter=Q(took__gte=0, took__lt=fast_minutes)),
        )
    )
    activity = {row["officer_id"]: OfficerActivity(**row) for row in rows}
    # Proceeded, then refused or postponed anywhere: the adverse decisions are few, so their NIKs are read first.
    adverse = dict(
        Application.objects.filter(decision_kind__in=ADVERSE)
        .exclude(applicant_nik="")
        .values("applicant_nik")
        .annotate(latest=Max("decided_at"))
        .values_list("applicant_nik", "latest")
    )
    if adverse:
        for officer_id, nik, at in reviews.filter(
            outcome="proceed", application__applicant_nik__in=list(adverse)
        ).values_list("officer_id", "application__applicant_nik", "created_at"):
            decided = adverse.get(nik)
            if decided is not None and decided > at and officer_id in activity:
                activity[officer_id].proceeded_later_refused += 1
    # One companion (by phone, or by name) across many of one officer's applications.
    for key in ("phone", "name_key"):
        pairs = (
            Contact.objects.filter(role="companion", application__reviews__in=reviews)
            .exclude(**{key: ""})
            .values("application__reviews__officer_id", key)
            .annotate(n=Count("application_id", distinct=True))
            .order_by("-n")
        )
        for row in pairs:
            officer = activity.get(row["application__reviews__officer_id"])
            if officer is not None and row["n"] > officer.top_contact_count:
                officer.top_contact, officer.top_contact_count = row[key], row["n"]
    return activity


# Postponement is temporary: a partner asking about a person is told of one only while it is recent.
POSTPONEMENT_IN_FORCE_DAYS = 30


def office_with_decision_in_force(*, nik: str = "", passport_number: str = "", today: date | None = None) -> str | None:
    """The code of the office whose adverse decision on this person (by NIK, or by the passport a decision names)
    is in force — the office a partner should contact — or None. Never the file: only whether, and where."""
    from django.db.models import Q

    if not (nik or passport_number):
        return None
    today = today or date.today()
    who = Q()
    if nik:
        who |= Q(applicant_nik=nik)
    if passport_number:
        who |= Q(record__decision__passport_number=passport_number)
    lasting = Q(decision_kind__in=["refused", "cancelled", "withdrawn", "revoked"])
    suspended = Q(decision_kind="suspended") & (Q(suspended_until__isnull=True) | Q(suspended_until__gte=today))
    postponed = Q(decision_kind="postponed", decided_at__date__gte=today - timedelta(days=POSTPONEMENT_IN_FORCE_DAYS))
    row = (
        Application.objects.filter(who)
        .filter(lasting | suspended | postponed)
        .order_by("-decided_at")
        .values_list("office_code", flat=True)
        .first()
    )
    return str(row) if row is not None else None


def report_use(refs: list[str]) -> dict[str, tuple[int, int]]:
    """For partner reports named "AGENCY/ID": how many applications their subjects were matched to, and how many of
    those then received an adverse decision — what a partner may learn of the use of its report, never which
    applications. Two queries, however many reports."""
    from django.db.models import Q, TextField
    from django.db.models.functions import Cast

    if not refs:
        return {}
    mentions = Q()
    for ref in refs:
        mentions |= Q(as_text__contains=f'"{ref}#')
    matched: dict[str, set[int]] = {ref: set() for ref in refs}
    rows = (
        Screening.objects.annotate(as_text=Cast("matches", output_field=TextField()))
        .filter(mentions)
        .values_list("application_id", "matches")
    )
    for application_id, found in rows:
        for match in found or []:
            ref = str(match.get("id", "")).split("#", 1)[0]
            if ref in matched and match.get("kind") == "report_subject":
                matched[ref].add(application_id)
    every = set().union(*matched.values())
    decided = set(
        Application.objects.filter(pk__in=every, decision_kind__in=list(ADVERSE)).values_list("pk", flat=True)
    )
    return {ref: (len(apps), len(apps & decided)) for ref, apps in matched.items()}
