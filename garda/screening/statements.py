"""What the applicant said in the interview, in the contract's vocabulary.

The contract asks for `interview.stated_purpose` in the purposes' own codes and a country in
`stated_destination_country`, but officers key in what they hear: "wisata", "Umroh", "Jepang", "Saudi Arabia".
A contradiction between the interview and the form is only claimed when the statement is understood; what cannot
be read as one purpose or one country is not compared (and the notes are still read for work).
"""

import re
from functools import lru_cache

from garda.core.models import Country
from garda.screening.models import PURPOSES

# Words and phrases by purpose, Indonesian first, as they are heard at the counter.
_PURPOSE_WORDS: dict[str, tuple[str, ...]] = {
    "tourism": (
        "WISATA",
        "BERWISATA",
        "PARIWISATA",
        "LIBURAN",
        "BERLIBUR",
        "JALAN JALAN",
        "TAMASYA",
        "PELESIR",
        "REKREASI",
        "TOUR",
        "TOURISM",
        "TOURIST",
        "HOLIDAY",
        "VACATION",
        "SIGHTSEEING",
    ),
    "umrah": ("UMRAH", "UMROH", "UMRO", "UMRAH PILGRIMAGE"),
    "hajj": ("HAJI", "HAJJ", "HAJ", "IBADAH HAJI"),
    "family_visit": (
        "KUNJUNGAN KELUARGA",
        "MENGUNJUNGI KELUARGA",
        "MENJENGUK",
        "BERKUNJUNG",
        "MENGUNJUNGI",
        "FAMILY VISIT",
        "VISIT FAMILY",
        "VISITING FAMILY",
        "VISITING RELATIVES",
    ),
    "work": ("KERJA", "BEKERJA", "MENCARI KERJA", "WORK", "WORKING", "JOB", "EMPLOYMENT", "PMI", "TKI", "TKW"),
    "internship": ("MAGANG", "PEMAGANGAN", "INTERNSHIP", "TRAINEE"),
    "study": ("SEKOLAH", "KULIAH", "BELAJAR", "STUDI", "STUDY", "STUDYING", "STUDENT", "PENDIDIKAN", "BEASISWA"),
    "business": (
        "BISNIS",
        "DINAS",
        "PERJALANAN DINAS",
        "USAHA",
        "DAGANG",
        "BUSINESS",
        "CONFERENCE",
        "KONFERENSI",
        "MEETING",
        "RAPAT",
    ),
    "medical": ("BEROBAT", "PENGOBATAN", "MEDIS", "MEDICAL", "TREATMENT", "OPERASI", "CHECK UP"),
}
_PURPOSE_PATTERNS = {
    purpose: re.compile(r"\b(" + "|".join(sorted(words, key=len, reverse=True)) + r")\b")
    for purpose, words in _PURPOSE_WORDS.items()
}


def _plain(text: str) -> str:
    return " ".join(re.sub(r"[^A-Z0-9]+", " ", text.upper()).split())


def purpose_said(text: object) -> str | None:
    """The purpose code a statement names, or None when it names none or more than one."""
    raw = str(text or "").strip()
    if raw.lower() in PURPOSES:
        return raw.lower()
    plain = _plain(raw)
    if not plain:
        return None
    named = [purpose for purpose, pattern in _PURPOSE_PATTERNS.items() if pattern.search(plain)]
    return named[0] if len(named) == 1 else None


@lru_cache(maxsize=1)
def _countries() -> dict[str, str]:
    """Every way the reference table writes a country (alpha-2, alpha-3, Indonesian and English names, spaces
    ignored) → its alpha-2 code. The table is fixed by migration, so one read serves the process."""
    names: dict[str, str] = {}
    for alpha2, alpha3, name_id, name_en in Country.objects.values_list("alpha2", "alpha3", "name_id", "name_en"):
        for written in (alpha2, alpha3, name_id, name_en):
            names.setdefault(_plain(written).replace(" ", ""), alpha2)
    return names


def country_said(text: object) -> str | None:
    """The alpha-2 code of a stated country (a code or a name, in either language), or None if it is not one."""
    plain = _plain(str(text or "")).replace(" ", "")
    if not plain:
        return None
    if len(plain) == 2 and plain.isalpha():
        return plain
    return _countries().get(plain)
