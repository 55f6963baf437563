"""Statistics pages: the decision figures of an office, by kind, category and month — the same numbers as
`garda stats decisions`."""

from datetime import date

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from garda.core.access import offices_in_scope, requires
from garda.core.forms import DateInput
from garda.core.models import User
from garda.core.roles import Capability
from garda.stats.decisions import decision_stats


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
