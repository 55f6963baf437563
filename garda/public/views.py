"""The public portal's pages: no login, Indonesian first, phone first, nothing loaded from elsewhere."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from garda.core.middleware import public
from garda.public.licences import lookup


@public
@require_GET
def company(request: HttpRequest) -> HttpResponse:
    """Is this company licensed? (GET, so the answer can be shared as a link; the query is not stored.)"""
    query = request.GET.get("q", "")
    answer = lookup(query) if query.strip() else None
    return render(request, "public/company.html", {"answer": answer, "query": query})
