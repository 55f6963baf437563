"""The criminal track's pages: a referral with its hash-sealed packet (JSON as sent, and a PDF of it), its court
stages, and the PTDH proposal once a final judgment qualifies."""

import json
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from garda.core.access import request_user, requires
from garda.core.feedback import form_errors_text
from garda.core.forms import add_action_errors
from garda.core.models import User
from garda.core.roles import Capability
from garda.oversight import actions
from garda.oversight.access import access_investigation, investigations_for
from garda.oversight.actions.referrals import canonical, ptdh_grounds
from garda.oversight.forms import CourtStageForm, PtdhForm, ReferralForm
from garda.oversight.models import CriminalReferral


def _referral(user: User, number: str) -> CriminalReferral:
    referral = (
        CriminalReferral.objects.filter(number=number, investigation__in=investigations_for(user))
        .select_related("investigation", "investigation__office", "created_by")
        .first()
    )
    if referral is None:
        raise Http404
    return referral


@requires(Capability.INVESTIGATIONS)
@require_POST
def refer(request: HttpRequest, number: str) -> HttpResponse:
    user = request_user(request)
    investigation = access_investigation(user, number)
    form = ReferralForm(request.POST, prefix="refer")
    if not form.is_valid():
        messages.error(request, form_errors_text(form))
        return redirect("oversight:detail", number=number)
    try:
        referral = actions.do_refer(investigation, acting_user=user, **form.cleaned_data)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("oversight:detail", number=number)
    messages.success(request, _("Rujukan pro justitia dibuat; paketnya tersegel dengan sidik SHA-256."))
    return redirect("oversight:referral", number=referral.number)


@requires(Capability.DISCIPLINE_DECIDE)
@require_http_methods(["GET", "POST"])
def referral_detail(request: HttpRequest, number: str) -> HttpResponse:
    user = request_user(request)
    referral = _referral(user, number)
    stage_form, ptdh_form = CourtStageForm(prefix="stage"), PtdhForm(prefix="ptdh")
    if request.method == "POST":
        step = request.POST.get("step")
        form: Any = (
            CourtStageForm(request.POST, prefix="stage") if step == "stage" else PtdhForm(request.POST, prefix="ptdh")
        )
        if form.is_valid():
            data = form.cleaned_data
            try:
                if step == "stage":
                    actions.do_record_court_stage(referral, acting_user=user, **data)
                else:
                    actions.do_propose_ptdh(referral, acting_user=user, ground=data["ground"], reason=data["reason"])
            except ValidationError as exc:
                add_action_errors(form, exc)
            else:
                messages.success(request, _("Dicatat."))
                return redirect("oversight:referral", number=number)
        if step == "stage":
            stage_form = form
        else:
            ptdh_form = form
    return render(
        request,
        "oversight/referral.html",
        {
            "referral": referral,
            "stages": list(referral.stages.select_related("by")),
            "stage_form": stage_form,
            "ptdh_form": ptdh_form,
            "grounds": ptdh_grounds(referral),
        },
    )


@requires(Capability.INVESTIGATIONS)
@require_GET
def referral_json(request: HttpRequest, number: str) -> HttpResponse:
    """The packet exactly as sealed: its SHA-256 is the one recorded."""
    referral = _referral(request_user(request), number)
    response = HttpResponse(canonical(referral.packet), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{referral.number}.json"'
    return response


@requires(Capability.INVESTIGATIONS)
@require_GET
def referral_pdf(request: HttpRequest, number: str) -> HttpResponse:
    from weasyprint import HTML

    referral = _referral(request_user(request), number)
    html = render_to_string(
        "oversight/referral_packet.html",
        {
            "referral": referral,
            "packet": referral.packet,
            "pretty": json.dumps(referral.packet, ensure_ascii=False, indent=1),
            "printed_at": timezone.localtime(),
        },
    )
    response = HttpResponse(bytes(HTML(string=html).write_pdf()), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{referral.number}.pdf"'
    return response
