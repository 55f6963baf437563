"""Statistics pages: the decision figures of an office, by kind, category and month — the same numbers as
`garda stats decisions`."""

from datetime import date

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from garda.core.access import offices_in_scope, requires
from garda.core.models import User
from garda.core.roles import Capability
from garda.stats.decisions import decision_stats


class PeriodForm(forms.Form):
    office = forms.ChoiceField(label=_("Kantor"))
    start = forms.DateField(label=_("Dari"), widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("Sampai"), widget=forms.DateInput(attrs={"type": "date"}))

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
