"""The job-offer form: every question optional, because a person may know only part of the offer; the answers
are read by `offers.assess` and never stored."""

import re
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from garda.core.models import Country
from garda.public.offers import Offer

JOB_CHOICES = [
    ("", _("Belum tahu / tidak disebut")),
    ("domestic", _("Pekerja rumah tangga, pengasuh anak atau lansia di rumah, sopir pribadi")),
    ("factory", _("Pabrik atau manufaktur")),
    ("construction", _("Konstruksi")),
    ("plantation", _("Perkebunan atau pertanian")),
    ("fishing", _("Awak kapal perikanan (ABK)")),
    ("hospitality", _("Hotel atau restoran")),
    ("health", _("Perawat atau tenaga kesehatan di rumah sakit atau panti")),
    ("online", _("Admin, customer service, operator atau marketing online")),
    ("office", _("Pekerjaan kantor")),
    ("entertainment", _("Hiburan malam, karaoke, spa atau pijat")),
    ("other", _("Lainnya")),
    ("unknown", _("Pekerjaannya tidak dijelaskan")),
]
QUALIFICATION_CHOICES = [
    ("", _("Belum tahu")),
    ("none", _("Tidak ada syarat keahlian, pengalaman atau bahasa")),
    ("some", _("Ada syarat atau tes keahlian, pengalaman atau bahasa")),
]
FEE_CHOICES = [
    ("", _("Belum tahu")),
    ("none", _("Tidak ada biaya")),
    ("official", _("Hanya biaya resmi (paspor, pemeriksaan kesehatan) yang saya bayar langsung ke instansinya")),
    ("to_recruiter", _("Saya diminta membayar perekrut, sponsor atau perusahaan")),
    ("salary_cut", _("Biaya ditalangi, lalu dipotong dari gaji")),
]
CONTACT_CHOICES = [
    ("", _("Tidak disebut")),
    ("social_media", _("Iklan atau akun di media sosial")),
    ("messaging_stranger", _("Pesan dari orang tak dikenal (WhatsApp, Telegram, SMS)")),
    ("acquaintance", _("Teman, tetangga, kenalan atau sponsor")),
    ("family", _("Keluarga")),
    ("company_office", _("Di kantor perusahaan penempatan")),
    ("disnaker", _("Disnaker, BP3MI, KP2MI atau bursa kerja resmi")),
]
DOCUMENT_CHOICES = [
    ("contract", _("Perjanjian kerja yang sudah saya baca")),
    ("work_visa", _("Visa kerja")),
    ("disnaker_recommendation", _("Rekomendasi paspor dari Disnaker")),
    ("id_pmi", _("ID PMI")),
]
ASKED_CHOICES = [
    ("say_tourist", _("Mengaku berwisata, umrah atau berkunjung saat wawancara paspor")),
    ("visit_visa", _("Berangkat dengan visa turis, kunjungan atau umrah")),
    ("passport_held", _("Menyerahkan paspor atau KTP kepada perekrut atau majikan")),
    ("transit", _("Terbang ke satu negara, lalu dijemput dan dibawa ke negara lain")),
    ("no_contract", _("Berangkat tanpa kontrak, atau kontrak dibuat nanti di sana")),
    ("secrecy", _("Merahasiakan keberangkatan dari keluarga")),
]

_AMOUNT = re.compile(
    r"^(?:rp\.?)?\s*(\d{1,3}(?:[.,]\d{3})+|\d+(?:[.,]\d+)?)\s*(juta|jt)?\s*(?:/\s*bulan|per bulan|sebulan)?$"
)


def parse_rupiah(text: str) -> int | None:
    """'8.000.000', 'Rp 8.000.000', '8 juta', '8,5 jt', '8000000' → rupiah; None when it is not an amount."""
    match = _AMOUNT.match(" ".join(text.lower().split()))
    if match is None:
        return None
    number, unit = match.groups()
    if unit:
        if number.count(".") + number.count(",") > 1:
            return None
        return int(float(number.replace(",", ".")) * 1_000_000)
    digits = re.sub(r"[.,]", "", number)
    return int(digits) if len(digits) <= 12 else None


class OfferForm(forms.Form):
    country = forms.ChoiceField(label=_("Negara tujuan"), required=False)
    job = forms.ChoiceField(label=_("Pekerjaan yang ditawarkan"), choices=JOB_CHOICES, required=False)
    salary = forms.CharField(
        label=_("Gaji yang dijanjikan, rupiah per bulan"),
        required=False,
        max_length=40,
        help_text=_("Misalnya 8.000.000 atau 8 juta. Kosongkan bila belum tahu."),
    )
    qualifications = forms.ChoiceField(
        label=_("Syarat yang diminta"), choices=QUALIFICATION_CHOICES, required=False, widget=forms.RadioSelect
    )
    fees = forms.ChoiceField(
        label=_("Siapa yang membayar biaya keberangkatan?"),
        choices=FEE_CHOICES,
        required=False,
        widget=forms.RadioSelect,
    )
    contact = forms.ChoiceField(label=_("Dari mana tawaran ini datang?"), choices=CONTACT_CHOICES, required=False)
    documents = forms.MultipleChoiceField(
        label=_("Yang sudah Anda lihat atau terima"),
        choices=DOCUMENT_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    asked = forms.MultipleChoiceField(
        label=_("Apakah Anda diminta atau diberi tahu untuk"),
        choices=ASKED_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    company = forms.CharField(
        label=_("Nama perusahaan yang merekrut"),
        required=False,
        max_length=200,
        help_text=_("Perusahaan penempatan di Indonesia (P3MI), bila disebut."),
    )
    description = forms.CharField(
        label=_("Ceritakan tawarannya dengan kata-kata Anda sendiri"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Boleh menempelkan pesan lowongan. Jangan menulis nama atau nomor Anda sendiri."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        countries = Country.objects.order_by("name_id").values_list("alpha2", "name_id")
        self.fields["country"].choices = [("", _("Belum tahu / tidak disebut")), *countries]  # type: ignore[attr-defined]
        for name in ("company", "salary"):
            self.fields[name].widget.attrs["autocomplete"] = "off"
        self.fields["salary"].widget.attrs["inputmode"] = "decimal"

    def clean_salary(self) -> int | None:
        text = (self.cleaned_data.get("salary") or "").strip()
        if not text:
            return None
        amount = parse_rupiah(text)
        if amount is None:
            raise forms.ValidationError(
                _("Tulis gaji sebagai angka rupiah per bulan, misalnya 8.000.000 atau 8 juta."), code="amount"
            )
        return amount

    def offer(self) -> Offer:
        data = self.cleaned_data
        return Offer(
            country=data["country"],
            job=data["job"],
            salary=data["salary"],
            qualifications=data["qualifications"],
            fees=data["fees"],
            contact=data["contact"],
            documents=frozenset(data["documents"]),
            asked=frozenset(data["asked"]),
            company=data["company"],
            description=data["description"],
        )
