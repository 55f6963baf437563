"""The office's side of referrals (/mitra/rujukan-kantor/): refer a person from an application's page (with the
person's consent or the reason to go without), follow each referral, answer a partner's referral, revoke one's
own, and download the signed packet (JSON or PDF) for a partner outside Garda."""

import json
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from garda.core.access import has_capability, request_user, requires
from garda.core.feedback import form_errors_text
from garda.core.forms import add_action_errors
from garda.core.models import Office
from garda.core.roles import Capability
from garda.partners import signing
from garda.partners.access import referral_partners, referrals_for_staff, staff_referral
from garda.partners.actions import (
    do_answer_referral,
    do_record_referral_outcome,
    do_refer_person,
    do_revoke_referral,
)
from garda.partners.forms import AnswerForm, OutcomeForm, ReferPersonForm, RevokeForm, referral_forms
from garda.partners.models import Direction
from garda.screening.api import access_application


@requires(Capability.REFERRALS)
@require_GET
def referral_list(request: HttpRequest) -> HttpResponse:
    rows = list(referrals_for_staff(request_user(request))[:500])
    return render(request, "partners/staff_list.html", {"rows": rows})


def application_panel(request: HttpRequest, application: Any) -> str:
    """On an application's page: refer the person to a partner organisation."""
    if not has_capability(request.user, Capability.REFERRALS):
        return ""
    return render_to_string("partners/_refer_panel.html", {"app": application}, request=request)


def _person(application: Any) -> dict[str, Any]:
    record = application.record or {}
    applicant = record.get("applicant", {}) if isinstance(record.get("applicant"), dict) else {}
    person = {
        "full_name": application.applicant_name,
        "nik": application.applicant_nik,
        "birth_date": application.applicant_birth_date.isoformat() if application.applicant_birth_date else "",
        "sex": applicant.get("sex", ""),
        "phone": applicant.get("phone", ""),
        "destination_country": application.destination_country,
    }
    if application.decision_kind:
        person["passport_decision"] = {
            "decision": application.decision_kind,
            "office": application.office_code,
            "decided_at": application.decided_at.date().isoformat() if application.decided_at else "",
        }
    return {k: v for k, v in person.items() if v}


@requires(Capability.REFERRALS)
@require_http_methods(["GET", "POST"])
def refer(request: HttpRequest, pk: int) -> HttpResponse:
    user = request_user(request)
    application = access_application(user, pk)
    form = ReferPersonForm(request.POST or None, organisations=referral_partners(), prefix="refer")
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            office = Office.objects.filter(code=application.office_code).first() or user.office
            try:
                created = do_refer_person(
                    acting_user=user,
                    office=office,
                    organisation=data["organisation"],
                    role=data["role"],
                    person=_person(application),
                    reason=data["reason"],
                    consent=form.consent(),
                    consent_override=data["consent_override"],
                    online_scam=data["online_scam"],
                    application_ref=f"{application.office_code}/{application.external_id}",
                )
            except ValidationError as exc:
                add_action_errors(form, exc)
            else:
                messages.success(request, _("Rujukan %(n)s dikirim; paketnya ditandatangani.") % {"n": created.number})
                return redirect("referrals:detail", number=created.number)
        if form.errors:
            messages.error(request, form_errors_text(form))
    return render(request, "partners/refer_form.html", {"form": form, "app": application})


@requires(Capability.REFERRALS)
@require_GET
def detail(request: HttpRequest, number: str) -> HttpResponse:
    found = staff_referral(request_user(request), number)
    receiving = found.direction == Direction.IN
    return render(
        request,
        "partners/staff_referral.html",
        {
            "referral": found,
            **referral_forms(found, receiving=receiving),
            "public_key": signing.public_key_b64(),
        },
    )


@requires(Capability.REFERRALS)
@require_POST
def act(request: HttpRequest, number: str, action: str) -> HttpResponse:
    user = request_user(request)
    found = staff_referral(user, number)
    forms = {"answer": AnswerForm, "outcome": OutcomeForm, "revoke": RevokeForm}
    form = forms.get(action, RevokeForm)(request.POST, prefix=action)
    if not form.is_valid():
        messages.error(request, form_errors_text(form))
        return redirect("referrals:detail", number=number)
    data = form.cleaned_data
    try:
        if action == "answer":
            do_answer_referral(found, accept=data["accept"], reason=data["reason"], by=user.username, user=user)
        elif action == "outcome":
            do_record_referral_outcome(found, outcome=data["outcome"], by=user.username, user=user)
        else:
            do_revoke_referral(found, reason=data["reason"], by=user.username, user=user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Dicatat."))
    return redirect("referrals:detail", number=number)


@requires(Capability.REFERRALS)
@require_GET
def packet_json(request: HttpRequest, number: str) -> HttpResponse:
    found = staff_referral(request_user(request), number)
    body = {
        "packet": found.packet,
        "sha256": found.packet_sha256,
        "signature": found.signature,
        "algorithm": "Ed25519",
        "public_key": signing.public_key_b64(),
    }
    response = HttpResponse(json.dumps(body, ensure_ascii=False, indent=2), content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="{found.number}.json"'
    return response


@requires(Capability.REFERRALS)
@require_GET
def packet_pdf(request: HttpRequest, number: str) -> HttpResponse:
    from weasyprint import HTML

    found = staff_referral(request_user(request), number)
    html = render_to_string(
        "partners/referral_packet.html",
        {
            "referral": found,
            "pretty": json.dumps(found.packet, ensure_ascii=False, indent=2),
            "public_key": signing.public_key_b64(),
        },
    )
    pdf = HTML(string=html).write_pdf()
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{found.number}.pdf"'
    return response
