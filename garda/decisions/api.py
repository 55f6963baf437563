"""Decisions' public surface: what statistics and oversight (and next partners and the public statistics) may use.
The models named here are read models: others count and list them, and change them only through decisions'
actions."""

from dataclasses import dataclass
from datetime import date

from garda.decisions.models import DECIDED, Case, Kind, Status

__all__ = ["DECIDED", "Case", "DecidedCase", "Kind", "Status", "decided_cases"]


@dataclass(frozen=True)
class DecidedCase:
    """A case decided at an office, as an inspection samples it: the maker is the officer concerned."""

    key: str
    label: str
    officer_id: int
    stratum: str  # rejected (the approver overruled the maker) | cancellation | postponement | other


def decided_cases(office_id: int, start: date, end: date) -> list[DecidedCase]:
    rows = []
    cases = Case.objects.filter(office_id=office_id, decided_at__date__gte=start, decided_at__date__lte=end)
    for case in cases.order_by("id"):
        if case.status == Status.REJECTED:
            stratum = "rejected"
        elif case.kind in (Kind.CANCELLATION, Kind.POSTPONEMENT):
            stratum = str(case.kind)
        else:
            stratum = "other"
        label = f"{case.get_kind_display()} #{case.pk} — {case.subject_name}"
        rows.append(DecidedCase(str(case.pk), label[:200], case.proposed_by_id, stratum))
    return rows
