from garda.oversight.models.inspections import (
    Finding,
    FindingStatus,
    FindingUpdate,
    Inspection,
    InspectionItem,
    InspectionKind,
    InspectionScope,
    InspectionStatus,
    ItemResult,
    Severity,
)
from garda.oversight.models.integrity import IntegritySignal, SignalMetric, SignalStatus
from garda.oversight.models.investigations import (
    Investigation,
    InvestigationStatus,
    InvestigationStep,
    Outcome,
    Source,
    StepKind,
)

__all__ = [
    "Finding",
    "FindingStatus",
    "FindingUpdate",
    "Inspection",
    "InspectionItem",
    "InspectionKind",
    "InspectionScope",
    "InspectionStatus",
    "IntegritySignal",
    "Investigation",
    "InvestigationStatus",
    "InvestigationStep",
    "ItemResult",
    "Outcome",
    "Severity",
    "SignalMetric",
    "SignalStatus",
    "Source",
    "StepKind",
]
