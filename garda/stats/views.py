"""Statistics pages: the decision figures of an office, by kind, category and month — the same numbers as
`garda stats decisions`."""

from datetime import date

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods

from garda.core.access import has_capability, offices_in_scope, requires
from garda.core.forms import DateInput
from garda.core.models import User
from garda.core.roles import Capability
from garda.stats.decisions import decision_stats
from garda.stats.models import PeriodicReport, ReportStatus


class PeriodForm(forms.Form):
    office = forms.ChoiceField(label=_("Kantor"))
    start = forms.DateField(label=_("Dari"), widget=DateInput())
    end = forms.DateField(label=_("Sampai"), widget=DateInput())

    def __init__(self, *args: object, offices: list[tuple[str, str]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["office"].choices = offices  # type: ignore[attr-defined]

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", _("Tanggal akhir lebih awal dari tanggal awal."))
        return data


@requires(Capability.SCREENING_VIEW)
def decisions(request: HttpRequest) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    offices = [(o.code, f"{o.code} — {o.name}") for o in offices_in_scope(user).order_by("code")]
    today = timezone.localdate()
    start = date(today.year, 1, 1)
    initial = {"office": user.office.code, "start": start, "end": today}
    form = PeriodForm(request.GET or None, offices=offices, initial=initial)
    stats = None
    if form.is_valid():
        stats = decision_stats(form.cleaned_data["office"], form.cleaned_data["start"], form.cleaned_data["end"])
    elif not request.GET:
        stats = decision_stats(user.office.code, start, today)
    return render(request, "stats/decisions.html", {"form": form, "stats": stats})


FIGURES = {
    "inspections": _("Inspeksi"),
    "findings": _("Temuan inspeksi"),
    "signals": _("Sinyal integritas"),
    "investigations": _("Pemeriksaan disiplin"),
    "sanctions": _("Hukuman disiplin"),
    "referrals": _("Rujukan pro justitia"),
    "planned": _("direncanakan"),
    "by_kind": _("menurut jenis"),
    "by_scope": _("menurut yang diperiksa"),
    "reported": _("dilaporkan"),
    "files_checked": _("berkas diperiksa"),
    "deviations": _("penyimpangan"),
    "recorded": _("dicatat"),
    "open": _("terbuka"),
    "overdue": _("lewat tenggat"),
    "closed": _("ditutup"),
    "by_severity": _("menurut tingkat"),
    "raised": _("muncul"),
    "awaiting_second_signature": _("menunggu tanda tangan kedua"),
    "dismissed": _("ditutup dengan alasan"),
    "escalated": _("diteruskan ke pemeriksaan"),
    "by_metric": _("menurut ukuran"),
    "examined": _("diperiksa"),
    "in_process": _("dalam proses"),
    "proven_by_level": _("terbukti, menurut tingkat hukuman"),
    "not_proven": _("tidak terbukti"),
    "ethics": _("pelanggaran etika"),
    "by_offence": _("menurut pelanggaran"),
    "by_source": _("menurut sumber"),
    "superiors_told": _("atasan langsung diberi tahu"),
    "superiors_inactive": _("atasan tidak memanggil dalam tenggat (Pasal 28)"),
    "decreed": _("keputusan dijatuhkan"),
    "final": _("berkekuatan tetap"),
    "by_sanction": _("menurut hukuman"),
    "released_from_duties": _("dibebaskan sementara"),
    "objections": _("keberatan atau banding"),
    "objections_granted": _("keberatan dikabulkan"),
    "pro_justitia": _("dirujuk pro justitia"),
    "by_agency": _("menurut instansi"),
    "by_crime": _("menurut dugaan tindak pidana"),
    "final_convictions": _("putusan pidana berkekuatan tetap"),
    "ptdh_proposed": _("PTDH diusulkan"),
}


@requires(Capability.DISCIPLINE_DECIDE)
def oversight(request: HttpRequest) -> HttpResponse:
    """Internal oversight's figures for the head of office and compliance: the same as `garda stats oversight`."""
    from garda.core.models import Office
    from garda.oversight.api import SECTIONS, statistics, word_map

    user = request.user
    assert isinstance(user, User)
    offices = [(o.code, f"{o.code} — {o.name}") for o in offices_in_scope(user).order_by("code")]
    today = timezone.localdate()
    start = date(today.year, 1, 1)
    form = PeriodForm(
        request.GET or None, offices=offices, initial={"office": user.office.code, "start": start, "end": today}
    )
    code, begin, end = user.office.code, start, today
    if form.is_valid():
        code, begin, end = form.cleaned_data["office"], form.cleaned_data["start"], form.cleaned_data["end"]
    figures = None
    if form.is_valid() or not request.GET:
        office = Office.objects.get(code=code)
        raw = statistics(office, begin, end)
        words = {**FIGURES, **word_map()}
        figures = [
            (
                words.get(section, section),
                [
                    (
                        words.get(key, key),
                        ", ".join(f"{words.get(k, k)}: {n}" for k, n in value.items()) or "—"
                        if isinstance(value, dict)
                        else value,
                    )
                    for key, value in raw[section].items()
                ],
            )
            for section in SECTIONS
        ]
    return render(request, "stats/oversight.html", {"form": form, "figures": figures, "start": begin, "end": end})


# --- The dashboard and the periodic reports ------------------------------------------------------------------


@requires(Capability.SCREENING_VIEW)
@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    from garda.core import vocabulary
    from garda.stats import actions, aggregates, charts, figures, workbook
    from garda.stats import dashboard as board

    user = request.user
    assert isinstance(user, User)
    today = timezone.localdate()
    offices = list(offices_in_scope(user).order_by("code"))
    params = request.GET.copy()
    fmt, table_key = params.pop("format", [""])[-1], params.pop("table", [""])[-1]
    outward = params.pop("outward", [""])[-1] == "1"  # a copy for outsiders: counts from 1 to 10 become <11
    form = board.DashboardForm(params or None, offices=offices)
    # A few changed applications are counted now; after a large import the worker counts, and the page says so.
    behind = not aggregates.bring_up_to_date(limit=aggregates.INLINE)
    if behind and aggregates.claim_request():
        from garda.stats.tasks import refresh_aggregates

        refresh_aggregates.enqueue()
    scope = board.scope_from(user, form, today)
    result = figures.compute(scope, today, sections=board.sections_for(user))
    if fmt in ("xlsx", "csv") and (not form.is_bound or form.is_valid()):
        stamp = (
            f"{(scope.codes[0] if len(scope.offices) == 1 else 'semua').lower()}-{scope.start:%Y%m}-{scope.end:%Y%m}"
        )
        if fmt == "xlsx":
            actions.do_export_figures(user, result, fmt=fmt, outward=outward)
            data = workbook.xlsx(result, title="Dasbor statistik", outward=outward)
            response = HttpResponse(data, content_type=XLSX)
            response["Content-Disposition"] = f'attachment; filename="garda-statistik-{stamp}.xlsx"'
            return response
        table = next((t for t in result.tables if t.key == table_key), None)
        if table is None:
            raise Http404
        actions.do_export_figures(user, result, fmt=fmt, table=table.key, outward=outward)
        response = HttpResponse(workbook.table_csv(table, outward=outward), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="garda-{table.key}-{stamp}.csv"'
        return response
    query = params.urlencode()
    return render(
        request,
        "stats/dashboard.html",
        {
            "form": form,
            "scope": scope,
            "category_label": vocabulary.label("category", scope.category) if scope.category else "",
            "sections": charts.charts_for(result.tables),
            "query": query,
            "can_oversight": has_capability(user, Capability.DISCIPLINE_DECIDE),
            "behind": behind,
            "counted_at": aggregates.counted_through() if behind else None,
        },
    )


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class ReportRequestForm(forms.Form):
    office = forms.ChoiceField(label=_("Kantor"), required=False)
    period = forms.CharField(
        label=_("Periode"), max_length=8, help_text=_("Tahun (2025), triwulan (2025-Q3) atau bulan (2025-09).")
    )
    format = forms.ChoiceField(label=_("Format"), choices=[("xlsx", "XLSX"), ("pdf", "PDF")])
    outward = forms.BooleanField(label=_("Untuk pihak luar: samarkan angka kecil (<11)"), required=False)

    def __init__(self, *args: object, offices: list[tuple[str, str]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["office"].choices = offices  # type: ignore[attr-defined]

    def clean_period(self) -> str:
        from garda.stats.periods import parse_period

        try:
            return parse_period(self.cleaned_data["period"]).text
        except ValueError:
            raise forms.ValidationError(_("Tulis periode sebagai 2025, 2025-Q3 atau 2025-09.")) from None


def _reports_of(user: User) -> QuerySet[PeriodicReport]:
    """The reports of the offices in the user's scope (a report of "every office" belongs to the office that asked)."""
    offices = offices_in_scope(user)
    return PeriodicReport.objects.filter(
        Q(office_code__in=offices.values("code")) | Q(office_code="", requested_office__in=offices)
    ).select_related("requested_by")


@requires(Capability.SCREENING_VIEW)
@require_http_methods(["GET", "POST"])
def reports(request: HttpRequest) -> HttpResponse:
    from garda.core.forms import add_action_errors
    from garda.stats import actions

    user = request.user
    assert isinstance(user, User)
    offices = list(offices_in_scope(user).order_by("code"))
    choices = ([("", str(_("Semua kantor dalam wewenang Anda")))] if len(offices) > 1 else []) + [
        (o.code, f"{o.code} — {o.name}") for o in offices
    ]
    today = timezone.localdate()
    quarter = (today.month - 1) // 3 + 1
    last_quarter = f"{today.year}-Q{quarter - 1}" if quarter > 1 else f"{today.year - 1}-Q4"
    form = ReportRequestForm(
        request.POST or None,
        offices=choices,
        initial={"office": "" if len(offices) > 1 else user.office.code, "period": last_quarter},
    )
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_request_report(
                user,
                office_code=form.cleaned_data["office"],
                period=form.cleaned_data["period"],
                fmt=form.cleaned_data["format"],
                outward=form.cleaned_data["outward"],
            )
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, _("Laporan diminta; halaman ini menampilkan kemajuannya."))
            return redirect("stats:reports")
    rows = list(_reports_of(user)[:50])
    busy = any(r.status in (ReportStatus.QUEUED, ReportStatus.RUNNING) for r in rows)
    return render(request, "stats/reports.html", {"form": form, "rows": rows, "busy": busy})


@requires(Capability.SCREENING_VIEW)
@require_GET
def report_file(request: HttpRequest, pk: int) -> HttpResponse:
    from garda.stats import actions

    user = request.user
    assert isinstance(user, User)
    report = _reports_of(user).filter(pk=pk, status=ReportStatus.DONE).first()
    if report is None:
        raise Http404
    data = actions.do_download_report(user, report)
    content_type = XLSX if report.format == "xlsx" else "application/pdf"
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{report.filename}"'
    return response
