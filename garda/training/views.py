"""Training pages: courses and sessions for those who organise them, one's own trainings and tests for every
officer, the coverage per role for the heads, and certificates (PDF; verified on a public page)."""

from typing import Any

import segno
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from garda.core.access import has_capability, request_user, requires
from garda.core.forms import add_action_errors
from garda.core.middleware import public
from garda.core.numbering import typed_code
from garda.core.roles import Capability
from garda.training import actions
from garda.training.access import own_enrolment, session_for, sessions_of
from garda.training.analysis import results
from garda.training.coverage import coverage, valid_until
from garda.training.forms import CourseForm, EnrolForm, KeyedAnswersForm, SessionForm, TakeTestForm
from garda.training.models import Course, Enrolment, Session, SessionStatus


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    """Every officer: their own trainings. Organisers: the courses and the sessions of their offices."""
    user = request_user(request)
    manage = has_capability(user, Capability.TRAINING_MANAGE)
    own = Enrolment.objects.filter(user=user).select_related("session__course").order_by("-session__held_on")
    context: dict[str, Any] = {"own": own, "manage": manage, "today": timezone.localdate()}
    if manage:
        context["courses"] = Course.objects.annotate(n_questions=Count("questions", distinct=True))
        context["sessions"] = sessions_of(user).annotate(
            n=Count("enrolments"), certified=Count("enrolments", filter=Q(enrolments__certified_on__isnull=False))
        )[:50]
    return render(request, "training/index.html", context)


@requires(Capability.TRAINING_MANAGE)
@require_http_methods(["GET", "POST"])
def course_new(request: HttpRequest) -> HttpResponse:
    form = CourseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            course = actions.do_create_course(
                acting_user=request_user(request), fields=form.course_fields(), questions=form.cleaned_data["bank"]
            )
        except ValidationError as exc:
            add_action_errors(form, exc)
        else:
            return redirect("training:course", code=course.code)
    return render(request, "training/course_form.html", {"form": form}, status=400 if form.errors else 200)


@requires(Capability.TRAINING_MANAGE)
@require_http_methods(["GET", "POST"])
def course(request: HttpRequest, code: str) -> HttpResponse:
    user = request_user(request)
    found = get_object_or_404(Course, code=code)
    form = SessionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        session = actions.do_plan_session(acting_user=user, course=found, office=user.office, **form.cleaned_data)
        return redirect("training:session", number=session.number)
    context = {"course": found, "form": form, "questions": found.questions.all()}
    return render(request, "training/course.html", context, status=400 if form.errors else 200)


def _session_context(session: Session, **forms: Any) -> dict[str, Any]:
    questions = list(session.course.questions.all())
    enrolments = list(session.enrolments.select_related("user"))
    return {
        "session": session,
        "questions": questions,
        "enrolments": enrolments,
        "results": results(questions, enrolments),
        "enrol_form": forms.get("enrol_form") or EnrolForm(office_id=session.office_id),
        "keyed_form": forms.get("keyed_form") or KeyedAnswersForm(enrolments=enrolments, questions=questions),
        "closed": session.status == SessionStatus.CLOSED,
    }


@requires(Capability.TRAINING_MANAGE)
@require_GET
def session(request: HttpRequest, number: str) -> HttpResponse:
    return render(request, "training/session.html", _session_context(session_for(request_user(request), number)))


@requires(Capability.TRAINING_MANAGE)
@require_POST
def session_enrol(request: HttpRequest, number: str) -> HttpResponse:
    user = request_user(request)
    found = session_for(user, number)
    form = EnrolForm(request.POST, office_id=found.office_id)
    if form.is_valid():
        try:
            actions.do_enrol(
                found,
                acting_user=user,
                users=list(form.cleaned_data["users"]),
                participants=[actions.Participant(n, s) for n, s in form.cleaned_data["participants"]],
            )
        except ValidationError as exc:
            add_action_errors(form, exc)
        else:
            return redirect("training:session", number=found.number)
    return render(request, "training/session.html", _session_context(found, enrol_form=form), status=400)


@requires(Capability.TRAINING_MANAGE)
@require_POST
def session_attendance(request: HttpRequest, number: str) -> HttpResponse:
    user = request_user(request)
    found = session_for(user, number)
    ids = {int(v) for v in request.POST.getlist("present") if v.isdigit()}
    known = set(found.enrolments.values_list("pk", flat=True))
    try:
        actions.do_record_attendance(found, acting_user=user, present=ids & known)
    except ValidationError as exc:
        context = _session_context(found)
        context["attendance_error"] = " ".join(exc.messages)
        return render(request, "training/session.html", context, status=400)
    return redirect("training:session", number=found.number)


@requires(Capability.TRAINING_MANAGE)
@require_POST
def session_answers(request: HttpRequest, number: str) -> HttpResponse:
    user = request_user(request)
    found = session_for(user, number)
    questions = list(found.course.questions.all())
    form = KeyedAnswersForm(request.POST, enrolments=list(found.enrolments.all()), questions=questions)
    if form.is_valid():
        enrolment = found.enrolments.get(pk=form.cleaned_data["enrolment"])
        try:
            actions.do_record_answers(
                enrolment, acting_user=user, phase=form.cleaned_data["phase"], answers=form.cleaned_data["letters"]
            )
        except ValidationError as exc:
            add_action_errors(form, exc)
        else:
            return redirect("training:session", number=found.number)
    return render(request, "training/session.html", _session_context(found, keyed_form=form), status=400)


@requires(Capability.TRAINING_MANAGE)
@require_POST
def session_close(request: HttpRequest, number: str) -> HttpResponse:
    user = request_user(request)
    found = session_for(user, number)
    try:
        actions.do_close_session(found, acting_user=user)
    except ValidationError:
        pass  # already closed: the page shows it
    return redirect("training:session", number=found.number)


@require_http_methods(["GET", "POST"])
def take_test(request: HttpRequest, number: str, phase: str) -> HttpResponse:
    """An officer's own pre- or post-test, once."""
    if phase not in (actions.PRE, actions.POST):
        raise PermissionDenied
    user = request_user(request)
    enrolment = own_enrolment(user, number)
    questions = list(enrolment.session.course.questions.all())
    form = TakeTestForm(request.POST or None, questions=questions)
    done = (enrolment.pre_answers if phase == actions.PRE else enrolment.post_answers) is not None
    if request.method == "POST" and form.is_valid() and not done:
        try:
            actions.do_record_answers(enrolment, acting_user=user, phase=phase, answers=form.answers())
        except ValidationError as exc:
            add_action_errors(form, exc)
        else:
            return redirect("training:index")
    context = {"enrolment": enrolment, "form": form, "phase": phase, "done": done}
    return render(request, "training/test.html", context, status=400 if form.errors else 200)


@require_GET
def certificate(request: HttpRequest, code: str) -> HttpResponse:
    """The certificate as PDF, for its holder or for those who organise training in its office."""
    from weasyprint import HTML

    user = request_user(request)
    enrolment = get_object_or_404(
        Enrolment.objects.select_related("session__course", "session__office"), certificate_code=code
    )
    holder = enrolment.user_id == user.pk
    organiser = (
        has_capability(user, Capability.TRAINING_MANAGE) and sessions_of(user).filter(pk=enrolment.session_id).exists()
    )
    if not holder and not organiser:
        raise PermissionDenied
    html = render_to_string("training/certificate.html", _certificate_context(enrolment))
    response = HttpResponse(HTML(string=html).write_pdf(), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="sertifikat-{code}.pdf"'
    return response


def _certificate_context(enrolment: Enrolment) -> dict[str, Any]:
    url = f"{settings.PUBLIC_URL}/publik/sertifikat/?kode={enrolment.certificate_code}"
    return {
        "e": enrolment,
        "course": enrolment.session.course,
        "until": valid_until(enrolment.session.course, enrolment.certified_on) if enrolment.certified_on else None,
        "url": url,
        "qr": segno.make(url, error="m").svg_data_uri(scale=3),
    }


@requires(Capability.TRAINING_COVERAGE)
@require_GET
def coverage_page(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    roles, officers = coverage(user.office, timezone.localdate())
    attention = [o for o in officers if o.status != "current"]
    return render(request, "training/coverage.html", {"roles": roles, "attention": attention, "office": user.office})


@public
@require_GET
def verify(request: HttpRequest) -> HttpResponse:
    """Anyone holding a certificate's code learns what the certificate says, and whether it is still in force."""
    typed = request.GET.get("kode", "")
    code = typed_code(typed) if typed.strip() else ""
    found = (
        Enrolment.objects.filter(certificate_code=code).select_related("session__course", "session__office").first()
        if code
        else None
    )
    until = valid_until(found.session.course, found.certified_on) if found and found.certified_on else None
    context = {"typed": typed, "found": found, "until": until, "today": timezone.localdate(), "asked": bool(code)}
    return render(request, "training/verify.html", context, status=404 if code and found is None else 200)
