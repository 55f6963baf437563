"""The dashboard's filters and which sections each reader sees: figures of the offices in the user's scope, for a
range of whole months (by default the last twelve that have data), optionally for one screening category."""

import re
from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

from garda.core import vocabulary
from garda.core.access import has_capability, offices_in_scope
from garda.core.models import Office, User
from garda.core.models.offices import OfficeKind
from garda.core.roles import Capability, Role
from garda.stats.figures import SECTIONS, Scope, last_twelve_months, month_end

MONTH = re.compile(r"^(\d{4})-(\d{2})$")
ALL = ""  # the office choice "every office in my scope"

# What each reader looks at first (the Kepala Kantor: decisions and the office's integrity; the Kabid Intel: who
# recruits and where to; the Kasi: the queue and the decisions he checks; the analyst: the patterns).
ORDER: dict[str, tuple[str, ...]] = {
    Role.KAKANIM: ("decisions", "screening", "flags", "oversight", "channel", "training"),
    Role.KABID_INTEL: ("flags", "indicators", "agents", "destinations", "screening", "decisions", "channel"),
    Role.KASI: ("decisions", "screening", "flags", "indicators", "training"),
    Role.ANALYST: ("screening", "flags", "indicators", "destinations", "agents", "decisions"),
}
# Sections beyond the applications' own figures, and who may read them.
RESTRICTED = {
    "channel": (Capability.WHISTLE_HANDLE, Capability.DISCIPLINE_DECIDE),
    "oversight": (Capability.DISCIPLINE_DECIDE, Capability.INVESTIGATIONS),
    "training": (Capability.TRAINING_COVERAGE,),
}


def sections_for(user: User) -> tuple[str, ...]:
    first = ORDER.get(user.role, ())
    ordered = [*first, *(s for s in SECTIONS if s not in first)]
    return tuple(s for s in ordered if s not in RESTRICTED or any(has_capability(user, c) for c in RESTRICTED[s]))


def parse_month(value: str, *, end: bool = False) -> date:
    found = MONTH.match(value.strip())
    if not found or not 1 <= int(found.group(2)) <= 12:
        raise forms.ValidationError(_("Tulis bulan sebagai TTTT-BB, misalnya 2025-07."))
    first = date(int(found.group(1)), int(found.group(2)), 1)
    return month_end(first) if end else first


class DashboardForm(forms.Form):
    office = forms.ChoiceField(label=_("Kantor"), required=False)
    start = forms.CharField(label=_("Dari bulan"), required=False, widget=forms.TextInput(attrs={"type": "month"}))
    end = forms.CharField(label=_("Sampai bulan"), required=False, widget=forms.TextInput(attrs={"type": "month"}))
    category = forms.ChoiceField(label=_("Kategori"), required=False)

    def __init__(self, *args: object, offices: list[Office], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        every = [(ALL, _("Semua kantor dalam wewenang Anda"))] if len(offices) > 1 else []
        self.fields["office"].choices = every + [(o.code, f"{o.code} — {o.name}") for o in offices]  # type: ignore[attr-defined]
        self.fields["category"].choices = [("", _("Semua kategori"))] + [  # type: ignore[attr-defined]
            (code, str(word)) for code, word in vocabulary.VOCABULARY["category"].items()
        ]

    def clean_start(self) -> date | None:
        value = self.cleaned_data.get("start") or ""
        return parse_month(value) if value else None

    def clean_end(self) -> date | None:
        value = self.cleaned_data.get("end") or ""
        return parse_month(value, end=True) if value else None

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        start, end = data.get("start"), data.get("end")
        if isinstance(start, date) and isinstance(end, date) and end < start:
            self.add_error("end", _("Bulan akhir lebih awal dari bulan awal."))
        return data


def scope_from(user: User, form: DashboardForm, today: date) -> Scope:
    """The scope the (valid or empty) form asks for; unfilled months default to the last twelve with data."""
    offices = list(offices_in_scope(user).order_by("code"))
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    code = data.get("office", ALL if len(offices) > 1 else user.office.code)
    chosen = [o for o in offices if o.code == code] if code else offices
    everything = not code and user.office.kind == OfficeKind.NATIONAL
    default_start, default_end = last_twelve_months(None if everything else [o.code for o in chosen], today)
    start, end = data.get("start"), data.get("end")
    if start and not end:
        end = min(month_end(shift_months(start, 11)), month_end(today))
    elif end and not start:
        start = shift_months(end.replace(day=1), -11)
    return Scope(
        offices=chosen,
        start=start or default_start,
        end=end or default_end,
        category=data.get("category", ""),
        everything=everything,
    )


def shift_months(first: date, months: int) -> date:
    """The first day of the month so many months after (or before) `first`'s month."""
    years, month = divmod(first.month - 1 + months, 12)
    return date(first.year + years, month + 1, 1)
