"""The public statistics page: no login, small cells suppressed."""

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from garda.core.middleware import public
from garda.core.models import Office
from garda.core.models.offices import OfficeKind
from garda.core.statistics import SMALL_CELL
from garda.stats.public import public_figures, years_with_decisions


class PublicPeriodForm(forms.Form):
    kantor = forms.ChoiceField(label=_("Kantor imigrasi"), required=False)
    tahun = forms.TypedChoiceField(label=_("Tahun"), coerce=int, required=False)

    def __init__(self, *args: object, years: list[int], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        offices = Office.objects.filter(kind=OfficeKind.KANIM).order_by("name").values_list("code", "name")
        self.fields["kantor"].choices = [("", _("Seluruh Indonesia")), *offices]  # type: ignore[attr-defined]
        self.fields["tahun"].choices = [(y, str(y)) for y in years]  # type: ignore[attr-defined]


@public
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    """Opens on the latest year with decisions, for the whole country; the form narrows it to one office."""
    years = years_with_decisions()
    form = PublicPeriodForm(request.GET or None, years=years)
    figures = None
    if years and (not request.GET or form.is_valid()):
        data = form.cleaned_data if request.GET else {}
        office = Office.objects.filter(code=data.get("kantor")).first() if data.get("kantor") else None
        figures = public_figures(office, data.get("tahun") or years[0], timezone.localdate())
    status = 400 if form.errors else 200
    return render(request, "stats/public.html", {"form": form, "figures": figures, "k": SMALL_CELL}, status=status)
