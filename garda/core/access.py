"""Access helpers: the only way views fetch protected objects.

Each check is one line; a missing object and a forbidden one raise the same 404, so nobody learns what exists
outside their scope. A page a role may not open at all answers 403.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse

from garda.core import visibility
from garda.core.models import AuditEvent, Office, ReferenceList, RoleGrant, RoleGrantStatus, User
from garda.core.models.offices import OfficeKind
from garda.core.roles import Capability, Role, role_has


def request_user(request: HttpRequest) -> User:
    """The signed-in user of a view behind `requires` or the login middleware (never anonymous there)."""
    assert isinstance(request.user, User)
    return request.user


def has_capability(user: Any, capability: Capability) -> bool:
    """The role holds the capability, and the officer is not temporarily released from duties (their privileges
    are withdrawn for as long as the release lasts)."""
    return bool(
        user.is_authenticated
        and user.is_active
        and not getattr(user, "released_from_duties", False)
        and role_has(user.role, capability)
    )


def requires(capability: Capability) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """View decorator: the role must hold the capability, or the page answers 403."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not has_capability(request.user, capability):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def offices_in_scope(user: User) -> QuerySet[Office]:
    """The national office sees every office; a Kanwil sees itself and its Kanim; a Kanim sees itself."""
    office = user.office
    if office.kind == OfficeKind.NATIONAL:
        return Office.objects.all()
    if office.kind == OfficeKind.KANWIL:
        return Office.objects.filter(pk=office.pk) | Office.objects.filter(parent=office)
    return Office.objects.filter(pk=office.pk)


def users_in_scope(user: User) -> QuerySet[User]:
    return User.objects.filter(office__in=offices_in_scope(user))


def access_user(acting_user: User, pk: int, *, for_write: bool) -> User:
    if for_write and not has_capability(acting_user, Capability.USERS_MANAGE):
        raise Http404
    target = users_in_scope(acting_user).select_related("office").filter(pk=pk).first()
    if target is None:
        raise Http404
    return target


def access_office(acting_user: User, code: str) -> Office:
    office = offices_in_scope(acting_user).filter(code=code).first()
    if office is None:
        raise Http404
    return office


def audit_events_in_scope(user: User) -> QuerySet[AuditEvent]:
    """National reviewers see the whole trail; everyone else the events of the offices in their scope — less what
    feature apps keep to some (a whistleblowing case's events, to its grant holders: `visibility`)."""
    if user.office.kind == OfficeKind.NATIONAL:
        events = AuditEvent.objects.all()
    else:
        # The codes themselves, not a subquery: for one office the database then reads its events in order.
        codes = list(offices_in_scope(user).values_list("code", flat=True))
        events = AuditEvent.objects.filter(office_code__in=codes)
    return visibility.restricted(visibility.AUDIT_EVENTS, user, events)


def can_manage_offices(user: User) -> bool:
    return has_capability(user, Capability.OFFICES_MANAGE) and user.office.kind == OfficeKind.NATIONAL


def access_office_for_write(user: User, code: str) -> Office:
    if not can_manage_offices(user):
        raise PermissionDenied
    return access_office(user, code)


def can_edit_reference(user: User) -> bool:
    return has_capability(user, Capability.REFERENCE_EDIT) and user.office.kind == OfficeKind.NATIONAL


def access_reference_list(user: User, key: str, *, for_write: bool) -> ReferenceList:
    if for_write and not can_edit_reference(user):
        raise PermissionDenied
    found = ReferenceList.objects.filter(key=key).first()
    if found is None:
        raise Http404
    return found


def role_grants_to_decide(user: User) -> QuerySet[RoleGrant]:
    """The pending privileged roles this user may approve: of their own office for its head, of every office for a
    national administrator; never their own requests, nor roles asked for them."""
    if not has_capability(user, Capability.ROLES_APPROVE):
        return RoleGrant.objects.none()
    pending = RoleGrant.objects.filter(status=RoleGrantStatus.PENDING).exclude(requested_by=user).exclude(user=user)
    if user.role == Role.KAKANIM:
        pending = pending.filter(user__office=user.office)
    elif user.office.kind != OfficeKind.NATIONAL:
        return RoleGrant.objects.none()
    return pending.select_related("user", "user__office", "requested_by")
