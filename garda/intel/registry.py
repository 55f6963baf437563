"""The licensed P3MI registry as screening and the pages read it: the current snapshot, and the keys that make
"PT. Sinar Jaya Abadi" and "SINAR JAYA ABADI, PT" (or two spellings of one licence number) the same."""

import re

from garda.intel.models import P3MISnapshot

_LEGAL_FORMS = re.compile(r"\b(PT|CV|TBK|PERSERO)\b")


def company_key(name: str) -> str:
    """Upper case, legal form and punctuation removed: "PT. Sinar Jaya Abadi" and "SINAR JAYA ABADI, PT" agree."""
    plain = re.sub(r"[^A-Z0-9 ]+", " ", name.upper())
    return " ".join(_LEGAL_FORMS.sub(" ", plain).split())


def licence_key(number: str) -> str:
    """Upper case, each run of separators one "/", leading zeros dropped: "kep 123/pptkis/2019" is
    "KEP.123/PPTKIS/2019", and SIP3MI-001/2023 is SIP3MI-1/2023; SIP3MI-1/12023 stays apart from SIP3MI-11/2023."""
    parts = re.findall(r"[A-Z0-9]+", number.upper())
    return "/".join(p.lstrip("0") or "0" if p.isdigit() else p for p in parts)


def current_registry() -> P3MISnapshot | None:
    return P3MISnapshot.objects.first()
