"""The demo's offices and staff: Kanim Jakarta Selatan (JAKSEL) and a few other offices, staff in every role."""

import os
import random
from dataclasses import dataclass
from datetime import date, timedelta

from garda.core import actions
from garda.core.models import Office, User
from garda.core.models.offices import OfficeKind, OfficeTimeZone
from garda.core.roles import Role
from garda.synthetic import people as synthetic

DEMO_PASSWORD = os.environ.get("GARDA_DEMO_PASSWORD", "garda-demo-2026")

# code, name, kind, time zone, address, region code, parent code
# The letterhead of each demo office: the place its letters are dated at, and a (synthetic) telephone.
LETTERHEADS = {
    "DITJEN": ("Jakarta", "(021) 5550 1000"),
    "KANWIL_DKI": ("Jakarta", "(021) 5550 2000"),
    "JAKSEL": ("Jakarta", "(021) 5550 3000"),
    "JAKTIM": ("Jakarta", "(021) 5550 4000"),
    "KANWIL_JABAR": ("Bandung", "(022) 5550 1000"),
    "CIREBON": ("Cirebon", "(0231) 555 100"),
    "KANWIL_BALI": ("Denpasar", "(0361) 555 100"),
    "DENPASAR": ("Denpasar", "(0361) 555 200"),
    "KANWIL_PAPUA": ("Jayapura", "(0967) 555 100"),
    "JAYAPURA": ("Jayapura", "(0967) 555 200"),
}

OFFICES = [
    (
        "DITJEN",
        "Direktorat Jenderal Imigrasi",
        OfficeKind.NATIONAL,
        OfficeTimeZone.WIB,
        "Jl. H.R. Rasuna Said Kav. X-6 No. 8, Kuningan, Jakarta Selatan",
        "317402",
        None,
    ),
    (
        "KANWIL_DKI",
        "Kantor Wilayah Direktorat Jenderal Imigrasi DKI Jakarta",
        OfficeKind.KANWIL,
        OfficeTimeZone.WIB,
        "Jakarta",
        "31",
        "DITJEN",
    ),
    (
        "JAKSEL",
        "Kantor Imigrasi Kelas I Khusus Non TPI Jakarta Selatan",
        OfficeKind.KANIM,
        OfficeTimeZone.WIB,
        "Jl. Warung Buncit Raya No. 207, Mampang Prapatan, Jakarta Selatan",
        "317403",
        "KANWIL_DKI",
    ),
    (
        "JAKTIM",
        "Kantor Imigrasi Kelas I Non TPI Jakarta Timur",
        OfficeKind.KANIM,
        OfficeTimeZone.WIB,
        "Jakarta Timur",
        "3175",
        "KANWIL_DKI",
    ),
    (
        "KANWIL_JABAR",
        "Kantor Wilayah Direktorat Jenderal Imigrasi Jawa Barat",
        OfficeKind.KANWIL,
        OfficeTimeZone.WIB,
        "Bandung",
        "32",
        "DITJEN",
    ),
    (
        "CIREBON",
        "Kantor Imigrasi Kelas II TPI Cirebon",
        OfficeKind.KANIM,
        OfficeTimeZone.WIB,
        "Cirebon",
        "3274",
        "KANWIL_JABAR",
    ),
    (
        "KANWIL_BALI",
        "Kantor Wilayah Direktorat Jenderal Imigrasi Bali",
        OfficeKind.KANWIL,
        OfficeTimeZone.WITA,
        "Denpasar",
        "51",
        "DITJEN",
    ),
    (
        "DENPASAR",
        "Kantor Imigrasi Kelas I TPI Denpasar",
        OfficeKind.KANIM,
        OfficeTimeZone.WITA,
        "Denpasar",
        "5171",
        "KANWIL_BALI",
    ),
    (
        "KANWIL_PAPUA",
        "Kantor Wilayah Direktorat Jenderal Imigrasi Papua",
        OfficeKind.KANWIL,
        OfficeTimeZone.WIT,
        "Jayapura",
        "91",
        "DITJEN",
    ),
    (
        "JAYAPURA",
        "Kantor Imigrasi Kelas I TPI Jayapura",
        OfficeKind.KANIM,
        OfficeTimeZone.WIT,
        "Jayapura",
        "9171",
        "KANWIL_PAPUA",
    ),
]


@dataclass(frozen=True)
class Persona:
    username: str
    office: str
    role: Role
    position: str
    agency: str = ""


PERSONAS = [
    Persona("loket.jaksel", "JAKSEL", Role.COUNTER, "Petugas Loket Pelayanan Paspor"),
    Persona("wawancara.jaksel", "JAKSEL", Role.INTERVIEWER, "Petugas Wawancara"),
    Persona("kasi.jaksel", "JAKSEL", Role.KASI, "Kepala Seksi Pelayanan Dokumen Perjalanan"),
    Persona("kabid.jaksel", "JAKSEL", Role.KABID_INTEL, "Kepala Bidang Intelijen dan Penindakan Keimigrasian"),
    Persona("kakanim.jaksel", "JAKSEL", Role.KAKANIM, "Kepala Kantor"),
    Persona("investigator.jaksel", "JAKSEL", Role.INVESTIGATOR, "Tim Investigasi Internal"),
    Persona("analis.jaksel", "JAKSEL", Role.ANALYST, "Analis Keimigrasian"),
    Persona("admin.jaksel", "JAKSEL", Role.ADMIN, "Pranata Komputer"),
    Persona("kustodian.jaksel", "JAKSEL", Role.CUSTODIAN, "Kustodian Identitas Pelapor (Subbagian Umum)"),
    Persona("mitra.kp2mi", "JAKSEL", Role.PARTNER, "Petugas BP3MI DKI Jakarta", "KP2MI"),
    Persona("mitra.polri", "JAKSEL", Role.PARTNER, "Penyidik Subdit Renakta (TPPO), Polda Metro Jaya", "POLRI"),
    Persona("mitra.kemlu", "DITJEN", Role.PARTNER, "Direktorat Pelindungan WNI, Kementerian Luar Negeri", "KEMLU"),
    Persona("admin.pusat", "DITJEN", Role.ADMIN, "Administrator Sistem Nasional"),
    Persona("investigator.pusat", "DITJEN", Role.INVESTIGATOR, "Direktorat Kepatuhan Internal"),
    Persona("wawancara.cirebon", "CIREBON", Role.INTERVIEWER, "Petugas Wawancara"),
    Persona("kakanim.jaktim", "JAKTIM", Role.KAKANIM, "Kepala Kantor"),
]

# Further staff without demo logins, so the lists look like a working office: office → (role, how many).
EXTRA_STAFF = {
    "JAKSEL": [(Role.COUNTER, 6), (Role.INTERVIEWER, 8), (Role.KASI, 2), (Role.ANALYST, 1)],
    "JAKTIM": [(Role.COUNTER, 3), (Role.INTERVIEWER, 3), (Role.KASI, 1), (Role.ADMIN, 1)],
    "CIREBON": [(Role.COUNTER, 2), (Role.INTERVIEWER, 2), (Role.KAKANIM, 1), (Role.ADMIN, 1)],
    "DENPASAR": [(Role.COUNTER, 2), (Role.INTERVIEWER, 2), (Role.KAKANIM, 1)],
    "JAYAPURA": [(Role.COUNTER, 1), (Role.INTERVIEWER, 1), (Role.KAKANIM, 1)],
}


def is_empty() -> bool:
    return not Office.objects.exists()


def _staff_fields(rng: random.Random, office: Office) -> dict[str, object]:
    sex = rng.choice("MF")
    born = synthetic.birth_date(rng, 24, 56)
    appointed = born + timedelta(days=365 * rng.randrange(22, 30))
    appointed = min(appointed, date(2025, 1, 1))
    return {
        "full_name": synthetic.full_name(rng, sex),
        "nip": synthetic.nip(rng, born, sex, appointed),
        "phone": synthetic.mobile(rng),
        "office": office,
    }


def populate(rng: random.Random) -> None:
    offices: dict[str, Office] = {}
    for code, name, kind, tz, address, region, parent in OFFICES:
        offices[code] = actions.do_create_office(
            acting_user=None,
            code=code,
            name=name,
            kind=kind,
            time_zone=tz,
            address=address,
            region_code=region,
            parent=offices[parent] if parent else None,
        )
    for code, (city, phone) in LETTERHEADS.items():
        if code in offices:
            office = offices[code]
            actions.do_update_office(
                office, acting_user=None, city=city, phone=phone, email=f"{code.lower()}@demo.garda.invalid"
            )
    from garda.synthetic.demo.partners import agreements

    agreements()
    for p in PERSONAS:
        actions.do_create_user(
            acting_user=None,
            password=DEMO_PASSWORD,
            username=p.username,
            role=p.role,
            position=p.position,
            agency=p.agency,
            email=f"{p.username}@demo.garda.invalid",
            **_staff_fields(rng, offices[p.office]),
        )
    for code, staff in EXTRA_STAFF.items():
        for role, count in staff:
            for i in range(1, count + 1):
                actions.do_create_user(
                    acting_user=None,
                    password=None,
                    username=f"{role.value}{i}.{code.lower()}",
                    role=role,
                    **_staff_fields(rng, offices[code]),
                )


def persona_table() -> list[tuple[str, str, str]]:
    users = {u.username: u for u in User.objects.filter(username__in=[p.username for p in PERSONAS])}
    return [(p.username, p.office, users[p.username].role_label) for p in PERSONAS if p.username in users]
