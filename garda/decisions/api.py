"""Decisions' public surface: what statistics and oversight (and next partners and the public statistics) may use.
The models named here are read models: others count and list them, and change them only through decisions'
actions."""

from dataclasses import dataclass
from datetime import date

from garda.decisions.access import cases_in_scope
from garda.decisions.models import DECIDED, Case, Kind, Status

__all__ = [
    "DECIDED",
    "Case",
    "DecidedCase",
    "Kind",
    "Status",
    "cases_in_scope",
    "decided_cases",
    "proposals_by_officer",
]


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


def proposals_by_officer(office_id: int, start: date, end: date) -> dict[int, tuple[int, int]]:
    """Per maker: decisions proposed in the period that were decided, and of them those reversed — not approved by
    the head, or annulled on objection."""
    from django.db.models import Count, Q

    from garda.decisions.models import FollowUpKind

    rows = (
        Case.objects.filter(
            office_id=office_id, proposed_at__date__gte=start, proposed_at__date__lte=end, status__in=DECIDED
        )
        .values("proposed_by_id")
        .annotate(
            n_decided=Count("id", distinct=True),
            n_reversed=Count(
                "id",
                filter=Q(status=Status.REJECTED) | Q(follow_ups__kind=FollowUpKind.APPEAL_UPHELD),
                distinct=True,
            ),
        )
    )
    return {row["proposed_by_id"]: (row["n_decided"], row["n_reversed"]) for row in rows}
