"""A person record as the matcher sees it: every field parsed and normalised once.

The input is any mapping with the contract's fields (`id`, `full_name`, `birth_date`, `sex`, `nik`, `phone`,
`birth_place`, `address`, `mother_name`, `other_id`, and the optional `kk_number` and `father_name`); an
unparseable optional value becomes missing and is noted.
"""

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from garda.identity.names import Name, name_or_none
from garda.identity.nik import InvalidNumber, parse_nik
from garda.identity.phones import phone_or_none

FIELDS = (
    "id",
    "full_name",
    "birth_date",
    "sex",
    "nik",
    "phone",
    "birth_place",
    "address",
    "mother_name",
    "other_id",
    "kk_number",
    "father_name",
)
_NON_ALNUM = re.compile(r"[^A-Z0-9]+")
_SEX = {
    "M": "M",
    "L": "M",
    "LAKI-LAKI": "M",
    "MALE": "M",
    "P": "F",
    "F": "F",
    "PEREMPUAN": "F",
    "FEMALE": "F",
    "W": "F",
    "WANITA": "F",
    "PRIA": "M",
}


@dataclass(frozen=True)
class Person:
    id: str
    name: Name | None = None
    birth_date: date | None = None
    sex: str | None = None
    nik: str | None = None
    phone: str | None = None
    birth_place: str | None = None
    address: str | None = None
    mother_name: Name | None = None
    other_id: str | None = None
    kk_number: str | None = None  # the family card: household evidence, shared by every member
    father_name: Name | None = None
    notes: tuple[str, ...] = field(default=(), compare=False)


def _text(value: Any) -> str:
    if value is None:
        return ""
    return str(value).strip()


def _plain(value: str) -> str:
    if value.isascii():  # the common case, without decomposing every character
        return _NON_ALNUM.sub(" ", value.upper()).strip()
    decomposed = unicodedata.normalize("NFKD", value)
    ascii_ = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).upper()
    return _NON_ALNUM.sub(" ", ascii_).strip()


def parse_date(raw: str) -> date:
    """ISO dates (the contract); also the compact YYYYMMDD and DD-MM-YYYY that partner lists carry."""
    text = raw.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return date.fromisoformat(text)
    if re.fullmatch(r"\d{8}", text):
        return date(int(text[:4]), int(text[4:6]), int(text[6:]))
    m = re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})", text)
    if m:
        return date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    raise ValueError(f"not a date: {raw!r}")


def prepare(raw: Mapping[str, Any]) -> Person:
    """Normalise one record. Only `id` is required (ValueError without it); other bad values become missing."""
    value = {f: _text(raw.get(f)) for f in FIELDS}  # each field read and stripped once: this runs a million times
    record_id = value["id"]
    if not record_id:
        raise ValueError("id: wajib diisi / required")
    notes: list[str] = []

    name = name_or_none(value["full_name"])
    if value["full_name"] and name is None:
        notes.append("full_name: tidak ada nama yang tersisa setelah normalisasi")

    birth_date = None
    if text := value["birth_date"]:
        try:
            birth_date = parse_date(text)
        except ValueError:
            notes.append(f"birth_date: tanggal tidak sah {text!r}")

    sex = None
    if text := value["sex"]:
        sex = _SEX.get(text.upper())
        if sex is None:
            notes.append(f"sex: nilai tidak dikenal {text!r} (M/F)")

    nik = None
    if text := value["nik"]:
        try:
            parsed = parse_nik(text)
        except InvalidNumber as exc:
            digits = re.sub(r"\D", "", text)
            notes.append(f"nik: {exc.problems[0].message_id}")
            # A structurally wrong NIK still identifies when it is 16 digits (a typo in a real one).
            nik = digits if len(digits) == 16 else None
        else:
            nik = parsed.value
            birth_date = birth_date or parsed.birth_date
            sex = sex or parsed.sex

    kk_number = None
    if text := value["kk_number"]:
        digits = re.sub(r"\D", "", text)
        if len(digits) == 16:
            kk_number = digits
        else:
            notes.append(f"kk_number: nomor KK harus 16 angka {text!r}")

    phone = None
    if text := value["phone"]:
        phone = phone_or_none(text)
        if phone is None:
            notes.append(f"phone: nomor tidak sah {text!r}")

    return Person(
        id=record_id,
        name=name,
        birth_date=birth_date,
        sex=sex,
        nik=nik,
        phone=phone,
        birth_place=_plain(value["birth_place"]) or None,
        address=_plain(value["address"]) or None,
        mother_name=name_or_none(value["mother_name"]),
        other_id=_plain(value["other_id"]).replace(" ", "") or None,
        kk_number=kk_number,
        father_name=name_or_none(value["father_name"]),
        notes=tuple(notes),
    )
