"""The portal's and the office's forms. A report form builds the contract's record, so a report typed here is
checked and stored exactly as one sent by a partner's system or imported from a file."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from garda.core.forms import DateInput, _label_blank_choices
from garda.core.models import Office, Organisation
from garda.whistle import api as sealing

CATEGORIES = [
    ("suspected_victim", _("Dugaan korban")),
    ("suspected_recruiter", _("Dugaan perekrut")),
    ("illegal_company", _("Perusahaan ilegal")),
    ("scam_returnee", _("Korban penipuan daring yang dipulangkan")),
    ("exploitation_risk", _("Risiko eksploitasi")),
    ("other", _("Lainnya")),
]
SUBJECT_ROLES = [
    ("victim", _("Korban")),
    ("recruiter", _("Perekrut")),
    ("companion", _("Pendamping")),
    ("company", _("Perusahaan")),
    ("other", _("Lainnya")),
]
SEXES = [("", "—"), ("M", _("Laki-laki")), ("F", _("Perempuan"))]


class PartnerReportForm(forms.Form):
    reference = forms.CharField(label=_("Nomor surat atau perkara Anda"), max_length=200, required=False)
    category = forms.ChoiceField(label=_("Jenis laporan"), choices=CATEGORIES)
    destination_country = forms.CharField(
        label=_("Negara tujuan (kode dua huruf, mis. KH)"), max_length=2, required=False
    )
    summary = forms.CharField(label=_("Uraian"), max_length=20000, widget=forms.Textarea(attrs={"rows": 4}))
    valid_until = forms.DateField(label=_("Berlaku sampai"), required=False, widget=DateInput)
    attachments = sealing.FilesField(
        label=_("Lampiran"),
        required=False,
        help_text=_("Surat, foto iklan lowongan, tangkapan layar: JPEG, PNG, WEBP atau PDF; disimpan terenkripsi."),
        widget=sealing.FilesField.widget(attrs={"accept": sealing.ACCEPT}),
    )


class SubjectForm(forms.Form):
    role = forms.ChoiceField(label=_("Peran"), choices=SUBJECT_ROLES)
    full_name = forms.CharField(label=_("Nama lengkap"), max_length=200, required=False)
    nik = forms.CharField(label=_("NIK"), max_length=32, required=False)
    birth_date = forms.DateField(label=_("Tanggal lahir"), required=False, widget=DateInput)
    sex = forms.ChoiceField(label=_("Jenis kelamin"), choices=SEXES, required=False)
    phone = forms.CharField(label=_("Telepon"), max_length=40, required=False)
    passport_number = forms.CharField(label=_("Nomor paspor"), max_length=32, required=False)
    organisation = forms.CharField(label=_("Perusahaan atau organisasi"), max_length=200, required=False)

    def subject(self) -> dict[str, Any]:
        """The subject in the contract's shape: only what was filled in."""
        data = self.cleaned_data
        out: dict[str, Any] = {"role": data["role"]}
        for key in ("full_name", "nik", "sex", "phone", "passport_number", "organisation"):
            if data.get(key):
                out[key] = str(data[key]).strip()
        if data.get("birth_date"):
            out["birth_date"] = data["birth_date"].isoformat()
        return out

    def is_blank(self) -> bool:
        data = self.cleaned_data
        return not any(data.get(k) for k in ("full_name", "nik", "phone", "passport_number", "organisation"))


SubjectFormSet = forms.formset_factory(SubjectForm, extra=3, max_num=10, validate_max=True)


class AnswerForm(forms.Form):
    accept = forms.TypedChoiceField(
        label=_("Jawaban"),
        choices=[("1", _("Terima")), ("0", _("Tolak"))],
        coerce=lambda v: v == "1",
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Alasan (wajib bila ditolak)"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class OutcomeForm(forms.Form):
    outcome = forms.CharField(label=_("Hasil tindak lanjut"), max_length=5000, widget=forms.Textarea(attrs={"rows": 2}))


class RevokeForm(forms.Form):
    reason = forms.CharField(label=_("Alasan pencabutan"), max_length=5000, widget=forms.Textarea(attrs={"rows": 2}))


class IncomingReferralForm(forms.Form):
    office = forms.ModelChoiceField(label=_("Kantor imigrasi"), queryset=Office.objects.none())
    role = forms.ChoiceField(
        label=_("Orang ini"), choices=[("victim", _("Calon korban")), ("recruiter", _("Terduga perekrut"))]
    )
    full_name = forms.CharField(label=_("Nama lengkap"), max_length=200)
    nik = forms.CharField(label=_("NIK"), max_length=32, required=False)
    birth_date = forms.DateField(label=_("Tanggal lahir"), required=False, widget=DateInput)
    sex = forms.ChoiceField(label=_("Jenis kelamin"), choices=SEXES, required=False)
    phone = forms.CharField(label=_("Telepon"), max_length=40, required=False)
    reason = forms.CharField(label=_("Alasan rujukan"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["office"].queryset = Office.objects.filter(is_active=True, kind="kanim").order_by("name")  # type: ignore[attr-defined]
        _label_blank_choices(self)


YES_NO_UNKNOWN = [("yes", _("Ya")), ("no", _("Tidak")), ("", _("Tidak ditanyakan"))]


class ReferPersonForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("Dirujuk kepada"), queryset=Organisation.objects.none())
    role = forms.ChoiceField(
        label=_("Orang ini"), choices=[("victim", _("Calon korban")), ("recruiter", _("Terduga perekrut"))]
    )
    reason = forms.CharField(label=_("Alasan rujukan"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3}))
    online_scam = forms.BooleanField(label=_("Tujuan kerja di tempat penipuan daring (online scam)"), required=False)
    manage_personal_data = forms.ChoiceField(
        label=_("Apakah orang ini setuju data pribadinya dikelola untuk perlindungannya?"),
        choices=YES_NO_UNKNOWN,
        widget=forms.RadioSelect,
        required=False,
    )
    share_with_receiver = forms.ChoiceField(
        label=_("Apakah orang ini setuju datanya dikirim kepada instansi yang dituju?"),
        choices=YES_NO_UNKNOWN,
        widget=forms.RadioSelect,
        required=False,
    )
    consent_override = forms.CharField(
        label=_("Alasan merujuk tanpa persetujuan"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Wajib bila salah satu jawaban bukan Ya: anak, bahaya segera, atau terduga pelaku."),
    )

    def __init__(self, *args: Any, organisations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations.order_by("name")  # type: ignore[attr-defined]
        _label_blank_choices(self)

    def consent(self) -> dict[str, bool]:
        answers = {}
        for key in ("manage_personal_data", "share_with_receiver"):
            value = self.cleaned_data.get(key)
            if value in ("yes", "no"):
                answers[key] = value == "yes"
        return answers


class OrganisationForm(forms.ModelForm):  # type: ignore[type-arg]  # generic only in the stubs
    agreement_scope = forms.MultipleChoiceField(
        label=_("Ruang lingkup perjanjian"), required=False, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = Organisation
        fields = [
            "code", "name", "kind", "unit", "report_code", "contact_name", "contact_email", "contact_phone",
            "agreement_number", "agreement_basis", "agreement_scope", "agreement_expires", "receives_referrals",
            "active",
        ]  # fmt: skip
        widgets = {"agreement_expires": DateInput, "agreement_basis": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        from garda.partners.models import SCOPES

        super().__init__(*args, **kwargs)
        self.fields["agreement_scope"].choices = [(k, f"{k} — {v}") for k, v in SCOPES.items()]  # type: ignore[attr-defined]
        _label_blank_choices(self)


def referral_forms(referral: Any, *, receiving: bool) -> dict[str, Any]:
    """The forms a referral's page offers: the receiving side answers an open one and records the outcome of an
    accepted one; the sending side may revoke it while it is open (the actions check again)."""
    status = referral.status
    return {
        "answer_form": AnswerForm(prefix="answer") if receiving and status == "in_progress" else None,
        "outcome_form": OutcomeForm(prefix="outcome") if receiving and status == "accepted" else None,
        "revoke_form": RevokeForm(prefix="revoke") if not receiving and status in ("in_progress", "accepted") else None,
    }
