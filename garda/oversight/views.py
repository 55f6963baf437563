"""Internal investigations: the investigators' list and each record. The officer examined never sees their own."""

from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from garda.core import visibility
from garda.core.access import offices_in_scope, requires
from garda.core.models import User
from garda.core.roles import Capability
from garda.oversight.models import Investigation


def investigations_for(user: User) -> QuerySet[Investigation]:
    """The investigations of the user's offices, never their own, and those of a channel case only for the case's
    grant holders (the channel's restriction, `core.visibility`)."""
    rows = (
        Investigation.objects.filter(office__in=offices_in_scope(user))
        .exclude(subject=user)
        .select_related("office", "subject", "opened_by")
    )
    return visibility.restricted(visibility.INVESTIGATIONS, user, rows)


@requires(Capability.INVESTIGATIONS)
@require_GET
def investigation_list(request: HttpRequest) -> HttpResponse:
    assert isinstance(request.user, User)
    rows = list(investigations_for(request.user)[:500])
    return render(request, "oversight/list.html", {"rows": rows})


@requires(Capability.INVESTIGATIONS)
@require_GET
def investigation_detail(request: HttpRequest, number: str) -> HttpResponse:
    assert isinstance(request.user, User)
    item = investigations_for(request.user).filter(number=number).first()
    if item is None:
        raise Http404
    return render(request, "oversight/detail.html", {"item": item})
