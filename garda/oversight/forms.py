"""Oversight's forms."""

from typing import Any

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from garda.core.forms import _label_blank_choices
from garda.core.models import Office, User
from garda.core.models.offices import OfficeKind


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
