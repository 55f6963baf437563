"""Labelled screening scenarios: a synthetic world (history from several offices, partner reports, the P3MI
registry) and applications to screen, each labelled with the categories that should fire — or none, for the
clean cases and the hard negatives (namesakes of reported people, spelling variants, family companions, old
district codes, umrah groups). Used by the tests and by `bench/bench_screening_quality.py`.

Everything is written in the contract formats, so the suite runs through the real command line.
"""

import csv
import io
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from garda.identity.names import canonical_token, token_similarity
from garda.identity.nik import encode_nik
from garda.identity.regions import _regions
from garda.synthetic import people as base
from garda.synthetic.identities import _respell, _typo

OFFICES = ["JAKSEL", "JAKTIM", "CIREBON", "DENPASAR", "JAYAPURA"]
EMPLOYED = ["KARYAWAN SWASTA", "PEGAWAI NEGERI SIPIL", "WIRASWASTA", "GURU", "PEDAGANG", "DOKTER", "PERAWAT"]
UNEMPLOYED = ["BELUM/TIDAK BEKERJA", "MENGURUS RUMAH TANGGA"]
SAFE_DESTINATIONS = ["JP", "KR", "SG", "AU", "NL", "TR", "CN", "DE", "GB", "US"]
CATEGORIES = ("non_procedural", "inconsistency", "illegal_agent", "agency_report", "prior_decision")


@dataclass
class World:
    history: list[dict[str, Any]] = field(default_factory=list)
    reports: list[dict[str, Any]] = field(default_factory=list)
    p3mi: list[dict[str, str]] = field(default_factory=list)
    cases: list[tuple[str, frozenset[str], dict[str, Any]]] = field(default_factory=list)  # kind, expected, app

    def p3mi_csv(self) -> str:
        out = io.StringIO()
        writer = csv.DictWriter(out, ["name", "license_number", "valid_until", "address", "province"])
        writer.writeheader()
        writer.writerows(self.p3mi)
        return out.getvalue()


def _codes() -> tuple[list[str], list[str]]:
    regions = _regions()
    live = sorted(c for c, v in regions.items() if len(c) == 6 and v.in_force)
    retired = sorted(c for c, v in regions.items() if len(c) == 6 and not v.in_force)
    return live, retired


class Builder:
    def __init__(self, seed: int, today: date) -> None:
        self.rng = random.Random(seed)
        self.today = today
        self.world = World()
        self.serial = 0
        self.live, self.retired = _codes()
        self.companies: list[dict[str, str]] = []

    # --- people and applications ----------------------------------------------------------------------------------

    def next_id(self, prefix: str) -> str:
        self.serial += 1
        return f"{prefix}-{self.serial:07d}"

    def person(self, *, sex: str | None = None, min_age: int = 20, code: str | None = None) -> dict[str, Any]:
        rng = self.rng
        sex = sex or rng.choice("MF")
        born = base.birth_date(rng, min_age=min_age, max_age=55, today=self.today)
        district = code or rng.choice(self.live)
        return {
            "nik": encode_nik(district, born, sex, rng.randrange(1, 10000)),
            "kk_number": f"{district}{rng.randrange(10**9, 10**10)}",
            "full_name": base.full_name(rng, sex),
            "sex": sex,
            "birth_date": born.isoformat(),
            "birth_place": rng.choice(["JAKARTA", "BANDUNG", "CIREBON", "INDRAMAYU", "SURABAYA", "DENPASAR"]),
            "marital_status": rng.choice(["single", "married"]),
            "occupation": rng.choice(EMPLOYED),
            "address": {"text": base.address(rng), "region_code": district},
            "phone": base.mobile(rng),
            "father_name": base.full_name(rng, "M"),
            "mother_name": base.full_name(rng, "F"),
        }

    def relative(self, person: dict[str, Any], *, sex: str | None = None, years: int = 0) -> dict[str, Any]:
        """A member of the same household: the family card, address, phone, parents and birth place shared; their
        own given name, sex, birth date and NIK (born `years` later; 0 for a twin, with the next serial)."""
        rng = self.rng
        sex = sex or rng.choice("MF")
        born = date.fromisoformat(person["birth_date"])
        if years:
            born = born + timedelta(days=365 * years + rng.randrange(-120, 120))
        district = person["address"]["region_code"]
        serial = int(person["nik"][12:]) + 1 if not years else rng.randrange(1, 10000)
        given = base.full_name(rng, sex).split()[0]
        own = canonical_token(person["full_name"].split()[0].upper())
        while canonical_token(given.upper()) == own:  # parents do not give two children one name (NUR, NURUL)
            given = base.full_name(rng, sex).split()[0]
        family = person["full_name"].split()[1:] if rng.random() < 0.5 else base.full_name(rng, sex).split()[1:]
        return person | {
            "nik": encode_nik(district, born, sex, min(serial, 9999)),
            "full_name": " ".join(dict.fromkeys([given, *family])),
            "sex": sex,
            "birth_date": born.isoformat(),
            "occupation": rng.choice(EMPLOYED),
        }

    def when(self, *, days_back: int = 20) -> str:
        moment = datetime(self.today.year, self.today.month, self.today.day, 9) - timedelta(
            days=self.rng.randrange(days_back), minutes=self.rng.randrange(480)
        )
        return moment.isoformat() + "+07:00"

    def application(
        self,
        applicant: dict[str, Any],
        *,
        office: str | None = None,
        purpose: str = "tourism",
        destination: str | None = None,
        submitted_at: str | None = None,
    ) -> dict[str, Any]:
        rng = self.rng
        office = office or rng.choice(OFFICES)
        documents = [
            {
                "type": "ktp",
                "nik": applicant["nik"],
                "full_name": applicant["full_name"],
                "birth_date": applicant["birth_date"],
                "sex": applicant["sex"],
            },
            {"type": "kk", "number": applicant["kk_number"], "full_name": applicant["full_name"]},
            {
                "type": "birth_certificate",
                "full_name": applicant["full_name"],
                "birth_date": applicant["birth_date"],
                "father_name": applicant["father_name"],
                "mother_name": applicant["mother_name"],
            },
        ]
        app: dict[str, Any] = {
            "id": self.next_id(office[:3]),
            "office": office,
            "submitted_at": submitted_at or self.when(),
            "channel": rng.choice(["m-paspor", "counter"]),
            "application_type": "new",
            "applicant": dict(applicant),
            "documents": documents,
            "travel": {
                "purpose": purpose,
                "destination_country": destination or rng.choice(SAFE_DESTINATIONS),
                "planned_duration_days": rng.randrange(4, 15),
                "return_ticket": True,
                "funds_source": rng.choice(["self", "family"]),
            },
        }
        if purpose == "work":
            app["documents"] += [
                {"type": "recommendation_disnaker", "number": f"562/{rng.randrange(1000)}"},
                {"type": "id_pmi", "number": f"PMI{rng.randrange(10**8)}"},
            ]
            company = rng.choice(self.companies)
            number = company["license_number"]
            if rng.random() < 0.3:  # keyed in another way: "sip3mi 025/2020" for SIP3MI-025/2020
                number = number.lower().replace("-", " ")
            app["travel"]["placement_company"] = {"name": company["name"], "license_number": number}
            app["travel"]["funds_source"] = "employer"
            app["travel"]["return_ticket"] = False
        elif purpose in {"umrah", "hajj"}:
            app["documents"] += [
                {"type": "recommendation_kemenag"},
                {"type": "travel_agent_letter", "issuer": "PT AMANAH TOUR"},
            ]
            app["travel"]["destination_country"] = "SA"
        elif purpose == "family_visit":
            # The host's own documents carry the host's name (and the guarantee may be written another way).
            host = base.full_name(rng, rng.choice("MF"))
            app["travel"]["host"] = {
                "full_name": host,
                "relation": "sibling",
                "country": app["travel"]["destination_country"],
            }
            app["documents"] += [
                {"type": "guarantee_letter", "full_name": host if rng.random() < 0.5 else host.title()},
                {"type": "host_passport_copy", "full_name": host, "number": f"TZ{rng.randrange(10**6, 10**7)}"},
            ]
        return app

    def host(self, app: dict[str, Any], name: str, relation: str, **extra: Any) -> dict[str, Any]:
        """The host named on the form, and on the host's own documents (passport copy, guarantee letter)."""
        app["travel"]["host"] = {"full_name": name, "relation": relation, **extra}
        for doc in app["documents"]:
            if doc["type"] in {"guarantee_letter", "host_passport_copy"}:
                doc["full_name"] = name if doc["type"] == "host_passport_copy" else _respell(self.rng, name)
        return app

    def history_of(self, applicant: dict[str, Any], kind: str, *, office: str | None = None, **decision: Any) -> None:
        app = self.application(applicant, office=office, submitted_at=self.when_past())
        decided = datetime.fromisoformat(app["submitted_at"]) + timedelta(days=3)
        app["decision"] = {"kind": kind, "decided_at": decided.isoformat(), **decision}
        if kind != "issued":
            app["decision"].setdefault("categories", ["non_procedural"])
        self.world.history.append(app)

    def when_past(self) -> str:
        moment = datetime(self.today.year, self.today.month, self.today.day, 10) - timedelta(
            days=self.rng.randrange(200, 900)
        )
        return moment.isoformat() + "+07:00"

    def report(self, subjects: list[dict[str, Any]], *, agency: str, category: str, **extra: Any) -> str:
        report_id = self.next_id("R")
        self.world.reports.append(
            {
                "id": report_id,
                "agency": agency,
                "reference": f"B-{self.rng.randrange(100, 999)}/{agency}/2025",
                "received_at": self.when_past(),
                "category": category,
                "subjects": subjects,
                **extra,
            }
        )
        return report_id

    def case(self, kind: str, expected: tuple[str, ...], app: dict[str, Any]) -> None:
        self.world.cases.append((kind, frozenset(expected), app))

    def vary_family_evidence(self, app: dict[str, Any]) -> dict[str, Any]:
        """Families are not always recognisable by the KK number on the form: sometimes only the KK keyed in as a
        document says it, sometimes neither (then the shared address and parents do)."""
        roll = self.rng.random()
        if roll < 0.3:
            app["applicant"].pop("kk_number", None)
        elif roll < 0.5:
            app["applicant"].pop("kk_number", None)
            app["documents"] = [d for d in app["documents"] if d["type"] != "kk"]
        return app

    def vary_writing(self, app: dict[str, Any]) -> dict[str, Any]:
        """How clerks write: phones in any format, a document keyed in without some fields."""
        phone = app["applicant"].get("phone")
        if phone and self.rng.random() < 0.5:
            app["applicant"]["phone"] = self.rng.choice(
                [
                    f"+62 {phone[1:4]} {phone[4:8]} {phone[8:]}",
                    f"62{phone[1:]}",
                    f"{phone[:4]}-{phone[4:8]}-{phone[8:]}",
                ]
            )
        for doc in app["documents"]:
            if self.rng.random() < 0.2:
                for name in ("father_name", "mother_name", "sex", "birth_date"):
                    doc.pop(name, None)
        return app


# --- the scenario kinds -------------------------------------------------------------------------------------------
# Each takes the builder and adds one labelled case (and whatever context it needs).

Kind = Callable[[Builder], None]
KINDS: dict[str, Kind] = {}


def kind(name: str) -> Callable[[Kind], Kind]:
    def register(fn: Kind) -> Kind:
        KINDS[name] = fn
        return fn

    return register


def _minor_date(b: Builder) -> str:
    return (b.today - timedelta(days=365 * 16 + b.rng.randrange(300))).isoformat()


# Clean cases and hard negatives ----------------------------------------------------------------------------------


@kind("clean_tourist")
def _clean_tourist(b: Builder) -> None:
    app = b.vary_writing(b.application(b.person()))
    if b.rng.random() < 0.3:
        app["interview"] = {
            "conducted": True,
            "stated_purpose": b.rng.choice(["tourism", "wisata", "Liburan", "jalan-jalan"]),
            "stated_destination_country": b.rng.choice(
                [app["travel"]["destination_country"], app["travel"]["destination_country"].lower()]
            ),
            "notes": b.rng.choice(
                [
                    "Liburan bersama keluarga, tidak bekerja di sana.",
                    "Wisata 7 hari, cuti dari kantor.",
                    "Berlibur; bukan untuk kerja.",
                ]
            ),
        }
    b.case("clean_tourist", (), app)


@kind("clean_tourist_to_placement_country")
def _clean_tourist_pmi(b: Builder) -> None:
    b.case(
        "clean_tourist_to_placement_country",
        (),
        b.application(b.person(), destination=b.rng.choice(["MY", "HK", "TW"])),
    )


@kind("clean_housewife_tourist")
def _clean_housewife(b: Builder) -> None:
    person = b.person(sex="F") | {"occupation": "MENGURUS RUMAH TANGGA"}
    b.case("clean_housewife_tourist", (), b.application(person, destination=b.rng.choice(["SG", "MY", "JP"])))


@kind("clean_family_visit")
def _clean_family_visit(b: Builder) -> None:
    app = b.application(b.person(), purpose="family_visit", destination=b.rng.choice(["HK", "NL", "AU"]))
    b.case("clean_family_visit", (), b.host(app, base.full_name(b.rng, "F"), "sister"))


@kind("clean_visit_to_relative_working_abroad")
def _clean_visit_worker(b: Builder) -> None:
    """A wife visits her husband who works abroad procedurally: work is in the notes, but it is his."""
    app = b.application(b.person(sex="F"), purpose="family_visit", destination=b.rng.choice(["MY", "HK", "TW", "SA"]))
    b.host(app, base.full_name(b.rng, "M"), "husband")
    app["interview"] = {
        "conducted": True,
        "stated_purpose": "family_visit",
        "notes": b.rng.choice(
            [
                "Suami bekerja di sana sebagai PMI resmi, ingin menjenguk dua minggu.",
                "Suaminya sudah bekerja di pabrik elektronik; pemohon tidak bekerja di sana, hanya berkunjung.",
                "Her husband works there as a driver; she visits him for the holidays.",
            ]
        ),
    }
    b.case("clean_visit_to_relative_working_abroad", (), app)


@kind("clean_work_procedural")
def _clean_work(b: Builder) -> None:
    b.case(
        "clean_work_procedural",
        (),
        b.application(b.person(), purpose="work", destination=b.rng.choice(["TW", "KR", "JP"])),
    )


@kind("clean_umrah_group")
def _clean_umrah(b: Builder) -> None:
    """One licensed organiser's guide with pilgrims of several families: not an agent."""
    guide = {
        "present": True,
        "full_name": base.full_name(b.rng, "M"),
        "phone": base.mobile(b.rng),
        "relation": "travel_agent",
        "organisation": "PT AMANAH TOUR",
    }
    office = b.rng.choice(OFFICES)
    for i in range(4):
        app = b.application(b.person(), office=office, purpose="umrah")
        app["companion"] = dict(guide)
        if i < 3:
            b.world.history.append(app)
        else:
            b.case("clean_umrah_group", (), app)


# Synthetic licensed tour operators (the demo puts them in the `tour_operators` list).
TOUR_OPERATORS = [
    {"name": "PT CAHAYA ZIARAH NUSANTARA", "code": "OSS-TOUR-0917/2023", "kind": "tour"},
    {"name": "PT MITRA PERJALANAN ROHANI", "code": "OSS-TOUR-1204/2022", "kind": "tour"},
    {"name": "PT AMANAH TOUR", "code": "PPIU-U.331/2021", "kind": "ppiu"},
]


@kind("clean_church_pilgrimage")
def _clean_pilgrimage(b: Builder) -> None:
    """A parish's pilgrimage to Israel or Italy, or a temple tour to India: one operator's guide with several
    families, a return ticket and the operator's letter — explained, like an umrah group."""
    operator = b.rng.choice(TOUR_OPERATORS[:2])
    guide = {
        "present": True,
        "full_name": base.full_name(b.rng, "M"),
        "phone": base.mobile(b.rng),
        "relation": "travel_agent",
        "organisation": operator["name"],
    }
    office, destination = b.rng.choice(OFFICES), b.rng.choice(["IL", "IT", "IN"])
    for i in range(4):
        app = b.application(b.person(), office=office, purpose="tourism", destination=destination)
        app["companion"] = dict(guide)
        app["documents"].append({"type": "travel_agent_letter", "issuer": operator["name"]})
        if i < 3:
            b.world.history.append(app)
        else:
            b.case("clean_church_pilgrimage", (), app)


@kind("clean_family_companion")
def _clean_family_companion(b: Builder) -> None:
    """A father brings three of his children (one KK): the same companion, one family."""
    father = b.person(sex="M", min_age=45)
    office = b.rng.choice(OFFICES)
    for i in range(3):
        child = b.person(min_age=18) | {
            "kk_number": father["kk_number"],
            "father_name": father["full_name"],
            "address": father["address"],
            "phone": father["phone"],
        }
        app = b.application(child, office=office)
        app["companion"] = {
            "present": True,
            "full_name": father["full_name"],
            "nik": father["nik"],
            "phone": father["phone"],
            "relation": "parent",
        }
        if i < 2:
            b.world.history.append(app)
        else:
            b.case("clean_family_companion", (), app)


@kind("namesake_of_reported")
def _namesake_reported(b: Builder) -> None:
    reported = b.person()
    b.report(
        [{"role": "victim", **{k: reported[k] for k in ("full_name", "nik", "birth_date", "sex", "phone")}}],
        agency="KP2MI",
        category="suspected_victim",
    )
    other = b.person(sex=reported["sex"]) | {"full_name": reported["full_name"]}
    b.case("namesake_of_reported", (), b.application(other))


@kind("namesake_companions_elsewhere")
def _namesake_companions(b: Builder) -> None:
    """Fathers of the same common name bring their own children at other offices: not one agent."""
    name = b.rng.choice(["MUHAMMAD RIZKI", "AHMAD SUPRIYADI", "BUDI SANTOSO", "AGUS SETIAWAN"])
    offices = b.rng.sample(OFFICES, 4)
    for i, office in enumerate(offices):
        father = b.person(sex="M", min_age=45) | {"full_name": name}
        child = b.person() | {"kk_number": father["kk_number"], "father_name": name}
        app = b.application(child, office=office)
        app["companion"] = {"present": True, "full_name": name, "phone": father["phone"], "relation": "parent"}
        (b.world.history.append(app) if i < 3 else b.case("namesake_companions_elsewhere", (), app))


@kind("namesake_of_refused")
def _namesake_refused(b: Builder) -> None:
    refused = b.person()
    b.history_of(refused, "refused")
    other = b.person(sex=refused["sex"]) | {"full_name": refused["full_name"]}
    b.case("namesake_of_refused", (), b.application(other))


@kind("spelling_variants_in_documents")
def _spelling(b: Builder) -> None:
    person = b.person()
    app = b.application(person)
    for doc in app["documents"]:
        if "full_name" in doc:
            doc["full_name"] = _respell(b.rng, person["full_name"]).upper()
        if "mother_name" in doc:
            doc["mother_name"] = _respell(b.rng, person["mother_name"]).upper()
    b.case("spelling_variants_in_documents", (), app)


@kind("old_district_code")
def _old_code(b: Builder) -> None:
    b.case("old_district_code", (), b.application(b.person(code=b.rng.choice(b.retired))))


@kind("renewal_declared")
def _renewal(b: Builder) -> None:
    person = b.person()
    b.history_of(person, "issued")
    app = b.application(person | {"has_previous_passport": True})
    app["application_type"] = "replacement"
    app["documents"].append({"type": "old_passport", "number": f"X{b.rng.randrange(10**6, 10**7)}"})
    b.case("renewal_declared", (), app)


@kind("clean_siblings_share_phone")
def _siblings_phone(b: Builder) -> None:
    parent = b.person(min_age=45)
    office = b.rng.choice(OFFICES)
    for i in range(4):
        child = b.person() | {
            "kk_number": parent["kk_number"],
            "phone": parent["phone"],
            "address": parent["address"],
            "father_name": parent["full_name"],
            "mother_name": parent["mother_name"],
        }
        app = b.vary_family_evidence(b.application(child, office=office))
        (b.world.history.append(app) if i < 3 else b.case("clean_siblings_share_phone", (), app))


@kind("clean_study")
def _clean_study(b: Builder) -> None:
    person = b.person(min_age=18) | {"occupation": "PELAJAR/MAHASISWA"}
    app = b.application(person, purpose="study", destination=b.rng.choice(["AU", "JP", "MY", "TW"]))
    app["documents"].append({"type": "study_admission"})
    app["travel"]["return_ticket"] = False
    b.case("clean_study", (), app)


@kind("clean_business_trip_employer_paid")
def _clean_business(b: Builder) -> None:
    """An employee on a first passport, sent by the employer to a placement country, one-way booked."""
    person = b.person(min_age=22) | {"occupation": b.rng.choice(["KARYAWAN SWASTA", "KARYAWAN BUMN", "WIRASWASTA"])}
    app = b.application(person, purpose="business", destination=b.rng.choice(["JP", "KR", "SG", "MY", "HK"]))
    app["documents"].append({"type": "invitation_letter"})
    app["travel"]["funds_source"] = "employer"
    app["travel"]["return_ticket"] = b.rng.random() < 0.5
    b.case("clean_business_trip_employer_paid", (), app)


@kind("clean_internship_recommended")
def _clean_internship(b: Builder) -> None:
    """Magang with the manpower recommendation: the host company pays, as internship programmes do."""
    person = b.person(min_age=18) | {"occupation": b.rng.choice(["PELAJAR/MAHASISWA", "BELUM/TIDAK BEKERJA"])}
    app = b.application(person, purpose="internship", destination=b.rng.choice(["JP", "KR", "TW"]))
    app["documents"] += [{"type": "recommendation_disnaker", "number": f"562/{b.rng.randrange(1000)}"}]
    app["travel"]["funds_source"] = "employer"
    app["travel"]["return_ticket"] = False
    b.case("clean_internship_recommended", (), app)


@kind("reported_elsewhere_other_person_phone_typo")
def _reported_near_phone(b: Builder) -> None:
    """A recruiter's phone differs by a digit from the applicant's: not the same phone."""
    reported = b.person()
    person = b.person()
    phone = person["phone"]
    reported["phone"] = phone[:-1] + str((int(phone[-1]) + 1) % 10)
    b.report(
        [{"role": "recruiter", "full_name": reported["full_name"], "phone": reported["phone"]}],
        agency="POLRI",
        category="suspected_recruiter",
    )
    b.case("reported_elsewhere_other_person_phone_typo", (), b.application(person))


# non_procedural ---------------------------------------------------------------------------------------------------


@kind("np_work_without_disnaker")
def _np_work(b: Builder) -> None:
    app = b.application(b.person(), purpose="work", destination=b.rng.choice(["MY", "TW", "HK"]))
    app["documents"] = [d for d in app["documents"] if d["type"] not in {"recommendation_disnaker", "id_pmi"}]
    b.case("np_work_without_disnaker", ("non_procedural",), app)


@kind("np_unlicensed_p3mi")
def _np_unlicensed(b: Builder) -> None:
    app = b.application(b.person(), purpose="work", destination=b.rng.choice(["MY", "TW", "HK"]))
    app["travel"]["placement_company"] = {"name": f"PT {base.full_name(b.rng, 'M')} MANDIRI SEJAHTERA"}
    b.case("np_unlicensed_p3mi", ("non_procedural", "illegal_agent"), app)


@kind("np_expired_p3mi_licence")
def _np_expired(b: Builder) -> None:
    expired = [
        c for c in b.world.p3mi if c["valid_until"] and c["valid_until"] < (b.today - timedelta(days=30)).isoformat()
    ]
    app = b.application(b.person(), purpose="work", destination="MY")
    company = b.rng.choice(expired)
    app["travel"]["placement_company"] = {"name": company["name"].title(), "license_number": company["license_number"]}
    b.case("np_expired_p3mi_licence", ("non_procedural", "illegal_agent"), app)


@kind("np_job_seeker_profile")
def _np_profile(b: Builder) -> None:
    person = b.person() | {"occupation": b.rng.choice(UNEMPLOYED)}
    app = b.application(person, destination=b.rng.choice(["MY", "SA", "KH", "HK"]))
    app["travel"]["return_ticket"] = False
    app["travel"]["funds_source"] = b.rng.choice(["sponsor", "agent"])
    b.case("np_job_seeker_profile", ("non_procedural",), app)


@kind("np_work_documents_as_tourist")
def _np_work_docs(b: Builder) -> None:
    app = b.application(b.person(), destination=b.rng.choice(["MY", "JP", "TW"]))
    app["documents"].append({"type": b.rng.choice(["employment_contract", "work_visa"])})
    b.case("np_work_documents_as_tourist", ("non_procedural", "inconsistency"), app)


@kind("np_interview_admits_work")
def _np_admits(b: Builder) -> None:
    app = b.application(b.person(), purpose=b.rng.choice(["tourism", "family_visit"]), destination="MY")
    app["interview"] = {"conducted": True, "observations": ["admits_work_intent"]}
    b.case("np_interview_admits_work", ("non_procedural",), app)


@kind("np_interview_notes_work")
def _np_notes(b: Builder) -> None:
    app = b.application(b.person(sex="F"), purpose="tourism", destination=b.rng.choice(["MY", "SA", "HK"]))
    app["interview"] = {
        "conducted": True,
        "stated_purpose": "tourism",
        "notes": b.rng.choice(
            [
                "Mengaku ditawari kerja sebagai ART, gaji 6 juta.",
                "Akan bekerja di restoran milik kenalan.",
                "Majikan sudah menunggu di sana.",
                "Nanti di sana dijemput teman dan dicarikan pekerjaan.",
                "Applicant admits she will work as a maid; the sponsor paid the ticket.",
            ]
        ),
    }
    b.case("np_interview_notes_work", ("non_procedural",), app)


@kind("np_employer_behind_visit")
def _np_employer(b: Builder) -> None:
    app = b.application(b.person(), purpose="family_visit", destination=b.rng.choice(["MY", "SA", "TW"]))
    app["travel"]["employer"] = {"name": f"{base.full_name(b.rng, 'M')} HOUSEHOLD", "country": "MY"}
    b.case("np_employer_behind_visit", ("non_procedural",), app)


@kind("np_umrah_without_kemenag")
def _np_umrah(b: Builder) -> None:
    app = b.application(b.person(), purpose="umrah")
    app["documents"] = [d for d in app["documents"] if d["type"] != "recommendation_kemenag"]
    b.case("np_umrah_without_kemenag", ("non_procedural",), app)


@kind("np_family_visit_without_guarantee")
def _np_visit(b: Builder) -> None:
    app = b.application(b.person(), purpose="family_visit", destination=b.rng.choice(["SA", "MY", "HK"]))
    app["documents"] = [d for d in app["documents"] if d["type"] not in {"guarantee_letter", "host_passport_copy"}]
    b.case("np_family_visit_without_guarantee", ("non_procedural",), app)


@kind("np_scam_country_offer")
def _np_scam(b: Builder) -> None:
    person = b.person(min_age=19) | {"occupation": "BELUM/TIDAK BEKERJA"}
    app = b.application(person, destination=b.rng.choice(["KH", "MM", "LA", "TH"]))
    app["travel"]["funds_source"] = "agent"
    app["interview"] = {"conducted": True, "observations": ["met_sponsor_online", "cannot_explain_itinerary"]}
    b.case("np_scam_country_offer", ("non_procedural",), app)


# inconsistency ----------------------------------------------------------------------------------------------------


@kind("inc_nik_birth_date")
def _inc_nik_date(b: Builder) -> None:
    person = b.person()
    born = date.fromisoformat(person["birth_date"])
    person["birth_date"] = (born + timedelta(days=b.rng.randrange(40, 900))).isoformat()
    app = b.application(person)
    b.case("inc_nik_birth_date", ("inconsistency",), app)


@kind("inc_nik_unknown_region")
def _inc_region(b: Builder) -> None:
    person = b.person()
    person["nik"] = "99" + person["nik"][2:]
    b.case("inc_nik_unknown_region", ("inconsistency",), b.application(person))


@kind("inc_document_other_name")
def _inc_doc_name(b: Builder) -> None:
    person = b.person()
    app = b.application(person)
    other = base.full_name(b.rng, person["sex"])
    # Another person: no word alike (a single name inside a longer one, RINA beside RINI, may well be the same).
    while any(
        token_similarity(x, y) >= 0.8 for x in other.upper().split() for y in person["full_name"].upper().split()
    ):
        other = base.full_name(b.rng, person["sex"])
    app["documents"][2]["full_name"] = other
    b.case("inc_document_other_name", ("inconsistency",), app)


@kind("inc_age_manipulation")
def _inc_age(b: Builder) -> None:
    person = b.person(min_age=18)
    app = b.application(person)
    app["documents"][2]["birth_date"] = _minor_date(b)
    b.case("inc_age_manipulation", ("inconsistency",), app)


@kind("inc_first_passport_claimed")
def _inc_first(b: Builder) -> None:
    person = b.person()
    b.history_of(person, "issued", passport_number=f"C{b.rng.randrange(10**6, 10**7)}")
    again = dict(person)
    if b.rng.random() < 0.5:  # a new NIK and a respelt name: found by identity, not by number
        again["nik"] = encode_nik(
            b.rng.choice(b.live), date.fromisoformat(person["birth_date"]), person["sex"], b.rng.randrange(1, 10000)
        )
        again["full_name"] = _respell(b.rng, person["full_name"]).upper()
    app = b.application(again | {"has_previous_passport": False})
    b.case("inc_first_passport_claimed", ("inconsistency",), app)


@kind("inc_interview_destination")
def _inc_interview(b: Builder) -> None:
    app = b.application(b.person(), destination="JP")
    app["interview"] = {
        "conducted": True,
        "stated_purpose": b.rng.choice(["tourism", "wisata", "Liburan"]),  # as the officer keyed it in
        "stated_destination_country": b.rng.choice(["MY", "KH", "SA", "Malaysia", "Kamboja", "Arab Saudi"]),
    }
    b.case("inc_interview_destination", ("inconsistency",), app)


@kind("inc_mother_name_mismatch")
def _inc_mother(b: Builder) -> None:
    person = b.person()
    app = b.application(person)
    other = base.full_name(b.rng, "F")
    while other.split()[0] == person["mother_name"].split()[0]:
        other = base.full_name(b.rng, "F")
    app["documents"][2]["mother_name"] = other
    b.case("inc_mother_name_mismatch", ("inconsistency",), app)


@kind("inc_nik_sex")
def _inc_sex(b: Builder) -> None:
    person = b.person(sex="F")
    person["sex"] = "M"
    app = b.application(person)
    for doc in app["documents"]:
        doc.pop("sex", None)
    b.case("inc_nik_sex", ("inconsistency",), app)


# illegal_agent ----------------------------------------------------------------------------------------------------


def _agent(b: Builder) -> dict[str, Any]:
    return {"full_name": base.full_name(b.rng, "M"), "phone": base.mobile(b.rng), "nik": b.person()["nik"]}


@kind("ia_companion_reported_recruiter")
def _ia_recruiter(b: Builder) -> None:
    agent = _agent(b)
    b.report(
        [
            {"role": "victim", "full_name": base.full_name(b.rng, "F")},
            {"role": "recruiter", **agent, "aliases": [_respell(b.rng, agent["full_name"])]},
        ],
        agency="POLRI",
        category="suspected_recruiter",
    )
    app = b.application(b.person(), destination="MY")
    shown = {"full_name": _respell(b.rng, agent["full_name"])}
    shown |= b.rng.choice(
        [{"phone": agent["phone"]}, {"nik": agent["nik"]}, {"phone": agent["phone"], "nik": agent["nik"]}]
    )
    app["companion"] = {"present": True, "relation": b.rng.choice(["friend", "relative", "other"]), **shown}
    b.case("ia_companion_reported_recruiter", ("illegal_agent", "agency_report"), app)


@kind("ia_shared_companion")
def _ia_shared(b: Builder) -> None:
    agent = _agent(b)
    n = b.rng.randrange(3, 6)
    for i in range(n):
        app = b.application(b.person(), office=b.rng.choice(OFFICES), destination=b.rng.choice(["MY", "SA", "HK"]))
        app["companion"] = {
            "present": True,
            "relation": b.rng.choice(["friend", "relative", "other"]),
            "full_name": _respell(b.rng, agent["full_name"]) if i else agent["full_name"],
            "phone": agent["phone"],
        }
        (b.world.history.append(app) if i < n - 1 else b.case("ia_shared_companion", ("illegal_agent",), app))


@kind("ia_shared_phone")
def _ia_phone(b: Builder) -> None:
    phone = base.mobile(b.rng)
    n = b.rng.randrange(3, 6)
    for i in range(n):
        app = b.application(b.person() | {"phone": phone}, destination=b.rng.choice(["MY", "SA", "HK"]))
        (b.world.history.append(app) if i < n - 1 else b.case("ia_shared_phone", ("illegal_agent",), app))


@kind("ia_agent_phone_as_contact")
def _ia_phone_roles(b: Builder) -> None:
    """The agent's number is the applicant's contact on some forms and the companion's on others, written in
    different ways; no companion name to go by."""
    agent = _agent(b)
    digits = agent["phone"][1:]  # 08.. without the leading zero
    styles = [agent["phone"], f"+62 {digits[:3]} {digits[3:7]} {digits[7:]}", f"62{digits}"]
    n = b.rng.randrange(3, 5)
    for i in range(n):
        app = b.application(b.person(), office=b.rng.choice(OFFICES), destination=b.rng.choice(["MY", "SA", "HK"]))
        written = b.rng.choice(styles)
        if i % 2:
            app["applicant"]["phone"] = written
        else:
            app["companion"] = {"present": True, "relation": "other", "phone": written}
        (b.world.history.append(app) if i < n - 1 else b.case("ia_agent_phone_as_contact", ("illegal_agent",), app))


@kind("ia_unlicensed_agent")
def _ia_unlicensed(b: Builder) -> None:
    app = b.application(b.person(), destination="MY")
    app["companion"] = {
        "present": True,
        "relation": "agent",
        "full_name": base.full_name(b.rng, "M"),
        "phone": base.mobile(b.rng),
        "organisation": f"CV {base.full_name(b.rng, 'M')} JAYA",
    }
    b.case("ia_unlicensed_agent", ("illegal_agent",), app)


@kind("ia_interview_third_party")
def _ia_third(b: Builder) -> None:
    app = b.application(b.person(), destination="MY")
    app["interview"] = {
        "conducted": True,
        "observations": [b.rng.choice(["documents_held_by_third_party", "fee_paid_to_recruiter"])],
    }
    b.case("ia_interview_third_party", ("illegal_agent",), app)


# agency_report ----------------------------------------------------------------------------------------------------


@kind("ar_victim_by_nik")
def _ar_nik(b: Builder) -> None:
    person = b.person()
    b.report(
        [{"role": "victim", "full_name": person["full_name"], "nik": person["nik"]}],
        agency="KP2MI",
        category="exploitation_risk",
    )
    b.case("ar_victim_by_nik", ("agency_report",), b.application(person))


@kind("ar_scam_returnee_respelt")
def _ar_returnee(b: Builder) -> None:
    person = b.person()
    b.report(
        [
            {
                "role": "victim",
                "full_name": _respell(b.rng, person["full_name"]),
                "birth_date": person["birth_date"],
                "sex": person["sex"],
                "passport_number": f"C{b.rng.randrange(10**6, 10**7)}",
            }
        ],
        agency="KEMLU",
        category="scam_returnee",
        destination_country="KH",
    )
    b.case("ar_scam_returnee_respelt", ("agency_report",), b.application(person))


@kind("ar_returnee_by_passport_number")
def _ar_passport(b: Builder) -> None:
    """Kemlu's list of returnees carries passport numbers; the returnee comes back with a new NIK."""
    person = b.person()
    number = f"C{b.rng.randrange(10**6, 10**7)}"
    b.report(
        [{"role": "victim", "full_name": _respell(b.rng, person["full_name"]), "passport_number": number}],
        agency="KEMLU",
        category="scam_returnee",
        destination_country="KH",
    )
    again = person | {
        "nik": encode_nik(
            b.rng.choice(b.live), date.fromisoformat(person["birth_date"]), person["sex"], b.rng.randrange(1, 10000)
        ),
        "has_previous_passport": True,
        "previous_passport_number": number,
    }
    app = b.application(again)
    app["application_type"] = "lost"
    b.case("ar_returnee_by_passport_number", ("agency_report",), app)


@kind("ia_host_is_reported_recruiter")
def _ia_host(b: Builder) -> None:
    agent = _agent(b)
    b.report([{"role": "recruiter", **agent}], agency="KP2MI", category="suspected_recruiter")
    app = b.application(b.person(), purpose="family_visit", destination=b.rng.choice(["MY", "SA"]))
    b.host(app, _respell(b.rng, agent["full_name"]), "uncle", phone=agent["phone"])
    b.case("ia_host_is_reported_recruiter", ("illegal_agent",), app)


@kind("ar_victim_by_phone")
def _ar_phone(b: Builder) -> None:
    person = b.person()
    b.report(
        [{"role": "victim", "full_name": _respell(b.rng, person["full_name"]), "phone": person["phone"]}],
        agency="DISNAKER",
        category="suspected_victim",
    )
    b.case("ar_victim_by_phone", ("agency_report",), b.application(person))


@kind("ar_companion_reported")
def _ar_companion(b: Builder) -> None:
    companion = _agent(b)
    b.report([{"role": "companion", **companion}], agency="KP2MI", category="exploitation_risk")
    app = b.application(b.person(), destination="SG")
    app["companion"] = {
        "present": True,
        "relation": "friend",
        "full_name": companion["full_name"],
        "nik": companion["nik"],
    }
    b.case("ar_companion_reported", ("agency_report",), app)


# Relatives of persons with records (domain brief §4.2a): a relative's record is context, never a ground.
RELATIVE_KINDS = (
    "clean_sibling_of_refused",
    "clean_twin_of_refused",
    "clean_junior_of_suspended",
    "clean_sibling_of_passport_holder",
    "clean_sibling_of_reported_victim",
)


@kind("clean_sibling_of_refused")
def _sibling_refused(b: Builder) -> None:
    refused = b.person()
    b.history_of(refused, b.rng.choice(["refused", "cancelled", "postponed"]), office=b.rng.choice(OFFICES))
    sister = b.relative(refused, years=b.rng.choice([-6, -3, 2, 4, 7]))
    b.case("clean_sibling_of_refused", (), b.vary_family_evidence(b.application(sister)))


@kind("clean_twin_of_refused")
def _twin_refused(b: Builder) -> None:
    refused = b.person()
    b.history_of(refused, "refused", office=b.rng.choice(OFFICES))
    twin = b.relative(refused, sex=refused["sex"] if b.rng.random() < 0.6 else None)
    b.case("clean_twin_of_refused", (), b.vary_family_evidence(b.application(twin)))


@kind("clean_junior_of_suspended")
def _junior_suspended(b: Builder) -> None:
    father = b.person(sex="M", min_age=48)
    b.history_of(father, "suspended", until=(b.today + timedelta(days=300)).isoformat())
    born = date.fromisoformat(father["birth_date"]) + timedelta(days=365 * b.rng.randrange(22, 30))
    district = father["address"]["region_code"]
    junior = father | {
        "nik": encode_nik(district, born, "M", b.rng.randrange(1, 10000)),
        "birth_date": born.isoformat(),
        "father_name": father["full_name"],
        "mother_name": base.full_name(b.rng, "F"),
        "birth_place": b.rng.choice([father["birth_place"], "JAKARTA"]),
    }
    b.case("clean_junior_of_suspended", (), b.application(junior))


@kind("clean_sibling_of_passport_holder")
def _sibling_passport(b: Builder) -> None:
    holder = b.person()
    b.history_of(holder, "issued", passport_number=f"C{b.rng.randrange(10**6, 10**7)}")
    sibling = b.relative(holder, years=b.rng.choice([-4, -2, 3, 5])) | {"has_previous_passport": False}
    b.case("clean_sibling_of_passport_holder", (), b.vary_family_evidence(b.application(sibling)))


@kind("clean_sibling_of_reported_victim")
def _sibling_victim(b: Builder) -> None:
    victim = b.person()
    # The victim was reported with the family phone, which the sibling gives too.
    subject = {k: victim[k] for k in ("full_name", "birth_date", "sex", "nik", "phone")} | {"role": "victim"}
    b.report([subject], agency=b.rng.choice(["KEMLU", "KP2MI"]), category="scam_returnee")
    sibling = b.relative(victim, years=b.rng.choice([-5, -2, 3, 6]))
    b.case("clean_sibling_of_reported_victim", (), b.application(sibling))


# prior_decision ---------------------------------------------------------------------------------------------------


@kind("pd_refused_new_nik_moved")
def _pd_new_nik_moved(b: Builder) -> None:
    """The evasion screening exists for: refused, then registered again elsewhere with a new NIK and KK, moved, a
    new phone and the name respelt; the birth date and the parents' names remain."""
    person = b.person()
    b.history_of(person, "refused", office="CIREBON")
    district = b.rng.choice(b.live)
    born = date.fromisoformat(person["birth_date"])
    again = person | {
        "nik": encode_nik(district, born, person["sex"], b.rng.randrange(1, 10000)),
        "kk_number": f"{district}{b.rng.randrange(10**9, 10**10)}",
        "full_name": _respell(b.rng, person["full_name"]).upper(),
        "phone": base.mobile(b.rng),
        "address": {"text": base.address(b.rng), "region_code": district},
    }
    b.case("pd_refused_new_nik_moved", ("prior_decision",), b.application(again, office="JAKSEL"))


@kind("pd_refused_elsewhere")
def _pd_refused(b: Builder) -> None:
    person = b.person()
    b.history_of(person, b.rng.choice(["refused", "cancelled"]), office="CIREBON")
    b.case(
        "pd_refused_elsewhere",
        ("prior_decision",),
        b.application(person | {"has_previous_passport": True}, office="JAKSEL"),
    )


@kind("pd_active_suspension_new_nik")
def _pd_suspension(b: Builder) -> None:
    person = b.person()
    b.history_of(person, "suspended", until=(b.today + timedelta(days=200)).isoformat())
    again = person | {
        "full_name": _respell(b.rng, person["full_name"]).upper(),
        "nik": encode_nik(
            b.rng.choice(b.live), date.fromisoformat(person["birth_date"]), person["sex"], b.rng.randrange(1, 10000)
        ),
        "has_previous_passport": True,
    }
    b.case("pd_active_suspension_new_nik", ("prior_decision",), b.application(again))


@kind("pd_postponed_respelt")
def _pd_postponed(b: Builder) -> None:
    person = b.person()
    b.history_of(person, "postponed")
    again = person | {
        "full_name": _typo(b.rng, person["full_name"].split()[0]) + " " + " ".join(person["full_name"].split()[1:])
    }
    b.case("pd_postponed_respelt", ("prior_decision",), b.application(again))


def build(*, per_kind: int = 30, seed: int = 7, background: int = 200, today: date | None = None) -> World:
    """A world with `per_kind` cases of every kind, over `background` ordinary history applications."""
    b = Builder(seed, today or date(2026, 11, 2))
    for i in range(40):
        valid = b.today + timedelta(days=b.rng.randrange(-400, 900)) if i % 5 else None
        company = {
            "name": f"PT {base.full_name(b.rng, 'M')} {b.rng.choice(['MANDIRI', 'PERKASA', 'SEJAHTERA'])} {i}",
            "license_number": f"SIP3MI-{i:03d}/{b.rng.randrange(2018, 2025)}",
            "valid_until": valid.isoformat() if valid else "",
            "address": base.address(b.rng),
            "province": "DKI Jakarta",
        }
        b.world.p3mi.append(company)
    b.companies = [c for c in b.world.p3mi if not c["valid_until"] or c["valid_until"] >= b.today.isoformat()]
    for _ in range(background):
        b.history_of(b.person(), "issued")
    for _ in range(per_kind):
        for make in KINDS.values():
            make(b)
    b.rng.shuffle(b.world.cases)
    return b.world
