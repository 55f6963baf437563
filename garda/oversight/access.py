"""Who sees which investigation: the investigators of the offices in their scope, never the officer examined,
and — for an investigation opened from a whistleblowing case — only the case's grant holders."""

from typing import Any

from django.db.models import CharField, Q, QuerySet
from django.db.models.functions import Cast
from django.http import Http404

from garda.core import visibility
from garda.core.access import has_capability, offices_in_scope
from garda.core.models import User
from garda.core.roles import Capability
from garda.oversight.models import Investigation, Source
from garda.whistle.api import held_report_numbers


def investigations_for(user: User) -> QuerySet[Investigation]:
    """The investigations of the user's offices, never their own, and those of a channel case only for the case's
    grant holders (the restrictions registered in `core.visibility`)."""
    if not has_capability(user, Capability.INVESTIGATIONS):
        return Investigation.objects.none()
    rows = (
        Investigation.objects.filter(office__in=offices_in_scope(user))
        .exclude(subject=user)
        .select_related("office", "subject", "opened_by")
    )
    return visibility.restricted(visibility.INVESTIGATIONS, user, rows)


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
