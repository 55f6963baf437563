"""Handlers' and custodians' pages. Reading a report needs the handler's private key, opened with their password at
login (or here, on the unlock form) and kept for the session; every reading is audited."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import authenticate
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from nacl.public import PrivateKey

from garda.core import panels
from garda.core.access import request_user, requires
from garda.core.feedback import apply_form
from garda.core.models import User
from garda.core.roles import Capability
from garda.whistle import actions, deadlines, keys
from garda.whistle.access import (
    access_opened_report,
    access_report,
    access_reveal_request,
    reports_for,
    reveal_requests_for,
)
from garda.whistle.forms import (
    CloseConfirmForm,
    DecisionForm,
    IntelRecordForm,
    ReasonForm,
    ReplyForm,
    StatusForm,
    UnlockForm,
    UserChoiceForm,
)
from garda.whistle.models import Report, RevealRequest, RevealStatus, Status


def _private_key(request: HttpRequest) -> PrivateKey | None:
    return keys.session_key_for(request_user(request), request.session)


def _errors(request: HttpRequest, exc: ValidationError) -> None:
    messages.error(request, " ".join(exc.messages))


@requires(Capability.WHISTLE_HANDLE)
@never_cache
@require_GET
def report_list(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    periods = deadlines.current()
    reports = list(reports_for(user).select_related("office").order_by("-received_at")[:500])
    rows = [{"report": r, "due": periods.due(r), "waiting": _reporter_waiting(r)} for r in reports]
    return render(
        request,
        "whistle/report_list.html",
        {"rows": rows, "locked": _private_key(request) is None},
    )


def _reporter_waiting(report: Report) -> bool:
    """The reporter wrote after the last answer (or has had none)."""
    return bool(
        report.reporter_active_at
        and (report.first_response_at is None or report.reporter_active_at > report.first_response_at)
    )


@requires(Capability.WHISTLE_HANDLE)
@never_cache
@require_GET
def report_detail(request: HttpRequest, number: str) -> HttpResponse:
    user = request_user(request)
    report = access_report(user, number)
    private_key = _private_key(request)
    report_key = actions.report_key_for_user(report, user, private_key)
    context: dict[str, Any] = {
        "report": report,
        "due": deadlines.current().due(report),
        "locked": private_key is None,
        "stale": private_key is not None and report_key is None,
        "unlock_form": UnlockForm(),
    }
    if report_key is not None:
        files, thread = actions.thread(report, report_key)
        pool = actions.eligible_handlers(report, report_key)
        grants = list(report.grants.select_related("user", "recovery__office"))
        holders = {g.user_id for g in grants if g.user_id}
        context.update(
            content=actions.read_content(report, report_key, reader=user),
            grants=grants,
            files=files,
            thread=thread,
            reply_form=ReplyForm(),
            status_form=StatusForm(initial={"status": report.status}),
            two_to_close=actions.needs_two_to_close(report),
            close_form=CloseConfirmForm(prefix="close")
            if report.close_proposed_by_id not in (None, user.pk) and report.status != Status.CLOSED
            else None,
            grant_form=UserChoiceForm(users=[u for u in pool if u.pk not in holders], prefix="grant"),
            exclude_form=UserChoiceForm(users=[g.user for g in grants if g.user and g.user != user], prefix="exclude"),
            reveal_form=ReasonForm(prefix="reveal"),
            intel_form=IntelRecordForm(prefix="intel"),
            # Other apps' panels for this report (oversight: open an internal investigation).
            panels=panels.render(panels.WHISTLE_REPORT, request, report),
            has_identity=hasattr(report, "identity"),
            reveal_requests=list(report.reveal_requests.filter(requested_by=user)),
            identity_open=report.reveal_requests.filter(requested_by=user, status=RevealStatus.APPROVED).exists(),
        )
    return render(request, "whistle/report_detail.html", context)


@requires(Capability.WHISTLE_HANDLE)
@require_POST
def reply(request: HttpRequest, number: str) -> HttpResponse:
    user, report, report_key = access_opened_report(request, number)
    apply_form(
        request,
        ReplyForm(request.POST),
        lambda data: actions.do_reply(report, report_key, acting_user=user, text=data["text"]),
        done=_("Balasan terkirim; pelapor membacanya dengan kode tanda terimanya."),
        invalid=_("Balasan tidak boleh kosong."),
    )
    return redirect("whistle:detail", number=number)


@requires(Capability.WHISTLE_HANDLE)
@require_POST
def change_status(request: HttpRequest, number: str) -> HttpResponse:
    user, report, _key = access_opened_report(request, number)
    apply_form(
        request,
        StatusForm(request.POST),
        lambda data: actions.do_set_status(
            report, acting_user=user, status=data["status"], outcome=data["outcome"], note=data["note"]
        ),
        done=_("Usul penutupan dicatat; laporan ditutup setelah pemegang akses lain menandatanganinya.")
        if request.POST.get("status") == Status.CLOSED and actions.needs_two_to_close(report)
        else _("Status diperbarui."),
        invalid=_("Pilih status yang sah."),
    )
    return redirect("whistle:detail", number=number)


@requires(Capability.WHISTLE_HANDLE)
@require_POST
def confirm_close(request: HttpRequest, number: str) -> HttpResponse:
    """The second signature on closing a report about staff."""
    user, report, _key = access_opened_report(request, number)
    apply_form(
        request,
        CloseConfirmForm(request.POST, prefix="close"),
        lambda data: actions.do_confirm_close(report, acting_user=user, confirm=data["confirm"], reason=data["reason"]),
        done=_("Tanda tangan kedua dicatat."),
        invalid=_("Pilih setuju atau tolak, dan tulis alasannya."),
    )
    return redirect("whistle:detail", number=number)


@requires(Capability.WHISTLE_HANDLE)
@require_POST
def grant(request: HttpRequest, number: str) -> HttpResponse:
    user, report, report_key = access_opened_report(request, number)
    apply_form(
        request,
        UserChoiceForm(request.POST, users=actions.eligible_handlers(report, report_key), prefix="grant"),
        lambda data: actions.do_grant_access(
            report, report_key, acting_user=user, target=data["target"], reason=data["reason"]
        ),
        done=_("Akses diberikan."),
        invalid=_("Pilih penangan dan tulis alasannya."),
    )
    return redirect("whistle:detail", number=number)


@requires(Capability.WHISTLE_HANDLE)
@require_POST
def exclude(request: HttpRequest, number: str) -> HttpResponse:
    user, report, report_key = access_opened_report(request, number)
    form = UserChoiceForm(
        request.POST, users=list(User.objects.filter(pk__in=report.grants.values("user_id"))), prefix="exclude"
    )
    done = apply_form(
        request,
        form,
        lambda data: actions.do_exclude(
            report, report_key, acting_user=user, target=data["target"], reason=data["reason"]
        ),
        done=_("Pengguna dikeluarkan dari laporan ini."),
        invalid=_("Pilih pengguna dan tulis alasannya."),
    )
    if done and form.cleaned_data["target"].pk == user.pk:
        return redirect("whistle:list")  # one's own conflict: the report is no longer there to return to
    return redirect("whistle:detail", number=number)


@requires(Capability.WHISTLE_HANDLE)
@never_cache
@require_GET
def attachment(request: HttpRequest, number: str, pk: int) -> HttpResponse:
    """The copy without metadata by default; the original (evidence) on request. Each download is audited."""
    user, report, report_key = access_opened_report(request, number)
    item = report.attachments.filter(pk=pk).first()
    if item is None:
        raise Http404
    original = request.GET.get("asli") == "1"
    try:
        opened, data = actions.read_file(item, report_key, reader=user, clean=not original)
    except FileNotFoundError as exc:
        raise Http404 from exc
    response = HttpResponse(data, content_type=opened.content_type)
    safe = "".join(c for c in opened.name if c.isalnum() or c in "._- ")[:100] or "lampiran"
    response["Content-Disposition"] = f'attachment; filename="{"asli-" if original else ""}{safe}"'
    response["Cache-Control"] = "no-store"
    return response


@requires(Capability.WHISTLE_HANDLE)
@require_POST
def request_reveal(request: HttpRequest, number: str) -> HttpResponse:
    user, report, _key = access_opened_report(request, number)
    apply_form(
        request,
        ReasonForm(request.POST, prefix="reveal"),
        lambda data: actions.do_request_reveal(report, acting_user=user, reason=data["reason"]),
        done=_("Permintaan dikirim kepada kustodian."),
        invalid=_("Tulis alasan permintaan."),
    )
    return redirect("whistle:detail", number=number)


@requires(Capability.WHISTLE_HANDLE)
@never_cache
@require_POST
def show_identity(request: HttpRequest, number: str) -> HttpResponse:
    user, report, _key = access_opened_report(request, number)
    identity = actions.read_identity(report, acting_user=user, private_key=_private_key(request))
    if identity is None:
        raise Http404
    return render(request, "whistle/identity.html", {"report": report, "identity": identity})


@requires(Capability.WHISTLE_HANDLE)
@require_POST
def intel_record(request: HttpRequest, number: str) -> HttpResponse:
    user, report, _key = access_opened_report(request, number)
    apply_form(
        request,
        IntelRecordForm(request.POST, prefix="intel"),
        lambda data: actions.do_open_intel_record(
            report,
            acting_user=user,
            role=data["role"],
            full_name=data["full_name"],
            phone=data["phone"],
            organisation=data["organisation"],
            summary=data["summary"],
        ),
        done=_("Catatan intelijen dibuat; penyaringan memakainya."),
        invalid=None,
    )
    return redirect("whistle:detail", number=number)


@never_cache
@require_http_methods(["POST"])
def unlock(request: HttpRequest) -> HttpResponse:
    """Open one's key with the password (a session that began without it, e.g. before the key existed)."""
    user = request_user(request)
    if not keys.holds_keys(user):
        raise Http404
    form = UnlockForm(request.POST)
    # Through authenticate(), so wrong passwords here count toward the account's lockout like at the login page.
    if form.is_valid() and authenticate(request, username=user.username, password=form.cleaned_data["password"]):
        keys.keep_in_session(request.session, actions.do_open_key_pair(user, form.cleaned_data["password"]))
        messages.success(request, _("Kunci Anda terbuka untuk sesi ini."))
    else:
        messages.error(request, _("Kata sandi salah."))
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = "/wbs/"
    return redirect(target)


@requires(Capability.WHISTLE_CUSTODIAN)
@never_cache
@require_GET
def reveal_queue(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    pending = list(reveal_requests_for(user).order_by("requested_at"))
    decided = list(
        RevealRequest.objects.filter(decided_by=user)
        .select_related("report", "requested_by")
        .order_by("-decided_at")[:50]
    )
    return render(
        request,
        "whistle/reveal_queue.html",
        {
            "pending": [(r, DecisionForm(prefix=f"r{r.pk}")) for r in pending],
            "decided": decided,
            "locked": _private_key(request) is None,
            "unlock_form": UnlockForm(),
        },
    )


@requires(Capability.WHISTLE_CUSTODIAN)
@require_POST
def decide_reveal(request: HttpRequest, pk: int) -> HttpResponse:
    user = request_user(request)
    item = access_reveal_request(user, pk)
    apply_form(
        request,
        DecisionForm(request.POST, prefix=f"r{pk}"),
        lambda data: actions.do_decide_reveal(
            item, acting_user=user, private_key=_private_key(request), approve=data["approve"], note=data["note"]
        ),
        done=_("Keputusan dicatat."),
        invalid=_("Pilih setujui atau tolak, dan tulis alasannya."),
    )
    return redirect("whistle:reveal_queue")
