"""Conflict-of-interest declarations: one's own, standing ones about an officer, and stepping aside from a case."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from garda.core.access import has_capability, offices_in_scope, request_user, requires
from garda.core.feedback import form_errors_text
from garda.core.roles import Capability
from garda.oversight.access import access_investigation
from garda.oversight.actions.conflicts import do_declare_conflict
from garda.oversight.forms import ConflictForm, StandingConflictForm
from garda.oversight.models import ConflictDeclaration
from garda.whistle import api as sealing


@requires(Capability.DISCIPLINE_DECIDE)
@require_http_methods(["GET", "POST"])
def conflict_list(request: HttpRequest) -> HttpResponse:
    """One's own declarations and a form for a standing one; compliance also sees those of its offices."""
    user = request_user(request)
    form = StandingConflictForm(request.POST or None, offices=offices_in_scope(user), me=user, prefix="decl")
    if request.method == "POST":
        if form.is_valid():
            try:
                do_declare_conflict(
                    acting_user=user,
                    concerning=form.cleaned_data["concerning"],
                    relation=form.cleaned_data["relation"],
                    note=form.cleaned_data["note"],
                    private_key=sealing.session_key_for(user, request.session),
                )
            except ValidationError as exc:
                messages.error(request, " ".join(exc.messages))
            else:
                messages.success(request, _("Pernyataan dicatat. Kasus tentang petugas ini tidak lagi Anda tangani."))
                return redirect("oversight:conflicts")
        else:
            messages.error(request, form_errors_text(form))
    rows = ConflictDeclaration.objects.select_related("declarant", "concerning", "investigation")
    mine = list(rows.filter(declarant=user)[:200])
    others = []
    if has_capability(user, Capability.INVESTIGATIONS):
        others = list(rows.filter(declarant__office__in=offices_in_scope(user)).exclude(declarant=user)[:200])
    return render(request, "oversight/conflicts.html", {"form": form, "mine": mine, "others": others})


@requires(Capability.DISCIPLINE_DECIDE)
@require_POST
def step_aside(request: HttpRequest, number: str) -> HttpResponse:
    user = request_user(request)
    item = access_investigation(user, number)
    form = ConflictForm(request.POST, prefix="conflict")
    if not form.is_valid():
        messages.error(request, form_errors_text(form))
        return redirect("oversight:detail", number=number)
    try:
        do_declare_conflict(
            acting_user=user,
            investigation=item,
            relation=form.cleaned_data["relation"],
            note=form.cleaned_data["note"],
            private_key=sealing.session_key_for(user, request.session),
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("oversight:detail", number=number)
    messages.success(request, _("Anda tidak lagi menangani %(number)s.") % {"number": number})
    return redirect("oversight:conflicts")
