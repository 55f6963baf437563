"""What a partner may learn of its reports: received, matched to applications, used in a decision — as numbers,
never which applications."""

from typing import Any

from garda.intel.api import AgencyReport
from garda.screening.api import report_use


def _report_out(report: AgencyReport, use: tuple[int, int]) -> dict[str, Any]:
    matched, decided = use
    status = "used_in_decision" if decided else "matched" if matched else "received"
    return {
        "id": report.external_id,
        "agency": report.agency,
        "reference": report.reference,
        "category": report.category,
        "received_at": report.received_at.isoformat(),
        "status": status,
        "matched_applications": matched,
        "decisions": decided,
    }


def report_rows(reports: list[AgencyReport]) -> list[dict[str, Any]]:
    uses = report_use([f"{r.agency}/{r.external_id}" for r in reports])
    return [_report_out(r, uses.get(f"{r.agency}/{r.external_id}", (0, 0))) for r in reports]
