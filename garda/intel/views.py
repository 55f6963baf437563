"""Partner reports: the list, one report, and entering one by hand."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from garda.core import exports, panels
from garda.core.access import request_user, requires
from garda.core.roles import Capability
from garda.intel import actions
from garda.intel.access import access_report, may_enter_reports, reports_for
from garda.intel.forms import CATEGORY_LABELS, ROLE_LABELS, ReportForm
from garda.intel.models import ReportSubject

PAGE_SIZE = 50


# Partner reports are national context: every office's screening reads them, so every screening role may too.
@requires(Capability.SCREENING_VIEW)
def report_list(request: HttpRequest) -> HttpResponse:
    reports = (
        reports_for(request_user(request))
        .only("agency", "external_id", "reference", "received_at", "category", "destination_country", "valid_until")
        .order_by("-received_at", "-pk")
    )
    if exports.wanted(request):
        return exports.export(
            request,
            request_user(request),
            name="laporan-mitra",
            title=_("Laporan instansi mitra"),
            columns=[
                _("Instansi"),
                _("Nomor laporan"),
                _("Nomor surat"),
                _("Diterima"),
                _("Kategori"),
                _("Negara tujuan"),
                _("Subjek"),
                _("Berlaku sampai"),
                _("Ringkasan"),
            ],
            rows=reports_for(request_user(request))
            .annotate(n_subjects=Count("subjects"))
            .defer("record")
            .order_by("-received_at", "-pk"),
            row=lambda r: [
                r.agency,
                r.external_id,
                r.reference,
                r.received_at,
                CATEGORY_LABELS.get(r.category, r.category),
                r.destination_country,
                r.n_subjects,
                r.valid_until,
                r.summary,
            ],
            back=reverse("intel:report_list"),
        )
    page = Paginator(reports, PAGE_SIZE).get_page(request.GET.get("page"))
    # The subjects of this page's reports only: a count joined to every report groups them all.
    subjects = dict(
        ReportSubject.objects.filter(report__in=[r.pk for r in page])
        .order_by()
        .values_list("report")
        .annotate(n=Count("pk"))
        .values_list("report", "n")
    )
    rows = [(report, subjects.get(report.pk, 0)) for report in page]
    return render(
        request,
        "intel/report_list.html",
        {
            "page": page,
            "rows": rows,
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
