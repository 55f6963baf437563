"""Synthetic Indonesian person lists with known truth, for training the default model, tests and benchmarks.

Each true person may appear several times with the variation real registers show: spelling-family respellings
(MUHAMMAD → MOH.), old spellings, titles and degrees, a typo, reordered names, day and month swapped, the year off
by one, a changed phone, a new NIK (registered again elsewhere), missing fields. Namesakes — different people with
the same name and a different birth date — are added on purpose, since they are what a matcher must not merge.
"""

import csv
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from garda.identity.names import DATA as NAME_DATA
from garda.identity.nik import encode_nik
from garda.identity.regions import _regions
from garda.synthetic import people as base

EXTRA_MALE = [
    "Rizki",
    "Yusuf",
    "Ahmad",
    "Abdul",
    "Syaiful",
    "Taufik",
    "Rahmat",
    "Hidayat",
    "Mustafa",
    "Ismail",
    "Ibrahim",
    "Sulaiman",
    "Hasan",
    "Husein",
    "Zainal",
    "Lutfi",
    "Hafiz",
    "Fauzi",
    "Arif",
    "Joko",
    "Wahyu",
    "Cahyadi",
    "Supriyadi",
    "Yohanes",
    "Yoseph",
    "Kristianto",
    "Made",
    "Ketut",
    "Wayan",
    "Nyoman",
    "Putu",
    "Kadek",
    "Gede",
    "Komang",
    "Ucok",
    "Togar",
    "Parlindungan",
    "Sahat",
    "Markus",
    "Petrus",
    "Andreas",
]
EXTRA_FEMALE = [
    "Fatimah",
    "Aisyah",
    "Khadijah",
    "Zainab",
    "Nurhayati",
    "Rahmawati",
    "Fitriani",
    "Yulianti",
    "Handayani",
    "Wulandari",
    "Rahayu",
    "Anisa",
    "Fauziah",
    "Syafitri",
    "Maria",
    "Ni Luh",
    "Ni Made",
    "Ni Ketut",
    "Theresia",
    "Magdalena",
    "Rosmawati",
    "Yohana",
    "Agustina",
    "Kristina",
    "Butet",
]
EXTRA_SECOND = [
    "Simatupang",
    "Panjaitan",
    "Hutapea",
    "Manurung",
    "Sinaga",
    "Tambunan",
    "Situmorang",
    "Pardede",
    "Wanggai",
    "Rumbiak",
    "Kambu",
    "Mandacan",
    "Sumual",
    "Lumenta",
    "Pangkey",
    "Saragih",
    "Ginting",
    "Purba",
    "Damanik",
    "Sitorus",
    "Mahendra",
    "Pratiwi",
    "Oktaviani",
    "Permatasari",
    "Susilo",
    "Sutrisno",
    "Hartono",
    "Kusnadi",
    "Suparman",
    "Sumarno",
    "Budiman",
    "Halim",
    "Tanjung",
    "Daulay",
    "Syahputra",
    "Firmansyah",
    "Saputra",
    "Setiawan",
    "Prasetyo",
    "Gunawan",
    "Kurniawan",
    "Susanto",
]


@lru_cache(maxsize=1)
def _variants() -> dict[str, list[str]]:
    table: dict[str, list[str]] = {}
    with open(NAME_DATA / "name_families.csv", newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            members = [row["canonical"], *row["variants"].split()]
            for m in members:
                table[m.upper()] = [x for x in members if x != m and len(x) > 1]
    return table


@lru_cache(maxsize=1)
def _districts() -> tuple[list[str], list[str]]:
    codes = sorted(c for c in _regions() if len(c) == 6)
    regencies = sorted(
        {
            _regions()[c[:4]].name.replace("Kabupaten ", "").replace("Kota Administrasi ", "").replace("Kota ", "")
            for c in codes
            if c[:4] in _regions()
        }
    )
    return codes, regencies


@dataclass(frozen=True)
class TruePerson:
    key: int
    full_name: str
    sex: str
    birth_date: date
    nik: str
    phone: str
    birth_place: str
    mother_name: str
    address: str
    kk_number: str = ""
    father_name: str = ""


def _name(rng: random.Random, sex: str) -> str:
    firsts = (base.MALE_FIRST + EXTRA_MALE) if sex == "M" else (base.FEMALE_FIRST + EXTRA_FEMALE)
    seconds = [s for s in base.SECOND + EXTRA_SECOND if sex == "F" or s not in base.FEMALE_SECOND]
    parts = [rng.choice(firsts)]
    roll = rng.random()
    if roll < 0.1:
        return parts[0]
    if roll < 0.35:
        parts.append(rng.choice(firsts))
    parts.append(rng.choice(seconds))
    return " ".join(dict.fromkeys(parts))


def true_person(rng: random.Random, key: int) -> TruePerson:
    codes, regencies = _districts()
    sex = rng.choice("MF")
    born = date(1950, 1, 1) + timedelta(days=rng.randrange(365 * 56))
    return TruePerson(
        key=key,
        full_name=_name(rng, sex),
        sex=sex,
        birth_date=born,
        nik=encode_nik(rng.choice(codes), born, sex, rng.randrange(1, 10000)),
        phone=base.mobile(rng),
        birth_place=rng.choice(regencies),
        mother_name=_name(rng, "F"),
        address=base.address(rng),
    )


def _typo(rng: random.Random, word: str) -> str:
    if len(word) < 4:
        return word
    i = rng.randrange(1, len(word) - 1)
    op = rng.random()
    if op < 0.4:
        return word[:i] + word[i + 1 :]
    if op < 0.7:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    return word[:i] + rng.choice("AEIOUNRS") + word[i + 1 :]


def _respell(rng: random.Random, name: str) -> str:
    words = name.upper().split()
    out = []
    for w in words:
        options = _variants().get(w)
        if options and rng.random() < 0.7:
            out.append(rng.choice(options))
        elif rng.random() < 0.15:
            out.append(_typo(rng, w))
        else:
            out.append(w)
    if len(out) > 1 and rng.random() < 0.1:
        out = out[1:] + out[:1]  # reordered
    if out[0] in {"MUHAMMAD", "MUHAMAD", "MOHAMMAD"} and len(out) > 1 and rng.random() < 0.3:
        out[0] = "M."
    if rng.random() < 0.1:
        out.insert(0, rng.choice(["H.", "HJ.", "DR."]))
    if rng.random() < 0.1:
        out[-1] += rng.choice([", S.PD.", ", S.KOM.", ", A.MD.", ", S.E."])
    text = " ".join(out)
    return text.title() if rng.random() < 0.5 else text


def _vary_date(rng: random.Random, born: date) -> date:
    roll = rng.random()
    if roll < 0.05 and born.day <= 12:
        try:
            return born.replace(day=born.month, month=born.day)
        except ValueError:
            return born
    if roll < 0.08:
        try:
            return born.replace(year=born.year + rng.choice([-1, 1]))
        except ValueError:
            return born
    return born


def _fmt_phone(rng: random.Random, phone: str) -> str:
    national = phone[1:]
    return rng.choice(
        [
            phone,
            f"+62 {national[:3]} {national[3:7]} {national[7:]}",
            f"62{national}",
            f"{phone[:4]}-{phone[4:8]}-{phone[8:]}",
        ]
    )


def appearance(rng: random.Random, person: TruePerson, record_id: str, *, first: bool) -> dict[str, str]:
    """One record of a person; the first is written as registered, later ones vary."""
    codes, _ = _districts()
    if first:
        return {
            "id": record_id,
            "full_name": person.full_name,
            "birth_date": person.birth_date.isoformat(),
            "sex": person.sex,
            "nik": person.nik,
            "phone": person.phone,
            "birth_place": person.birth_place,
            "address": person.address,
            "mother_name": person.mother_name,
            "other_id": "",
            "kk_number": person.kk_number,
            "father_name": person.father_name,
        }
    born = _vary_date(rng, person.birth_date)
    nik = person.nik
    if rng.random() < 0.15:  # registered again elsewhere: a new NIK
        nik = encode_nik(rng.choice(codes), person.birth_date, person.sex, rng.randrange(1, 10000))
    elif rng.random() < 0.03:  # one digit keyed wrong
        i = rng.randrange(12, 16)
        nik = nik[:i] + str((int(nik[i]) + rng.randrange(1, 10)) % 10) + nik[i + 1 :]
    sex = person.sex if rng.random() > 0.01 else ("F" if person.sex == "M" else "M")  # keyed wrong
    place = person.birth_place if rng.random() > 0.05 else _typo(rng, person.birth_place.upper())
    phone = person.phone if rng.random() > 0.3 else base.mobile(rng)
    return {
        "id": record_id,
        "full_name": _respell(rng, person.full_name),
        "birth_date": born.isoformat() if rng.random() > 0.05 else "",
        "sex": sex if rng.random() > 0.1 else "",
        "nik": nik if rng.random() > 0.25 else "",
        "phone": _fmt_phone(rng, phone) if rng.random() > 0.2 else "",
        "birth_place": place if rng.random() > 0.3 else "",
        "address": person.address if rng.random() > 0.5 else base.address(rng),
        "mother_name": _respell(rng, person.mother_name) if rng.random() > 0.4 else "",
        "other_id": "",
        **_household_fields(rng, person),
    }


def _household_fields(rng: random.Random, person: TruePerson) -> dict[str, str]:
    """The KK changes on a move, a marriage or a split family; the father's name is often left blank. A person
    of the plain lists has neither, and draws nothing (those lists stay as they were generated before)."""
    kk = ""
    if person.kk_number and rng.random() > 0.3:
        kk = person.kk_number if rng.random() > 0.3 else _kk(rng)
    father = ""
    if person.father_name and rng.random() > 0.4:
        father = _respell(rng, person.father_name)
    return {"kk_number": kk, "father_name": father}


def _kk(rng: random.Random) -> str:
    codes, _ = _districts()
    recorded = date(2005, 1, 1) + timedelta(days=rng.randrange(365 * 20))
    return f"{rng.choice(codes)}{recorded:%d%m%y}{rng.randrange(1, 10000):04d}"


def namesake(rng: random.Random, person: TruePerson, key: int) -> TruePerson:
    """A different person with the same name (a common one), born on another day, with their own numbers."""
    other = true_person(rng, key)
    return TruePerson(
        key,
        person.full_name,
        person.sex,
        other.birth_date,
        encode_nik(other.nik[:6], other.birth_date, person.sex, rng.randrange(1, 10000)),
        other.phone,
        other.birth_place,
        other.mother_name,
        other.address,
    )


def dataset(
    n_people: int,
    *,
    seed: int = 1,
    duplicate_rate: float = 0.4,
    namesake_rate: float = 0.05,
) -> Iterator[tuple[dict[str, str], int]]:
    """(record, true person key) for about n_people × (1 + duplicate_rate) records, shuffled."""
    rng = random.Random(seed)
    rows: list[tuple[dict[str, str], int]] = []
    key = 0
    for _ in range(n_people):
        person = true_person(rng, key)
        rows.append((appearance(rng, person, f"p{key}-0", first=True), key))
        copies = 0
        while rng.random() < duplicate_rate and copies < 3:
            copies += 1
            rows.append((appearance(rng, person, f"p{key}-{copies}", first=False), key))
        key += 1
        if rng.random() < namesake_rate:
            twin = namesake(rng, person, key)
            rows.append((appearance(rng, twin, f"p{key}-0", first=True), key))
            key += 1
    rng.shuffle(rows)
    yield from rows


def linked_lists(
    n_people: int, *, seed: int = 2
) -> tuple[list[dict[str, str]], list[dict[str, str]], set[tuple[str, str]]]:
    """Two lists (a register, and a later list where 60 % of people reappear varied) and the true pairs."""
    rng = random.Random(seed)
    left, right, truth = [], [], set()
    key = 0
    for _ in range(n_people):
        person = true_person(rng, key)
        lrec = appearance(rng, person, f"L{key}", first=True)
        left.append(lrec)
        if rng.random() < 0.6:
            rrec = appearance(rng, person, f"R{key}", first=False)
            right.append(rrec)
            truth.add((lrec["id"], rrec["id"]))
        elif rng.random() < 0.1:
            twin = namesake(rng, person, key + 10**7)
            right.append(appearance(rng, twin, f"R{key}n", first=True))
        key += 1
    rng.shuffle(right)
    return left, right, truth


# --- households ------------------------------------------------------------------------------------------------
# Real person lists are made of families (domain brief §4.2a): members share the KK, the address, often one phone,
# the parents' names and the birth place. Twins share the birth date and the first 12 digits of the NIK; a son may
# carry his father's full name; very common names recur on the same day elsewhere. These are the hard negatives a
# matcher must keep apart, beside true duplicates that changed their NIK, phone, address or spelling.

TWIN_NAMES = [  # (name, sex, the twin's name, sex)
    ("Hasan", "M", "Husein", "M"),
    ("Dewi Sartika", "F", "Dewi Kartika", "F"),
    ("Rina", "F", "Rini", "F"),
    ("Fajar", "M", "Fajri", "M"),
    ("Putri", "F", "Putra", "M"),
    ("Nur Aini", "F", "Nur Aina", "F"),
    ("Adi", "M", "Ida", "F"),
    ("Yusuf", "M", "Yunus", "M"),
    ("Intan", "F", "Indah", "F"),
]
COMMON_NAMES = {"M": ["Muhammad Rizki", "Agus Setiawan", "Ahmad Fauzi", "Budi Santoso"],
                "F": ["Siti Aminah", "Siti Nurhaliza", "Dewi Lestari", "Sri Wahyuni"]}  # fmt: skip
FAMILY_NAMES = [x for x in EXTRA_SECOND if x not in {"Pratiwi", "Oktaviani", "Permatasari"}]
HARD_NEGATIVE_KINDS = ("sibling", "twin", "junior", "parent_child", "spouse", "namesake_same_day")


@dataclass
class HouseholdData:
    records: list[tuple[dict[str, str], int]]  # (record, true person key), shuffled
    relations: dict[str, set[tuple[int, int]]]  # hard-negative kind → pairs of person keys (smaller first)


def _member(
    rng: random.Random,
    key: int,
    *,
    name: str,
    sex: str,
    born: date,
    district: str,
    serial: int,
    home: dict[str, str],
    mother: str,
    father: str,
    birth_place: str,
    phone: str,
) -> TruePerson:
    return TruePerson(
        key=key,
        full_name=name,
        sex=sex,
        birth_date=born,
        nik=encode_nik(district, born, sex, serial),
        phone=phone,
        birth_place=birth_place,
        mother_name=mother,
        address=home["address"],
        kk_number=home["kk"],
        father_name=father,
    )


def _child_name(rng: random.Random, sex: str, family_name: str) -> str:
    firsts = (base.MALE_FIRST + EXTRA_MALE) if sex == "M" else (base.FEMALE_FIRST + EXTRA_FEMALE)
    parts = [rng.choice(firsts)]
    if rng.random() < 0.3:
        parts.append(rng.choice(firsts))
    if family_name:
        parts.append(family_name)
    elif rng.random() < 0.5:
        parts.append(rng.choice([x for x in base.SECOND + EXTRA_SECOND if sex == "F" or x not in base.FEMALE_SECOND]))
    return " ".join(dict.fromkeys(parts))


def household_dataset(
    n_households: int,
    *,
    seed: int = 11,
    twin_rate: float = 0.08,
    junior_rate: float = 0.08,
    namesake_rate: float = 0.03,
    duplicate_rate: float = 0.45,
    listed_rate: float = 0.85,
) -> HouseholdData:
    """Families with their duplicates and their hard negatives, for the household benchmark and the tests."""
    rng = random.Random(seed)
    codes, regencies = _districts()
    people: list[TruePerson] = []
    relations: dict[str, set[tuple[int, int]]] = {kind: set() for kind in HARD_NEGATIVE_KINDS}

    def relate(kind: str, a: TruePerson, b: TruePerson) -> None:
        relations[kind].add((min(a.key, b.key), max(a.key, b.key)))

    serials: dict[tuple[str, date, str], int] = {}

    def serial(district: str, born: date, sex: str) -> int:
        k = (district, born, sex)
        serials[k] = serials.get(k, rng.randrange(1, 40)) + 1
        return serials[k]

    for _ in range(n_households):
        district = rng.choice(codes)
        place = rng.choice(regencies)
        home = {"address": base.address(rng), "kk": f"{district}{_kk(rng)[6:]}"}
        family_phone = base.mobile(rng)
        family_name = rng.choice(FAMILY_NAMES) if rng.random() < 0.3 else ""
        father_born = date(1945, 1, 1) + timedelta(days=rng.randrange(365 * 35))
        mother_born = father_born + timedelta(days=rng.randrange(-365 * 3, 365 * 8))
        father_name = (
            _name(rng, "M") if not family_name else f"{rng.choice(base.MALE_FIRST + EXTRA_MALE)} {family_name}"
        )
        mother_name = _name(rng, "F")
        father = _member(rng, len(people), name=father_name, sex="M", born=father_born,
                         district=rng.choice(codes), serial=rng.randrange(1, 9000), home=home,
                         mother=_name(rng, "F"), father=_name(rng, "M"), birth_place=rng.choice(regencies),
                         phone=family_phone)  # fmt: skip
        people.append(father)
        mother = _member(rng, len(people), name=mother_name, sex="F", born=mother_born,
                         district=rng.choice(codes), serial=rng.randrange(1, 9000), home=home,
                         mother=_name(rng, "F"), father=_name(rng, "M"), birth_place=rng.choice(regencies),
                         phone=family_phone if rng.random() < 0.6 else base.mobile(rng))  # fmt: skip
        people.append(mother)
        relate("spouse", father, mother)
        children: list[TruePerson] = []
        born = mother_born + timedelta(days=365 * 20 + rng.randrange(365 * 8))
        for position in range(rng.choice([0, 1, 2, 2, 3, 3, 4])):
            sex = rng.choice("MF")
            if position == 0 and sex == "M" and rng.random() < junior_rate * 2:
                name = father_name  # a junior: the father's full name
            else:
                name = _child_name(rng, sex, family_name)
            own_phone = rng.random() < 0.5
            common: dict[str, Any] = dict(home=home, mother=mother_name, father=father_name,
                          birth_place=place if rng.random() < 0.85 else rng.choice(regencies))  # fmt: skip
            child = _member(rng, len(people), name=name, sex=sex, born=born, district=district,
                            serial=serial(district, born, sex),
                            phone=base.mobile(rng) if own_phone else family_phone, **common)  # fmt: skip
            people.append(child)
            children.append(child)
            if rng.random() < twin_rate:
                a, twin_sex, b, second_sex = rng.choice(TWIN_NAMES)
                first = _member(rng, child.key, name=f"{a} {family_name}".strip(), sex=twin_sex, born=born,
                                district=district, serial=serial(district, born, twin_sex), phone=child.phone,
                                **common)  # fmt: skip
                people[-1] = children[-1] = first
                twin = _member(rng, len(people), name=f"{b} {family_name}".strip(), sex=second_sex, born=born,
                               district=district, serial=serial(district, born, second_sex),
                               phone=first.phone if rng.random() < 0.7 else base.mobile(rng), **common)  # fmt: skip
                people.append(twin)
                children.append(twin)
                relate("twin", first, twin)
            born = born + timedelta(days=400 + rng.randrange(365 * 5))
        for child in children:
            for parent in (father, mother):
                kind = "junior" if child.full_name == parent.full_name else "parent_child"
                relate(kind, parent, child)
        for i, elder in enumerate(children):
            for younger in children[i + 1 :]:
                if (min(elder.key, younger.key), max(elder.key, younger.key)) not in relations["twin"]:
                    relate("sibling", elder, younger)
    for person in list(people):
        if rng.random() < namesake_rate:
            district = rng.choice(codes)
            other = TruePerson(
                key=len(people),
                full_name=rng.choice(COMMON_NAMES[person.sex]),
                sex=person.sex,
                birth_date=person.birth_date,
                nik=encode_nik(district, person.birth_date, person.sex, rng.randrange(1, 9000)),
                phone=base.mobile(rng),
                birth_place=rng.choice(regencies),
                mother_name=_name(rng, "F"),
                address=base.address(rng),
                kk_number=_kk(rng),
                father_name=_name(rng, "M"),
            )
            renamed = TruePerson(**{**person.__dict__, "full_name": other.full_name})
            people[person.key] = renamed
            people.append(other)
            relate("namesake_same_day", renamed, other)
    rows: list[tuple[dict[str, str], int]] = []
    for person in people:
        if rng.random() > listed_rate:
            continue
        rows.append((appearance(rng, person, f"h{person.key}-0", first=True), person.key))
        copies = 0
        while rng.random() < duplicate_rate and copies < 3:
            copies += 1
            record = appearance(rng, person, f"h{person.key}-{copies}", first=False)
            rows.append((_messier(rng, record, person), person.key))
    rng.shuffle(rows)
    return HouseholdData(rows, relations)


def _messier(rng: random.Random, record: dict[str, str], person: TruePerson) -> dict[str, str]:
    """What the generic variation does not do: a one-digit birth-date typo, a shortened name."""
    if record["birth_date"] and rng.random() < 0.04:
        text = record["birth_date"].replace("-", "")
        for _ in range(10):
            i = rng.choice([2, 3, 6, 7])
            variant = text[:i] + str(rng.randrange(10)) + text[i + 1 :]
            try:
                typo = date(int(variant[:4]), int(variant[4:6]), int(variant[6:]))
            except ValueError:
                continue
            if typo != person.birth_date:
                record["birth_date"] = typo.isoformat()
                break
    words = record["full_name"].split()
    if len(words) > 2 and rng.random() < 0.1:
        record["full_name"] = " ".join(words[:-1])
    return record
