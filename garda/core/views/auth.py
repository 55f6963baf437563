"""Login in two steps (password, then TOTP), enrolment of the authenticator at first login, logout."""

import base64

import segno
from django.contrib import messages
from django.contrib.auth import authenticate, login, logout
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from garda.core import actions
from garda.core.forms import LoginForm, TokenForm
from garda.core.middleware import login_step, public
from garda.core.models import User
from garda.core.signals import password_verified


def _next_url(request: HttpRequest) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(candidate, {request.get_host()}, request.is_secure()):
        return candidate
    return reverse("core:home")


def _with_next(url_name: str, next_url: str) -> str:
    from urllib.parse import urlencode

    return f"{reverse(url_name)}?{urlencode({'next': next_url})}"


@public
@never_cache
@require_http_methods(["GET", "POST"])
def login_view(request: HttpRequest) -> HttpResponse:
    next_url = _next_url(request)
    if request.user.is_authenticated and request.user.is_verified():  # type: ignore[attr-defined]
        return HttpResponseRedirect(next_url)
    form = LoginForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = authenticate(request, username=form.cleaned_data["username"], password=form.cleaned_data["password"])
        if user is not None and user.is_active:
            login(request, user)
            password_verified.send(sender=User, request=request, user=user, password=form.cleaned_data["password"])
            return HttpResponseRedirect(_with_next("core:two_factor", next_url))
        # A locked account is answered by django-axes' middleware with the lockout page.
        form.add_error(None, _("Nama pengguna atau kata sandi salah."))
    return render(request, "core/login.html", {"form": form, "next": next_url}, status=200)


def _confirmed_device(user: User) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


@login_step
@never_cache
@require_http_methods(["GET", "POST"])
def two_factor_view(request: HttpRequest) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    next_url = _next_url(request)
    device = _confirmed_device(user)
    if device is None:
        return HttpResponseRedirect(_with_next("core:enrol", next_url))
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        allowed, _detail = device.verify_is_allowed()
        if allowed and device.verify_token(form.cleaned_data["token"]):
            otp_login(request, device)
            actions.record_two_factor_login(user)
            return HttpResponseRedirect(next_url)
        actions.record_two_factor_failure(user)
        if not allowed:
            form.add_error(None, _("Terlalu banyak kode salah. Tunggu sebentar lalu coba lagi."))
        else:
            form.add_error("token", _("Kode salah atau sudah kedaluwarsa."))
    return render(request, "core/two_factor.html", {"form": form, "next": next_url})


def _qr_svg(url: str) -> str:
    qr = segno.make(url, error="m")
    return qr.svg_inline(scale=4, dark="#111", light="#fff", title=_("Kode QR untuk aplikasi autentikator"))


@login_step
@never_cache
@require_http_methods(["GET", "POST"])
def enrol_view(request: HttpRequest) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    next_url = _next_url(request)
    if _confirmed_device(user) is not None:
        return HttpResponseRedirect(_with_next("core:two_factor", next_url))
    device = actions.do_start_totp_enrolment(user)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            actions.do_confirm_totp_device(device, user=user)
            otp_login(request, device)
            actions.record_two_factor_login(user)
            messages.success(request, _("Autentikator terdaftar. Gunakan kodenya setiap kali masuk."))
            return HttpResponseRedirect(next_url)
        actions.record_two_factor_failure(user)
        form.add_error("token", _("Kode tidak cocok. Periksa jam ponsel Anda dan coba kode berikutnya."))
    secret = base64.b32encode(device.bin_key).decode("ascii")
    context = {
        "form": form,
        "next": next_url,
        "qr_svg": mark_safe(_qr_svg(device.config_url)),  # noqa: S308  (generated by segno, no user input)
        "secret_groups": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
    }
    return render(request, "core/enrol.html", context)


@login_step
@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    logout(request)
    messages.info(request, _("Anda telah keluar."))
    return redirect("core:login")
