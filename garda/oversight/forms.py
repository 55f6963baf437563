"""Oversight's forms."""

from typing import Any

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from garda.core.forms import DateInput, _label_blank_choices
from garda.core.models import Office, User
from garda.core.models.offices import OfficeKind
from garda.oversight.models import (
    Agency,
    CourtStage,
    CrimeKind,
    InspectionKind,
    InspectionScope,
    Outcome,
    PtdhGround,
    Relation,
    Severity,
    Verdict,
)
from garda.whistle import api as sealing


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


YES_NO = [("yes", _("Ya")), ("no", _("Tidak"))]


def _catalogue_choices(key: str, *, level: str = "") -> list[tuple[str, str]]:
    from django.utils.translation import get_language

    from garda.core.reflists import current_items

    lang = "en" if (get_language() or "id").startswith("en") else "id"
    return [
        (item["code"], str(item.get(f"title_{lang}") or item.get("title_id")))
        for item in current_items(key)
        if not level or item.get("level") == level
    ]


class SummonsForm(forms.Form):
    examination_on = forms.DateField(label=_("Tanggal pemeriksaan"), widget=DateInput)
    place = forms.CharField(label=_("Tempat pemeriksaan"), max_length=300)


class ExaminationForm(forms.Form):
    examined_on = forms.DateField(label=_("Tanggal pemeriksaan"), widget=DateInput)
    team = forms.CharField(
        label=_("Pemeriksa"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Satu nama per baris. Hukuman sedang atau berat: tim (atasan, kepatuhan, kepegawaian)."),
    )
    statement = forms.CharField(
        label=_("Keterangan petugas"), max_length=20000, widget=forms.Textarea(attrs={"rows": 4})
    )
    findings = forms.CharField(label=_("Hasil pemeriksaan"), max_length=20000, widget=forms.Textarea(attrs={"rows": 3}))


class DisciplineReportForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Hasil"), choices=Outcome.choices)
    offence = forms.ChoiceField(label=_("Pelanggaran"), required=False)
    level = forms.ChoiceField(
        label=_("Tingkat hukuman yang direkomendasikan"),
        required=False,
        choices=[("", "—"), ("ringan", _("Ringan")), ("sedang", _("Sedang")), ("berat", _("Berat"))],
    )
    recommendation = forms.CharField(label=_("Rekomendasi"), max_length=10000, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["offence"].choices = [("", "—"), *_catalogue_choices("discipline_offences")]  # type: ignore[attr-defined]


class ReasonOnlyForm(forms.Form):
    reason = forms.CharField(label=_("Alasan"), max_length=5000, widget=forms.Textarea(attrs={"rows": 2}))


class DecreeForm(forms.Form):
    sanction = forms.ChoiceField(label=_("Hukuman"))
    number = forms.CharField(label=_("Nomor keputusan"), max_length=64)
    on = forms.DateField(label=_("Tanggal keputusan"), widget=DateInput)

    def __init__(self, *args: Any, level: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["sanction"].choices = _catalogue_choices("discipline_sanctions", level=level)  # type: ignore[attr-defined]


class DeliveryForm(forms.Form):
    delivered_on = forms.DateField(label=_("Tanggal diterima petugas"), widget=DateInput)


class ObjectionForm(forms.Form):
    route = forms.ChoiceField(
        label=_("Upaya"), choices=[("keberatan", _("Keberatan")), ("banding", _("Banding ke BPASN"))]
    )
    filed_on = forms.DateField(label=_("Tanggal diajukan"), widget=DateInput)
    note = forms.CharField(label=_("Catatan"), max_length=5000, widget=forms.Textarea(attrs={"rows": 2}))


class ObjectionDecisionForm(forms.Form):
    granted = forms.ChoiceField(label=_("Keberatan dikabulkan?"), choices=YES_NO, widget=forms.RadioSelect)
    sanction_after = forms.ChoiceField(
        label=_("Hukuman setelah putusan"), required=False, help_text=_("Kosong: hukuman dibatalkan.")
    )
    note = forms.CharField(label=_("Pertimbangan"), max_length=5000, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["sanction_after"].choices = [("", "—"), *_catalogue_choices("discipline_sanctions")]  # type: ignore[attr-defined]


class CloseForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Hasil"),
        choices=[(o.value, o.label) for o in (Outcome.NOT_PROVEN, Outcome.ETHICS, Outcome.NO_VIOLATION)],
    )
    reason = forms.CharField(label=_("Alasan penutupan"), max_length=5000, widget=forms.Textarea(attrs={"rows": 2}))


class ConfirmCloseForm(forms.Form):
    confirm = forms.ChoiceField(label=_("Setuju ditutup?"), choices=YES_NO, widget=forms.RadioSelect)
    reason = forms.CharField(label=_("Alasan"), max_length=5000, widget=forms.Textarea(attrs={"rows": 2}))


class ReferralForm(forms.Form):
    agency = forms.ChoiceField(label=_("Dirujuk kepada"), choices=Agency.choices)
    crime = forms.ChoiceField(label=_("Dugaan tindak pidana"), choices=CrimeKind.choices)
    summary = forms.CharField(label=_("Uraian"), max_length=10000, widget=forms.Textarea(attrs={"rows": 3}))


class CourtStageForm(forms.Form):
    stage = forms.ChoiceField(label=_("Tahap"), choices=[c for c in CourtStage.choices if c[0] != "referred"])
    on = forms.DateField(label=_("Tanggal"), widget=DateInput)
    verdict = forms.ChoiceField(label=_("Putusan"), choices=[("", "—"), *Verdict.choices], required=False)
    sentence_months = forms.IntegerField(label=_("Pidana penjara (bulan)"), min_value=1, max_value=600, required=False)
    related_to_position = forms.BooleanField(
        label=_("Kejahatan jabatan atau berhubungan dengan jabatan"), required=False
    )
    planned = forms.BooleanField(label=_("Tindak pidana berencana"), required=False)
    note = forms.CharField(label=_("Catatan"), max_length=5000, widget=forms.Textarea(attrs={"rows": 2}))


class PtdhForm(forms.Form):
    ground = forms.ChoiceField(label=_("Alasan (PP 11/2017 Pasal 250)"), choices=PtdhGround.choices)
    reason = forms.CharField(label=_("Pertimbangan"), max_length=5000, widget=forms.Textarea(attrs={"rows": 2}))


class OpenInvestigationForm(InvestigationForm):
    """Opening a case from outside Garda's own sources: a report of the police, the Ombudsman or the media."""

    office = forms.ModelChoiceField(label=_("Kantor"), queryset=Office.objects.none())
    source_ref = forms.CharField(
        label=_("Rujukan laporan"), max_length=64, help_text=_("Instansi dan nomor laporannya, atau media dan tanggal.")
    )

    def __init__(self, *args: Any, offices: Any, office: Office, **kwargs: Any) -> None:
        super().__init__(*args, office=office, **kwargs)
        self.fields["office"].queryset = offices.order_by("code")  # type: ignore[attr-defined]
        self.order_fields(["office", "source_ref", "subject", "subject_description", "allegation"])
        _label_blank_choices(self)


class SuperiorForm(forms.Form):
    superior = forms.ModelChoiceField(label=_("Atasan langsung"), queryset=User.objects.none())
    informed_on = forms.DateField(label=_("Tanggal diberi tahu"), widget=DateInput)

    def __init__(self, *args: Any, office: Office, exclude: list[int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        staff = User.objects.filter(Q(office=office) | Q(office__kind=OfficeKind.NATIONAL), is_active=True)
        staff = staff.exclude(pk__in=exclude).exclude(role="mitra")
        self.fields["superior"].queryset = staff.order_by("full_name")  # type: ignore[attr-defined]
        _label_blank_choices(self)


class NoteOnlyForm(forms.Form):
    note = forms.CharField(label=_("Catatan"), max_length=5000, widget=forms.Textarea(attrs={"rows": 2}))


class EvidenceForm(forms.Form):
    uploads = sealing.FilesField(
        label=_("Berkas bukti"),
        help_text=_("Foto JPEG, PNG, WEBP, atau PDF; disimpan terenkripsi."),
        widget=sealing.FilesField.widget(attrs={"accept": sealing.ACCEPT}),
    )
    description = forms.CharField(
        label=_("Keterangan bukti"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


class ConflictForm(forms.Form):
    relation = forms.ChoiceField(label=_("Hubungan"), choices=Relation.choices)
    note = forms.CharField(label=_("Keterangan"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))


class StandingConflictForm(ConflictForm):
    concerning = forms.ModelChoiceField(label=_("Petugas"), queryset=User.objects.none())

    def __init__(self, *args: Any, offices: Any, me: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        staff = User.objects.filter(office__in=offices, is_active=True).exclude(pk=me.pk).exclude(role="mitra")
        self.fields["concerning"].queryset = staff.select_related("office").order_by("full_name")  # type: ignore[attr-defined]
        self.order_fields(["concerning", "relation", "note"])
        _label_blank_choices(self)
