"""Program Desa Binaan pages: the villages and their reach, a village, an event, an early warning, the yearly
report as PDF."""

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from garda.core import filestore
from garda.core.access import request_user, requires
from garda.core.forms import add_action_errors
from garda.core.roles import Capability
from garda.outreach import actions
from garda.outreach.access import event_for, village_for, villages_of
from garda.outreach.forms import CompleteForm, EventForm, FollowUpForm, OfficerForm, VillageForm, WarningForm
from garda.outreach.models import Event, FollowUp, Photo, Topic, WarningKind
from garda.outreach.reach import attendance_grid, reach


def _year(request: HttpRequest) -> int:
    text = request.GET.get("tahun", "")
    return int(text) if text.isdigit() and 2000 <= int(text) <= 2100 else timezone.localdate().year


@requires(Capability.OUTREACH)
@require_http_methods(["GET", "POST"])
def village_list(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    form = VillageForm(request.POST or None, office_id=user.office_id)
    if request.method == "POST" and form.is_valid():
        try:
            village = actions.do_add_village(acting_user=user, office=user.office, **form.cleaned_data)
        except ValidationError as exc:
            add_action_errors(form, exc)
        else:
            return redirect("outreach:village", pk=village.pk)
    year = _year(request)
    context = {"form": form, "reach": reach(villages_of(user), year), "year": year, "pdf": False}
    return render(request, "outreach/village_list.html", context, status=400 if form.errors else 200)


@requires(Capability.OUTREACH)
@require_http_methods(["GET", "POST"])
def village(request: HttpRequest, pk: int) -> HttpResponse:
    user = request_user(request)
    found = village_for(user, pk)
    form = OfficerForm(request.POST or None, office_id=found.office_id, initial={"officer": found.officer})
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_set_officer(found, form.cleaned_data["officer"], acting_user=user)
        except ValidationError as exc:
            add_action_errors(form, exc)
        else:
            return redirect("outreach:village", pk=found.pk)
    context = {
        "village": found,
        "form": form,
        "events": found.events.annotate(people=Sum("attendance__count")),
        "warnings": found.warnings.select_related("report"),
    }
    return render(request, "outreach/village.html", context, status=400 if form.errors else 200)


@requires(Capability.OUTREACH)
@require_http_methods(["GET", "POST"])
def event_add(request: HttpRequest, pk: int) -> HttpResponse:
    user = request_user(request)
    found = village_for(user, pk)
    form = EventForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        photos = [actions.NewPhoto(u.data, u.content_type, d["photo_caption"]) for u in d["photos"]]
        try:
            event = actions.do_record_event(
                acting_user=user,
                village=found,
                held_on=d["held_on"],
                place=d["place"],
                title=d["title"],
                speakers=d["speakers"],
                topics=d["topics"],
                attendance=d["attendance"],
                notes=d["notes"],
                photos=photos,
            )
        except ValidationError as exc:
            add_action_errors(form, exc)
        else:
            return redirect("outreach:event", number=event.number)
    return render(
        request, "outreach/event_form.html", {"village": found, "form": form}, status=400 if form.errors else 200
    )


@requires(Capability.OUTREACH)
@require_GET
def event(request: HttpRequest, number: str) -> HttpResponse:
    user = request_user(request)
    found = event_for(user, number)
    return render(
        request, "outreach/event.html", _event_context(found, FollowUpForm(office_id=found.village.office_id))
    )


def _event_context(found: Any, follow_up_form: FollowUpForm) -> dict[str, Any]:
    cells = {(a.sex, a.band): a.count for a in found.attendance.all()}
    return {
        "event": found,
        **attendance_grid(cells),
        "total": sum(cells.values()),
        "topics": [Topic(t).label for t in found.topics if t in Topic.values],
        "follow_up_form": follow_up_form,
        "complete_form": CompleteForm(initial={"done_on": timezone.localdate()}),
        "today": timezone.localdate(),
    }


@requires(Capability.OUTREACH)
@require_POST
def follow_up_add(request: HttpRequest, number: str) -> HttpResponse:
    user = request_user(request)
    found = event_for(user, number)
    form = FollowUpForm(request.POST, office_id=found.village.office_id)
    if form.is_valid():
        actions.do_add_follow_up(found, acting_user=user, **form.cleaned_data)
        return redirect("outreach:event", number=found.number)
    return render(request, "outreach/event.html", _event_context(found, form), status=400)


@requires(Capability.OUTREACH)
@require_POST
def follow_up_done(request: HttpRequest, number: str, pk: int) -> HttpResponse:
    user = request_user(request)
    found = event_for(user, number)
    follow_up = get_object_or_404(FollowUp, pk=pk, event=found)
    form = CompleteForm(request.POST)
    if form.is_valid():
        try:
            actions.do_complete_follow_up(follow_up, acting_user=user, **form.cleaned_data)
        except ValidationError as exc:
            add_action_errors(form, exc)
        else:
            return redirect("outreach:event", number=found.number)
    context = _event_context(found, FollowUpForm(office_id=found.village.office_id))
    context["complete_form"], context["failed_follow_up"] = form, follow_up.pk
    return render(request, "outreach/event.html", context, status=400)


@requires(Capability.OUTREACH)
@require_GET
def photo(request: HttpRequest, number: str, pk: int) -> HttpResponse:
    found = event_for(request_user(request), number)
    picture = get_object_or_404(Photo, pk=pk, event=found)
    response = HttpResponse(filestore.read(actions.PHOTO_AREA, picture.stored_name), content_type=picture.content_type)
    response["Cache-Control"] = "private, no-store"
    return response


@requires(Capability.OUTREACH)
@require_http_methods(["GET", "POST"])
def warning_add(request: HttpRequest, pk: int) -> HttpResponse:
    user = request_user(request)
    found = village_for(user, pk)
    form = WarningForm(request.POST or None, initial={"received_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            actions.do_record_warning(
                acting_user=user,
                village=found,
                received_on=d["received_on"],
                kind=d["kind"],
                contact_role=d["contact_role"],
                summary=d["summary"],
                subjects=form.subjects(),
                destination_country=d["destination_country"],
            )
        except ValidationError as exc:
            add_action_errors(form, exc)
        else:
            return redirect("outreach:village", pk=found.pk)
    context = {"village": found, "form": form}
    return render(request, "outreach/warning_form.html", context, status=400 if form.errors else 200)


@requires(Capability.OUTREACH)
@require_GET
def year_report(request: HttpRequest, year: int) -> HttpResponse:
    """The year's programme report, as the office files it: reach per kecamatan and desa, attendance by sex and age
    band, topics, events, warnings by kind (never their content or the people named)."""
    from weasyprint import HTML

    user = request_user(request)
    villages = villages_of(user).filter(office=user.office)
    found = reach(villages, year)
    events = list(_events_of_year(villages, year))
    html = render_to_string(
        "outreach/year_report.html",
        {
            "office": user.office,
            "reach": found,
            "pdf": True,
            **attendance_grid(found.by_band),
            "events": events,
            "topics": [(Topic(t).label, n) for t, n in found.by_topic.most_common() if t in Topic.values],
            "warning_kinds": [(WarningKind(k).label, n) for k, n in found.by_warning_kind.most_common()],
            "made_on": timezone.localdate(),
            "made_by": user,
        },
    )
    response = HttpResponse(HTML(string=html).write_pdf(), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="desa-binaan-{user.office.code}-{year}.pdf"'
    return response


def _events_of_year(villages: Any, year: int) -> Any:
    return (
        Event.objects.filter(village__in=villages, held_on__gte=date(year, 1, 1), held_on__lte=date(year, 12, 31))
        .select_related("village")
        .order_by("held_on", "number")
    )
