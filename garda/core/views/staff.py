"""Staff pages of the core app: home per role, user administration, the audit trail, reference lists."""

from collections import Counter
from collections.abc import Callable
from typing import Any

from axes.models import AccessAttempt
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_otp.plugins.otp_totp.models import TOTPDevice

from garda.core import actions, exports, inbox, panels
from garda.core.access import (
    access_office_for_write,
    access_reference_list,
    access_user,
    audit_events_in_scope,
    can_edit_reference,
    can_manage_offices,
    has_capability,
    offices_in_scope,
    request_user,
    requires,
    role_grants_to_decide,
    users_in_scope,
)
from garda.core.audit import verify_chain
from garda.core.days import day_range
from garda.core.forms import (
    AuditFilterForm,
    OfficeForm,
    OwnPasswordForm,
    PasswordSetForm,
    ReasonForm,
    RevisionForm,
    RoleChangeForm,
    UserCreateForm,
    UserEditForm,
)
from garda.core.middleware import password_step
from garda.core.models import AuditEvent, Country, Office, ReferenceList, ReferenceListRevision, User
from garda.core.models.reference import ListKind
from garda.core.paging import Window
from garda.core.reflists import ListValidationError, items_as_text, parse_items
from garda.core.roles import Capability, Role

PAGE_SIZE = 50
HOME_ITEMS = 30  # inbox lines shown on the home page


# --- Home ----------------------------------------------------------------------------------------------------


def home(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    today = timezone.localdate()
    events = list(AuditEvent.objects.filter(actor_username=user.username).order_by("-seq")[:8])
    items = inbox.items_for(user, today)
    context: dict[str, Any] = {
        # Each line of the user's own activity links to what it was about, where that has a page.
        "my_events": [(e, inbox.page_of(e.object_type, e.object_id)) for e in events],
        # The earliest HOME_ITEMS in full; the rest counted by kind (a Kasi may have a hundred clearances waiting).
        "inbox": [(item, item.overdue(today), item.due_today(today)) for item in items[:HOME_ITEMS]],
        "inbox_total": len(items),
        "inbox_more": sorted(Counter(item.kind for item in items[HOME_ITEMS:]).items()),
        "overdue_count": sum(1 for item in items if item.overdue(today)),
        "today": today,
        "office": user.office,
        # Other apps' notices for this user (oversight: a summons addressed to them).
        "panels": panels.render(panels.HOME, request, user),
    }
    if has_capability(user, Capability.USERS_MANAGE):
        context["user_counts"] = [
            (Role(row["role"]).label, row["n"])
            for row in users_in_scope(user).values("role").annotate(n=Count("pk")).order_by("role")
        ]
        context["inactive_count"] = users_in_scope(user).filter(is_active=False).count()
    if has_capability(user, Capability.AUDIT_VIEW):
        since, until = day_range(today)
        events_today = audit_events_in_scope(user).filter(created_at__gte=since, created_at__lt=until)
        context["audit_today"] = events_today.count()
        context["failed_logins_today"] = events_today.filter(
            action__in=["auth.login_failed", "auth.2fa_failed", "auth.locked_out"]
        ).count()
    return render(request, "core/home.html", context)


# --- Users ---------------------------------------------------------------------------------------------------


@requires(Capability.USERS_MANAGE)
def user_list(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    users = users_in_scope(user).select_related("office")
    q = request.GET.get("q", "").strip()
    if q:
        users = users.filter(Q(username__icontains=q) | Q(full_name__icontains=q) | Q(nip__icontains=q))
    role = request.GET.get("role", "")
    if role in Role.values:
        users = users.filter(role=role)
    office = request.GET.get("office", "")
    if office:
        users = users.filter(office__code=office)
    page = Paginator(users.order_by("office__code", "full_name"), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "core/user_list.html",
        {
            "page": page,
            "q": q,
            "role": role,
            "office_code": office,
            "roles": Role.choices,
            "offices": offices_in_scope(user),
        },
    )


@requires(Capability.USERS_MANAGE)
@require_http_methods(["GET", "POST"])
def user_create(request: HttpRequest) -> HttpResponse:
    acting = request_user(request)
    form = UserCreateForm(request.POST or None, offices=offices_in_scope(acting), initial={"office": acting.office})
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        password = data.pop("password")
        try:
            created = actions.do_create_user(acting_user=acting, password=password, **data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            if created.is_active:
                done = _("Akun %(u)s dibuat. Pemilik akun mendaftarkan 2FA saat pertama masuk.")
            else:
                done = _(
                    "Akun %(u)s dibuat dan belum aktif: perannya berlaku setelah disetujui kepala kantor atau "
                    "administrator pusat."
                )
            messages.success(request, done % {"u": created.username})
            return redirect("core:user_detail", pk=created.pk)
    return render(request, "core/user_form.html", {"form": form})


@requires(Capability.USERS_MANAGE)
@require_http_methods(["GET", "POST"])
def user_detail(request: HttpRequest, pk: int) -> HttpResponse:
    acting = request_user(request)
    target = access_user(acting, pk, for_write=True)
    form = UserEditForm(request.POST or None, instance=target, offices=offices_in_scope(acting))
    if request.method == "POST" and form.is_valid():
        actions.do_update_user(
            User.objects.get(pk=target.pk),
            acting_user=acting,
            **{name: form.cleaned_data[name] for name in form.Meta.fields},
        )
        messages.success(request, _("Perubahan disimpan."))
        return redirect("core:user_detail", pk=target.pk)
    context = {
        "target": target,
        "form": form,
        "role_form": RoleChangeForm(initial={"role": target.role}),
        "reason_form": ReasonForm(),
        "password_form": PasswordSetForm(),
        "has_2fa": TOTPDevice.objects.filter(user=target, confirmed=True).exists(),
        "is_locked": AccessAttempt.objects.filter(
            username=target.username, failures_since_start__gte=settings.AXES_FAILURE_LIMIT
        ).exists(),
        "events": AuditEvent.objects.filter(object_type="core.user", object_id=str(target.pk)).order_by("-seq")[:20],
    }
    return render(request, "core/user_detail.html", context)


@requires(Capability.USERS_MANAGE)
@require_POST
def user_change_role(request: HttpRequest, pk: int) -> HttpResponse:
    acting = request_user(request)
    target = access_user(acting, pk, for_write=True)
    form = RoleChangeForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Peran tidak diubah: pilih peran dan tulis alasannya."))
    elif target.pk == acting.pk:
        messages.error(request, _("Anda tidak dapat mengubah peran Anda sendiri."))
    else:
        role = form.cleaned_data["role"]
        try:
            actions.do_change_role(target, acting_user=acting, role=role, reason=form.cleaned_data["reason"])
        except ValidationError as exc:
            messages.error(request, "; ".join(exc.messages))
        else:
            if target.role == role:
                messages.success(request, _("Peran diubah menjadi %(r)s.") % {"r": target.role_label})
            else:
                messages.success(
                    request,
                    _("Peran %(r)s diminta: berlaku setelah disetujui kepala kantor atau administrator pusat.")
                    % {"r": Role(role).label},
                )
    return redirect("core:user_detail", pk=target.pk)


@requires(Capability.ROLES_APPROVE)
@require_GET
def role_grants(request: HttpRequest) -> HttpResponse:
    rows = list(role_grants_to_decide(request_user(request))[:200])
    return render(request, "core/role_grants.html", {"rows": rows, "form": ReasonForm()})


@requires(Capability.ROLES_APPROVE)
@require_POST
def role_grant_decide(request: HttpRequest, pk: int) -> HttpResponse:
    acting = request_user(request)
    grant = role_grants_to_decide(acting).filter(pk=pk).first()
    if grant is None:
        raise Http404
    form = ReasonForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Tulis alasannya."))
        return redirect("core:role_grants")
    approve = request.POST.get("decision") == "approve"
    try:
        actions.do_decide_role(grant, acting_user=acting, approve=approve, reason=form.cleaned_data["reason"])
    except ValidationError as exc:
        messages.error(request, "; ".join(exc.messages))
    else:
        messages.success(request, _("Peran disetujui.") if approve else _("Peran ditolak."))
    return redirect("core:role_grants")


@requires(Capability.USERS_MANAGE)
@require_POST
def user_set_active(request: HttpRequest, pk: int, active: int) -> HttpResponse:
    return _with_reason(
        request,
        pk,
        lambda target, acting, reason: actions.do_set_active(
            target, acting_user=acting, active=bool(active), reason=reason
        ),
        _("Akun diaktifkan.") if active else _("Akun dinonaktifkan."),
        not_on_self=None if active else _("Anda tidak dapat menonaktifkan akun Anda sendiri."),
    )


def _with_reason(
    request: HttpRequest,
    pk: int,
    act: Callable[[User, User, str], object],
    done: str,
    *,
    not_on_self: str | None = None,
) -> HttpResponse:
    """An administrator's action on an account that needs a written reason (kept in the audit event); with
    `not_on_self`, the message refusing it on the administrator's own account."""
    acting = request_user(request)
    target = access_user(acting, pk, for_write=True)
    form = ReasonForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Tulis alasannya."))
    elif not_on_self is not None and target.pk == acting.pk:
        messages.error(request, not_on_self)
    else:
        act(target, acting, form.cleaned_data["reason"])
        messages.success(request, done)
    return redirect("core:user_detail", pk=target.pk)


@requires(Capability.USERS_MANAGE)
@require_POST
def user_reset_2fa(request: HttpRequest, pk: int) -> HttpResponse:
    return _with_reason(
        request,
        pk,
        lambda target, acting, reason: actions.do_reset_two_factor(target, acting_user=acting, reason=reason),
        _("2FA diatur ulang: pengguna mendaftarkan autentikator baru saat masuk."),
    )


@requires(Capability.USERS_MANAGE)
@require_POST
def user_unlock(request: HttpRequest, pk: int) -> HttpResponse:
    return _with_reason(
        request,
        pk,
        lambda target, acting, reason: actions.do_unlock_account(target, acting_user=acting, reason=reason),
        _("Kunci akun dibuka."),
    )


@requires(Capability.USERS_MANAGE)
@require_POST
def user_set_password(request: HttpRequest, pk: int) -> HttpResponse:
    acting = request_user(request)
    target = access_user(acting, pk, for_write=True)
    form = PasswordSetForm(request.POST)
    if form.is_valid():
        try:
            actions.do_set_password(target, acting_user=acting, password=form.cleaned_data["password"])
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Kata sandi sementara diatur."))
    else:
        messages.error(request, _("Isi kata sandi baru."))
    return redirect("core:user_detail", pk=target.pk)


@password_step
@require_http_methods(["GET", "POST"])
def account(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    form = OwnPasswordForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_set_password(user, acting_user=user, password=form.cleaned_data["password"], request=request)
        except ValidationError as exc:
            form.add_error("password", exc)
        else:
            from django.contrib.auth import update_session_auth_hash

            update_session_auth_hash(request, user)
            messages.success(request, _("Kata sandi diganti."))
            return redirect("core:account")
    return render(request, "core/account.html", {"form": form, "temporary": user.must_change_password})


@requires(Capability.OFFICES_MANAGE)
@require_http_methods(["GET", "POST"])
def office_edit(request: HttpRequest, code: str | None = None) -> HttpResponse:
    acting = request_user(request)
    office = access_office_for_write(acting, code) if code else None
    if office is None and not can_manage_offices(acting):
        raise PermissionDenied
    form = OfficeForm(request.POST or None, instance=office)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in form.Meta.fields if name != "code" or office is None}
        try:
            if office is None:
                saved = actions.do_create_office(acting_user=acting, **fields)
            else:
                saved = actions.do_update_office(Office.objects.get(pk=office.pk), acting_user=acting, **fields)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Kantor %(c)s disimpan.") % {"c": saved.code})
            return redirect("core:office_list")
    return render(request, "core/office_form.html", {"form": form, "office": office})


@requires(Capability.OFFICES_VIEW)
def office_list(request: HttpRequest) -> HttpResponse:
    offices = (
        offices_in_scope(request_user(request))
        .select_related("parent")
        .annotate(staff_count=Count("staff", filter=Q(staff__is_active=True)))
        .order_by("kind", "code")
    )
    return render(
        request, "core/office_list.html", {"offices": offices, "can_manage": can_manage_offices(request_user(request))}
    )


# --- Audit trail ---------------------------------------------------------------------------------------------


@requires(Capability.AUDIT_VIEW)
def audit_list(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    form = AuditFilterForm(request.GET or None, offices=offices_in_scope(user))
    events = audit_events_in_scope(user)
    if form.is_valid():
        data = form.cleaned_data
        if data["q"]:
            events = events.filter(Q(summary__icontains=data["q"]) | Q(object_id=data["q"]) | Q(request_id=data["q"]))
        if data["action"]:
            events = events.filter(action__startswith=data["action"])
        if data["actor"]:
            events = events.filter(actor_username__iexact=data["actor"])
        if data["office"]:
            events = events.filter(office_code=data["office"].code)
        if data["date_from"]:
            events = events.filter(created_at__gte=day_range(data["date_from"])[0])
        if data["date_to"]:
            events = events.filter(created_at__lt=day_range(data["date_to"])[1])
    if exports.wanted(request):
        return exports.export(
            request,
            user,
            name="audit",
            title=_("Jejak audit"),
            columns=[
                _("Urutan"),
                _("Waktu"),
                _("Kantor"),
                _("Pelaku"),
                _("Tindakan"),
                _("Jenis objek"),
                _("Id objek"),
                _("Ringkasan"),
                _("Id permintaan"),
            ],
            rows=events.order_by("-seq"),
            row=lambda e: [
                e.seq,
                e.created_at,
                e.office_code,
                e.actor_username,
                e.action,
                e.object_type,
                e.object_id,
                e.summary,
                e.request_id,
            ],
            back=f"{reverse('core:audit_list')}?{exports.page_query(request)}",
        )
    page = Window(events.order_by("-seq"), request.GET.get("page", 1), PAGE_SIZE)  # not counted: a million events
    return render(request, "core/audit_list.html", {"form": form, "page": page, "query": exports.page_query(request)})


@requires(Capability.AUDIT_VIEW)
def audit_detail(request: HttpRequest, seq: int) -> HttpResponse:
    event = audit_events_in_scope(request_user(request)).filter(seq=seq).first()
    if event is None:
        raise Http404
    return render(request, "core/audit_detail.html", {"event": event})


@requires(Capability.AUDIT_VIEW)
def audit_verify(request: HttpRequest) -> HttpResponse:
    return render(request, "core/audit_verify.html", {"report": verify_chain()})


# --- Reference lists -----------------------------------------------------------------------------------------


@requires(Capability.REFERENCE_VIEW)
def reference_index(request: HttpRequest) -> HttpResponse:
    lists = ReferenceList.objects.annotate(latest=Count("revisions")).order_by("key")
    return render(
        request, "core/reference_index.html", {"lists": lists, "can_edit": can_edit_reference(request_user(request))}
    )


@requires(Capability.REFERENCE_VIEW)
def reference_detail(request: HttpRequest, key: str, version: int | None = None) -> HttpResponse:
    reference_list = access_reference_list(request_user(request), key, for_write=False)
    revisions = list(ReferenceListRevision.objects.filter(reference_list=reference_list).order_by("-version"))
    if not revisions:
        raise Http404
    shown = revisions[0] if version is None else next((r for r in revisions if r.version == version), None)
    if shown is None:
        raise Http404
    countries: list[dict[str, str]] = []
    if reference_list.kind == ListKind.COUNTRY_SET:
        by_code = {c.alpha2: c for c in Country.objects.filter(alpha2__in=[i["country"] for i in shown.items])}
        countries = [
            {
                "code": i["country"],
                "name": by_code[i["country"]].name if i["country"] in by_code else "",
                "note": i.get("note", ""),
            }
            for i in shown.items
        ]
    return render(
        request,
        "core/reference_detail.html",
        {
            "list": reference_list,
            "revision": shown,
            "revisions": revisions,
            "is_current": shown is revisions[0],
            "countries": countries,
            "can_edit": can_edit_reference(request_user(request)),
        },
    )


@requires(Capability.REFERENCE_EDIT)
@require_http_methods(["GET", "POST"])
def reference_revise(request: HttpRequest, key: str) -> HttpResponse:
    acting = request_user(request)
    reference_list = access_reference_list(acting, key, for_write=True)
    current = reference_list.revisions.order_by("-version").first()
    assert current is not None
    initial = {
        "items": items_as_text(reference_list, current.items),
        "source": current.source,
        "effective_from": timezone.localdate(),
    }
    form = RevisionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            items = parse_items(reference_list, form.cleaned_data["items"])
        except ListValidationError as exc:
            for problem in exc.problems:
                form.add_error("items", problem)
        else:
            revision = actions.do_revise_reference_list(
                reference_list,
                acting_user=acting,
                items=items,
                note=form.cleaned_data["note"],
                source=form.cleaned_data["source"],
                effective_from=form.cleaned_data["effective_from"],
            )
            messages.success(request, _("Versi %(v)d disimpan.") % {"v": revision.version})
            return redirect("core:reference_detail", key=key)
    return render(request, "core/reference_revise.html", {"list": reference_list, "form": form, "current": current})
