"""Forms of the channel. A rejected form keeps everything typed (files must be chosen again, and it says so); each
problem names its field, and a refused file is named with the reason."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from garda.core.forms import _label_blank_choices
from garda.core.models import Office, User
from garda.core.models.offices import OfficeKind
from garda.whistle.actions import Upload
from garda.whistle.models import Outcome, Status, Topic
from garda.whistle.sanitize import KINDS, sniff


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class FilesField(forms.FileField):
    """Several files in one input; each checked by its first bytes (not its name) and its size."""

    widget = MultipleFileInput

    def clean(self, data: Any, initial: Any = None) -> list[Upload]:
        files = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        if len(files) > settings.WHISTLE_MAX_FILES:
            raise forms.ValidationError(_("Paling banyak %(n)d berkas sekaligus.") % {"n": settings.WHISTLE_MAX_FILES})
        return [self._one(f) for f in files]

    def _one(self, upload: UploadedFile[Any]) -> Upload:
        name = str(upload.name or "berkas")
        limit = settings.WHISTLE_MAX_FILE_BYTES
        if upload.size is not None and upload.size > limit:
            raise forms.ValidationError(
                _("%(name)s: terlalu besar (paling besar %(mb)d MB).") % {"name": name, "mb": limit // (1024 * 1024)}
            )
        data = upload.read()
        kind = sniff(data)
        if kind is None:
            raise forms.ValidationError(
                _("%(name)s: jenis berkas tidak diterima (hanya foto JPEG, PNG, WEBP, atau PDF).") % {"name": name}
            )
        return Upload(name=name, content_type=kind, data=data)


ACCEPT = ",".join([*KINDS, ".jpg", ".jpeg", ".png", ".webp", ".pdf"])


class ReportForm(forms.Form):
    office = forms.ModelChoiceField(
        label=_("Kantor imigrasi yang terkait"),
        queryset=Office.objects.none(),
        help_text=_("Bila tidak tahu, pilih Direktorat Jenderal Imigrasi."),
    )
    topic = forms.ChoiceField(label=_("Apa yang ingin Anda laporkan?"), choices=Topic.choices, widget=forms.RadioSelect)
    what = forms.CharField(
        label=_("Apa yang terjadi?"),
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Ceritakan sejelas mungkin. Jangan menulis nama Anda sendiri bila ingin tetap anonim."),
    )
    where = forms.CharField(label=_("Di mana?"), max_length=500, required=False)
    when = forms.CharField(label=_("Kapan?"), max_length=200, required=False)
    people = forms.CharField(
        label=_("Siapa yang terlibat? (nama, nomor telepon, perusahaan)"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    officer = forms.CharField(
        label=_("Petugas imigrasi yang terlibat (bila ada)"),
        max_length=300,
        required=False,
        help_text=_("Laporan tentang petugas hanya dibaca oleh unit kepatuhan internal, tidak oleh petugas itu."),
    )
    excluded = forms.CharField(
        label=_("Orang yang tidak boleh membaca laporan ini (bila ada)"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Satu nama per baris."),
    )
    attachments = FilesField(
        label=_("Bukti (foto atau PDF)"),
        required=False,
        help_text=_(
            "Paling banyak 5 berkas, masing-masing 10 MB. Metadata foto (lokasi, kamera) dibuang dari salinan yang "
            "dibaca petugas."
        ),
    )
    identity_name = forms.CharField(label=_("Nama Anda (tidak wajib)"), max_length=200, required=False)
    identity_contact = forms.CharField(label=_("Cara menghubungi Anda (tidak wajib)"), max_length=200, required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for name in ("what", "people", "excluded"):
            if isinstance(data.get(name), str):
                data[name] = _lines(data[name])
        return data

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["office"].queryset = Office.objects.exclude(kind=OfficeKind.KANWIL).order_by("name")  # type: ignore[attr-defined]
        self.fields["attachments"].widget.attrs["accept"] = ACCEPT
        for name in ("identity_name", "identity_contact"):
            self.fields[name].widget.attrs["autocomplete"] = "off"
        _label_blank_choices(self)


def _lines(text: str) -> str:
    """Browsers send a textarea's line breaks as CRLF; they are kept as plain newlines."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


class ReceiptForm(forms.Form):
    receipt = forms.CharField(
        label=_("Kode tanda terima"),
        max_length=64,
        widget=forms.PasswordInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )


class ReporterMessageForm(forms.Form):
    text = forms.CharField(
        label=_("Tambahkan informasi atau jawab pertanyaan"),
        max_length=20000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    attachments = FilesField(label=_("Bukti tambahan (foto atau PDF)"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["attachments"].widget.attrs["accept"] = ACCEPT

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        data["text"] = _lines(data.get("text") or "")
        if not data["text"].strip() and not data.get("attachments"):
            raise forms.ValidationError(_("Tulis pesan atau lampirkan berkas."))
        return data


class ReplyForm(forms.Form):
    text = forms.CharField(
        label=_("Balasan kepada pelapor"), max_length=20000, widget=forms.Textarea(attrs={"rows": 4})
    )

    def clean_text(self) -> str:
        return _lines(self.cleaned_data["text"])


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status baru"), choices=Status.choices)
    outcome = forms.ChoiceField(label=_("Hasil (saat ditutup)"), choices=[("", "—"), *Outcome.choices], required=False)
    note = forms.CharField(
        label=_("Catatan"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class CloseConfirmForm(forms.Form):
    confirm = forms.TypedChoiceField(
        label=_("Setuju laporan ditutup?"),
        choices=[("1", _("Setuju")), ("0", _("Tolak"))],
        coerce=lambda v: v == "1",
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(label=_("Alasan"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Alasan"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))


class UserChoiceForm(ReasonForm):
    target = forms.ModelChoiceField(label=_("Pengguna"), queryset=User.objects.none())

    def __init__(self, *args: Any, users: list[User], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = User.objects.filter(pk__in=[u.pk for u in users])  # type: ignore[attr-defined]
        _label_blank_choices(self)


class DecisionForm(forms.Form):
    approve = forms.TypedChoiceField(
        label=_("Keputusan"),
        choices=[("1", _("Setujui")), ("0", _("Tolak"))],
        coerce=lambda v: v == "1",
        widget=forms.RadioSelect,
    )
    note = forms.CharField(label=_("Alasan"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))


class UnlockForm(forms.Form):
    password = forms.CharField(
        label=_("Kata sandi"), widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}), strip=False
    )


class IntelRecordForm(forms.Form):
    role = forms.ChoiceField(
        label=_("Peran"),
        choices=[("recruiter", _("Perekrut / calo")), ("company", _("Perusahaan")), ("companion", _("Pendamping"))],
    )
    full_name = forms.CharField(label=_("Nama"), max_length=200, required=False)
    phone = forms.CharField(label=_("Telepon"), max_length=40, required=False)
    organisation = forms.CharField(label=_("Perusahaan / organisasi"), max_length=200, required=False)
    summary = forms.CharField(
        label=_("Ringkasan untuk daftar pantauan"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not any((data.get(k) or "").strip() for k in ("full_name", "phone", "organisation")):
            raise forms.ValidationError(_("Isi nama, telepon, atau perusahaan."))
        return data
