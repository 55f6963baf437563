"""The decisions panel on an application's page: the decision cases of this application, and of the same person
(by NIK) at any office the user may see — so the officer opening an application sees at once that the person was
postponed, refused or cancelled before, and opens those cases."""

from typing import Any

from django.db.models import Q
from django.http import HttpRequest
from django.template.loader import render_to_string

from garda.core.access import has_capability
from garda.core.roles import Capability
from garda.decisions.access import cases_in_scope


def application_panel(request: HttpRequest, application: Any) -> str:
    if not has_capability(request.user, Capability.SCREENING_VIEW):
        return ""
    mine = Q(application=application)
    if application.applicant_nik:
        mine |= Q(subject_nik=application.applicant_nik)
    cases = list(
        cases_in_scope(request.user)  # type: ignore[arg-type]
        .filter(mine)
        .select_related("office", "application")
        .order_by("-proposed_at", "-pk")[:20]
    )
    return render_to_string("decisions/_application_panel.html", {"cases": cases, "app": application}, request=request)
