"""Forms of the decision steps."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from garda.core.forms import DateInput
from garda.decisions import legal
from garda.decisions.models import Kind
from garda.screening.api import DOCUMENT_CHOICES

CATEGORY_CHOICES = [
    ("non_procedural", _("Dugaan PMI non-prosedural")),
    ("inconsistency", _("Data atau keterangan tidak sesuai")),
    ("illegal_agent", _("Direkrut atau didampingi agen ilegal")),
    ("agency_report", _("Laporan instansi terkait")),
    ("prior_decision", _("Keputusan terdahulu")),
    ("administrative", _("Administratif")),
]


class ProposalForm(forms.Form):
    kind = forms.ChoiceField(label=_("Jenis keputusan"), choices=Kind.choices)
    categories = forms.MultipleChoiceField(
        label=_("Dasar (kategori)"), choices=CATEGORY_CHOICES, widget=forms.CheckboxSelectMultiple
    )
    findings = forms.CharField(
        label=_("Temuan petugas"), widget=forms.Textarea(attrs={"rows": 4}), min_length=10, max_length=5000
    )
    facts = forms.MultipleChoiceField(
        label=_("Fakta dari penyaringan yang dinyatakan dalam surat"),
        choices=[],
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Pilih temuan penyaringan yang telah Anda periksa; kalimatnya dikutip dalam surat."),
    )
    legal_bases = forms.MultipleChoiceField(label=_("Dasar hukum"), choices=[], widget=forms.CheckboxSelectMultiple)
    documents_requested = forms.MultipleChoiceField(
        label=_("Dokumen yang diminta (penundaan)"),
        choices=DOCUMENT_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    passport_number = forms.CharField(label=_("Nomor paspor (pembatalan)"), max_length=32, required=False)
    suspension_until = forms.DateField(label=_("Ditangguhkan sampai"), required=False, widget=DateInput())

    def __init__(self, *args: Any, facts: list[tuple[str, str]] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["legal_bases"].choices = legal.choices()  # type: ignore[attr-defined]
        waiting = legal.awaiting_verification()
        if waiting:
            self.fields["legal_bases"].help_text = _(
                "Belum dapat dikutip sampai diverifikasi administrator nasional: %(items)s."
            ) % {"items": "; ".join(b.article for b in waiting)}
        self.fact_texts = dict(facts or [])
        self.fields["facts"].choices = list(facts or [])  # type: ignore[attr-defined]
        if not facts:
            del self.fields["facts"]

    def chosen_facts(self) -> list[dict[str, str]]:
        return [{"code": c.split(":", 1)[-1], "text": self.fact_texts[c]} for c in self.cleaned_data.get("facts", [])]


class ExaminationForm(forms.Form):
    statement = forms.CharField(
        label=_("Keterangan yang diberikan pemohon/pemegang paspor"),
        widget=forms.Textarea(attrs={"rows": 4}),
        min_length=10,
        max_length=5000,
    )
    findings = forms.CharField(
        label=_("Hasil pemeriksaan"), widget=forms.Textarea(attrs={"rows": 4}), min_length=10, max_length=5000
    )
    subject_signed = forms.BooleanField(
        label=_("Yang diperiksa menandatangani berita acara"), required=False, initial=True
    )
    refusal_note = forms.CharField(label=_("Bila menolak menandatangani: keadaannya"), required=False, max_length=1000)


class CuttingForm(forms.Form):
    cut_at = forms.DateTimeField(
        label=_("Waktu pengguntingan"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    witnesses = forms.CharField(
        label=_("Saksi (satu nama per baris)"), widget=forms.Textarea(attrs={"rows": 2}), max_length=1000
    )
    holder_signed = forms.BooleanField(
        label=_("Pemegang paspor menandatangani berita acara"), required=False, initial=True
    )
    refusal_note = forms.CharField(label=_("Bila menolak menandatangani: keadaannya"), required=False, max_length=1000)


class StepForm(forms.Form):
    reason = forms.CharField(
        label=_("Alasan"), widget=forms.Textarea(attrs={"rows": 3}), min_length=10, max_length=3000
    )


class VerifyForm(forms.Form):
    code = forms.CharField(label=_("Kode verifikasi"), max_length=20)


class FollowUpForm(forms.Form):
    kind = forms.ChoiceField(label=_("Tindak lanjut"), choices=[])
    note = forms.CharField(label=_("Catatan"), widget=forms.Textarea(attrs={"rows": 3}), min_length=10, max_length=3000)

    def __init__(self, *args: Any, choices: list[tuple[str, Any]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = choices  # type: ignore[attr-defined]
