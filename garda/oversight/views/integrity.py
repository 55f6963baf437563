"""Integrity signals: internal compliance's review list, computing an office's period, and each signal's review —
dismissed with a reason, or escalated into an investigation. Never shown to the officer or their colleagues."""

from datetime import date, timedelta

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from garda.core.access import offices_in_scope, request_user, requires
from garda.core.feedback import form_errors_text
from garda.core.forms import add_action_errors
from garda.core.roles import Capability
from garda.oversight import actions
from garda.oversight.access import access_signal, signals_for
from garda.oversight.forms import SignalComputeForm, SignalEscalateForm, SignalReasonForm


def _last_quarter(today: date) -> tuple[date, date]:
    first = today.replace(day=1)
    return (first - timedelta(days=90)).replace(day=1), first - timedelta(days=1)


@requires(Capability.INVESTIGATIONS)
@require_GET
def signal_list(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    start, end = _last_quarter(timezone.localdate())
    form = SignalComputeForm(
        offices=offices_in_scope(user), initial={"office": user.office_id, "start": start, "end": end}
    )
    rows = list(signals_for(user)[:500])
    return render(request, "oversight/signal_list.html", {"rows": rows, "form": form})


@requires(Capability.INVESTIGATIONS)
@require_POST
def signal_compute(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    form = SignalComputeForm(request.POST, offices=offices_in_scope(user))
    if not form.is_valid():
        messages.error(request, form_errors_text(form))
        return redirect("oversight:signal_list")
    data = form.cleaned_data
    try:
        found = actions.do_compute_signals(data["office"], data["start"], data["end"], acting_user=user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Sinyal dihitung: %(n)s.") % {"n": len(found)})
    return redirect("oversight:signal_list")


@requires(Capability.INVESTIGATIONS)
@require_http_methods(["GET", "POST"])
def signal_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = request_user(request)
    signal = access_signal(user, pk)
    dismiss, escalate = SignalReasonForm(prefix="dismiss"), SignalEscalateForm(prefix="escalate")
    if request.method == "POST":
        step = request.POST.get("step")
        form = (
            SignalEscalateForm(request.POST, prefix="escalate")
            if step == "escalate"
            else SignalReasonForm(request.POST, prefix="dismiss")
        )
        if form.is_valid():
            try:
                if step == "escalate":
                    actions.do_escalate_signal(signal, acting_user=user, allegation=form.cleaned_data["allegation"])
                    messages.success(request, _("Sinyal diteruskan ke pemeriksaan internal."))
                else:
                    actions.do_dismiss_signal(signal, acting_user=user, reason=form.cleaned_data["reason"])
                    messages.success(request, _("Sinyal ditutup dengan alasan tercatat."))
                return redirect("oversight:signal_detail", pk=pk)
            except ValidationError as exc:
                add_action_errors(form, exc)
        if step == "escalate":
            escalate = form  # type: ignore[assignment]
        else:
            dismiss = form  # type: ignore[assignment]
    return render(
        request, "oversight/signal_detail.html", {"signal": signal, "dismiss_form": dismiss, "escalate_form": escalate}
    )
