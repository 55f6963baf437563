"""Decision pages: the step queues, proposing from an application, a case with its steps, letters, and the
public page that tells whether a letter is authentic."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from garda.core import exports
from garda.core.access import has_capability, request_user, requires
from garda.core.forms import add_action_errors
from garda.core.middleware import public
from garda.core.roles import Capability
from garda.core.vocabulary import label
from garda.decisions import actions, deadlines, legal
from garda.decisions.access import (
    access_case,
    cases_in_scope,
    follow_up_choices,
    letters_in_scope,
    may_decide,
    may_examine,
    may_record_cutting,
    may_review,
    may_sign,
)
from garda.decisions.forms import CuttingForm, ExaminationForm, FollowUpForm, ProposalForm, StepForm, VerifyForm
from garda.decisions.letters import LETTERS_FOR, normalise_code, plain_fact, render_draft, render_pdf
from garda.decisions.models import Case, Cutting, Examination, Kind, Letter, Status
from garda.screening import api as screening


@requires(Capability.SCREENING_VIEW)
def case_list(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    cases = cases_in_scope(user).select_related("office", "proposed_by")
    if exports.wanted(request):
        return exports.export(
            request,
            user,
            name="keputusan",
            title=_("Usulan dan keputusan"),
            columns=[
                _("Nomor"),
                _("Kantor"),
                _("Jenis"),
                _("Status"),
                _("Nama"),
                _("NIK"),
                _("Nomor paspor"),
                _("Dasar"),
                _("Pengusul"),
                _("Diusulkan"),
                _("Diperiksa"),
                _("Diputuskan"),
            ],
            rows=cases.order_by("-proposed_at", "-pk"),
            row=lambda c: [
                c.pk,
                c.office.code,
                c.get_kind_display(),
                c.get_status_display(),
                c.subject_name,
                c.subject_nik,
                c.passport_number,
                ", ".join(label("category", k) for k in c.categories),
                c.proposed_by.full_name,
                c.proposed_at,
                c.reviewed_at,
                c.decided_at,
            ],
            back=reverse("decisions:list"),
        )
    today = timezone.localdate()
    sections = []
    # The Kepala Kantor sees the checkers' queue too: an overdue check is his to chase.
    if has_capability(user, Capability.DECISIONS_REVIEW) or has_capability(user, Capability.DECISIONS_DECIDE):
        sections.append((_("Menunggu pemeriksaan Kepala Seksi"), cases.filter(status=Status.PROPOSED)))
    if has_capability(user, Capability.DECISIONS_DECIDE):
        sections.append((_("Menunggu keputusan Kepala Kantor"), cases.filter(status=Status.FORWARDED)))
    sections.append(
        (_("Usulan saya"), cases.filter(proposed_by=user).filter(~Q(status__in=[Status.APPROVED, Status.REJECTED])))
    )
    sections.append(
        (
            _("Diputuskan terakhir"),
            cases.filter(status__in=[Status.APPROVED, Status.REJECTED]).order_by("-decided_at")[:30],
        )
    )
    periods = deadlines.current()
    rows = [(title, [(c, periods.due(c)) for c in qs[:100]]) for title, qs in sections]
    overdue = sum(1 for _t, items in rows[:2] for c, due in items if due and due < today)
    return render(
        request, "decisions/case_list.html", {"sections": rows, "today": today, "overdue": overdue, "query": ""}
    )


@requires(Capability.DECISIONS_PROPOSE)
@require_http_methods(["GET", "POST"])
def propose(request: HttpRequest, application_pk: int) -> HttpResponse:
    user = request_user(request)
    app = screening.access_application(user, application_pk)
    latest = screening.latest_screening(app)
    found = screening.findings(latest)
    # The screening's findings, in the words a letter states them: the maker picks those the examination confirmed.
    facts = [(f"{n}:{f.code}", plain_fact(f.text)) for n, f in enumerate(found) if f.counted]
    initial = {
        "categories": sorted({f.category for f in found}),
        "facts": [key for key, _text in facts],
    }
    form = ProposalForm(request.POST or None, initial=initial, facts=facts)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            case = actions.do_propose(
                app,
                acting_user=user,
                kind=data["kind"],
                categories=data["categories"],
                findings=data["findings"],
                legal_bases=data["legal_bases"],
                indicators=[f.code for f in found],
                facts=form.chosen_facts(),
                suspension_until=data["suspension_until"],
                documents_requested=data["documents_requested"],
                passport_number=data["passport_number"],
            )
        except ValidationError as exc:
            add_action_errors(form, exc)
        except PermissionDenied:
            raise
        else:
            messages.success(request, _("Usulan dikirim ke Kepala Seksi."))
            return redirect("decisions:detail", pk=case.pk)
    return render(request, "decisions/propose.html", {"form": form, "app": app, "latest": latest})


@requires(Capability.SCREENING_VIEW)
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = request_user(request)
    case = access_case(user, pk)
    examination = Examination.objects.filter(case=case).select_related("examined_by").first()
    cutting = Cutting.objects.filter(case=case).select_related("cut_by").first()
    can_review, can_decide = may_review(user, case), may_decide(user, case)
    can_examine, can_cut = may_examine(user, case, examination), may_record_cutting(user, case, cutting)
    return render(
        request,
        "decisions/detail.html",
        {
            "case": case,
            "letters": case.letters.all(),
            "due": deadlines.current().due(case),
            "today": timezone.localdate(),
            "can_review": can_review,
            "can_decide": can_decide,
            "form": StepForm(),
            "follow_ups": case.follow_ups.select_related("recorded_by"),
            "follow_up_form": FollowUpForm(choices=choices) if (choices := follow_up_choices(user, case)) else None,
            "examination": examination,
            "cutting": cutting,
            "can_examine": can_examine,
            "examination_form": ExaminationForm(prefix="bap") if can_examine else None,
            "can_cut": can_cut,
            "cutting_form": CuttingForm(prefix="cut") if can_cut else None,
            "evidence": _evidence(case),
            "citations": legal.citations(case.legal_bases, case.legal_list_version)[0],
        },
    )


def _evidence(case: Case) -> screening.Evidence | None:
    """What the checker and the approver decide on besides the proposal: the screening it came from (its
    findings in words), the interview notes and the documents requested."""
    app = case.application
    if app is None:
        return None
    return screening.evidence(app)


@requires(Capability.SCREENING_VIEW)
@require_POST
def follow_up(request: HttpRequest, pk: int) -> HttpResponse:
    user = request_user(request)
    case = access_case(user, pk)
    choices = follow_up_choices(user, case)
    if not choices:
        raise PermissionDenied
    return _apply(
        request,
        case,
        FollowUpForm(request.POST, choices=choices),
        lambda data: actions.do_follow_up(case, acting_user=user, kind=data["kind"], note=data["note"]),
        done=_("Tindak lanjut dicatat."),
        invalid=_("Pilih tindak lanjut dan isi catatan (paling sedikit 10 huruf)."),
    )


def _step(request: HttpRequest, pk: int, *, decide: bool) -> HttpResponse:
    user = request_user(request)
    case = access_case(user, pk)
    positive = request.POST.get("verdict") == "yes"

    def step(data: dict[str, Any]) -> object:
        if decide:
            return actions.do_decide(case, acting_user=user, approve=positive, reason=data["reason"])
        return actions.do_review(case, acting_user=user, forward=positive, reason=data["reason"])

    return _apply(
        request,
        case,
        StepForm(request.POST),
        step,
        done=_("Langkah dicatat."),
        invalid=_("Alasan wajib diisi, paling sedikit 10 huruf."),
    )


@requires(Capability.DECISIONS_REVIEW)
@require_POST
def review(request: HttpRequest, pk: int) -> HttpResponse:
    return _step(request, pk, decide=False)


@requires(Capability.DECISIONS_DECIDE)
@require_POST
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    return _step(request, pk, decide=True)


def _pdf(pdf: bytes, name: str) -> HttpResponse:
    response = HttpResponse(pdf, content_type="application/pdf")
    # Opened in the browser's own viewer; saving keeps the letter's number as the file name.
    response["Content-Disposition"] = f'inline; filename="{name.replace("/", "-")}.pdf"'
    return response


@requires(Capability.SCREENING_VIEW)
def letter_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    letter = (
        Letter.objects.select_related("case", "office", "office__parent", "case__decided_by", "case__application")
        .filter(pk=pk, office__in=letters_in_scope(request_user(request)))
        .first()
    )
    if letter is None:
        raise Http404
    return _pdf(render_pdf(letter), letter.number)


@requires(Capability.SCREENING_VIEW)
def letter_draft(request: HttpRequest, pk: int) -> HttpResponse:
    """The notice as it will be issued, before the decision: what the checker forwards and the approver signs."""
    user = request_user(request)
    case = access_case(user, pk)
    if case.decided:
        raise Http404
    signer = user if may_sign(user, case) else None
    return _pdf(render_draft(case, LETTERS_FOR[Kind(case.kind)][0], signer=signer), f"konsep-{case.pk}")


@requires(Capability.DECISIONS_PROPOSE)
@require_POST
def examine(request: HttpRequest, pk: int) -> HttpResponse:
    user = request_user(request)
    case = access_case(user, pk)
    return _apply(
        request,
        case,
        ExaminationForm(request.POST, prefix="bap"),
        lambda data: actions.do_record_examination(
            case,
            acting_user=user,
            statement=data["statement"],
            findings=data["findings"],
            subject_signed=data["subject_signed"],
            refusal_note=data["refusal_note"],
        ),
        done=_("Berita Acara Pemeriksaan dibuat."),
    )


@requires(Capability.DECISIONS_PROPOSE)
@require_POST
def cut(request: HttpRequest, pk: int) -> HttpResponse:
    user = request_user(request)
    case = access_case(user, pk)
    return _apply(
        request,
        case,
        CuttingForm(request.POST, prefix="cut"),
        lambda data: actions.do_record_cutting(
            case,
            acting_user=user,
            witnesses=data["witnesses"].splitlines(),
            holder_signed=data["holder_signed"],
            refusal_note=data["refusal_note"],
            cut_at=data["cut_at"],
        ),
        done=_("Pengguntingan paspor dicatat."),
    )


def _apply(
    request: HttpRequest,
    case: Case,
    form: Any,
    act: Callable[[dict[str, Any]], object],
    *,
    done: str,
    invalid: str | None = None,
) -> HttpResponse:
    """One posted step of a case: the form checked (what is wrong, and where), the action taken, the outcome told
    on the case page. A refused action says why; a step the user may not take is refused by the action."""
    if not form.is_valid():
        messages.error(request, invalid or _form_errors(form))
    else:
        try:
            act(form.cleaned_data)
        except ValidationError as exc:
            messages.error(request, "; ".join(exc.messages))
        else:
            messages.success(request, done)
    return redirect("decisions:detail", pk=case.pk)


def _form_errors(form: Any) -> str:
    return "; ".join(
        f"{form.fields[f].label if f in form.fields else ''}: {' '.join(e)}" for f, e in form.errors.items()
    )


@public
@require_http_methods(["GET", "POST"])
def verify(request: HttpRequest) -> HttpResponse:
    """Anyone may check a letter: only its number, date, office and kind are shown — no personal data. The QR code
    on a letter opens this page with the code filled in (`?kode=`)."""
    data = (
        request.POST if request.method == "POST" else ({"code": request.GET["kode"]} if "kode" in request.GET else None)
    )
    form = VerifyForm(data)
    letter = None
    checked = False
    if data is not None and form.is_valid():
        checked = True
        code = normalise_code(form.cleaned_data["code"])
        letter = Letter.objects.select_related("office").filter(verification_code=code).first() if code else None
    return render(request, "decisions/verify.html", {"form": form, "letter": letter, "checked": checked})
