"""The reporter's pages: no account, no JavaScript needed, nothing loaded from elsewhere, nothing cached, no
referrer sent, no address or browser recorded. Uploads are read into memory only (never a temporary file), so a
file's plaintext never touches the disk."""

from __future__ import annotations

import hmac
import secrets
import time
from collections.abc import Callable
from functools import wraps
from typing import Any, cast

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadhandler import MemoryFileUploadHandler
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from garda.core.middleware import public
from garda.whistle import actions, limits, reporter
from garda.whistle.crypto import normalise_receipt
from garda.whistle.forms import ReceiptForm, ReporterMessageForm, ReportForm
from garda.whistle.models import Report

# A whole request: five files at their limit, and the text around them.
MAX_REQUEST_BYTES = settings.WHISTLE_MAX_FILES * settings.WHISTLE_MAX_FILE_BYTES + 1024 * 1024


class InMemoryUploads(MemoryFileUploadHandler):
    """Django's memory handler, for files of any size up to the request limit (the default spills files over
    2.5 MB into a temporary file, in plaintext)."""

    def handle_raw_input(
        self,
        input_data: Any,
        META: Any,
        content_length: int,
        boundary: Any,
        encoding: Any = None,
    ) -> None:
        self.activated = content_length <= MAX_REQUEST_BYTES


FORM_COOKIE = "garda_wbs_form"


def _form_token_ok(request: HttpRequest) -> bool:
    """CSRF for the channel: the form's hidden token must equal the cookie's (double submit), and the cookie is
    SameSite=Strict, so another site cannot send it. Django's own check cannot be used here: with
    `Referrer-Policy: no-referrer` browsers send `Origin: null` on these forms, which Django refuses."""
    cookie, field = request.COOKIES.get(FORM_COOKIE, ""), request.POST.get("wbs_form", "")
    return bool(cookie) and hmac.compare_digest(cookie, field)


def channel_page(
    *, uploads: bool = False, token_check: bool = True
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Open to anyone; never cached; no referrer sent onwards; POSTs carry the channel's form token. With
    `uploads`, files are read into memory only, and a request over the limit is refused before it is read.

    `token_check=False` is for pages that take a POST only to keep what is typed out of URLs and logs, and change
    nothing (the public offer check): there is nothing to forge. They still issue the token, so a channel form
    they render can be sent."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            token = request.COOKIES.get(FORM_COOKIE) or secrets.token_urlsafe(32)
            request.wbs_form_token = token  # type: ignore[attr-defined]
            if request.method == "POST" and uploads:
                if int(request.META.get("CONTENT_LENGTH") or 0) > MAX_REQUEST_BYTES:
                    return _finish(render(request, "whistle/too_large.html", status=413), token)
                request.upload_handlers = [InMemoryUploads(request)]
            if request.method == "POST" and token_check and not _form_token_ok(request):
                return _finish(render(request, "whistle/expired.html", status=403), token)
            return _finish(view(request, *args, **kwargs), token)

        return cast(Callable[..., HttpResponse], public(csrf_exempt(wrapped)))

    return decorator


def _finish(response: HttpResponse, token: str) -> HttpResponse:
    response["Cache-Control"] = "no-store, max-age=0"
    response["Pragma"] = "no-cache"
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex, nofollow"
    response.set_cookie(
        FORM_COOKIE,
        token,
        path=reporter.PATH,
        httponly=True,
        samesite="Strict",
        secure=bool(getattr(settings, "HTTPS", False)),
    )
    return response


@channel_page(uploads=True)
@require_http_methods(["GET", "POST"])
def report_form(request: HttpRequest) -> HttpResponse:
    if request.method == "POST" and not limits.reserve_submission(request):
        return render(request, "whistle/busy.html", status=429)
    form = ReportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and not form.is_valid():
        limits.release_submission(request)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        submission = actions.Submission(
            office=data["office"],
            topic=data["topic"],
            what=data["what"],
            where=data["where"],
            when=data["when"],
            people=data["people"],
            officer=data["officer"],
            excluded=data["excluded"],
            identity_name=data["identity_name"],
            identity_contact=data["identity_contact"],
            files=data["attachments"],
            language=get_language() or "id",
        )
        try:
            _, receipt = actions.do_submit_report(submission)
        except ValidationError as exc:
            limits.release_submission(request)
            form.add_error(None, exc)
        else:
            # The receipt is shown in this answer only: no redirect carries it, no page can show it again.
            return render(request, "whistle/receipt.html", {"receipt": receipt})
    return render(request, "whistle/report_form.html", {"form": form}, status=400 if form.errors else 200)


@channel_page()
@require_http_methods(["GET", "POST"])
def follow_up(request: HttpRequest) -> HttpResponse:
    """Enter the receipt. A wrong one is refused slowly, and a client that keeps guessing is stopped."""
    form = ReceiptForm(request.POST or None)
    if request.method == "POST":
        started = time.monotonic()
        if limits.receipt_blocked(request):
            return render(request, "whistle/busy.html", status=429)
        if form.is_valid():
            receipt = normalise_receipt(form.cleaned_data["receipt"])
            opened = actions.report_key_for_receipt(receipt) if receipt else None
            if opened is not None:
                report, report_key = opened
                response = HttpResponseRedirect(reverse("whistle_public:inbox"), status=303)
                reporter.open_session(response, report.pk, report_key)
                return response
            limits.receipt_failed(request, started)
            form.add_error("receipt", ValidationError(_wrong_receipt()))
        return render(request, "whistle/follow_up.html", {"form": form}, status=400)
    return render(request, "whistle/follow_up.html", {"form": form})


def _wrong_receipt() -> str:
    from django.utils.translation import gettext

    return gettext("Kode tanda terima tidak dikenal. Periksa kembali: 20 huruf dan angka, dalam lima kelompok.")


def _reporter_report(request: HttpRequest) -> tuple[Report, bytes] | None:
    session = reporter.current(request)
    if session is None:
        return None
    report = Report.objects.filter(pk=session[0]).first()
    return (report, session[1]) if report is not None else None


@channel_page(uploads=True)
@require_http_methods(["GET", "POST"])
def inbox(request: HttpRequest) -> HttpResponse:
    opened = _reporter_report(request)
    if opened is None:
        return HttpResponseRedirect(reverse("whistle_public:follow_up"), status=303)
    report, report_key = opened
    form = ReporterMessageForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            actions.do_reporter_message(report, report_key, form.cleaned_data["text"], form.cleaned_data["attachments"])
            response = HttpResponseRedirect(reverse("whistle_public:inbox") + "?terkirim=1", status=303)
            reporter.open_session(response, report.pk, report_key)  # the idle time starts again
            return response
        status = 400
    content = actions.read_content(report, report_key, reader=None)
    files, thread = actions.thread(report, report_key)
    page = render(
        request,
        "whistle/inbox.html",
        {
            "report": report,
            "content": content,
            "files": files,
            "thread": thread,
            "form": form,
            "sent": request.GET.get("terkirim") == "1",
        },
        status=status,
    )
    reporter.open_session(page, report.pk, report_key)
    return page


@channel_page()
@require_POST
def leave(request: HttpRequest) -> HttpResponse:
    response = HttpResponseRedirect(reverse("whistle_public:report_form"), status=303)
    reporter.close_session(response)
    return response


@channel_page()
@require_GET
def language(request: HttpRequest, code: str) -> HttpResponse:
    """Switch the language of the channel's pages (a GET link: see public_base.html), back to the form."""
    response = HttpResponseRedirect(reverse("whistle_public:report_form"), status=303)
    if code in dict(settings.LANGUAGES):
        response.set_cookie(settings.LANGUAGE_COOKIE_NAME, code, samesite="Lax", max_age=365 * 24 * 3600)
    return response
