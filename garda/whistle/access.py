"""Access to reports: only through a grant sealed to the user — not by office, not by role. A report the user holds
no grant for answers 404 exactly like one that does not exist."""

from typing import Any

from django.db.models import CharField, Q, QuerySet
from django.db.models.functions import Cast
from django.http import Http404

from garda.core.access import has_capability
from garda.core.models import User
from garda.core.roles import Capability
from garda.whistle.models import Report, RevealRequest, RevealStatus


def reports_for(user: User) -> QuerySet[Report]:
    if not has_capability(user, Capability.WHISTLE_HANDLE):
        return Report.objects.none()
    return Report.objects.filter(grants__user=user)


def access_report(user: User, number: str) -> Report:
    report = reports_for(user).select_related("office").filter(number=number).first()
    if report is None:
        raise Http404
    return report


def reveal_requests_for(user: User) -> QuerySet[RevealRequest]:
    """Pending requests a custodian can decide: those whose identity key is sealed to them, not their own."""
    if not has_capability(user, Capability.WHISTLE_CUSTODIAN):
        return RevealRequest.objects.none()
    return (
        RevealRequest.objects.filter(status=RevealStatus.PENDING, report__identity__grants__user=user)
        .exclude(requested_by=user)
        .select_related("report", "requested_by", "report__office")
    )


def access_reveal_request(user: User, pk: int) -> RevealRequest:
    request = reveal_requests_for(user).filter(pk=pk).first()
    if request is None:
        raise Http404
    return request


def _held(user: User) -> QuerySet[Report]:
    return Report.objects.filter(grants__user=user)


def case_events_to_holders(user: User, events: QuerySet[Any]) -> QuerySet[Any]:
    """A whistleblowing case's audit events — the report's own and those of an investigation opened from it — are
    for the case's grant holders only (core.visibility). Subqueries: the list costs no query more."""
    from garda.oversight.models import Investigation, Source

    held = _held(user)
    held_ids = held.annotate(as_text=Cast("pk", CharField())).values("as_text")
    hidden = (
        Investigation.objects.filter(source=Source.WHISTLE)
        .exclude(source_ref__in=held.values("number"))
        .annotate(as_text=Cast("pk", CharField()))
        .values("as_text")
    )
    return events.exclude(Q(object_type="whistle.report") & ~Q(object_id__in=held_ids)).exclude(
        object_type="oversight.investigation", object_id__in=hidden
    )


def case_investigations_to_holders(user: User, rows: QuerySet[Any]) -> QuerySet[Any]:
    """An investigation opened from a channel case is for the case's grant holders only."""
    from garda.oversight.models import Source

    return rows.exclude(Q(source=Source.WHISTLE) & ~Q(source_ref__in=_held(user).values("number")))
