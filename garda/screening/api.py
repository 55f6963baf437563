"""Screening's public surface: the only screening module other apps import (decisions and statistics today;
oversight, partners and the public portal next). Typed functions and dataclasses; the models named here are read
models — other apps may query them and point foreign keys at them, and change them only through the functions
below.
"""

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from garda.screening.access import access_application, applications_in_scope
from garda.screening.actions.decisions import do_record_decision
from garda.screening.context import ADVERSE
from garda.screening.forms import DOCUMENTS
from garda.screening.indicators import DOCUMENT_LABELS, explain
from garda.screening.models import Application, Review, Screening

__all__ = [
    "ADVERSE",
    "DOCUMENT_CHOICES",
    "STRATA",
    "Application",
    "Evidence",
    "Finding",
    "ProcessedApplication",
    "Screening",
    "access_application",
    "applications_in_scope",
    "do_record_decision",
    "document_label",
    "evidence",
    "findings",
    "latest_screening",
    "processed_applications",
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
