"""Who may see a decision case and who may take each step: the one place views and actions ask. A case the user
may not see answers 404 exactly like one that does not exist; a step the user may not take is refused
(PermissionDenied) before the database checks four eyes again."""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from garda.core.access import has_capability, offices_in_scope
from garda.core.models import Office, User
from garda.core.roles import Capability
from garda.decisions.models import Case, Cutting, Examination, FollowUpKind, Kind, Status


def cases_in_scope(user: User) -> QuerySet[Case]:
    return Case.objects.filter(office__in=offices_in_scope(user))


def access_case(user: User, pk: int) -> Case:
    if not any(
        has_capability(user, c)
        for c in (
            Capability.DECISIONS_PROPOSE,
            Capability.DECISIONS_REVIEW,
            Capability.DECISIONS_DECIDE,
            Capability.SCREENING_VIEW,
        )
    ):
        raise Http404
    case = (
        cases_in_scope(user)
        .select_related("application", "proposed_by", "reviewed_by", "decided_by")
        .filter(pk=pk)
        .first()
    )
    if case is None:
        raise Http404
    return case


def letters_in_scope(user: User) -> QuerySet[Office]:
    """The offices whose letters the user may open."""
    return offices_in_scope(user)


def require_step(user: User, capability: Capability, case_office_id: int) -> None:
    """A step of a case is taken at the case's own office, by a user whose role carries it."""
    if not has_capability(user, capability) or user.office_id != case_office_id:
        raise PermissionDenied


def may_review(user: User, case: Case) -> bool:
    """The Kasi checks a proposal someone else made."""
    return (
        has_capability(user, Capability.DECISIONS_REVIEW)
        and case.status in (Status.PROPOSED, Status.RETURNED)
        and case.proposed_by_id != user.pk
    )


def may_decide(user: User, case: Case) -> bool:
    """The Kepala Kantor decides a forwarded case in which he took no earlier step."""
    return (
        has_capability(user, Capability.DECISIONS_DECIDE)
        and case.status == Status.FORWARDED
        and user.pk not in (case.proposed_by_id, case.reviewed_by_id)
    )


def _own_office_maker(user: User, case: Case) -> bool:
    return user.office_id == case.office_id and has_capability(user, Capability.DECISIONS_PROPOSE)


def may_examine(user: User, case: Case, examination: Examination | None) -> bool:
    """The BAP is drawn up once, at the case's office, before the check."""
    return _own_office_maker(user, case) and examination is None and case.status in (Status.PROPOSED, Status.RETURNED)


def may_record_cutting(user: User, case: Case, cutting: Cutting | None) -> bool:
    """The cutting of an approved cancellation's passport is recorded once, at the case's office."""
    return (
        _own_office_maker(user, case)
        and cutting is None
        and case.kind == Kind.CANCELLATION
        and case.status == Status.APPROVED
        and bool(case.passport_number)
    )


def may_sign(user: User, case: Case) -> bool:
    """The draft shows the approver's name when the reader is the one who would sign."""
    return has_capability(user, Capability.DECISIONS_DECIDE) and user.office_id == case.office_id


def follow_up_choices(user: User, case: Case) -> list[tuple[str, Any]]:
    if case.status != Status.APPROVED or user.office_id != case.office_id:
        return []
    choices: list[tuple[str, Any]] = []
    if has_capability(user, Capability.DECISIONS_PROPOSE):
        if case.kind == "postponement":
            choices.append((FollowUpKind.RESUMED.value, FollowUpKind.RESUMED.label))
        choices.append((FollowUpKind.APPEAL_FILED.value, FollowUpKind.APPEAL_FILED.label))
    if has_capability(user, Capability.DECISIONS_DECIDE):
        choices += [(k.value, k.label) for k in (FollowUpKind.APPEAL_UPHELD, FollowUpKind.APPEAL_DISMISSED)]
    return choices
