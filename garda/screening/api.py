"""Screening's public surface: the only screening module other apps import (decisions and statistics today;
oversight, partners and the public portal next). Typed functions and dataclasses; the models named here are read
models — other apps may query them and point foreign keys at them, and change them only through the functions
below.
"""

from dataclasses import dataclass, field
from typing import Any

from garda.screening.access import access_application, applications_in_scope
from garda.screening.actions.decisions import do_record_decision
from garda.screening.context import ADVERSE
from garda.screening.forms import DOCUMENTS
from garda.screening.indicators import DOCUMENT_LABELS, explain
from garda.screening.models import Application, Screening

__all__ = [
    "ADVERSE",
    "DOCUMENT_CHOICES",
    "Application",
    "Evidence",
    "Finding",
    "Screening",
    "access_application",
    "applications_in_scope",
    "do_record_decision",
    "document_label",
    "evidence",
    "findings",
    "latest_screening",
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
