"""Internal investigations: the investigators' list and each record, and opening one from a whistleblowing case.
The officer examined never sees their own."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import prefetch_related_objects
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from garda.core.access import has_capability, offices_in_scope, request_user, requires
from garda.core.feedback import apply_form, form_errors_text
from garda.core.forms import add_action_errors
from garda.core.models import User
from garda.core.roles import Capability
from garda.oversight.access import access_investigation, investigations_for
from garda.oversight.actions import do_open_investigation
from garda.oversight.actions import investigations as procedure
from garda.oversight.forms import (
    CloseForm,
    ConfirmCloseForm,
    ConflictForm,
    DecreeForm,
    DeliveryForm,
    DisciplineReportForm,
    ExaminationForm,
    InvestigationForm,
    NoteOnlyForm,
    ObjectionDecisionForm,
    ObjectionForm,
    OpenInvestigationForm,
    ReasonOnlyForm,
    ReferralForm,
    SummonsForm,
    SuperiorForm,
)
from garda.oversight.models import Investigation, InvestigationStatus, Source, StepKind
from garda.oversight.views.evidence import evidence_context
from garda.whistle import api as whistle


@requires(Capability.DISCIPLINE_DECIDE)
@require_GET
def investigation_list(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    rows = list(investigations_for(user).prefetch_related("steps")[:500])
    overdue = {row.number for row in rows if procedure.superior_overdue(row) is not None}
    form = None
    if has_capability(user, Capability.INVESTIGATIONS):
        form = OpenInvestigationForm(offices=offices_in_scope(user), office=user.office, prefix="open")
    return render(request, "oversight/list.html", {"rows": rows, "form": form, "overdue": overdue})


@requires(Capability.INVESTIGATIONS)
@require_POST
def open_external(request: HttpRequest) -> HttpResponse:
    """A case opened on a report from outside: the police, the Ombudsman, the media."""
    user = request_user(request)
    office_id = request.POST.get("open-office", "")
    office = offices_in_scope(user).filter(pk=int(office_id)).first() if office_id.isdigit() else None
    form = OpenInvestigationForm(
        request.POST, offices=offices_in_scope(user), office=office or user.office, prefix="open"
    )
    if not form.is_valid():
        messages.error(request, form_errors_text(form))
        return redirect("oversight:list")
    data = form.cleaned_data
    try:
        case = do_open_investigation(
            acting_user=user,
            office=data["office"],
            subject=data["subject"],
            subject_description=data["subject_description"],
            allegation=data["allegation"],
            source=Source.EXTERNAL,
            source_ref=data["source_ref"],
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("oversight:list")
    messages.success(request, _("Pemeriksaan internal dibuka."))
    return redirect("oversight:detail", number=case.number)


# Each step of the procedure: its form (with a prefix of its own, so two forms never share an id) and the action
# that takes it from the form's cleaned data.
STEPS: dict[str, tuple[Any, Callable[[Investigation, User, dict[str, Any]], Any]]] = {
    "inform_superior": (
        SuperiorForm,
        lambda i, u, d: procedure.do_inform_superior(
            i, acting_user=u, superior=d["superior"], informed_on=d["informed_on"]
        ),
    ),
    "superior_inaction": (
        NoteOnlyForm,
        lambda i, u, d: procedure.do_record_superior_inaction(i, acting_user=u, note=d["note"]),
    ),
    "summon": (
        SummonsForm,
        lambda i, u, d: procedure.do_summon(i, acting_user=u, examination_on=d["examination_on"], place=d["place"]),
    ),
    "examine": (
        ExaminationForm,
        lambda i, u, d: procedure.do_record_examination(
            i,
            acting_user=u,
            examined_on=d["examined_on"],
            team=d["team"],
            statement=d["statement"],
            findings=d["findings"],
        ),
    ),
    "report": (
        DisciplineReportForm,
        lambda i, u, d: procedure.do_report(
            i,
            acting_user=u,
            outcome=d["outcome"],
            offence=d["offence"],
            level=d["level"],
            recommendation=d["recommendation"],
        ),
    ),
    "release": (
        ReasonOnlyForm,
        lambda i, u, d: procedure.do_release_from_duties(i, acting_user=u, released=not i.released, reason=d["reason"]),
    ),
    "decree": (
        DecreeForm,
        lambda i, u, d: procedure.do_decree(i, acting_user=u, sanction=d["sanction"], number=d["number"], on=d["on"]),
    ),
    "deliver": (
        DeliveryForm,
        lambda i, u, d: procedure.do_record_delivery(i, acting_user=u, delivered_on=d["delivered_on"]),
    ),
    "object": (
        ObjectionForm,
        lambda i, u, d: procedure.do_record_objection(
            i, acting_user=u, route=d["route"], filed_on=d["filed_on"], note=d["note"]
        ),
    ),
    "decide_objection": (
        ObjectionDecisionForm,
        lambda i, u, d: procedure.do_decide_objection(
            i, acting_user=u, granted=d["granted"] == "yes", note=d["note"], sanction_after=d["sanction_after"]
        ),
    ),
    "close": (
        CloseForm,
        lambda i, u, d: procedure.do_propose_close(i, acting_user=u, outcome=d["outcome"], reason=d["reason"]),
    ),
    "confirm_close": (
        ConfirmCloseForm,
        lambda i, u, d: procedure.do_confirm_close(i, acting_user=u, confirm=d["confirm"] == "yes", reason=d["reason"]),
    ),
}
# Which steps a case offers in each state (the actions check again who may take them).
OFFERED = {
    InvestigationStatus.OPEN: ["inform_superior", "superior_inaction", "summon", "close"],
    InvestigationStatus.SUMMONED: ["summon", "examine", "release", "close"],
    InvestigationStatus.EXAMINED: ["report", "release", "close"],
    InvestigationStatus.REPORTED: ["decree", "release", "close"],
    InvestigationStatus.DECREED: ["deliver", "release"],
    InvestigationStatus.DELIVERED: ["object", "release"],
    InvestigationStatus.OBJECTED: ["decide_objection", "release"],
    InvestigationStatus.CLOSING: ["confirm_close"],
}


def _form(name: str, investigation: Investigation, data: Any = None) -> Any:
    cls = STEPS[name][0]
    if cls is DecreeForm:
        return cls(data, level=investigation.level, prefix=name)
    if cls is SuperiorForm:
        exclude = [pk for pk in (investigation.subject_id,) if pk is not None]
        return cls(data, office=investigation.office, exclude=exclude, prefix=name)
    return cls(data, prefix=name)


def _offered(investigation: Investigation) -> list[str]:
    """The steps of the state; the superior's are offered only when they apply (told once, overdue once)."""
    names = OFFERED.get(InvestigationStatus(investigation.status), [])
    informed = any(step.kind == StepKind.SUPERIOR_INFORMED for step in investigation.steps.all())
    overdue = procedure.superior_overdue(investigation) is not None
    return [
        name
        for name in names
        if not (name == "inform_superior" and (informed or investigation.subject_id is None))
        and not (name == "superior_inaction" and not overdue)
    ]


@requires(Capability.DISCIPLINE_DECIDE)
@require_http_methods(["GET", "POST"])
def investigation_detail(request: HttpRequest, number: str) -> HttpResponse:
    user = request_user(request)
    item = access_investigation(user, number)
    prefetch_related_objects([item], "steps")
    forms: dict[str, Any] = {name: _form(name, item) for name in _offered(item)}
    if request.method == "POST":
        name = request.POST.get("step", "")
        if name not in forms:
            messages.error(request, _("Langkah ini tidak tersedia pada tahap ini."))
            return redirect("oversight:detail", number=number)
        form = _form(name, item, request.POST)
        if form.is_valid():
            try:
                STEPS[name][1](item, user, form.cleaned_data)
            except ValidationError as exc:
                add_action_errors(form, exc)
            else:
                messages.success(request, _("Langkah dicatat."))
                return redirect("oversight:detail", number=number)
        forms[name] = form
    steps = list(item.steps.select_related("by"))
    referable = item.status not in (
        InvestigationStatus.OPEN,
        InvestigationStatus.CLOSING,
        InvestigationStatus.CLOSED,
    ) and has_capability(user, Capability.INVESTIGATIONS)
    return render(
        request,
        "oversight/detail.html",
        {
            "item": item,
            "steps": steps,
            "forms": forms,
            "today": timezone.localdate(),
            "catalogue": _names(),
            "referrals": list(item.referrals.all()),
            "referral_form": ReferralForm(prefix="refer") if referable else None,
            "overdue": procedure.superior_overdue(item),
            "superior_case": _superior_case(item),
            "conflict_form": ConflictForm(prefix="conflict"),
            **evidence_context(request, user, item),
        },
    )


def _superior_case(investigation: Investigation) -> Investigation | bool | None:
    """The case opened about the superior's inaction; True when one may be opened; None otherwise."""
    if investigation.superior_id is None or not any(
        step.kind == StepKind.SUPERIOR_INACTION for step in investigation.steps.all()
    ):
        return None
    return Investigation.objects.filter(source=Source.SUPERIOR, source_ref=investigation.number).first() or True


@requires(Capability.INVESTIGATIONS)
@require_POST
def open_superior_case(request: HttpRequest, number: str) -> HttpResponse:
    """Pasal 28: the superior who was told and did not act is examined in turn (once per case)."""
    user = request_user(request)
    item = access_investigation(user, number)
    if _superior_case(item) is not True or item.superior is None:
        messages.error(request, _("Pemeriksaan atasan tidak dapat dibuka untuk kasus ini."))
        return redirect("oversight:detail", number=number)
    informed = item.steps.filter(kind=StepKind.SUPERIOR_INFORMED).order_by("-at").first()
    try:
        case = do_open_investigation(
            acting_user=user,
            office=item.office,
            subject=item.superior,
            subject_description="",
            allegation=_(
                "Sebagai atasan langsung, tidak memanggil dan memeriksa dugaan pelanggaran disiplin bawahan "
                "setelah diberi tahu pada %(on)s (%(number)s), melewati tenggat %(due)s (PP 94/2021 Pasal 26 "
                "ayat 1 dan Pasal 28)."
            )
            % {
                "on": informed.on.strftime("%d-%m-%Y") if informed else "—",
                "due": informed.due.strftime("%d-%m-%Y") if informed and informed.due else "—",
                "number": item.number,
            },
            source=Source.SUPERIOR,
            source_ref=item.number,
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("oversight:detail", number=number)
    messages.success(request, _("Pemeriksaan terhadap atasan dibuka."))
    return redirect("oversight:detail", number=case.number)


def _names() -> dict[str, str]:
    names: dict[str, str] = {}
    for key in ("discipline_offences", "discipline_sanctions"):
        for code, entry in procedure.catalogue(key).items():
            names[code] = str(entry.get("title_id", code))
    return names


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
    apply_form(
        request,
        InvestigationForm(request.POST, office=report.office, prefix="inv"),
        lambda data: do_open_investigation(
            acting_user=user,
            office=report.office,
            subject=data["subject"],
            subject_description=data["subject_description"],
            allegation=data["allegation"],
            source=Source.WHISTLE,
            source_ref=report.number,
        ),
        done=_("Pemeriksaan internal dibuka."),
    )
    return redirect("whistle:detail", number=number)
