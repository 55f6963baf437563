"""Oversight's public surface: the figures statistics publishes, in the shape the directorate reports them
(examined, proven by level, not proven, in process, referred pro justitia) beside inspections, findings and
signals. Counts only — never a name."""

from collections import Counter
from datetime import date
from typing import Any

from django.utils import timezone

from garda.core.models import Office
from garda.oversight.models import (
    Agency,
    CourtStage,
    CrimeKind,
    CriminalReferral,
    Finding,
    FindingStatus,
    Inspection,
    InspectionItem,
    InspectionKind,
    InspectionScope,
    IntegritySignal,
    Investigation,
    InvestigationStatus,
    InvestigationStep,
    ItemResult,
    Outcome,
    Severity,
    SignalMetric,
    SignalStatus,
    Source,
    StepKind,
    Verdict,
)

__all__ = ["SECTIONS", "statistics", "word_map"]

SECTIONS = ("inspections", "findings", "signals", "investigations", "sanctions", "referrals")
DONE = (InvestigationStatus.FINAL, InvestigationStatus.CLOSED)


def _count(values: Any) -> dict[str, int]:
    return dict(sorted(Counter(v for v in values if v).items()))


def statistics(office: Office, start: date, end: date) -> dict[str, Any]:
    """Everything started in [start, end] at the office, in six sections."""
    inspections = list(
        Inspection.objects.filter(office=office, planned_for__gte=start, planned_for__lte=end).values(
            "pk", "kind", "scope", "status"
        )
    )
    ids = [i["pk"] for i in inspections]
    results = list(InspectionItem.objects.filter(inspection_id__in=ids).values_list("result", flat=True))
    findings = list(
        Finding.objects.filter(
            inspection__office=office, recorded_at__date__gte=start, recorded_at__date__lte=end
        ).values("severity", "status", "due")
    )
    today = timezone.localdate()
    signals = list(
        IntegritySignal.objects.filter(office=office, computed_at__date__gte=start, computed_at__date__lte=end).values(
            "metric", "status"
        )
    )
    cases = list(
        Investigation.objects.filter(office=office, opened_at__date__gte=start, opened_at__date__lte=end).values(
            "pk", "status", "outcome", "level", "offence", "source", "sanction"
        )
    )
    case_ids = [c["pk"] for c in cases]
    steps = Counter(InvestigationStep.objects.filter(investigation_id__in=case_ids).values_list("kind", flat=True))
    granted = InvestigationStep.objects.filter(
        investigation_id__in=case_ids, kind=StepKind.OBJECTION_DECIDED, data__granted=True
    ).count()
    referrals = list(
        CriminalReferral.objects.filter(investigation_id__in=case_ids).values(
            "agency", "crime", "stage", "verdict", "ptdh_ground"
        )
    )
    proven = [c for c in cases if c["outcome"] == Outcome.PROVEN]
    return {
        "inspections": {
            "planned": len(inspections),
            "by_kind": _count(i["kind"] for i in inspections),
            "by_scope": _count(i["scope"] for i in inspections),
            "reported": sum(1 for i in inspections if i["status"] == "reported"),
            "files_checked": sum(1 for r in results if r != ItemResult.PENDING),
            "deviations": sum(1 for r in results if r == ItemResult.DEVIATION),
        },
        "findings": {
            "recorded": len(findings),
            "open": sum(1 for f in findings if f["status"] == FindingStatus.OPEN),
            "overdue": sum(1 for f in findings if f["status"] == FindingStatus.OPEN and f["due"] < today),
            "closed": sum(1 for f in findings if f["status"] == FindingStatus.CLOSED),
            "by_severity": _count(f["severity"] for f in findings),
        },
        "signals": {
            "raised": len(signals),
            "open": sum(1 for s in signals if s["status"] == SignalStatus.OPEN),
            "awaiting_second_signature": sum(1 for s in signals if s["status"] == SignalStatus.CLOSING),
            "dismissed": sum(1 for s in signals if s["status"] == SignalStatus.DISMISSED),
            "escalated": sum(1 for s in signals if s["status"] == SignalStatus.ESCALATED),
            "by_metric": _count(s["metric"] for s in signals),
        },
        "investigations": {
            "examined": len(cases),
            "in_process": sum(1 for c in cases if c["status"] not in DONE),
            "proven_by_level": {
                level: sum(1 for c in proven if c["level"] == level) for level in ("ringan", "sedang", "berat")
            },
            "not_proven": sum(1 for c in cases if c["outcome"] in (Outcome.NOT_PROVEN, Outcome.NO_VIOLATION)),
            "ethics": sum(1 for c in cases if c["outcome"] == Outcome.ETHICS),
            "by_offence": _count(c["offence"] for c in proven),
            "by_source": _count(c["source"] for c in cases),
            "superiors_told": steps[StepKind.SUPERIOR_INFORMED],
            "superiors_inactive": steps[StepKind.SUPERIOR_INACTION],
        },
        "sanctions": {
            "decreed": steps[StepKind.DECREE],
            "final": sum(1 for c in cases if c["status"] == InvestigationStatus.FINAL and c["sanction"]),
            "by_sanction": _count(c["sanction"] for c in cases),
            "released_from_duties": steps[StepKind.RELEASE],
            "objections": steps[StepKind.OBJECTION],
            "objections_granted": granted,
        },
        "referrals": {
            "pro_justitia": len(referrals),
            "by_agency": _count(r["agency"] for r in referrals),
            "by_crime": _count(r["crime"] for r in referrals),
            "final_convictions": sum(
                1 for r in referrals if r["stage"] == CourtStage.FINAL and r["verdict"] == Verdict.CONVICTED
            ),
            "ptdh_proposed": sum(1 for r in referrals if r["ptdh_ground"]),
        },
    }


def word_map() -> dict[str, Any]:
    """Every code the statistics name, in words: the choices of the models and the catalogues' titles."""
    from django.utils.translation import get_language

    from garda.core.reflists import current_items
    from garda.core.vocabulary import label

    words: dict[str, Any] = {}
    for choices in (InspectionKind, InspectionScope, Severity, SignalMetric, Source, Agency, CrimeKind):
        words.update({value: name for value, name in choices.choices})
    words.update({level: label("discipline_level", level) for level in ("ringan", "sedang", "berat")})
    lang = "en" if (get_language() or "id").startswith("en") else "id"
    for key in ("discipline_offences", "discipline_sanctions"):
        for item in current_items(key):
            words[item["code"]] = item.get(f"title_{lang}") or item.get("title_id")
    return words
