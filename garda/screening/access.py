"""Access to applications: an office sees its own, a Kanwil its Kanim's, the national office all of them. A
missing application and one outside the user's scope answer the same 404."""

from django.db.models import QuerySet
from django.http import Http404

from garda.core.access import has_capability, offices_in_scope
from garda.core.models import User
from garda.core.roles import Capability
from garda.screening.models import Application


def applications_in_scope(user: User) -> QuerySet[Application]:
    if not has_capability(user, Capability.SCREENING_VIEW):
        return Application.objects.none()
    return Application.objects.filter(office_code__in=offices_in_scope(user).values_list("code", flat=True))


def access_application(user: User, pk: int, *, for_write: bool = False) -> Application:
    if for_write and not has_capability(user, Capability.SCREENING_REVIEW):
        raise Http404
    app = applications_in_scope(user).filter(pk=pk).first()
    if app is None:
        raise Http404
    return app
