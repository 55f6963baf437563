"""Partner reports: the list, one report, and entering one by hand."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from garda.core import panels
from garda.core.access import request_user, requires
from garda.core.roles import Capability
from garda.intel import actions
from garda.intel.access import access_report, may_enter_reports, reports_for
from garda.intel.forms import CATEGORY_LABELS, ROLE_LABELS, ReportForm

PAGE_SIZE = 50


# Partner reports are national context: every office's screening reads them, so every screening role may too.
@requires(Capability.SCREENING_VIEW)
def report_list(request: HttpRequest) -> HttpResponse:
    reports = reports_for(request_user(request)).annotate(n_subjects=Count("subjects")).order_by("-received_at", "-pk")
    page = Paginator(reports, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "intel/report_list.html",
        {
            "page": page,
            "categories": CATEGORY_LABELS,
            "can_enter": may_enter_reports(request_user(request)),
        },
    )


@requires(Capability.SCREENING_VIEW)
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = access_report(request_user(request), pk)
    return render(
        request,
        "intel/report_detail.html",
        {
            "report": report,
            "categories": CATEGORY_LABELS,
            "roles": ROLE_LABELS,
            # Other apps' panels (partners: the files a partner sent with the report).
            "panels": panels.render(panels.AGENCY_REPORT, request, report),
        },
    )


@requires(Capability.REPORTS_ENTER)
@require_http_methods(["GET", "POST"])
def report_create(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    initial = {"received_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M")}
    form = ReportForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        record = form.to_record(actions.next_report_id(form.cleaned_data["agency"]))
        try:
            report = actions.do_enter_report(record, acting_user=user)
        except actions.ReportError as exc:
            for problem in exc.problems:
                form.add_error(None, problem)
        else:
            messages.success(
                request,
                _("Laporan %(ref)s disimpan; permohonan yang tertunda akan disaring ulang.")
                % {"ref": f"{report.agency}/{report.external_id}"},
            )
            return redirect("intel:report_detail", pk=report.pk)
    return render(request, "intel/report_form.html", {"form": form})
