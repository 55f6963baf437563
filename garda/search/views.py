"""The find-anyone page behind the search box in every page's header."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from garda.core.access import request_user, requires
from garda.core.roles import Capability
from garda.search.find import find


@requires(Capability.SCREENING_VIEW)
@require_GET
def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "")
    found = find(request_user(request), query) if query.strip() else None
    status = 400 if found is not None and found.problem else 200
    return render(request, "search/results.html", {"found": found, "query": query}, status=status)
