"""Oversight's forms."""

from typing import Any

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from garda.core.forms import _label_blank_choices
from garda.core.models import Office, User
from garda.core.models.offices import OfficeKind
from garda.oversight.models import InspectionKind, InspectionScope, Severity


class InvestigationForm(forms.Form):
    subject = forms.ModelChoiceField(label=_("Petugas"), queryset=User.objects.none(), required=False)
    subject_description = forms.CharField(
        label=_("Uraian petugas (bila tidak ada di daftar)"), max_length=300, required=False
    )
    allegation = forms.CharField(
        label=_("Dugaan pelanggaran"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, office: Office, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The officer concerned may work at this office or nationally (a national reviewer, say).
        staff = User.objects.filter(Q(office=office) | Q(office__kind=OfficeKind.NATIONAL), is_active=True)
        self.fields["subject"].queryset = staff.order_by("full_name")  # type: ignore[attr-defined]
        _label_blank_choices(self)


class DateInput(forms.DateInput):
    input_type = "date"


class InspectionPlanForm(forms.Form):
    office = forms.ModelChoiceField(label=_("Kantor"), queryset=Office.objects.none())
    kind = forms.ChoiceField(
        label=_("Jenis"),
        choices=InspectionKind.choices,
        widget=forms.RadioSelect,
        help_text=_("Inspeksi mendadak: tanggalnya diundi dari benih acak di antara hari kerja mendatang."),
    )
    scope = forms.ChoiceField(label=_("Yang diperiksa"), choices=InspectionScope.choices)
    period_start = forms.DateField(label=_("Periode berkas dari"), widget=DateInput)
    period_end = forms.DateField(label=_("Periode berkas sampai"), widget=DateInput)
    planned_for = forms.DateField(
        label=_("Tanggal inspeksi (berkala)"), required=False, widget=DateInput, help_text=_("Kosongkan bila mendadak.")
    )
    team = forms.CharField(label=_("Anggota tim"), max_length=300, required=False)
    confidence = forms.DecimalField(label=_("Tingkat keyakinan (%)"), min_value=50, max_value=99.9, decimal_places=1)
    tolerable = forms.DecimalField(
        label=_("Penyimpangan yang dapat ditoleransi (%)"), min_value=0.1, max_value=50, decimal_places=1
    )
    expected = forms.DecimalField(
        label=_("Penyimpangan yang diperkirakan (%)"), min_value=0, max_value=49.9, decimal_places=1
    )

    def __init__(self, *args: Any, offices: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["office"].queryset = offices.order_by("code")  # type: ignore[attr-defined]
        _label_blank_choices(self)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("kind") == InspectionKind.PERIODIC and not data.get("planned_for"):
            self.add_error("planned_for", _("Tanggal inspeksi berkala wajib diisi."))
        return data


ANSWER_CHOICES = [("yes", _("Sesuai")), ("no", _("Tidak sesuai")), ("na", _("Tidak berlaku"))]


class ChecklistForm(forms.Form):
    """One radio group per question of the checklist version the inspection was planned under."""

    note = forms.CharField(
        label=_("Catatan pemeriksa"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Wajib bila ada yang tidak sesuai: apa yang dilihat, di mana."),
    )

    def __init__(self, *args: Any, questions: list[dict[str, Any]], language: str = "id", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.questions = questions
        for q in questions:
            title = q.get("title_en") if language == "en" else q.get("title_id")
            step = q.get("step_en") if language == "en" else q.get("step_id")
            self.fields[f"q_{q['code']}"] = forms.ChoiceField(
                label=f"{step}: {title}", choices=ANSWER_CHOICES, widget=forms.RadioSelect
            )
        self.order_fields([*(f"q_{q['code']}" for q in questions), "note"])

    def answers(self) -> dict[str, str]:
        return {q["code"]: self.cleaned_data[f"q_{q['code']}"] for q in self.questions}


class FindingForm(forms.Form):
    severity = forms.ChoiceField(label=_("Tingkat temuan"), choices=Severity.choices)
    description = forms.CharField(label=_("Temuan"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3}))
    evidence = forms.CharField(
        label=_("Bukti"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Dokumen, rekaman, keterangan yang dilihat — cukup untuk diperiksa ulang."),
    )
    officer = forms.ModelChoiceField(label=_("Petugas yang bersangkutan"), queryset=User.objects.none(), required=False)
    owner = forms.ModelChoiceField(label=_("Penanggung jawab tindak lanjut"), queryset=User.objects.none())
    due = forms.DateField(
        label=_("Batas waktu"),
        required=False,
        widget=DateInput,
        help_text=_("Kosongkan: sesuai tingkat temuan (daftar parameter inspeksi)."),
    )

    def __init__(self, *args: Any, office: Office, owners: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["officer"].queryset = User.objects.filter(office=office).order_by("full_name")  # type: ignore[attr-defined]
        self.fields["owner"].queryset = owners.order_by("full_name")  # type: ignore[attr-defined]
        _label_blank_choices(self)


class NoteForm(forms.Form):
    note = forms.CharField(label=_("Catatan"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3}))


class ConclusionForm(forms.Form):
    conclusion = forms.CharField(
        label=_("Kesimpulan dan rekomendasi"), max_length=10000, widget=forms.Textarea(attrs={"rows": 4})
    )


class SignalComputeForm(forms.Form):
    office = forms.ModelChoiceField(label=_("Kantor"), queryset=Office.objects.none())
    start = forms.DateField(label=_("Periode dari"), widget=DateInput)
    end = forms.DateField(label=_("Periode sampai"), widget=DateInput)

    def __init__(self, *args: Any, offices: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["office"].queryset = offices.order_by("code")  # type: ignore[attr-defined]
        _label_blank_choices(self)


class SignalReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Alasan menutup tanpa pemeriksaan"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Penjelasan yang ditemukan atau pengecekan yang dilakukan (paling sedikit 10 huruf)."),
    )


class SignalEscalateForm(forms.Form):
    allegation = forms.CharField(
        label=_("Dugaan pelanggaran yang diperiksa"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )
