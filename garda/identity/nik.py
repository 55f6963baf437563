"""NIK (Nomor Induk Kependudukan) and Kartu Keluarga numbers: parse, validate, decode, encode.

NIK = PP KK CC DDMMYY SSSS: the province, regency and district where the number was first registered (kept for
life, so a code that no longer exists is still valid — only noted), the birth day (+40 for women), month and
two-digit year, and a serial from 0001. There is no check digit. A KK number has the same region prefix, the date
the family was recorded (DDMMYY, no +40) and a serial; unlike the NIK it changes when a family moves or splits.
"""

import re
from dataclasses import dataclass, field
from datetime import date

from garda.identity.regions import RegionInfo, region

_SEPARATORS = re.compile(r"[\s.\-/]")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a number: a stable code, where (0-based digit positions), and what, in id/en."""

    code: str
    start: int
    end: int
    message_id: str
    message_en: str

    def __str__(self) -> str:
        return self.message_id


class InvalidNumber(ValueError):
    def __init__(self, kind: str, raw: str, problems: list[Problem]) -> None:
        super().__init__(f"{kind} {raw!r} tidak sah: " + "; ".join(p.message_id for p in problems))
        self.kind = kind
        self.raw = raw
        self.problems = problems


@dataclass(frozen=True)
class RegionPrefix:
    province: RegionInfo
    regency: RegionInfo
    district: RegionInfo

    @property
    def in_force(self) -> bool:
        return self.district.in_force


@dataclass(frozen=True)
class NIK:
    value: str
    region: RegionPrefix
    birth_date: date
    sex: str  # "M" or "F"
    serial: str
    notes: tuple[str, ...] = field(default=())

    @property
    def district_code(self) -> str:
        return self.value[:6]

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class KK:
    value: str
    region: RegionPrefix
    recorded_on: date
    serial: str
    notes: tuple[str, ...] = field(default=())


def _digits(kind: str, raw: str) -> tuple[str, list[Problem]]:
    cleaned = raw if (len(raw) == 16 and raw.isdigit()) else _SEPARATORS.sub("", raw or "")
    problems: list[Problem] = []
    if len(cleaned) == 16 and cleaned.isascii() and cleaned.isdigit():
        return cleaned, problems
    if not cleaned:
        return cleaned, [Problem("empty", 0, 0, f"{kind} kosong", f"{kind} is empty")]
    bad = [i for i, ch in enumerate(cleaned) if not ch.isdigit()]
    if bad:
        chars = ", ".join(f"'{cleaned[i]}' di posisi {i + 1}" for i in bad[:3])
        chars_en = ", ".join(f"'{cleaned[i]}' at position {i + 1}" for i in bad[:3])
        problems.append(
            Problem(
                "not_digits",
                bad[0],
                bad[0] + 1,
                f"{kind} hanya boleh angka: {chars}",
                f"{kind} may contain digits only: {chars_en}",
            )
        )
    elif len(cleaned) != 16:
        problems.append(
            Problem(
                "length",
                0,
                len(cleaned),
                f"{kind} harus 16 angka, tertulis {len(cleaned)}",
                f"{kind} must have 16 digits, {len(cleaned)} given",
            )
        )
    return cleaned, problems


def _region_prefix(kind: str, digits: str, problems: list[Problem], notes: list[str]) -> RegionPrefix | None:
    province, regency, district = region(digits[:2]), region(digits[:4]), region(digits[:6])
    if province is None:
        problems.append(
            Problem(
                "province",
                0,
                2,
                f"kode provinsi {digits[:2]} pada {kind} tidak pernah ada",
                f"province code {digits[:2]} of the {kind} never existed",
            )
        )
        return None
    if regency is None:
        problems.append(
            Problem(
                "regency",
                2,
                4,
                f"kode kabupaten/kota {digits[:4]} pada {kind} tidak pernah ada",
                f"regency code {digits[:4]} of the {kind} never existed",
            )
        )
        return None
    if district is None:
        problems.append(
            Problem(
                "district",
                4,
                6,
                f"kode kecamatan {digits[:6]} pada {kind} tidak pernah ada",
                f"district code {digits[:6]} of the {kind} never existed",
            )
        )
        return None
    if not district.in_force:
        notes.append(
            f"kode kecamatan {digits[:6]} ({district.name}) tidak berlaku lagi sejak daftar "
            f"setelah {district.last_version}; tetap sah karena NIK memakai kode pendaftaran pertama"
        )
    return RegionPrefix(province, regency, district)


def _century(two_digits: int, today: date) -> int:
    """The two-digit year as the latest year not after today (a NIK holder is born in the past)."""
    year = 2000 + two_digits
    return year if year <= today.year else year - 100


def parse_nik(raw: str, *, today: date | None = None) -> NIK:
    """Decode a NIK or raise InvalidNumber listing everything wrong with it."""
    today = today or date.today()
    digits, problems = _digits("NIK", raw)
    if problems:
        raise InvalidNumber("NIK", raw, problems)
    notes: list[str] = []
    prefix = _region_prefix("NIK", digits, problems, notes)
    day, month, yy = int(digits[6:8]), int(digits[8:10]), int(digits[10:12])
    sex = "F" if day > 40 else "M"
    real_day = day - 40 if day > 40 else day
    born: date | None = None
    if not (1 <= day <= 31 or 41 <= day <= 71):
        problems.append(
            Problem(
                "day",
                6,
                8,
                f"tanggal lahir {digits[6:8]} tidak sah (01–31, atau 41–71 untuk perempuan)",
                f"birth day {digits[6:8]} is invalid (01–31, or 41–71 for women)",
            )
        )
    if not 1 <= month <= 12:
        problems.append(
            Problem(
                "month",
                8,
                10,
                f"bulan lahir {digits[8:10]} tidak sah (01–12)",
                f"birth month {digits[8:10]} is invalid (01–12)",
            )
        )
    if not problems or all(p.code in {"province", "regency", "district"} for p in problems):
        year = _century(yy, today)
        try:
            born = date(year, month, real_day)
        except ValueError:
            problems.append(
                Problem(
                    "calendar",
                    6,
                    12,
                    f"tanggal lahir {real_day:02d}-{month:02d}-{year} tidak ada di kalender",
                    f"birth date {year}-{month:02d}-{real_day:02d} does not exist",
                )
            )
        else:
            if born > today:
                problems.append(
                    Problem(
                        "future",
                        6,
                        12,
                        f"tanggal lahir {born:%d-%m-%Y} belum terjadi",
                        f"birth date {born} is in the future",
                    )
                )
    if digits[12:] == "0000":
        problems.append(
            Problem(
                "serial",
                12,
                16,
                "nomor urut 0000 tidak sah (mulai dari 0001)",
                "serial 0000 is invalid (serials start at 0001)",
            )
        )
    if problems or prefix is None or born is None:
        raise InvalidNumber("NIK", raw, problems)
    return NIK(digits, prefix, born, sex, digits[12:], tuple(notes))


def encode_nik(district_code: str, birth_date: date, sex: str, serial: int) -> str:
    if not (len(district_code) == 6 and district_code.isdigit()):
        raise ValueError("district code must have 6 digits")
    if sex not in {"M", "F"} or not 1 <= serial <= 9999:
        raise ValueError("sex must be M or F and serial 1–9999")
    day = birth_date.day + (40 if sex == "F" else 0)
    return f"{district_code}{day:02d}{birth_date.month:02d}{birth_date.year % 100:02d}{serial:04d}"


def parse_kk(raw: str, *, today: date | None = None) -> KK:
    """Decode a Kartu Keluarga number or raise InvalidNumber."""
    today = today or date.today()
    digits, problems = _digits("Nomor KK", raw)
    if problems:
        raise InvalidNumber("Nomor KK", raw, problems)
    notes: list[str] = []
    prefix = _region_prefix("Nomor KK", digits, problems, notes)
    day, month, yy = int(digits[6:8]), int(digits[8:10]), int(digits[10:12])
    recorded: date | None = None
    try:
        recorded = date(_century(yy, today), month, day)
    except ValueError:
        problems.append(
            Problem(
                "calendar",
                6,
                12,
                f"tanggal pencatatan {digits[6:8]}-{digits[8:10]}-{digits[10:12]} tidak ada di kalender",
                f"recording date {digits[6:12]} does not exist",
            )
        )
    if digits[12:] == "0000":
        problems.append(
            Problem("serial", 12, 16, "nomor urut keluarga 0000 tidak sah", "family serial 0000 is invalid")
        )
    if problems or prefix is None or recorded is None:
        raise InvalidNumber("Nomor KK", raw, problems)
    return KK(digits, prefix, recorded, digits[12:], tuple(notes))


def nik_or_none(raw: str | None, *, today: date | None = None) -> NIK | None:
    try:
        return parse_nik(raw or "", today=today)
    except InvalidNumber:
        return None
