"""Access to reports: only through a grant sealed to the user — not by office, not by role. A report the user holds
no grant for answers 404 exactly like one that does not exist."""

from typing import Any

from django.db.models import CharField, Q, QuerySet
from django.db.models.functions import Cast
from django.http import Http404, HttpRequest

from garda.core.access import has_capability, request_user
from garda.core.models import User
from garda.core.roles import Capability
from garda.whistle import keys
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


def held_reports(user: User) -> QuerySet[Report]:
    """The reports the user holds a grant for, whatever their role now (the restriction lists use it)."""
    return Report.objects.filter(grants__user=user)


def access_opened_report(request: HttpRequest, number: str) -> tuple[User, Report, bytes]:
    """The report and its key, for a step that reads or writes its content: 404 unless the user holds a grant they
    can open with the key of this session."""
    from garda.whistle.actions import report_key_for_user

    user = request_user(request)
    report = access_report(user, number)
    report_key = report_key_for_user(report, user, keys.session_key_for(user, request.session))
    if report_key is None:
        raise Http404
    return user, report, report_key


def case_events_to_holders(user: User, events: QuerySet[Any]) -> QuerySet[Any]:
    """A whistleblowing case's audit events are for the case's grant holders only (core.visibility); those of an
    investigation opened from a case are restricted by oversight in the same way. A subquery: the list costs no
    query more."""
    held_ids = held_reports(user).annotate(as_text=Cast("pk", CharField())).values("as_text")
    return events.exclude(Q(object_type="whistle.report") & ~Q(object_id__in=held_ids))
