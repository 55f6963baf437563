"""Who may read a report: by what it is about, which office it concerns, and whom the reporter named.

- A report about immigration staff (or any report naming an officer) goes to internal compliance: the office's
  investigators and the national Direktorat Kepatuhan Internal. Nothing else about staff goes to the section the
  staff may belong to.
- Anything else goes to the office's intelligence section (Kepala Bidang Intelijen, analysts).
- Anyone whose name matches a person the reporter named (the officer concerned, or people who must not see it) is
  left out. Matching is deliberately generous — a first name alone is enough — because leaving out one handler
  too many costs little, and one too few is the harm the channel exists to prevent.
- If nobody at the office is left who can read (a handler with a key), the national unit takes the report; if the
  national unit has nobody either, the national compliance unit (Direktorat Kepatuhan Internal, which runs the
  channel) does. A report is never sealed to nobody: the recovery keys (the office's and the national one) open
  it too, and `deliverable` says, for the deployment check, whether an office's reports reach someone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from django.db.models import Q

from garda.core.models import Office, User
from garda.core.models.offices import OfficeKind
from garda.core.roles import Role
from garda.identity.names import Name, name_or_none, name_similarity, token_similarity
from garda.whistle.models import Topic, Unit

UNIT_ROLES: dict[str, frozenset[str]] = {
    Unit.COMPLIANCE: frozenset({Role.INVESTIGATOR}),
    Unit.INTELLIGENCE: frozenset({Role.KABID_INTEL, Role.ANALYST}),
}
SAME_PERSON = 0.85


def unit_for(topic: str, names_officer: bool) -> Unit:
    return Unit.COMPLIANCE if topic == Topic.STAFF or names_officer else Unit.INTELLIGENCE


def names_match(named: Name, person: Name) -> bool:
    """ "Budi" names Budi Santoso; "Budi Santosa" too; "Budi Susanto" does not name Budi Santoso's colleague Agus."""
    if name_similarity(named, person) >= SAME_PERSON:
        return True
    words = [t for t in named.tokens if len(t) > 1]
    return bool(words) and all(max(token_similarity(w, t) for t in person.tokens) >= 0.9 for w in words)


# How people speak of an officer ("Pak Budi", "Bu Siti", "Mas Joko"): words of address, not parts of the name,
# which official documents never carry and the identity layer therefore does not strip.
_ADDRESS = re.compile(
    r"^\s*(?:(?:bapak|pak|ibu|bu|mas|mbak|bang|kak|sdr|sdri|saudara|saudari|oknum)\.?(?:\s+|$))+", re.I
)


def typed_name(text: str) -> Name | None:
    """A name as a reporter writes it, words of address removed."""
    name = name_or_none(_ADDRESS.sub("", text))
    return name if name is not None and name.tokens else None


_WORD = re.compile(r"[^\W\d_][^\W\d_'.-]*", re.UNICODE)
_ADDRESS_WORD = re.compile(r"(?:bapak|pak|ibu|bu|mas|mbak|bang|kak|sdr|sdri|saudara|saudari|oknum)\.?", re.I)


def names_in_text(text: str) -> list[str]:
    """The ways a story may name someone: a word of address and the one or two words after it ("Pak Budi",
    "oknum Agus Salim"), and every run of two or three words (a full name written out). Generous on purpose: a
    handler left out by a false hit costs little, one named and not left out is the harm."""
    words = _WORD.findall(text)
    found: list[str] = []
    for i, word in enumerate(words):
        if _ADDRESS_WORD.fullmatch(word):
            found += [" ".join(words[i + 1 : i + 1 + n]) for n in (1, 2) if i + n < len(words) + 1]
        found += [" ".join(words[i : i + n]) for n in (2, 3) if i + n <= len(words)]
    return [f for f in found if f]


def named_users(candidates: Iterable[User], names: Iterable[str], text: str = "") -> set[int]:
    """The candidates the reporter named: in the fields for names (the officer, those who must not see it), or
    anywhere in the story."""
    typed = [n for n in (typed_name(t) for t in names if t.strip()) if n is not None]
    told = [n for n in (typed_name(t) for t in names_in_text(text)) if n is not None] if text else []
    out: set[int] = set()
    for user in candidates:
        own = name_or_none(user.full_name)
        if own is None:
            continue
        if any(names_match(n, own) for n in typed) or any(_told_of(n, own) for n in told):
            out.add(user.pk)
    return out


def _told_of(window: Name, person: Name) -> bool:
    """A run of words in the story names the person: every word is a word of their name (a single word only after
    a word of address, which `names_in_text` gives on its own)."""
    words = [t for t in window.tokens if len(t) > 1]
    return bool(words) and all(max(token_similarity(w, t) for t in person.tokens) >= 0.9 for w in words)


def _in_unit(unit: str, offices: Q) -> list[User]:
    return list(
        User.objects.filter(offices, role__in=UNIT_ROLES[unit], is_active=True)
        .select_related("office", "whistle_key")
        .order_by("office__code", "username")
    )


def _can_read(user: User) -> bool:
    """A handler with a key pair: a report sealed to them can be opened. (Without one, they are given access once
    they have logged in and made their key.)"""
    return hasattr(user, "whistle_key")


def recipients(office: Office, unit: str, excluded_names: Iterable[str], text: str = "") -> tuple[list[User], set[int]]:
    """The users a new report is sealed to, and the ids of those left out because the reporter named them (in the
    fields for names or anywhere in the story `text`): the office's unit (with the national one for compliance),
    else the national unit, else national compliance — the first of these with someone who can read it and whom
    the reporter did not name."""
    names = list(excluded_names)
    national = Q(office__kind=OfficeKind.NATIONAL)
    scope = Q(office=office) | national if unit == Unit.COMPLIANCE else Q(office=office)
    chosen = _in_unit(unit, scope)
    left_out = named_users(chosen, names, text)
    kept = [u for u in chosen if u.pk not in left_out]
    for fallback_unit in (unit, Unit.COMPLIANCE):
        if any(_can_read(u) for u in kept):
            break
        fallback = _in_unit(fallback_unit, national)
        left_out |= named_users(fallback, names, text)
        kept += [u for u in fallback if u.pk not in left_out and u not in kept]
    return kept, left_out


def deliverable(office: Office, unit: str) -> list[str]:
    """Why a report to this office and unit would reach nobody (empty when it reaches someone): nobody who can read
    it, at the office or nationally, or no recovery key for the office or the nation."""
    from garda.whistle.models import RecoveryKey

    problems = []
    kept, _ = recipients(office, unit, [])
    if not any(_can_read(u) for u in kept):
        problems.append(f"tidak ada penangan dengan kunci untuk unit {unit} (kantor ini atau pusat)")
    has_recovery = RecoveryKey.objects.filter(
        Q(office=office) | Q(office__kind=OfficeKind.NATIONAL), retired_at__isnull=True
    ).exists()
    if not has_recovery:
        problems.append("tidak ada kunci pemulihan (kantor ini atau pusat)")
    return problems


def custodians(office: Office, excluded_names: Iterable[str]) -> list[User]:
    """Who may approve a reveal of the reporter's identity: the office's custodians and the national ones, but
    none the reporter named."""
    found = list(
        User.objects.filter(Q(office=office) | Q(office__kind=OfficeKind.NATIONAL), role=Role.CUSTODIAN, is_active=True)
        .select_related("whistle_key")
        .order_by("username")
    )
    named = named_users(found, excluded_names)
    return [u for u in found if u.pk not in named]
