"""Synthetic Indonesian people for the demo and the tests: names, NIKs, NIPs, phones. Never real data.

NIKs are built from real district codes with the real structure (birth day +40 for women, serial ≥ 0001);
they are random, so any resemblance to a real person's number is chance and carries no information.
"""

import random
from dataclasses import dataclass
from datetime import date, timedelta

MALE_FIRST = [
    "Muhammad",
    "Ahmad",
    "Budi",
    "Agus",
    "Rizky",
    "Dedi",
    "Eko",
    "Hendra",
    "Yusuf",
    "Fajar",
    "Andi",
    "Bayu",
    "Dimas",
    "Arif",
    "Rudi",
    "Hadi",
    "Imam",
    "Joko",
    "Wahyu",
    "Teguh",
    "Bambang",
    "Gilang",
    "Irfan",
    "Slamet",
    "Taufik",
    "Hasan",
    "Rahmat",
    "Ilham",
    "Reza",
    "Aditya",
    "Yoga",
    "Surya",
    "Dwi",
    "Nur",
    "Ikhsan",
    "Firman",
]
FEMALE_FIRST = [
    "Siti",
    "Nur",
    "Dewi",
    "Sri",
    "Ayu",
    "Fitri",
    "Rina",
    "Wulan",
    "Indah",
    "Putri",
    "Lestari",
    "Ratna",
    "Yuni",
    "Eka",
    "Nurul",
    "Dian",
    "Maya",
    "Intan",
    "Rahma",
    "Anisa",
    "Wati",
    "Kartika",
    "Lina",
    "Sari",
    "Tuti",
    "Novi",
    "Aisyah",
    "Fatimah",
    "Halimah",
    "Mega",
    "Desi",
    "Rini",
    "Endang",
    "Yanti",
    "Ani",
    "Ningsih",
]
SECOND = [
    "Saputra",
    "Pratama",
    "Hidayat",
    "Santoso",
    "Wijaya",
    "Kurniawan",
    "Setiawan",
    "Gunawan",
    "Nugroho",
    "Permana",
    "Ramadhan",
    "Firmansyah",
    "Hakim",
    "Syahputra",
    "Prasetyo",
    "Susanto",
    "Hartono",
    "Maulana",
    "Lubis",
    "Siregar",
    "Nasution",
    "Harahap",
    "Simanjuntak",
    "Sembiring",
    "Tarigan",
    "Rangkuti",
    "Pohan",
    "Wibowo",
    "Purnomo",
    "Suryadi",
    "Abdullah",
    "Rahman",
    "Yulianti",
    "Handayani",
    "Rahayu",
    "Wulandari",
    "Anggraini",
    "Puspitasari",
    "Kusuma",
    "Utami",
    "Safitri",
    "Fauziah",
]
# Second names that are customarily women's only.
FEMALE_SECOND = {
    "Yulianti",
    "Handayani",
    "Rahayu",
    "Wulandari",
    "Anggraini",
    "Puspitasari",
    "Utami",
    "Safitri",
    "Fauziah",
}
MOBILE_PREFIXES = [
    "811",
    "812",
    "813",
    "821",
    "822",
    "852",
    "853",
    "815",
    "816",
    "855",
    "856",
    "857",
    "858",
    "817",
    "818",
    "819",
    "859",
    "877",
    "878",
    "831",
    "832",
    "838",
    "895",
    "896",
    "897",
    "898",
]
STREETS = [
    "Jl. Tebet Barat Dalam",
    "Jl. Kemang Raya",
    "Jl. Ampera Raya",
    "Jl. Pejaten Raya",
    "Jl. Kalibata Tengah",
    "Jl. Gandaria I",
    "Jl. Fatmawati",
    "Jl. Cilandak KKO",
    "Jl. Pangeran Antasari",
    "Jl. Duren Tiga",
    "Jl. Mampang Prapatan XI",
    "Jl. Kebagusan Raya",
    "Jl. Lenteng Agung",
    "Jl. Bintaro Permai",
]


@dataclass(frozen=True)
class Person:
    full_name: str
    sex: str  # "M" or "F"
    birth_date: date
    nik: str
    phone: str


def full_name(rng: random.Random, sex: str) -> str:
    first = rng.choice(MALE_FIRST if sex == "M" else FEMALE_FIRST)
    pool = [s for s in SECOND if sex == "F" or s not in FEMALE_SECOND]
    if rng.random() < 0.12:
        return first  # single names are common
    parts = [first, rng.choice(pool)]
    if rng.random() < 0.25:
        parts.insert(1, rng.choice(MALE_FIRST if sex == "M" else FEMALE_FIRST))
    return " ".join(dict.fromkeys(parts))


def birth_date(rng: random.Random, min_age: int = 18, max_age: int = 60, today: date | None = None) -> date:
    today = today or date(2026, 1, 1)
    start = today - timedelta(days=365 * max_age)
    return start + timedelta(days=rng.randrange(365 * (max_age - min_age)))


def nik(rng: random.Random, district_code: str, born: date, sex: str) -> str:
    """A structurally valid NIK: district code, birth day (+40 for women), month, 2-digit year, serial."""
    assert len(district_code) == 6 and district_code.isdigit()
    day = born.day + (40 if sex == "F" else 0)
    return f"{district_code}{day:02d}{born.month:02d}{born.year % 100:02d}{rng.randrange(1, 10000):04d}"


def nip(rng: random.Random, born: date, sex: str, appointed: date) -> str:
    """An 18-digit civil-servant number: birth date, appointment month, sex (1/2), serial."""
    return f"{born:%Y%m%d}{appointed:%Y%m}{1 if sex == 'M' else 2}{rng.randrange(1, 1000):03d}"


def mobile(rng: random.Random) -> str:
    return f"0{rng.choice(MOBILE_PREFIXES)}{rng.randrange(10**7, 10**8)}"


def address(rng: random.Random) -> str:
    rt, rw = rng.randrange(1, 15), rng.randrange(1, 12)
    return f"{rng.choice(STREETS)} No. {rng.randrange(1, 120)}, RT {rt:03d}/RW {rw:03d}"


def person(rng: random.Random, district_code: str, sex: str | None = None) -> Person:
    sex = sex or rng.choice("MF")
    born = birth_date(rng)
    return Person(full_name(rng, sex), sex, born, nik(rng, district_code, born, sex), mobile(rng))
