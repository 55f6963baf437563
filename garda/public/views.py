"""The public portal's pages: no login, Indonesian first, phone first, nothing loaded from elsewhere."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from garda.core.middleware import public
from garda.core.models import Country
from garda.core.reflists import country_codes, current_items
from garda.public.forms import OfferForm
from garda.public.licences import lookup
from garda.public.offers import Assessment, assess
from garda.whistle.api import ReportForm, Topic, channel_page


@public
@require_GET
def company(request: HttpRequest) -> HttpResponse:
    """Is this company licensed? (GET, so the answer can be shared as a link; the query is not stored.)"""
    query = request.GET.get("q", "")
    answer = lookup(query) if query.strip() else None
    return render(request, "public/company.html", {"answer": answer, "query": query})


# The offer check is kept as the reporting channel's pages are (never cached, no referrer), because what a person
# tells it may become a report; it is posted, so it never sits in a URL or a log. It changes nothing, so there is
# no form token to check.
@channel_page(token_check=False)
@require_http_methods(["GET", "POST"])
def offer_check(request: HttpRequest) -> HttpResponse:
    form = OfferForm(request.POST or None)
    assessment = assess(form.offer()) if request.method == "POST" and form.is_valid() else None
    status = 400 if form.errors else 200
    return render(request, "public/offer.html", {"form": form, "assessment": assessment}, status=status)


@channel_page(token_check=False)
@require_POST
def offer_report(request: HttpRequest) -> HttpResponse:
    """The person chose to report the offer: the channel's form, filled in with the offer and its signs, for them to
    read, change and send. Nothing is kept until they send it."""
    form = OfferForm(request.POST)
    if not form.is_valid():
        return render(request, "public/offer.html", {"form": form, "assessment": None}, status=400)
    assessment = assess(form.offer())
    unlicensed = {"unlicensed_company", "expired_licence", "fees_to_recruiter", "no_company"}
    topic = Topic.ILLEGAL_AGENT if unlicensed & {s.code for s in assessment.signs} else Topic.RECRUITMENT
    initial = {"topic": topic, "what": summary(form, assessment), "people": form.cleaned_data["company"]}
    return render(request, "whistle/report_form.html", {"form": ReportForm(initial=initial)})


def summary(form: OfferForm, assessment: Assessment) -> str:
    """The offer as the report's first draft, in the person's language."""
    data = form.cleaned_data
    labels = {name: dict(form.fields[name].choices) for name in ("country", "job", "contact", "fees")}  # type: ignore[attr-defined]
    lines = [_("Tawaran kerja yang saya periksa dengan Cek Tawaran Kerja:")]
    for name, label in (
        ("country", _("Negara tujuan")),
        ("job", _("Pekerjaan")),
        ("contact", _("Datang dari")),
        ("fees", _("Biaya")),
    ):
        if data[name]:
            lines.append(f"{label}: {labels[name][data[name]]}")
    if data["salary"] is not None:
        amount = f"{data['salary']:,}".replace(",", ".")
        lines.append(f"{_('Gaji per bulan')}: Rp {amount}")
    if data["company"]:
        lines.append(f"{_('Perusahaan')}: {data['company']}")
    if assessment.signs:
        lines.append(_("Tanda bahaya yang ditemukan:"))
        lines += [f"- {sign.title}" for sign in assessment.signs]
    if data["description"].strip():
        lines += ["", data["description"].strip()]
    return "\n".join(lines)


@public
@require_GET
def safe(request: HttpRequest) -> HttpResponse:
    """How to go abroad safely: the official routes, and the documents per purpose from the current reference
    lists, so the page changes when the office revises a list."""
    context = {
        "purposes": current_items("required_documents_by_purpose"),
        "moratorium": Country.objects.filter(alpha2__in=country_codes("moratorium_middle_east")),
        "scam": Country.objects.filter(alpha2__in=country_codes("scam_compound_countries")),
    }
    return render(request, "public/safe.html", context)
