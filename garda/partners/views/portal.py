"""The partner portal (/mitra/): a partner's user sends reports in the contract's shape, follows what the office did
with them (received, matched, used in a decision — in numbers, never an applicant's file), answers the referrals
addressed to the organisation, records their outcome, and refers a person to an office. Only the organisation's own
records, and only while its agreement is in force."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from garda.core.access import request_user, requires
from garda.core.feedback import form_errors_text
from garda.core.models import Organisation
from garda.core.roles import Capability
from garda.intel.api import next_report_id
from garda.partners.access import organisation_of, referral_of, referrals_of, report_of, reports_of
from garda.partners.actions import (
    ReportProblems,
    do_answer_referral,
    do_receive_referral,
    do_record_referral_outcome,
    do_revoke_referral,
    do_submit_report,
)
from garda.partners.forms import (
    AnswerForm,
    IncomingReferralForm,
    OutcomeForm,
    PartnerReportForm,
    RevokeForm,
    SubjectFormSet,
    referral_forms,
)
from garda.partners.models import Direction, ReferralStatus
from garda.partners.report_status import report_rows


def _organisation(request: HttpRequest) -> Organisation:
    organisation = organisation_of(request_user(request))
    if organisation is None:
        raise PermissionDenied
    return organisation


@requires(Capability.PARTNER_PORTAL)
@require_http_methods(["GET"])
def home(request: HttpRequest) -> HttpResponse:
    organisation = _organisation(request)
    reports = report_rows(list(reports_of(organisation)[:100]))
    referrals = list(referrals_of(organisation).order_by("status", "-created_at")[:100])
    waiting = [r for r in referrals if r.direction == Direction.OUT and r.status == ReferralStatus.IN_PROGRESS]
    return render(
        request,
        "partners/portal.html",
        {
            "organisation": organisation,
            "in_force": organisation.agreement_in_force(),
            "reports": reports,
            "referrals": referrals,
            "waiting": waiting,
        },
    )


@requires(Capability.PARTNER_PORTAL)
@require_http_methods(["GET", "POST"])
def new_report(request: HttpRequest) -> HttpResponse:
    organisation = _organisation(request)
    if not organisation.agreement_in_force():
        messages.error(request, _("Perjanjian berbagi data instansi Anda tidak berlaku; laporan tidak dapat dikirim."))
        return redirect("partners:home")
    form = PartnerReportForm(request.POST or None, request.FILES or None, prefix="report")
    subjects = SubjectFormSet(request.POST or None, prefix="subject")
    problems: list[str] = []
    if request.method == "POST":
        if form.is_valid() and subjects.is_valid():
            record = _record(organisation, form.cleaned_data, [f for f in subjects.forms if not f.is_blank()])
            try:
                report = do_submit_report(
                    record,
                    organisation=organisation,
                    submitted_by=request_user(request).username,
                    files=form.cleaned_data.get("attachments") or [],
                )
            except ReportProblems as exc:
                problems = exc.problems
            else:
                messages.success(request, _("Laporan %(id)s diterima.") % {"id": report.external_id})
                return redirect("partners:report", report_id=report.external_id)
        else:
            messages.error(request, form_errors_text(form) or _("Periksa data orang yang dilaporkan."))
    return render(request, "partners/report_form.html", {"form": form, "subjects": subjects, "problems": problems})


def _record(organisation: Organisation, data: dict[str, Any], subject_forms: list[Any]) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": next_report_id(organisation.report_code),
        "agency": organisation.report_code,
        "category": data["category"],
        "subjects": [f.subject() for f in subject_forms],
    }
    if data.get("reference"):
        record["reference"] = data["reference"].strip()
    if data.get("destination_country"):
        record["destination_country"] = data["destination_country"].strip().upper()
    if data.get("summary"):
        record["summary"] = data["summary"].strip()
    if data.get("valid_until"):
        record["valid_until"] = data["valid_until"].isoformat()
    return record


@requires(Capability.PARTNER_PORTAL)
@require_http_methods(["GET"])
def report(request: HttpRequest, report_id: str) -> HttpResponse:
    organisation = _organisation(request)
    found = report_of(organisation, report_id)
    return render(
        request,
        "partners/report.html",
        {"report": found, "row": report_rows([found])[0], "subjects": found.record.get("subjects", [])},
    )


@requires(Capability.PARTNER_PORTAL)
@require_http_methods(["GET"])
def referral(request: HttpRequest, number: str) -> HttpResponse:
    organisation = _organisation(request)
    found = referral_of(organisation, number)
    receiving = found.direction == Direction.OUT
    return render(
        request,
        "partners/portal_referral.html",
        {
            "referral": found,
            **referral_forms(found, receiving=receiving),
        },
    )


def _apply(request: HttpRequest, work: Any, done: str) -> None:
    try:
        work()
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, done)


@requires(Capability.PARTNER_PORTAL)
@require_POST
def referral_act(request: HttpRequest, number: str, act: str) -> HttpResponse:
    organisation = _organisation(request)
    found = referral_of(organisation, number)
    who = request_user(request).username
    if act == "answer":
        form: Any = AnswerForm(request.POST, prefix="answer")
        if form.is_valid():
            data = form.cleaned_data
            _apply(
                request,
                lambda: do_answer_referral(
                    found, accept=data["accept"], reason=data["reason"], by=who, organisation=organisation
                ),
                _("Jawaban dicatat."),
            )
    elif act == "outcome":
        form = OutcomeForm(request.POST, prefix="outcome")
        if form.is_valid():
            _apply(
                request,
                lambda: do_record_referral_outcome(
                    found, outcome=form.cleaned_data["outcome"], by=who, organisation=organisation
                ),
                _("Hasil dicatat; rujukan selesai."),
            )
    else:
        form = RevokeForm(request.POST, prefix="revoke")
        if form.is_valid():
            _apply(
                request,
                lambda: do_revoke_referral(
                    found, reason=form.cleaned_data["reason"], by=who, organisation=organisation
                ),
                _("Rujukan dicabut."),
            )
    if not form.is_valid():
        messages.error(request, form_errors_text(form))
    return redirect("partners:referral", number=number)


@requires(Capability.PARTNER_PORTAL)
@require_http_methods(["GET", "POST"])
def new_referral(request: HttpRequest) -> HttpResponse:
    organisation = _organisation(request)
    form = IncomingReferralForm(request.POST or None, prefix="refer")
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            person = {k: data[k] for k in ("full_name", "nik", "sex", "phone") if data.get(k)}
            if data.get("birth_date"):
                person["birth_date"] = data["birth_date"].isoformat()
            try:
                created = do_receive_referral(
                    organisation=organisation,
                    submitted_by=request_user(request).username,
                    office=data["office"],
                    role=data["role"],
                    person=person,
                    reason=data["reason"],
                )
            except (ValidationError, PermissionDenied) as exc:
                messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
            else:
                messages.success(request, _("Rujukan %(n)s dikirim ke kantor.") % {"n": created.number})
                return redirect("partners:referral", number=created.number)
        else:
            messages.error(request, form_errors_text(form))
    return render(request, "partners/referral_form.html", {"form": form})


@never_cache
@require_http_methods(["GET"])
def report_file(request: HttpRequest, pk: int) -> HttpResponse:
    """A partner's attachment: for the organisation that sent it, and for the office's staff who read partner
    reports. Each download is audited."""
    from garda.core.access import has_capability
    from garda.partners.files import read
    from garda.partners.models import ReportFile

    user = request_user(request)
    item = ReportFile.objects.select_related("report").filter(pk=pk).first()
    if item is None:
        raise Http404
    organisation = organisation_of(user)
    own = organisation is not None and item.report.organisation_id == organisation.pk
    if not (own or has_capability(user, Capability.SCREENING_VIEW)):
        raise Http404
    try:
        data = read(item, reader=user.username)
    except FileNotFoundError as exc:
        raise Http404 from exc
    response = HttpResponse(data, content_type=item.content_type)
    safe = "".join(c for c in item.name if c.isalnum() or c in "._- ")[:100] or "lampiran"
    response["Content-Disposition"] = f'attachment; filename="{safe}"'
    return response


def report_files_panel(request: HttpRequest, report: Any) -> str:
    """On an intelligence report's page: the files its partner sent."""
    from django.template.loader import render_to_string

    files = list(report.partner_files.all())
    return render_to_string("partners/_files.html", {"files": files}, request=request) if files else ""
