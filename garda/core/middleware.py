"""Request id, no caching of pages, the 2FA gate in front of every staff page, and the office's time zone."""

import zoneinfo
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, HttpResponseBase, HttpResponseRedirect
from django.middleware.gzip import GZipMiddleware
from django.urls import reverse
from django.utils import timezone

from garda.core.requestid import new_request_id, reset_request_id, set_request_id

Handler = Callable[[HttpRequest], HttpResponse]


def public(view: Any) -> Any:
    """Mark a view as open to anyone, without login (the public portal, the login page itself)."""
    view.garda_public = True
    return view


def login_step(view: Any) -> Any:
    """Mark a view as part of logging in: open to a user who gave the password but not yet the 2FA code."""
    view.garda_login_step = True
    return view


class PageGZipMiddleware(GZipMiddleware):
    """Compress what a browser loads (pages, styles, icons): on a slow line the bytes are the load time. API
    answers, letters and packets stay as they are: small, or already compressed, and some clients of the API do
    not decode a compressed body. Django pads the gzip header randomly against BREACH."""

    COMPRESSED = ("text/html", "text/css", "image/svg+xml", "text/javascript")

    def process_response(self, request: HttpRequest, response: HttpResponseBase) -> HttpResponseBase:
        if not response.get("Content-Type", "").startswith(self.COMPRESSED):
            return response
        return super().process_response(request, response)


class RequestIdMiddleware:
    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request_id = new_request_id()
        request.request_id = request_id  # type: ignore[attr-defined]
        token = set_request_id(request_id)
        try:
            response = self.get_response(request)
        finally:
            reset_request_id(token)
        response["X-Request-ID"] = request_id
        return response


class NoStoreMiddleware:
    """Every page Garda renders carries personal data or a reporter's conversation, or may: no browser or proxy
    keeps a copy (`Cache-Control: no-store`). Static files are answered before this, by WhiteNoise, and cache."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if "Cache-Control" not in response:
            response["Cache-Control"] = "no-store"
        return response


class RequireTwoFactorMiddleware:
    """Default deny: every view needs a verified (password + TOTP) staff session unless marked otherwise."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func: Any, args: Any, kwargs: Any) -> HttpResponse | None:
        func = getattr(view_func, "view_class", view_func)
        if getattr(view_func, "garda_public", False) or getattr(func, "garda_public", False):
            return None
        user = request.user
        if not user.is_authenticated:
            login = reverse("core:login")
            return HttpResponseRedirect(f"{login}?{urlencode({'next': request.get_full_path()})}")
        if not user.is_active:
            return HttpResponseRedirect(reverse("core:login"))
        if user.is_verified():  # type: ignore[attr-defined]
            if getattr(user, "must_change_password", False) and not _may_while_password_temporary(view_func, func):
                return HttpResponseRedirect(reverse("core:account"))
            return None
        if getattr(view_func, "garda_login_step", False) or getattr(func, "garda_login_step", False):
            return None
        return HttpResponseRedirect(reverse("core:two_factor"))


def password_step(view: Any) -> Any:
    """Mark a view as open to a user whose password an administrator set (changing it, logging out)."""
    view.garda_password_step = True
    return view


def _may_while_password_temporary(view_func: Any, func: Any) -> bool:
    return bool(getattr(view_func, "garda_password_step", False) or getattr(func, "garda_password_step", False))


class OfficeTimezoneMiddleware:
    """Show times in the time zone of the user's office (WIB, WITA or WIT); store them in UTC."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        office = getattr(user, "office", None) if user.is_authenticated else None
        if office is not None:
            timezone.activate(zoneinfo.ZoneInfo(office.time_zone))
        else:
            timezone.deactivate()
        return self.get_response(request)


class LanguageMiddleware:
    """Indonesian unless the person chose English (language cookie set by the switch in the header).

    Unlike Django's LocaleMiddleware, the browser's Accept-Language is ignored: office PCs often run an English
    browser, and the interface of an Indonesian government office is Indonesian first.
    """

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        from django.conf import settings
        from django.utils import translation

        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        language = chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response
