"""Pages anyone may open without an account."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from garda.core.middleware import public


@public
@require_GET
def public_home(request: HttpRequest) -> HttpResponse:
    """The public portal's front page: the warning signs, and the way to the checks, the guidance and the
    channel."""
    return render(request, "core/public_home.html")


@public
@require_GET
def healthz(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")
