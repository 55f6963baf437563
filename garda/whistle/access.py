"""Access to reports: only through a grant sealed to the user — not by office, not by role. A report the user holds
no grant for answers 404 exactly like one that does not exist."""

from django.db.models import QuerySet
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
