"""Screening pages: today's queue by risk, the application with its indicators and evidence, the counter
intake, the interview outcome. Views parse input, call an access helper and a `work` action, and render."""

from typing import Any

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Case, IntegerField, Q, Value, When
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from garda.core import exports, panels
from garda.core.access import has_capability, request_user, requires
from garda.core.days import day_range
from garda.core.roles import Capability
from garda.core.vocabulary import label
from garda.screening import actions, evidence
from garda.screening.access import access_application, applications_in_scope
from garda.screening.forms import OUTCOME_LABELS, ClearanceForm, CounterForm, QueueFilterForm, ReviewForm
from garda.screening.indicators import DECISION_LABELS, RULES, explain, interview_guide
from garda.screening.models import Application
from garda.screening.network import HEIGHT, WIDTH, picture

PAGE_SIZE = 50
RISK_ORDER = Case(
    When(risk_level="high", then=Value(0)),
    When(risk_level="medium", then=Value(1)),
    When(risk_level="low", then=Value(2)),
    default=Value(3),
    output_field=IntegerField(),
)


def _language() -> str:
    return "en" if (get_language() or "id").startswith("en") else "id"


@requires(Capability.SCREENING_VIEW)
def queue(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    form = QueueFilterForm(request.GET or None)
    day = timezone.localdate()
    apps = applications_in_scope(user)
    risk = ""
    awaiting = False
    if form.is_valid():
        day = form.cleaned_data["day"] or day
        risk = form.cleaned_data["risk"]
        awaiting = form.cleaned_data["awaiting"]
        if form.cleaned_data["alert"]:
            apps = apps.exclude(alert="")
        if q := form.cleaned_data["q"].strip():
            apps = apps.filter(Q(applicant_name__icontains=q) | Q(applicant_nik=q) | Q(external_id=q))
    # The Kasi's work: every cleared high flag still waiting, whatever day it was submitted.
    if awaiting:
        apps = apps.filter(outcome=actions.AWAITING_CONFIRMATION)
    else:  # a range, not `__date`: a function of the column would read every application of the office
        since, until = day_range(day)
        apps = apps.filter(submitted_at__gte=since, submitted_at__lt=until)
    counts = {row["risk_level"] or "": row["n"] for row in _risk_counts(apps)}
    if risk:
        apps = apps.filter(risk_level=risk)
    if exports.wanted(request):
        return exports.export(
            request,
            user,
            name="antrean",
            title=_("Antrean penyaringan"),
            columns=[
                _("Kantor"),
                _("Nomor permohonan"),
                _("Diajukan"),
                _("Pemohon"),
                _("NIK"),
                _("Tujuan"),
                _("Negara tujuan"),
                _("Risiko"),
                _("Skor"),
                _("Rekomendasi"),
                _("Peringatan"),
                _("Hasil"),
            ],
            rows=apps.order_by("submitted_at", "pk"),
            row=lambda a: [
                a.office_code,
                a.external_id,
                a.submitted_at,
                a.applicant_name,
                a.applicant_nik,
                label("purpose", a.purpose),
                a.destination_country,
                label("risk", a.risk_level),
                a.risk_score,
                label("recommendation", a.recommendation),
                a.alert,
                label("outcome", a.outcome) if a.outcome else "",
            ],
            back=f"{reverse('screening:queue')}?{exports.page_query(request)}",
        )
    ordered = apps.annotate(risk_order=RISK_ORDER).order_by(
        Case(When(alert="", then=Value(1)), default=Value(0), output_field=IntegerField()),
        "risk_order",
        "-risk_score",
        "submitted_at",
    )
    page = Paginator(
        ordered.only(
            "pk",
            "office_code",
            "external_id",
            "submitted_at",
            "applicant_name",
            "purpose",
            "destination_country",
            "risk_level",
            "risk_score",
            "recommendation",
            "alert",
            "outcome",
        ),
        PAGE_SIZE,
    ).get_page(request.GET.get("page"))
    return render(
        request,
        "screening/queue.html",
        {
            "form": form,
            "page": page,
            "query": exports.page_query(request),
            "day": day,
            "counts": counts,
            "total": sum(counts.values()),
            "outcome_labels": OUTCOME_LABELS,
        },
    )


def _risk_counts(apps: Any) -> Any:
    from django.db.models import Count

    return apps.values("risk_level").annotate(n=Count("pk")).order_by()


def _other_applications(user: Any, app: Application) -> list[Application]:
    """The same NIK's other applications, at any date and any office the user may see, newest first. (Respellings
    and other NIKs of the same person are the identity matches shown beside.)"""
    if not app.applicant_nik:
        return []
    same = applications_in_scope(user).filter(applicant_nik=app.applicant_nik).exclude(pk=app.pk)
    return list(same.order_by("-submitted_at")[:20])


@requires(Capability.SCREENING_VIEW)
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = request_user(request)
    app = access_application(user, pk)
    language = _language()
    latest = app.screenings.first()
    indicators = []
    matches: list[dict[str, Any]] = []
    relatives: list[dict[str, Any]] = []
    documents_to_request: list[str] = []
    if latest is not None:
        matches = latest.matches
        relatives = latest.relatives
        for item in latest.indicators:
            rule = RULES.get(item["code"])
            indicators.append(
                {
                    **item,
                    "explanation": explain(item["code"], item.get("params", {}), language),
                    "evidence_rows": evidence.rows(item.get("evidence", {})),
                    "recommends": rule.recommends if rule else "",
                }
            )
            for doc in (
                item.get("evidence", {}).get("missing", []) if item["code"] == "NP_MISSING_PURPOSE_DOCUMENTS" else []
            ):
                documents_to_request.append(evidence.text(doc))
    refs = {str(m["id"]).split("#")[0] for m in [*matches, *relatives] if m["kind"] != "agency_report_subject"}
    links: dict[str, str] = {}
    if refs:
        wanted = Q()
        for ref in refs:
            office, _sep, external = ref.partition("/")
            wanted |= Q(office_code=office, external_id=external)
        for other_pk, office, external in (
            applications_in_scope(user).filter(wanted).values_list("pk", "office_code", "external_id")
        ):
            links[f"{office}/{external}"] = reverse("screening:detail", args=[other_pk])
    reviews = list(app.reviews.select_related("officer", "confirmed_by")[:10])
    # A newer outcome overtakes a clearance still waiting, so only the newest review can be waiting.
    pending = reviews[0] if reviews and reviews[0].needs_confirmation and reviews[0].confirmed is None else None
    companion = app.record.get("companion") or {}
    nodes, edges = picture(
        app.applicant_name,
        str(companion.get("full_name") or companion.get("phone") or ""),
        matches,
        links,
        language,
    )
    return render(
        request,
        "screening/detail.html",
        {
            "app": app,
            "record": app.record,
            "latest": latest,
            "indicators": indicators,
            "matches": [{**m, "href": links.get(str(m["id"]).split("#")[0], "")} for m in matches],
            "relatives": [
                {
                    **r,
                    "href": links.get(str(r["id"]).split("#")[0], ""),
                    "relation_label": r["relation_en"] if language == "en" else r["relation_id"],
                    "decision_label": DECISION_LABELS.get(r.get("decision", ""), ("", ""))[
                        1 if language == "en" else 0
                    ],
                }
                for r in relatives
            ],
            "guide": interview_guide(latest.indicators if latest else [], language),
            "documents_to_request": documents_to_request,
            "history": app.screenings.all()[1:10],
            "reviews": reviews,
            "pending_clearance": pending,
            "can_confirm": pending is not None
            and pending.officer_id != user.pk
            and has_capability(user, Capability.SCREENING_CONFIRM_CLEARANCE),
            "clearance_form": ClearanceForm(prefix="clearance"),
            "nodes": nodes,
            "edges": edges,
            "width": WIDTH,
            "height": HEIGHT,
            "review_form": ReviewForm(),
            # Other apps' panels for this application (partners: refer the person to a partner organisation).
            "panels": panels.render(panels.APPLICATION, request, app),
            "other_applications": _other_applications(user, app),
            "can_review": has_capability(user, Capability.SCREENING_REVIEW),
            "can_propose": has_capability(user, Capability.DECISIONS_PROPOSE) and app.office_code == user.office.code,
            "outcome_labels": OUTCOME_LABELS,
        },
    )


def _errors_as_messages(request: HttpRequest, form: forms.Form) -> None:
    """A form posted from the application page is answered on that page: each error, with its field."""
    for field, errors in form.errors.items():
        for error in errors:
            messages.error(request, f"{form.fields[field].label if field in form.fields else ''}: {error}")


@requires(Capability.SCREENING_REVIEW)
@require_POST
def review(request: HttpRequest, pk: int) -> HttpResponse:
    user = request_user(request)
    app = access_application(user, pk, for_write=True)
    form = ReviewForm(request.POST)
    if not form.is_valid():
        _errors_as_messages(request, form)
        return redirect("screening:detail", pk=app.pk)
    actions.do_record_review(
        app,
        acting_user=user,
        outcome=form.cleaned_data["outcome"],
        reason=form.cleaned_data["reason"],
        interview_notes=form.cleaned_data["interview_notes"],
    )
    messages.success(request, _("Hasil pemeriksaan dicatat."))
    return redirect("screening:detail", pk=app.pk)


@requires(Capability.SCREENING_CONFIRM_CLEARANCE)
@require_POST
def confirm_clearance(request: HttpRequest, pk: int) -> HttpResponse:
    user = request_user(request)
    app = access_application(user, pk)
    form = ClearanceForm(request.POST, prefix="clearance")
    if not form.is_valid():
        _errors_as_messages(request, form)
        return redirect("screening:detail", pk=app.pk)
    confirm = form.cleaned_data["decision"] == "confirm"
    try:
        actions.do_confirm_clearance(app, acting_user=user, confirm=confirm, reason=form.cleaned_data["reason"])
    except actions.ClearanceError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request, _("Konfirmasi dicatat.") if confirm else _("Penolakan dicatat; permohonan diperiksa kembali.")
        )
    return redirect("screening:detail", pk=app.pk)


@requires(Capability.SCREENING_VIEW)
@require_POST
def rescreen(request: HttpRequest, pk: int) -> HttpResponse:
    user = request_user(request)
    app = access_application(user, pk)
    row = actions.do_screen_again(app, acting_user=user)
    messages.success(
        request,
        _("Disaring ulang: risiko %(risk)s, skor %(score)s.")
        % {"risk": label("risk", row.risk_level), "score": row.score},
    )
    return redirect("screening:detail", pk=app.pk)


@requires(Capability.SCREENING_INTAKE)
@require_http_methods(["GET", "POST"])
def counter(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    form = CounterForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        # The counter number is taken by the action, inside its transaction.
        record = form.to_record(office_code=user.office.code, external_id="")
        try:
            app, row = actions.do_take_at_counter(record, acting_user=user)
        except actions.IntakeError as exc:
            for problem in exc.problems:
                form.add_error(None, problem)
        else:
            if warning := getattr(form, "nik_warning", ""):
                messages.warning(request, _("NIK tidak dapat diurai: %(w)s") % {"w": warning})
            messages.success(
                request,
                _("Permohonan %(id)s disimpan dan disaring: risiko %(risk)s.")
                % {"id": app.external_id, "risk": label("risk", row.risk_level)},
            )
            return redirect("screening:detail", pk=app.pk)
    return render(request, "screening/counter.html", {"form": form})
