"""Inspections' pages: the plans, one inspection (its sample and how it was drawn), each sampled file against the
checklist, the findings and their follow-up, and the report as PDF."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from garda.core.access import has_capability, offices_in_scope, request_user, requires
from garda.core.feedback import apply_form, form_errors_text
from garda.core.forms import add_action_errors
from garda.core.models import User
from garda.core.roles import Capability, Role
from garda.oversight import actions
from garda.oversight.access import (
    access_finding,
    access_inspection,
    access_item,
    findings_for,
    inspections_for,
    may_close_finding,
    may_follow_up,
)
from garda.oversight.actions.inspections import checklist, result, settings_in_force, verify_sample
from garda.oversight.forms import ChecklistForm, ConclusionForm, FindingForm, InspectionPlanForm, NoteForm
from garda.oversight.models import FindingStatus, Inspection, InspectionItem, InspectionStatus, ItemResult

OWNER_ROLES = (Role.KASI, Role.KABID_INTEL, Role.KAKANIM)


@requires(Capability.INSPECTIONS)
@require_GET
def inspection_list(request: HttpRequest) -> HttpResponse:
    rows = list(
        inspections_for(request_user(request)).annotate(
            n_items=Count("items", distinct=True),
            n_open=Count("findings", filter=Q(findings__status=FindingStatus.OPEN), distinct=True),
        )[:300]
    )
    return render(request, "oversight/inspection_list.html", {"rows": rows, "today": timezone.localdate()})


@requires(Capability.INSPECTIONS)
@require_http_methods(["GET", "POST"])
def inspection_new(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    defaults = settings_in_force()
    initial = {
        "kind": "periodic",
        "confidence": defaults["confidence_percent"],
        "tolerable": defaults["tolerable_percent"],
        "expected": defaults["expected_percent"],
        "office": user.office_id,
    }
    form = InspectionPlanForm(request.POST or None, initial=initial, offices=offices_in_scope(user))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            inspection = actions.do_plan_inspection(
                acting_user=user,
                office=data["office"],
                kind=data["kind"],
                scope=data["scope"],
                period_start=data["period_start"],
                period_end=data["period_end"],
                planned_for=data["planned_for"],
                team=data["team"],
                confidence=data["confidence"],
                tolerable=data["tolerable"],
                expected=data["expected"],
            )
        except ValidationError as exc:
            add_action_errors(form, exc)
        else:
            messages.success(request, _("Inspeksi direncanakan."))
            return redirect("oversight:inspection_detail", number=inspection.number)
    return render(request, "oversight/inspection_new.html", {"form": form})


def _context(inspection: Inspection) -> dict[str, Any]:
    items = list(inspection.items.select_related("officer", "checked_by"))
    return {
        "inspection": inspection,
        "items": items,
        "findings": list(inspection.findings.select_related("owner", "officer", "item")),
        "result": result(inspection) if inspection.status != InspectionStatus.PLANNED else None,
        "strata": sorted(inspection.strata.items()),
        "questions": checklist(inspection.scope, inspection.checklist_version),
        "today": timezone.localdate(),
    }


@requires(Capability.INSPECTIONS)
@require_GET
def inspection_detail(request: HttpRequest, number: str) -> HttpResponse:
    inspection = access_inspection(request_user(request), number)
    context = _context(inspection)
    context["verified"] = verify_sample(inspection) if inspection.status != InspectionStatus.PLANNED else None
    context["conclusion_form"] = ConclusionForm()
    context["finding_form"] = _finding_form(inspection)
    return render(request, "oversight/inspection_detail.html", context)


def _owners(inspection: Inspection) -> Any:
    return User.objects.filter(office=inspection.office, role__in=OWNER_ROLES, is_active=True)


def _finding_form(inspection: Inspection, data: Any = None) -> FindingForm:
    return FindingForm(data, office=inspection.office, owners=_owners(inspection), prefix="finding")


@requires(Capability.INSPECTIONS)
@require_POST
def inspection_draw(request: HttpRequest, number: str) -> HttpResponse:
    user = request_user(request)
    inspection = access_inspection(user, number)
    try:
        actions.do_draw_sample(inspection, acting_user=user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Sampel ditarik."))
    return redirect("oversight:inspection_detail", number=number)


@requires(Capability.INSPECTIONS)
@require_POST
def inspection_report(request: HttpRequest, number: str) -> HttpResponse:
    user = request_user(request)
    inspection = access_inspection(user, number)
    apply_form(
        request,
        ConclusionForm(request.POST),
        lambda data: actions.do_report_inspection(inspection, acting_user=user, conclusion=data["conclusion"]),
        done=_("Laporan inspeksi dibuat."),
    )
    return redirect("oversight:inspection_detail", number=number)


@requires(Capability.INSPECTIONS)
@require_GET
def inspection_pdf(request: HttpRequest, number: str) -> HttpResponse:
    from weasyprint import HTML

    inspection = access_inspection(request_user(request), number)
    context = _context(inspection) | {"printed_at": timezone.localtime()}
    with translation.override("id"):
        html = render_to_string("oversight/inspection_report.html", context)
    response = HttpResponse(bytes(HTML(string=html).write_pdf()), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{inspection.number}.pdf"'
    return response


@requires(Capability.INSPECTIONS)
@require_http_methods(["GET", "POST"])
def item_check(request: HttpRequest, number: str, position: int) -> HttpResponse:
    user = request_user(request)
    item = access_item(user, number, position)
    inspection = item.inspection
    questions = checklist(inspection.scope, inspection.checklist_version)
    language = translation.get_language() or "id"
    initial = {f"q_{code}": answer for code, answer in item.answers.items()} | {"note": item.note}
    form = ChecklistForm(request.POST or None, initial=initial, questions=questions, language=language)
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_check_item(item, acting_user=user, answers=form.answers(), note=form.cleaned_data["note"])
        except ValidationError as exc:
            add_action_errors(form, exc)
        else:
            messages.success(request, _("Hasil pemeriksaan berkas disimpan."))
            following = inspection.items.filter(result=ItemResult.PENDING).order_by("position").first()
            if following is not None:
                return redirect("oversight:item_check", number=number, position=following.position)
            return redirect("oversight:inspection_detail", number=number)
    return render(
        request,
        "oversight/item_check.html",
        {
            "item": item,
            "inspection": inspection,
            "form": form,
            "finding_form": _finding_form(inspection, None),
            "findings": list(item.findings.select_related("owner")),
        },
    )


@requires(Capability.INSPECTIONS)
@require_POST
def finding_new(request: HttpRequest, number: str) -> HttpResponse:
    user = request_user(request)
    inspection = access_inspection(user, number)
    position = request.POST.get("position", "")
    item: InspectionItem | None = None
    if position.isdigit():
        item = access_item(user, number, int(position))
    form = _finding_form(inspection, request.POST)
    apply_form(
        request,
        form,
        lambda data: actions.do_record_finding(
            inspection,
            acting_user=user,
            item=item,
            severity=data["severity"],
            description=data["description"],
            evidence=data["evidence"],
            officer=data["officer"],
            owner=data["owner"],
            due=data["due"],
        ),
        done=_("Temuan dicatat; penanggung jawab melihatnya di daftar temuannya."),
    )
    if item is not None:
        return redirect("oversight:item_check", number=number, position=item.position)
    return redirect("oversight:inspection_detail", number=number)


@requires(Capability.FINDINGS_FOLLOW_UP)
@require_GET
def finding_list(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    rows = list(findings_for(user).order_by("status", "due", "id")[:500])
    return render(
        request,
        "oversight/finding_list.html",
        {"rows": rows, "today": timezone.localdate(), "inspector": has_capability(user, Capability.INSPECTIONS)},
    )


@requires(Capability.FINDINGS_FOLLOW_UP)
@require_http_methods(["GET", "POST"])
def finding_detail(request: HttpRequest, number: str) -> HttpResponse:
    user = request_user(request)
    finding = access_finding(user, number)
    if request.method == "POST":
        step = request.POST.get("step")
        if step == "close":
            apply_form(
                request,
                NoteForm(request.POST, prefix="close"),
                lambda data: actions.do_close_finding(finding, acting_user=user, note=data["note"]),
                done=_("Temuan ditutup."),
            )
        else:
            apply_form(
                request,
                NoteForm(request.POST, prefix="follow"),
                lambda data: actions.do_follow_up_finding(finding, acting_user=user, note=data["note"]),
                done=_("Tindak lanjut dicatat."),
            )
        return redirect("oversight:finding_detail", number=number)
    open_ = finding.status == FindingStatus.OPEN
    return render(
        request,
        "oversight/finding_detail.html",
        {
            "finding": finding,
            "updates": list(finding.updates.select_related("by")),
            "can_follow_up": open_ and may_follow_up(user, finding),
            "can_close": open_ and may_close_finding(user, finding),
            "follow_form": NoteForm(prefix="follow"),
            "case_form": NoteForm(prefix="case", initial={"note": finding.description})
            if finding.officer_id and has_capability(user, Capability.INVESTIGATIONS)
            else None,
            "close_form": NoteForm(prefix="close"),
            "today": timezone.localdate(),
        },
    )


@requires(Capability.INVESTIGATIONS)
@require_POST
def finding_open_case(request: HttpRequest, number: str) -> HttpResponse:
    """A finding that names an officer and points to a breach becomes an internal investigation (source: the
    inspection finding)."""
    from garda.oversight.actions import do_open_investigation
    from garda.oversight.models import Investigation, Source

    user = request_user(request)
    finding = access_finding(user, number)
    if (
        finding.officer is None
        or Investigation.objects.filter(source=Source.INSPECTION, source_ref=finding.number).exists()
    ):
        messages.error(request, _("Temuan ini tidak menyebut petugas, atau pemeriksaannya sudah dibuka."))
        return redirect("oversight:finding_detail", number=number)
    form = NoteForm(request.POST, prefix="case")
    if not form.is_valid():
        messages.error(request, form_errors_text(form))
        return redirect("oversight:finding_detail", number=number)
    try:
        case = do_open_investigation(
            acting_user=user,
            office=finding.inspection.office,
            subject=finding.officer,
            subject_description="",
            allegation=form.cleaned_data["note"],
            source=Source.INSPECTION,
            source_ref=finding.number,
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("oversight:finding_detail", number=number)
    messages.success(request, _("Pemeriksaan internal dibuka."))
    return redirect("oversight:detail", number=case.number)
