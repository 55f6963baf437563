from typing import Any

from django import forms
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from garda.core.models import Office, User
from garda.core.roles import Role


class DateInput(forms.DateInput):
    """A browser date picker. Its value must be ISO (YYYY-MM-DD) whatever the language, or the browser shows the
    initial date as empty."""

    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%d")


def add_action_errors(form: forms.BaseForm, exc: ValidationError) -> None:
    """An action's refusal shown on the form that asked for it: beside the field it names, else above the form."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


def office_staff(office_id: int) -> Any:
    """The office's active staff (no partner accounts), by name: who may be named officer, trainee or assignee."""
    return User.objects.filter(office_id=office_id, is_active=True).exclude(role=Role.PARTNER).order_by("full_name")


def _label_blank_choices(form: forms.BaseForm) -> None:
    """Say "choose" in the active language for the blank choice of every select of the form."""
    for field in form.fields.values():
        if isinstance(field, forms.ModelChoiceField):
            if field.empty_label is not None:
                field.empty_label = _("— pilih —")
        elif isinstance(field, forms.ChoiceField):
            choices = list(field.choices)  # type: ignore[arg-type]
            field.choices = [("", _("— pilih —")) if value == "" else (value, label) for value, label in choices]


class LoginForm(forms.Form):
    username = forms.CharField(label=_("Nama pengguna"), max_length=150)
    password = forms.CharField(label=_("Kata sandi"), widget=forms.PasswordInput, strip=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].widget.attrs.update({"autocomplete": "username", "autofocus": True})
        self.fields["password"].widget.attrs.update({"autocomplete": "current-password"})


class TokenForm(forms.Form):
    token = forms.RegexField(
        label=_("Kode 6 angka dari aplikasi autentikator"),
        regex=r"^\s*\d{6}\s*$",
        error_messages={"invalid": _("Kode terdiri dari 6 angka.")},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["token"].widget.attrs.update(
            {"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        )

    def clean_token(self) -> str:
        return str(self.cleaned_data["token"]).strip()


class OfficeForm(forms.ModelForm):  # type: ignore[type-arg]  # generic only in the stubs
    class Meta:
        model = Office
        fields = [
            "code", "name", "kind", "time_zone", "address", "city", "phone", "email", "region_code", "parent",
            "is_active",
        ]  # fmt: skip
        widgets = {"address": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = Office.objects.exclude(kind="kanim").order_by("code")  # type: ignore[attr-defined]
        _label_blank_choices(self)
        if self.instance.pk:
            self.fields["code"].disabled = True  # the code is referenced by audit events and shared records


class UserCreateForm(forms.ModelForm):  # type: ignore[type-arg]  # generic only in the stubs
    password = forms.CharField(
        label=_("Kata sandi sementara"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        strip=False,
        help_text=_("Paling sedikit 12 karakter. Sampaikan kepada pemilik akun secara langsung."),
    )

    class Meta:
        model = User
        fields = ["username", "full_name", "nip", "office", "role", "position", "organisation", "phone", "email"]

    def __init__(self, *args: Any, offices: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["office"].queryset = offices  # type: ignore[attr-defined]
        self.fields["full_name"].required = True
        _label_blank_choices(self)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("role") == Role.PARTNER and not data.get("organisation"):
            self.add_error("organisation", _("Pengguna instansi mitra wajib mencantumkan instansinya."))
        password = data.get("password")
        if password:
            try:
                validate_password(
                    password, User(username=data.get("username", ""), full_name=data.get("full_name", ""))
                )
            except ValidationError as exc:
                self.add_error("password", exc)
        return data


class UserEditForm(forms.ModelForm):  # type: ignore[type-arg]  # generic only in the stubs
    class Meta:
        model = User
        fields = ["full_name", "nip", "office", "position", "organisation", "phone", "email"]

    def __init__(self, *args: Any, offices: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["office"].queryset = offices  # type: ignore[attr-defined]
        self.fields["full_name"].required = True
        _label_blank_choices(self)


class RoleChangeForm(forms.Form):
    role = forms.ChoiceField(label=_("Peran baru"), choices=Role.choices)
    reason = forms.CharField(label=_("Alasan perubahan"), max_length=300)


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Alasan"), max_length=300)


class PasswordSetForm(forms.Form):
    password = forms.CharField(
        label=_("Kata sandi baru"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        strip=False,
    )


class OwnPasswordForm(forms.Form):
    """Changing one's own password: the current one and a code from the authenticator first, so a session left
    open is not enough to take the account over."""

    current_password = forms.CharField(
        label=_("Kata sandi saat ini"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        strip=False,
    )
    token = forms.RegexField(
        label=_("Kode 6 angka dari aplikasi autentikator"),
        regex=r"^\s*\d{6}\s*$",
        error_messages={"invalid": _("Kode terdiri dari 6 angka.")},
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )
    password = forms.CharField(
        label=_("Kata sandi baru"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        strip=False,
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_current_password(self) -> str:
        value = str(self.cleaned_data["current_password"])
        if not self.user.check_password(value):
            raise forms.ValidationError(_("Kata sandi saat ini tidak cocok."))
        return value

    def clean_token(self) -> str:
        from django_otp import devices_for_user

        token = str(self.cleaned_data["token"]).strip()
        if not any(device.verify_token(token) for device in devices_for_user(self.user, confirmed=True)):
            raise forms.ValidationError(_("Kode autentikator tidak cocok."))
        return token


class AuditFilterForm(forms.Form):
    q = forms.CharField(label=_("Cari (ringkasan, objek)"), required=False, max_length=100)
    action = forms.CharField(label=_("Tindakan"), required=False, max_length=64)
    actor = forms.CharField(label=_("Pelaku"), required=False, max_length=150)
    office = forms.ModelChoiceField(
        label=_("Kantor"),
        queryset=Office.objects.none(),
        required=False,
        to_field_name="code",
        empty_label=_("Semua kantor"),
    )
    date_from = forms.DateField(label=_("Dari tanggal"), required=False, widget=DateInput())
    date_to = forms.DateField(label=_("Sampai tanggal"), required=False, widget=DateInput())

    def __init__(self, *args: Any, offices: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["office"].queryset = offices  # type: ignore[attr-defined]


class RevisionForm(forms.Form):
    items = forms.CharField(label=_("Isi daftar"), widget=forms.Textarea(attrs={"rows": 18, "spellcheck": "false"}))
    effective_from = forms.DateField(label=_("Berlaku sejak"), widget=DateInput())
    source = forms.CharField(label=_("Sumber / dasar hukum"), widget=forms.Textarea(attrs={"rows": 2}))
    note = forms.CharField(label=_("Catatan perubahan (apa dan mengapa)"), max_length=500)
