"""Internal investigations: the investigators' list and each record, and opening one from a whistleblowing case.
The officer examined never sees their own."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from garda.core.access import has_capability, request_user, requires
from garda.core.roles import Capability
from garda.oversight.access import access_investigation, investigations_for
from garda.oversight.actions import do_open_investigation
from garda.oversight.forms import InvestigationForm
from garda.oversight.models import Source
from garda.whistle import api as whistle


@requires(Capability.INVESTIGATIONS)
@require_GET
def investigation_list(request: HttpRequest) -> HttpResponse:
    rows = list(investigations_for(request_user(request))[:500])
    return render(request, "oversight/list.html", {"rows": rows})


@requires(Capability.INVESTIGATIONS)
@require_GET
def investigation_detail(request: HttpRequest, number: str) -> HttpResponse:
    item = access_investigation(request_user(request), number)
    return render(request, "oversight/detail.html", {"item": item})


def open_from_report_panel(request: HttpRequest, report: Any) -> str:
    """The "open an internal investigation" panel on a compliance report's page, for an investigator."""
    if not (whistle.for_internal_compliance(report) and has_capability(request.user, Capability.INVESTIGATIONS)):
        return ""
    form = InvestigationForm(office=report.office, prefix="inv")
    return render_to_string("oversight/_open_from_report.html", {"report": report, "form": form}, request=request)


@requires(Capability.INVESTIGATIONS)
@require_POST
def open_from_report(request: HttpRequest, number: str) -> HttpResponse:
    """Open an investigation of the staff a channel report names; only a holder of the report may."""
    user, report, _key = whistle.access_opened_report(request, number)
    form = InvestigationForm(request.POST, office=report.office, prefix="inv")
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
        return redirect("whistle:detail", number=number)
    data: dict[str, Any] = form.cleaned_data
    try:
        do_open_investigation(
            acting_user=user,
            office=report.office,
            subject=data["subject"],
            subject_description=data["subject_description"],
            allegation=data["allegation"],
            source=Source.WHISTLE,
            source_ref=report.number,
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Pemeriksaan internal dibuka."))
    return redirect("whistle:detail", number=number)
