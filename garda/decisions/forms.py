"""Forms of the decision steps."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from garda.core.reflists import current_items
from garda.decisions.models import Kind
from garda.screening.forms import DOCUMENTS

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
    legal_bases = forms.MultipleChoiceField(label=_("Dasar hukum"), choices=[], widget=forms.CheckboxSelectMultiple)
    documents_requested = forms.MultipleChoiceField(
        label=_("Dokumen yang diminta (penundaan)"),
        choices=DOCUMENTS,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    passport_number = forms.CharField(label=_("Nomor paspor (pembatalan)"), max_length=32, required=False)
    suspension_until = forms.DateField(
        label=_("Ditangguhkan sampai"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["legal_bases"].choices = [  # type: ignore[attr-defined]
            (
                item["code"],
                f"{item['article']} — {item['title_id']}" + (" (perlu verifikasi)" if item.get("uncertain") else ""),
            )
            for item in current_items("legal_bases")
        ]


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
