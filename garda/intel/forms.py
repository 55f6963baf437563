"""Entering a partner agency's report by hand (the letter arrived on paper or by e-mail)."""

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from garda.core.forms import DateInput
from garda.core.vocabulary import VOCABULARY
from garda.intel.models import AGENCIES

CATEGORY_LABELS = {code: capfirst(word) for code, word in VOCABULARY["report_category"].items()}
ROLE_LABELS = {code: capfirst(word) for code, word in VOCABULARY["report_role"].items()}
SUBJECTS = 3
SUBJECT_FIELDS = ("role", "full_name", "nik", "birth_date", "sex", "phone", "passport_number", "organisation")


class ReportForm(forms.Form):
    agency = forms.ChoiceField(label=_("Instansi pelapor"), choices=[(a, a) for a in AGENCIES])
    reference = forms.CharField(label=_("Nomor surat"), max_length=200, required=False)
    received_at = forms.DateTimeField(
        label=_("Diterima"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
    )
    category = forms.ChoiceField(label=_("Kategori"), choices=list(CATEGORY_LABELS.items()))
    destination_country = forms.CharField(label=_("Negara tujuan (kode ISO)"), max_length=2, required=False)
    summary = forms.CharField(label=_("Ringkasan"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    valid_until = forms.DateField(label=_("Berlaku sampai"), required=False, widget=DateInput())

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for n in range(1, SUBJECTS + 1):
            required = n == 1
            self.fields[f"s{n}_role"] = forms.ChoiceField(
                label=_("Peran"), choices=[("", "—"), *ROLE_LABELS.items()], required=required
            )
            self.fields[f"s{n}_full_name"] = forms.CharField(label=_("Nama"), max_length=200, required=False)
            self.fields[f"s{n}_nik"] = forms.CharField(label=_("NIK"), max_length=20, required=False)
            self.fields[f"s{n}_birth_date"] = forms.DateField(
                label=_("Tanggal lahir"), required=False, widget=DateInput()
            )
            self.fields[f"s{n}_sex"] = forms.ChoiceField(
                label=_("Jenis kelamin"),
                choices=[("", "—"), ("M", _("Laki-laki")), ("F", _("Perempuan"))],
                required=False,
            )
            self.fields[f"s{n}_phone"] = forms.CharField(label=_("Telepon"), max_length=30, required=False)
            self.fields[f"s{n}_passport_number"] = forms.CharField(
                label=_("Nomor paspor"), max_length=30, required=False
            )
            self.fields[f"s{n}_organisation"] = forms.CharField(
                label=_("Organisasi/perusahaan"), max_length=200, required=False
            )

    def report_fields(self) -> list[Any]:
        return [
            self[name]
            for name in (
                "agency",
                "reference",
                "received_at",
                "category",
                "destination_country",
                "summary",
                "valid_until",
            )
        ]

    def subject_groups(self) -> list[list[Any]]:
        return [[self[f"s{n}_{name}"] for name in SUBJECT_FIELDS] for n in range(1, SUBJECTS + 1)]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for n in range(1, SUBJECTS + 1):
            filled = [name for name in SUBJECT_FIELDS[1:] if data.get(f"s{n}_{name}")]
            if filled and not data.get(f"s{n}_role"):
                self.add_error(f"s{n}_role", _("Pilih peran subjek ini."))
            if data.get(f"s{n}_role") and not filled:
                self.add_error(f"s{n}_full_name", _("Isi paling sedikit nama, NIK, telepon atau organisasi."))
        return data

    def to_record(self, external_id: str) -> dict[str, Any]:
        d = self.cleaned_data
        received = d["received_at"]
        if timezone.is_naive(received):
            received = timezone.make_aware(received)
        record: dict[str, Any] = {
            "id": external_id,
            "agency": d["agency"],
            "received_at": received.isoformat(timespec="seconds"),
            "category": d["category"],
            "subjects": [],
        }
        for name in ("reference", "summary"):
            if d.get(name):
                record[name] = d[name].strip()
        if d.get("destination_country"):
            record["destination_country"] = d["destination_country"].strip().upper()
        if d.get("valid_until"):
            record["valid_until"] = d["valid_until"].isoformat()
        for n in range(1, SUBJECTS + 1):
            if not d.get(f"s{n}_role"):
                continue
            subject: dict[str, Any] = {"role": d[f"s{n}_role"]}
            for name in SUBJECT_FIELDS[1:]:
                value = d.get(f"s{n}_{name}")
                if value:
                    subject[name] = value.isoformat() if name == "birth_date" else str(value).strip()
            if "full_name" in subject:
                subject["full_name"] = subject["full_name"].upper()
            record["subjects"].append(subject)
        return record
