"""Forms of Program Desa Binaan. Attendance is one number per sex and age band; speakers are one per line in two
lists (intelligence, document services), as the office's event report names them."""

from datetime import date
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from garda.core.forms import DateInput, office_staff
from garda.core.models import Country, User
from garda.outreach.models import AgeBand, ContactRole, Sex, Topic, WarningKind
from garda.whistle.api import FilesField

SPEAKER_UNITS = (
    ("intel", _("Narasumber dari Bidang Intelijen dan Penindakan")),
    ("dokim", _("Narasumber dari Bidang Dokumen Perjalanan")),
    ("other", _("Narasumber lain (instansi mitra, tokoh)")),
)


def attendance_field(sex: str, band: str) -> str:
    return f"att_{sex}_{band}"


class VillageForm(forms.Form):
    region_code = forms.CharField(
        label=_("Kode desa/kelurahan (Kemendagri)"),
        max_length=16,
        help_text=_("Sepuluh angka, boleh dengan titik: 31.74.01.1001."),
    )
    officer = forms.ModelChoiceField(label=_("Petugas PIMPASA"), queryset=User.objects.none())
    joined_on = forms.DateField(label=_("Menjadi desa binaan sejak"), widget=DateInput())

    def __init__(self, *args: Any, office_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["officer"].queryset = office_staff(office_id)  # type: ignore[attr-defined]


class OfficerForm(forms.Form):
    officer = forms.ModelChoiceField(label=_("Petugas PIMPASA"), queryset=User.objects.none())

    def __init__(self, *args: Any, office_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["officer"].queryset = office_staff(office_id)  # type: ignore[attr-defined]


class EventForm(forms.Form):
    held_on = forms.DateField(label=_("Tanggal"), widget=DateInput())
    title = forms.CharField(label=_("Judul kegiatan"), max_length=200)
    place = forms.CharField(label=_("Tempat"), max_length=200)
    topics = forms.MultipleChoiceField(label=_("Materi"), choices=Topic.choices, widget=forms.CheckboxSelectMultiple)
    notes = forms.CharField(
        label=_("Catatan"), required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )
    photos = FilesField(
        label=_("Foto kegiatan"),
        required=False,
        help_text=_("JPEG, PNG atau WEBP. Lokasi, kamera dan waktu di dalam foto dibuang sebelum disimpan."),
    )
    photo_caption = forms.CharField(label=_("Keterangan foto"), required=False, max_length=300)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for unit, label in SPEAKER_UNITS:
            self.fields[f"speakers_{unit}"] = forms.CharField(
                label=label,
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 2}),
                help_text=_("Satu nama per baris."),
            )
        for sex, sex_label in Sex.choices:
            for band, band_label in AgeBand.choices:
                self.fields[attendance_field(sex, band)] = forms.IntegerField(
                    label=f"{sex_label}, {band_label}", min_value=0, max_value=100_000, initial=0, required=False
                )

    def clean_held_on(self) -> date:
        held_on: date = self.cleaned_data["held_on"]
        if held_on > timezone.localdate():
            raise forms.ValidationError(_("Kegiatan yang dicatat tidak boleh bertanggal di masa depan."))
        return held_on

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        speakers = [
            {"name": line.strip(), "unit": unit}
            for unit, _label in SPEAKER_UNITS
            for line in (data.get(f"speakers_{unit}") or "").splitlines()
            if line.strip()
        ]
        if not speakers:
            self.add_error("speakers_intel", _("Sebutkan paling sedikit satu narasumber."))
        data["speakers"] = speakers
        data["attendance"] = {
            (sex, band): data.get(attendance_field(sex, band)) or 0 for sex in Sex.values for band in AgeBand.values
        }
        if not any(data["attendance"].values()):
            self.add_error(None, _("Isi jumlah peserta menurut jenis kelamin dan kelompok umur."))
        return data

    def speaker_fields(self) -> list[Any]:
        return [self[f"speakers_{unit}"] for unit, _label in SPEAKER_UNITS]

    def attendance_rows(self) -> list[tuple[str, list[Any]]]:
        return [
            (str(sex_label), [self[attendance_field(sex, band)] for band in AgeBand.values])
            for sex, sex_label in Sex.choices
        ]


class FollowUpForm(forms.Form):
    action = forms.CharField(label=_("Tindak lanjut"), max_length=500)
    due_on = forms.DateField(label=_("Batas waktu"), widget=DateInput())
    assigned_to = forms.ModelChoiceField(label=_("Penanggung jawab"), queryset=User.objects.none())

    def __init__(self, *args: Any, office_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["assigned_to"].queryset = office_staff(office_id)  # type: ignore[attr-defined]


class CompleteForm(forms.Form):
    done_on = forms.DateField(label=_("Tanggal selesai"), widget=DateInput())
    outcome = forms.CharField(label=_("Hasil"), max_length=5000, widget=forms.Textarea(attrs={"rows": 2}))


class WarningForm(forms.Form):
    received_on = forms.DateField(label=_("Tanggal informasi diterima"), widget=DateInput())
    kind = forms.ChoiceField(label=_("Jenis informasi"), choices=WarningKind.choices)
    contact_role = forms.ChoiceField(label=_("Pemberi informasi"), choices=ContactRole.choices)
    summary = forms.CharField(
        label=_("Isi informasi"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Jangan menulis nama pemberi informasi: cukup perannya di atas."),
    )
    destination_country = forms.ChoiceField(label=_("Negara tujuan (bila disebut)"), required=False)
    person_name = forms.CharField(label=_("Nama warga yang berisiko"), required=False, max_length=200)
    person_nik = forms.RegexField(
        label=_("NIK warga yang berisiko"),
        regex=r"^\d{16}$",
        required=False,
        error_messages={"invalid": _("NIK terdiri dari 16 angka.")},
    )
    person_phone = forms.CharField(label=_("Telepon warga yang berisiko"), required=False, max_length=40)
    recruiter_name = forms.CharField(label=_("Nama perekrut atau calo"), required=False, max_length=200)
    recruiter_phone = forms.CharField(label=_("Telepon perekrut atau calo"), required=False, max_length=40)
    company = forms.CharField(label=_("Perusahaan yang disebut"), required=False, max_length=200)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        countries = Country.objects.order_by("name_id").values_list("alpha2", "name_id")
        self.fields["destination_country"].choices = [("", "—"), *countries]  # type: ignore[attr-defined]

    def subjects(self) -> list[dict[str, Any]]:
        """The people and company named, in the agency-report contract's terms."""
        d = self.cleaned_data
        found: list[dict[str, Any]] = []
        person = {"full_name": d["person_name"], "nik": d["person_nik"], "phone": d["person_phone"]}
        if any(person.values()):
            found.append({"role": "victim", **{k: v for k, v in person.items() if v}})
        recruiter = {"full_name": d["recruiter_name"], "phone": d["recruiter_phone"]}
        if any(recruiter.values()):
            found.append({"role": "recruiter", **{k: v for k, v in recruiter.items() if v}})
        if d["company"]:
            found.append({"role": "company", "organisation": d["company"]})
        return found

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not self.errors and not self.subjects():
            self.add_error(
                None, _("Sebutkan paling sedikit satu nama, NIK atau telepon warga atau perekrut, atau perusahaannya.")
            )
        return data
