"""Who sees what of oversight. Investigations: the investigators of the offices in their scope, never the officer
examined nor anyone who declared a conflict of interest in it, and — for one opened from a whistleblowing case — only
the case's grant holders. Inspections: internal
compliance of the offices in its scope (the office inspected does not see the plan, so a surprise stays one).
Findings: those inspectors, and the owner who must remedy the finding — never the officer concerned as such."""

from typing import Any

from django.db.models import CharField, Q, QuerySet
from django.db.models.functions import Cast
from django.http import Http404

from garda.core import visibility
from garda.core.access import has_capability, offices_in_scope
from garda.core.models import User
from garda.core.roles import Capability
from garda.oversight.models import (
    ConflictDeclaration,
    Finding,
    Inspection,
    InspectionItem,
    IntegritySignal,
    Investigation,
    InvestigationStep,
    Source,
)
from garda.whistle.api import held_report_numbers

DECIDING = ("reported", "decreed", "delivered", "objected", "final", "closing", "closed")


def investigations_for(user: User) -> QuerySet[Investigation]:
    """The investigations of the user's offices, never their own, and those of a channel case only for the case's
    grant holders (the restrictions registered in `core.visibility`). The head of office sees a case once its report
    is written (to decide, or co-sign a close), not while it is examined. A sealed case ("not proven") is seen only
    by those who signed its close and by national compliance."""
    if has_capability(user, Capability.INVESTIGATIONS):
        rows = Investigation.objects.filter(office__in=offices_in_scope(user))
    elif has_capability(user, Capability.DISCIPLINE_DECIDE):
        rows = Investigation.objects.filter(office__in=offices_in_scope(user), status__in=DECIDING)
    else:
        return Investigation.objects.none()
    rows = rows.exclude(subject=user).exclude(conflicted(user)).select_related("office", "subject", "opened_by")
    if user.office.kind != "pusat":
        signed = InvestigationStep.objects.filter(by=user, kind__in=["close_proposed", "close_confirmed"])
        rows = rows.exclude(Q(sealed=True) & ~Q(pk__in=signed.values("investigation_id")))
    return visibility.restricted(visibility.INVESTIGATIONS, user, rows)


def conflicted(user: User) -> Q:
    """The cases a user declared a conflict of interest in: that one case, or every case about that officer."""
    declared = ConflictDeclaration.objects.filter(declarant=user)
    return Q(pk__in=declared.filter(investigation__isnull=False).values("investigation_id")) | Q(
        subject__in=declared.filter(concerning__isnull=False).values("concerning_id")
    )


def declared_conflict_about(user: User, officer: User | None) -> bool:
    return officer is not None and ConflictDeclaration.objects.filter(declarant=user, concerning=officer).exists()


def may_see_investigation(user: User, investigation: Investigation) -> bool:
    return investigations_for(user).filter(pk=investigation.pk).exists()


def access_investigation(user: User, number: str) -> Investigation:
    item = investigations_for(user).filter(number=number).first()
    if item is None:
        raise Http404
    return item


def case_investigations_to_holders(user: User, rows: QuerySet[Any]) -> QuerySet[Any]:
    """An investigation opened from a channel case is for the case's grant holders only."""
    return rows.exclude(Q(source=Source.WHISTLE) & ~Q(source_ref__in=held_report_numbers(user)))


def case_investigation_events_to_holders(user: User, events: QuerySet[Any]) -> QuerySet[Any]:
    """The audit events of such an investigation likewise (a subquery: the trail costs no query more)."""
    hidden = (
        Investigation.objects.filter(source=Source.WHISTLE)
        .exclude(source_ref__in=held_report_numbers(user))
        .annotate(as_text=Cast("pk", CharField()))
        .values("as_text")
    )
    return events.exclude(object_type="oversight.investigation", object_id__in=hidden)


def inspections_for(user: User) -> QuerySet[Inspection]:
    if not has_capability(user, Capability.INSPECTIONS):
        return Inspection.objects.none()
    return Inspection.objects.filter(office__in=offices_in_scope(user)).select_related("office", "lead")


def access_inspection(user: User, number: str) -> Inspection:
    inspection = inspections_for(user).filter(number=number).first()
    if inspection is None:
        raise Http404
    return inspection


def access_item(user: User, number: str, position: int) -> InspectionItem:
    item = (
        InspectionItem.objects.filter(
            inspection__in=inspections_for(user), inspection__number=number, position=position
        )
        .select_related("inspection", "inspection__office", "officer")
        .first()
    )
    if item is None:
        raise Http404
    return item


def findings_for(user: User) -> QuerySet[Finding]:
    """An inspector sees the findings of the inspections in scope; an owner, the findings they own."""
    rows = Finding.objects.select_related("inspection", "inspection__office", "owner", "officer", "item")
    if has_capability(user, Capability.INSPECTIONS):
        return rows.filter(Q(inspection__in=inspections_for(user)) | Q(owner=user))
    if has_capability(user, Capability.FINDINGS_FOLLOW_UP):
        return rows.filter(owner=user)
    return Finding.objects.none()


def access_finding(user: User, number: str) -> Finding:
    finding = findings_for(user).filter(number=number).first()
    if finding is None:
        raise Http404
    return finding


def may_inspect(user: User, inspection: Inspection) -> bool:
    return inspections_for(user).filter(pk=inspection.pk).exists()


def may_close_finding(user: User, finding: Finding) -> bool:
    """The inspectors close a finding, never its owner: the one who remedies does not sign off the remedy."""
    return finding.owner_id != user.pk and may_inspect(user, finding.inspection)


def may_follow_up(user: User, finding: Finding) -> bool:
    return finding.owner_id == user.pk or may_inspect(user, finding.inspection)


def signals_for(user: User) -> QuerySet[IntegritySignal]:
    """Internal compliance of the offices in scope, never about themselves; the officer's colleagues never."""
    if not has_capability(user, Capability.INVESTIGATIONS):
        return IntegritySignal.objects.none()
    return (
        IntegritySignal.objects.filter(office__in=offices_in_scope(user))
        .exclude(officer=user)
        .exclude(
            # (NOT IN over a NULL would hide everything: only standing declarations name an officer)
            officer__in=ConflictDeclaration.objects.filter(declarant=user, concerning__isnull=False).values(
                "concerning_id"
            )
        )
        .select_related("office", "officer", "reviewed_by", "investigation")
    )


def access_signal(user: User, pk: int) -> IntegritySignal:
    signal = signals_for(user).filter(pk=pk).first()
    if signal is None:
        raise Http404
    return signal
