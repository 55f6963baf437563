"""An investigation's evidence on its page: the list (with the investigator's opened key), adding files, and reading
one (audited). Without an opened key the page says how to open it; nothing is shown in clear."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from garda.core import audit
from garda.core.access import has_capability, request_user, requires
from garda.core.feedback import form_errors_text
from garda.core.models import User
from garda.core.roles import Capability
from garda.oversight.access import access_investigation
from garda.oversight.actions.evidence import (
    case_key_for,
    do_add_evidence,
    opened_evidence,
    read_evidence,
    share_case_key,
)
from garda.oversight.forms import EvidenceForm
from garda.oversight.models import Investigation, InvestigationStatus
from garda.whistle import api as sealing


def evidence_context(request: HttpRequest, user: User, item: Investigation) -> dict[str, Any]:
    if not has_capability(user, Capability.INVESTIGATIONS):
        return {"evidence_shown": False}
    private_key = sealing.session_key_for(user, request.session)
    case_key = case_key_for(item, user, private_key)
    if case_key is not None:
        made = share_case_key(item, case_key)  # a colleague new to the case (or with a new key pair) gets a box
        if made:
            audit.record(
                "investigation.keys_shared",
                actor=user,
                obj=item,
                summary=f"{item.number}: kunci bukti diteruskan kepada {made} penyidik",
                unscoped=True,
            )
    has_files = item.evidence.exists()
    return {
        "evidence_shown": True,
        "evidence_locked": private_key is None,
        "evidence_no_access": private_key is not None and case_key is None and has_files,
        "evidence": opened_evidence(item, case_key) if case_key is not None else [],
        "evidence_count": item.evidence.count() if case_key is None else None,
        "evidence_form": EvidenceForm(prefix="evidence")
        if private_key is not None and item.status != InvestigationStatus.CLOSED and (case_key or not has_files)
        else None,
        "unlock_form": sealing.UnlockForm(),
    }


@requires(Capability.INVESTIGATIONS)
@require_POST
def add_evidence(request: HttpRequest, number: str) -> HttpResponse:
    user = request_user(request)
    item = access_investigation(user, number)
    form = EvidenceForm(request.POST, request.FILES, prefix="evidence")
    if not form.is_valid():
        messages.error(request, form_errors_text(form))
        return redirect("oversight:detail", number=number)
    try:
        rows = do_add_evidence(
            item,
            acting_user=user,
            private_key=sealing.session_key_for(user, request.session),
            uploads=form.cleaned_data["uploads"],
            description=form.cleaned_data["description"],
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("%(n)d berkas bukti disimpan terenkripsi.") % {"n": len(rows)})
    return redirect("oversight:detail", number=number)


@requires(Capability.INVESTIGATIONS)
@never_cache
@require_GET
def evidence_file(request: HttpRequest, number: str, position: int) -> HttpResponse:
    user = request_user(request)
    item = access_investigation(user, number)
    evidence = item.evidence.filter(position=position).first()
    case_key = case_key_for(item, user, sealing.session_key_for(user, request.session))
    if evidence is None or case_key is None:
        raise Http404
    try:
        opened, data = read_evidence(evidence, case_key, reader=user)
    except FileNotFoundError as exc:
        raise Http404 from exc
    response = HttpResponse(data, content_type=opened.content_type)
    safe = "".join(c for c in opened.name if c.isalnum() or c in "._- ")[:100] or "bukti"
    response["Content-Disposition"] = f'attachment; filename="{safe}"'
    response["Cache-Control"] = "no-store"
    return response
