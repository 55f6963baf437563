"""Pages anyone may open without an account."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from garda.core.middleware import public
from garda.core.models import Country
from garda.core.reflists import country_codes, current_items


@public
@require_GET
def public_home(request: HttpRequest) -> HttpResponse:
    """The public portal's front page: safe-migration guidance drawn from the current reference lists."""
    purposes = [p for p in current_items("required_documents_by_purpose")]
    moratorium = Country.objects.filter(alpha2__in=country_codes("moratorium_middle_east")).order_by("name_id")
    return render(request, "core/public_home.html", {"purposes": purposes, "moratorium": moratorium})


@public
@require_GET
def healthz(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")
