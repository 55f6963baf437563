"""How two person records are compared, field by field, into discrete agreement levels.

Level 0 always means "one side is missing" (it neither helps nor hurts). Higher-numbered levels agree less; the
last level of each comparison is plain disagreement. Each level has a label, in Indonesian and English, that the
evidence shown to officers uses.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from rapidfuzz.distance import Hamming, JaroWinkler, Levenshtein

from garda.identity.names import Name, distinct_given_names, name_similarity
from garda.identity.records import Person


@dataclass(frozen=True)
class Comparison:
    name: str
    levels: tuple[tuple[str, str], ...]  # (id, en) for levels 1..n; level 0 is "missing"
    compare: Callable[[Person, Person], int]

    @property
    def n_levels(self) -> int:
        return len(self.levels) + 1


def name_level(a: Name | None, b: Name | None) -> int:
    if a is None or b is None:
        return 0
    if a.key == b.key:
        return 1
    s = name_similarity(a, b)
    level = 2 if s >= 0.95 else 3 if s >= 0.88 else 4 if s >= 0.75 else 5
    if level < 5 and distinct_given_names(a, b):
        return 5  # another given name, however alike (twins, siblings name their children so): a different name
    return level


def _name(a: Person, b: Person) -> int:
    return name_level(a.name, b.name)


def _one_digit_apart(x: date, y: date) -> bool:
    """YYYYMMDD written with one digit different (arithmetic, not string formatting: this runs millions of times)."""
    differing = (
        (x.year // 1000 != y.year // 1000)
        + (x.year // 100 % 10 != y.year // 100 % 10)
        + (x.year // 10 % 10 != y.year // 10 % 10)
        + (x.year % 10 != y.year % 10)
        + (x.month // 10 != y.month // 10)
        + (x.month % 10 != y.month % 10)
        + (x.day // 10 != y.day // 10)
        + (x.day % 10 != y.day % 10)
    )
    return differing == 1


def _birth_date(a: Person, b: Person) -> int:
    x, y = a.birth_date, b.birth_date
    if x is None or y is None:
        return 0
    if x == y:
        return 1
    if x.year == y.year and x.day == y.month and x.month == y.day:
        return 2  # day and month swapped
    if _one_digit_apart(x, y) or (x.month == y.month and x.day == y.day and abs(x.year - y.year) == 1):
        return 3  # one digit wrong, or the year off by one
    if x.year == y.year:
        return 4
    return 5


def _nik(a: Person, b: Person) -> int:
    """Same; a keying slip in the region or date digits; one serial digit off with the same district and birth
    date (a slip — or twins, told apart by the name in `compare`); different."""
    x, y = a.nik, b.nik
    if x is None or y is None:
        return 0
    if x == y:
        return 1
    if x[:12] == y[:12]:
        return NIK_SERIAL_SLIP if Hamming.distance(x[12:], y[12:]) <= 1 else NIK_SAME_DAY
    if x[12:] == y[12:] and Hamming.distance(x, y) <= 2:
        return 2
    return NIK_DIFFERENT


NIK_SERIAL_SLIP = 3
NIK_SAME_DAY = 4  # same district and birth date, another serial: twins, or another baby of that day
NIK_DIFFERENT = 5


def twin_rule(name: int, nik: int) -> int:
    """The NIK level once the name is known. Dukcapil gives twins (and two babies of one district born the same
    day) NIKs that differ only in the serial, so a serial one digit off is a keying slip only when the name is the
    same; with another name it is the NIK of another person born that day."""
    return NIK_SAME_DAY if nik == NIK_SERIAL_SLIP and name != 1 else nik


def _phone(a: Person, b: Person) -> int:
    if a.phone is None or b.phone is None:
        return 0
    return 1 if a.phone == b.phone else 2


def _sex(a: Person, b: Person) -> int:
    if a.sex is None or b.sex is None:
        return 0
    return 1 if a.sex == b.sex else 2


def _text_levels(x: str | None, y: str | None, high: float, low: float) -> int:
    if not x or not y:
        return 0
    if x == y:
        return 1
    s = JaroWinkler.normalized_similarity(x, y)
    return 2 if s >= high else 3 if s >= low else 4


def _birth_place(a: Person, b: Person) -> int:
    return _text_levels(a.birth_place, b.birth_place, 0.92, 0.8)


def _address(a: Person, b: Person) -> int:
    if not a.address or not b.address:
        return 0
    if a.address == b.address:
        return 1
    ta, tb = set(a.address.split()), set(b.address.split())
    jaccard = len(ta & tb) / len(ta | tb)
    return 2 if jaccard >= 0.6 else 3 if jaccard >= 0.3 else 4


def _parent_level(x: Name | None, y: Name | None) -> int:
    if x is None or y is None:
        return 0
    if x.key == y.key:
        return 1
    return 2 if name_similarity(x, y) >= 0.9 else 3


def _mother(a: Person, b: Person) -> int:
    return _parent_level(a.mother_name, b.mother_name)


def _father(a: Person, b: Person) -> int:
    return _parent_level(a.father_name, b.father_name)


def _kk(a: Any, b: Any) -> int:
    if a.kk_number is None or b.kk_number is None:
        return 0
    return 1 if a.kk_number == b.kk_number else 2


def _other_id(a: Person, b: Person) -> int:
    if not a.other_id or not b.other_id:
        return 0
    if a.other_id == b.other_id:
        return 1
    return 2 if Levenshtein.distance(a.other_id, b.other_id) <= 2 else 3


COMPARISONS: tuple[Comparison, ...] = (
    Comparison(
        "name",
        (
            ("nama sama (setelah normalisasi)", "same name (normalised)"),
            ("nama hampir sama (≥ 0,95)", "near-identical name (≥ 0.95)"),
            ("nama mirip (≥ 0,88)", "similar name (≥ 0.88)"),
            ("nama agak mirip (≥ 0,75)", "somewhat similar name (≥ 0.75)"),
            ("nama berbeda", "different name"),
        ),
        _name,
    ),
    Comparison(
        "birth_date",
        (
            ("tanggal lahir sama", "same birth date"),
            ("tanggal dan bulan tertukar", "day and month swapped"),
            ("beda satu angka atau tahun ±1", "one digit off or year ±1"),
            ("tahun lahir sama saja", "same birth year only"),
            ("tanggal lahir berbeda", "different birth date"),
        ),
        _birth_date,
    ),
    Comparison(
        "nik",
        (
            ("NIK sama", "same NIK"),
            ("NIK beda 1–2 angka (salah ketik)", "NIK differs in 1–2 digits (a keying slip)"),
            (
                "NIK beda satu angka nomor urut, nama sama (salah ketik)",
                "NIK serial one digit off, same name (a keying slip)",
            ),
            (
                "NIK lain dengan wilayah dan tanggal lahir yang sama (kembar atau bayi lain hari itu)",
                "another NIK of the same district and birth date (a twin, or another baby of that day)",
            ),
            ("NIK berbeda", "different NIK"),
        ),
        _nik,
    ),
    Comparison("phone", (("telepon sama", "same phone"), ("telepon berbeda", "different phone")), _phone),
    Comparison("sex", (("jenis kelamin sama", "same sex"), ("jenis kelamin berbeda", "different sex")), _sex),
    Comparison(
        "birth_place",
        (
            ("tempat lahir sama", "same birth place"),
            ("tempat lahir hampir sama", "near-identical birth place"),
            ("tempat lahir mirip", "similar birth place"),
            ("tempat lahir berbeda", "different birth place"),
        ),
        _birth_place,
    ),
    Comparison(
        "address",
        (
            ("alamat sama", "same address"),
            ("alamat sebagian besar sama", "mostly the same address"),
            ("alamat sebagian sama", "partly the same address"),
            ("alamat berbeda", "different address"),
        ),
        _address,
    ),
    Comparison(
        "mother_name",
        (
            ("nama ibu sama", "same mother's name"),
            ("nama ibu mirip", "similar mother's name"),
            ("nama ibu berbeda", "different mother's name"),
        ),
        _mother,
    ),
    Comparison(
        "other_id",
        (
            ("nomor identitas lain sama", "same other id number"),
            ("nomor identitas lain beda 1–2 karakter", "other id number differs by 1–2 characters"),
            ("nomor identitas lain berbeda", "different other id number"),
        ),
        _other_id,
    ),
    Comparison(
        "father_name",
        (
            ("nama ayah sama", "same father's name"),
            ("nama ayah mirip", "similar father's name"),
            ("nama ayah berbeda", "different father's name"),
        ),
        _father,
    ),
    Comparison("kk_number", (("nomor KK sama", "same family card (KK)"), ("nomor KK berbeda", "another KK")), _kk),
)

# Person evidence says who someone is; household evidence says where they belong, and agrees for every member of
# a family at once (domain brief §4.2a). The model counts the household fields as one correlated group.
HOUSEHOLD = frozenset({"phone", "birth_place", "address", "mother_name", "father_name", "kk_number"})
# Where they differ, the household fields fall in two kinds: the phone, address and KK change together when a
# person moves (one correlated event), while the birth place and parents' names are for life and differ only by
# mistake — so two records differing on them are each evidence that the people differ.
MUTABLE = frozenset({"phone", "address", "kk_number"})


# The comparisons that need no name normalisation: all but the names (positions in COMPARISONS).
CHEAP = (1, 2, 3, 4, 5, 6, 8, 10)
NIK_POSITION = 2


def cheap_levels(a: Any, b: Any) -> tuple[int, ...]:
    """The levels at CHEAP positions; `b` needs only the plain fields (a row, before it is made a Person). The
    NIK's level is the one before the name is known (see `twin_rule`)."""
    return (
        _birth_date(a, b),
        _nik(a, b),
        _phone(a, b),
        _sex(a, b),
        _birth_place(a, b),
        _address(a, b),
        _other_id(a, b),
        _kk(a, b),
    )


def compare(a: Person, b: Person) -> tuple[int, ...]:
    # Written out rather than looped over COMPARISONS: this runs millions of times in a batch.
    name = _name(a, b)
    return (
        name,
        _birth_date(a, b),
        twin_rule(name, _nik(a, b)),
        _phone(a, b),
        _sex(a, b),
        _birth_place(a, b),
        _address(a, b),
        _mother(a, b),
        _other_id(a, b),
        _father(a, b),
        _kk(a, b),
    )


assert [c.compare for c in COMPARISONS] == [
    _name,
    _birth_date,
    _nik,
    _phone,
    _sex,
    _birth_place,
    _address,
    _mother,
    _other_id,
    _father,
    _kk,
], "compare() must follow COMPARISONS"
