"""Realistic applications written apart from the screening rules' own scenario generator (garda.synthetic.scenarios):
a day's intake of a Jakarta office as the domain brief describes it, to measure screening on data the rules were
not tuned against.

What it has that the scenario suite does not:
- households travelling together (one KK, one address, often one phone), and families visiting a relative who
  *works* abroad (the notes say so), with the host's passport copy and a guarantee or an invitation letter;
- applicants registered in PMI-sending provinces (Jawa Timur, Jawa Tengah, Jawa Barat, NTB, Lampung) beside
  Jakarta's own, with the first passports, occupations and destinations those provinces have more of;
- church, temple and umrah groups with one guide; procedural workers through licensed P3MI;
- offices keying differently: lower case, titles, +62 phones, missing birth places and occupations;
- interview notes in the officers' words (tests/data/interview_notes_holdout.txt, never tuned on);
- the risky side too: recruiters' companions, unlicensed companies, work behind a tourist purpose, coached notes,
  a recruit giving a reported recruiter's number as her contact;
- partner reports (Kemlu returnees from scam compounds, Polri recruiters) with the victim applying again — an
  interview and protection, never a postponement — and the *relatives* of victims and recruiters applying on their
  own (same KK, address and family phone, another person): clean. A Polri report names its suspect as his KTP
  does (the address, keyed its own way, and at times the KK) in most cases; some recruiters once had a passport
  themselves, so their own form is in the national history (`history`); the rest give a name and a phone only.

Every application carries `_label` (the categories that should fire, empty for clean) and `_group`, removed before
screening.
"""

import csv
import random
import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any

NOTES = (
    Path(__file__).resolve().parent.parent / "garda" / "screening" / "tests" / "data" / "interview_notes_holdout.txt"
)
PMI_SENDING = {"35": "3578", "33": "3374", "32": "3273", "52": "5271", "18": "1871"}  # province → a city
HOME = ["3171", "3172", "3173", "3174", "3175", "3276", "3603", "3671"]  # Jakarta, Depok, Tangerang
GIVEN_F = ["SITI", "DEWI", "RINA", "NUR", "AYU", "LESTARI", "WULAN", "INDAH", "PUTRI", "SRI", "YULI", "ANI", "MARIA"]
GIVEN_M = ["AHMAD", "BUDI", "AGUS", "RUDI", "EKO", "DEDI", "HENDRA", "JOKO", "YOHANES", "RIZKY", "FAJAR", "ANDI"]
FAMILY = ["SANTOSO", "WIJAYA", "HIDAYAT", "SAPUTRA", "LESTARI", "KURNIAWAN", "SIMANJUNTAK", "NASUTION", "PRATAMA",
          "SUSANTO", "RAHAYU", "HASIBUAN", "WIBOWO", "SETIAWAN", "MAULANA", "PURNOMO"]  # fmt: skip
OCCUPATIONS_CITY = ["KARYAWAN SWASTA", "PEGAWAI NEGERI SIPIL", "WIRASWASTA", "PELAJAR/MAHASISWA", "DOKTER", "GURU"]
OCCUPATIONS_VILLAGE = ["MENGURUS RUMAH TANGGA", "PETANI/PEKEBUN", "WIRASWASTA", "BELUM/TIDAK BEKERJA", "PEDAGANG",
                       "BURUH HARIAN LEPAS"]  # fmt: skip
TOUR = ["JP", "KR", "SG", "TH", "MY", "TR", "AU", "CN", "VN", "NL", "FR"]
VISITED = ["HK", "TW", "MY", "SG", "JP", "KR", "SA", "AE", "NL", "AU"]


def _districts() -> dict[str, list[str]]:
    """Districts in force by regency/city (the first four digits of a NIK), from the region codes shipped with Garda."""
    out: dict[str, list[str]] = {}
    path = Path(__file__).resolve().parent.parent / "garda" / "core" / "data" / "wilayah_2025.csv"
    with open(path, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["level"] == "district":
                out.setdefault(row["code"][:4], []).append(row["code"])
    return out


def _clean_notes() -> list[str]:
    return [line[2:] for line in NOTES.read_text(encoding="utf-8").splitlines() if line.startswith("C|")]


def _work_notes() -> list[str]:
    return [line[2:] for line in NOTES.read_text(encoding="utf-8").splitlines() if line.startswith("W|")]


class Intake:
    def __init__(self, seed: int, office: str = "JAKSEL", day: date = date(2026, 10, 1)) -> None:
        self.rng = random.Random(seed)
        self.office, self.day, self.n = office, day, 0
        self.clean_notes, self.work_notes = _clean_notes(), _work_notes()
        self.guides: dict[str, dict[str, Any]] = {}
        self.districts = _districts()
        self.reports: list[dict[str, Any]] = []
        self.history: list[dict[str, Any]] = []
        self.p3mi = [
            {
                "name": f"PT {w} MANDIRI SEJAHTERA",
                "license_number": f"KEP.{100 + i}/P3MI/2024",
                "valid_until": "2029-12-31",
            }
            for i, w in enumerate(["ANUGERAH", "BINA", "CAHAYA", "DUTA"])
        ]

    # --- people -------------------------------------------------------------------------------------------------
    def nik(self, district: str, born: date, sex: str) -> str:
        day = born.day + (40 if sex == "F" else 0)
        return f"{district}{day:02d}{born.month:02d}{born.year % 100:02d}{self.rng.randint(1, 9999):04d}"

    def household(self, pmi_sending: bool) -> dict[str, Any]:
        province = self.rng.choice(list(PMI_SENDING)) if pmi_sending else ""
        city = PMI_SENDING[province] if pmi_sending else self.rng.choice(HOME)
        return {
            "city": city,
            "family": self.rng.choice(FAMILY),
            "kk": f"{city}{self.rng.randint(1, 12):02d}{self.rng.randint(10**9, 10**10 - 1)}",
            "address": f"JL. {self.rng.choice(['MAWAR', 'MELATI', 'KENANGA', 'FLAMBOYAN'])} NO. "
            f"{self.rng.randint(1, 99)} RT {self.rng.randint(1, 12):03d}/RW {self.rng.randint(1, 9):03d}",
            "phone": f"08{self.rng.choice(['12', '13', '21', '52', '57', '77'])}{self.rng.randint(10**7, 10**8 - 1)}",
            "father": f"{self.rng.choice(GIVEN_M)} {self.rng.choice(FAMILY)}",
            "mother": f"{self.rng.choice(GIVEN_F)}",
            "village": pmi_sending,
        }

    def person(
        self, home: dict[str, Any], *, sex: str | None = None, age: tuple[int, int] = (20, 60)
    ) -> dict[str, Any]:
        sex = sex or self.rng.choice("MF")
        born = self.day - timedelta(days=365 * self.rng.randint(*age) + self.rng.randint(0, 364))
        given = self.rng.choice(GIVEN_F if sex == "F" else GIVEN_M)
        occupations = OCCUPATIONS_VILLAGE if home["village"] else OCCUPATIONS_CITY
        person: dict[str, Any] = {
            "nik": self.nik(self.rng.choice(self.districts[home["city"]]), born, sex),
            "kk_number": home["kk"],
            "full_name": f"{given} {home['family']}",
            "sex": sex,
            "birth_date": born.isoformat(),
            "birth_place": "JAKARTA"
            if not home["village"]
            else self.rng.choice(["MALANG", "CIREBON", "LOMBOK", "SOLO"]),
            "occupation": self.rng.choice(occupations),
            "phone": home["phone"] if self.rng.random() < 0.5 else f"0812{self.rng.randint(10**7, 10**8 - 1)}",
            "mother_name": home["mother"],
            "father_name": home["father"],
            "address": {"text": home["address"]},
        }
        return self.keyed(person)

    def keyed(self, person: dict[str, Any]) -> dict[str, Any]:
        """Offices key differently: lower case, +62 phones, a missing birth place or occupation."""
        r = self.rng.random()
        if r < 0.15:
            person["full_name"] = person["full_name"].title()
        elif r < 0.22:
            person["phone"] = "+62" + person["phone"][1:]
        elif r < 0.27:
            person.pop("father_name", None)
        elif r < 0.30:
            person.pop("occupation", None)
        return person

    # --- applications -------------------------------------------------------------------------------------------
    def application(self, applicant: dict[str, Any], purpose: str, country: str, **travel: Any) -> dict[str, Any]:
        self.n += 1
        submitted = self.day + timedelta(days=self.rng.randint(0, 27), hours=self.rng.randint(8, 15))
        first = self.rng.random() < (0.75 if applicant.get("occupation") in OCCUPATIONS_VILLAGE else 0.5)
        return {
            "id": f"R-{self.n:06d}",
            "office": self.office,
            "submitted_at": f"{submitted.isoformat()}T{self.rng.randint(8, 15):02d}:{self.rng.randint(0, 59):02d}:00+07:00",
            "channel": self.rng.choice(["m-paspor", "m-paspor", "counter"]),
            "application_type": "new" if first else "replacement",
            "applicant": {**applicant, "has_previous_passport": not first},
            "documents": [{"type": "ktp", "full_name": applicant["full_name"], "nik": applicant["nik"]}],
            "travel": {"purpose": purpose, "destination_country": country, "return_ticket": True,
                       "funds_source": self.rng.choice(["self", "self", "family"]), **travel},
            "decision": {"kind": "issued", "decided_at": f"{(submitted + timedelta(days=4)).isoformat()}T10:00:00+07:00"},
        }  # fmt: skip

    def note(self, app: dict[str, Any], text: str) -> None:
        app["interview"] = {"conducted": True, "notes": text}

    def clean(self, pmi_sending: bool) -> list[dict[str, Any]]:
        home = self.household(pmi_sending)
        kind = self.rng.choices(
            ["tourism", "umrah", "family_visit", "family_tour", "business", "study", "work", "pilgrimage"],
            weights=[34, 20, 14, 8, 7, 5, 6, 6],
        )[0]
        apps: list[dict[str, Any]] = []
        if kind in ("tourism", "family_tour"):
            country = self.rng.choice(TOUR)
            members = [self.person(home)] + (
                [self.person(home, age=(5, 17)) for _ in range(2)] if kind == "family_tour" else []
            )
            for m in members:
                app = self.application(m, "tourism", country)
                if self.rng.random() < 0.3:
                    app["documents"].append({"type": "hotel_booking"})
                r = self.rng.random()
                if r < 0.04:
                    app["travel"].pop("return_ticket")  # not asked at this counter
                elif r < 0.09:
                    app["travel"]["return_ticket"] = False  # buys the way back later, or goes on overland
                apps.append(app)
        elif kind == "umrah":
            guide = self.guide("umrah")
            for m in [self.person(home, age=(35, 70))] + (
                [self.person(home, age=(35, 70))] if self.rng.random() < 0.5 else []
            ):
                app = self.application(m, "umrah", "SA", funds_source="self")
                app["documents"] += [
                    {"type": "recommendation_kemenag"},
                    {"type": "travel_agent_letter", "issuer": guide["organisation"]},
                ]
                app["companion"] = {"present": True, "relation": "travel_agent", **guide}
                apps.append(app)
        elif kind == "pilgrimage":
            guide = self.guide("pilgrimage")
            country = self.rng.choice(["IL", "IT", "IN", "VA"]) if "VA" in TOUR else self.rng.choice(["IL", "IT", "IN"])
            app = self.application(self.person(home, age=(30, 70)), "tourism", country)
            app["documents"].append({"type": "travel_agent_letter", "issuer": guide["organisation"]})
            app["companion"] = {"present": True, "relation": "travel_agent", **guide}
            apps.append(app)
        elif kind == "family_visit":
            country = self.rng.choice(VISITED)
            host_given = self.rng.choice(GIVEN_F + GIVEN_M)
            host = f"{host_given} {home['family']}"
            relation = self.rng.choice(["sibling", "child", "spouse"])
            app = self.application(self.person(home), "family_visit", country,
                                   host={"full_name": host, "relation": relation, "country": country})  # fmt: skip
            letter = "guarantee_letter" if self.rng.random() < 0.5 else "invitation_letter"
            app["documents"] += [{"type": "host_passport_copy", "full_name": host}, {"type": letter, "full_name": host}]
            if self.rng.random() < 0.5:
                word = {"sibling": "Kakaknya", "child": "Anaknya", "spouse": "Suaminya"}[relation]
                job = self.rng.choice(["sebagai perawat", "di pabrik elektronik", "sebagai PRT", "di restoran"])
                self.note(app, f"{word} bekerja {job} di sana, pemohon berkunjung {self.rng.randint(7, 30)} hari")
            apps.append(app)
        elif kind == "business":
            app = self.application(self.person(home), "business", self.rng.choice(["SG", "MY", "CN", "JP", "AE"]),
                                   funds_source="employer")  # fmt: skip
            app["applicant"]["occupation"] = "KARYAWAN SWASTA"
            apps.append(app)
        elif kind == "study":
            app = self.application(self.person(home, age=(18, 26)), "study", self.rng.choice(["AU", "JP", "NL", "MY", "KR"]),
                                   funds_source="family")  # fmt: skip
            app["documents"].append({"type": "study_admission"})
            apps.append(app)
        else:  # a procedural placement through a licensed P3MI
            company = self.rng.choice(self.p3mi)
            app = self.application(self.person(home, age=(21, 40)), "work", self.rng.choice(["HK", "TW", "MY", "SG", "KR"]),
                                   funds_source="employer", placement_company={"name": company["name"],
                                   "license_number": company["license_number"]}, employer={"name": "MR. LEE"})  # fmt: skip
            app["documents"] += [{"type": "recommendation_disnaker"}, {"type": "id_pmi"}, {"type": "employment_contract"},
                                 {"type": "work_visa"}]  # fmt: skip
            apps.append(app)
        if apps and self.rng.random() < 0.25 and "interview" not in apps[0]:
            self.note(apps[0], self.rng.choice(self.clean_notes))
        for app in apps:
            app["_label"], app["_group"] = [], "pmi_sending" if pmi_sending else "other"
        return apps

    def guide(self, kind: str) -> dict[str, Any]:
        key = f"{kind}-{self.rng.randint(1, 4)}"
        if key not in self.guides:
            name = f"{self.rng.choice(GIVEN_M)} {self.rng.choice(FAMILY)}"
            org = f"PT {self.rng.choice(['SAFARI', 'KASIH', 'BERKAH', 'DHARMA'])} {kind.upper()} TOUR"
            self.guides[key] = {
                "full_name": name,
                "phone": f"0811{self.rng.randint(10**7, 10**8 - 1)}",
                "organisation": org,
            }
        return self.guides[key]

    def risky(self) -> list[dict[str, Any]]:
        """The five grounds as they come to a counter, not as the rules' generator writes them."""
        home = self.household(self.rng.random() < 0.6)
        kind = self.rng.choice(["work_as_tourist", "notes", "unlicensed", "recruiter", "recruiters_number", "minor"])
        person = self.person(home, sex="F", age=(19, 35))
        if kind == "work_as_tourist":
            app = self.application(
                person, "tourism", self.rng.choice(["MY", "SA", "AE"]), return_ticket=False, funds_source="sponsor"
            )
            app["documents"].append({"type": self.rng.choice(["employment_contract", "work_visa"])})
            label = ["non_procedural", "inconsistency"]
        elif kind == "notes":
            app = self.application(
                person, self.rng.choice(["tourism", "umrah", "family_visit"]), self.rng.choice(["MY", "KH", "SA"])
            )
            self.note(app, self.rng.choice(self.work_notes))
            label = ["non_procedural"]
        elif kind == "unlicensed":
            app = self.application(person, "work", self.rng.choice(["SA", "MY"]), funds_source="agent",
                                   placement_company={"name": f"PT {self.rng.choice(FAMILY)} JAYA MAKMUR"})  # fmt: skip
            app["documents"] += [{"type": "recommendation_disnaker"}, {"type": "id_pmi"}]
            label = ["non_procedural", "illegal_agent"]
        elif kind == "recruiter":
            app = self.application(person, "tourism", self.rng.choice(["MY", "KH"]), funds_source="agent")
            app["companion"] = {"present": True, "relation": "agent", "full_name": f"{self.rng.choice(GIVEN_M)} CALO"}
            label = ["illegal_agent"]
        elif kind == "recruiters_number":
            # A recruit from his village gives the recruiter's number as her contact; the report names him with
            # his own household's address — not hers.
            his = self.household(home["village"])
            recruiter = self.person(his, sex="M", age=(28, 50))
            self.report(recruiter, agency="POLRI", category="suspected_recruiter", role="recruiter",
                        address=his["address"])  # fmt: skip
            app = self.application(dict(person, phone=recruiter["phone"]), "tourism", self.rng.choice(["MY", "SG"]))
            label = ["illegal_agent"]
        else:
            born = date.fromisoformat(person["birth_date"])
            real = born.replace(year=self.day.year - 16)
            app = self.application(person, "tourism", "MY")
            app["documents"].append(
                {"type": "birth_certificate", "full_name": person["full_name"], "birth_date": real.isoformat()}
            )
            label = ["inconsistency"]
        app.pop("decision")
        app["_label"], app["_group"] = label, "risky"
        return [app]

    def report(self, person: dict[str, Any], *, agency: str, category: str, role: str, **extra: Any) -> None:
        self.reports.append(
            {
                "id": f"{agency}-{len(self.reports) + 1:04d}",
                "agency": agency,
                "received_at": f"{(self.day - timedelta(days=self.rng.randint(30, 300))).isoformat()}T10:00:00+07:00",
                "category": category,
                "subjects": [
                    {
                        "role": role,
                        "full_name": person["full_name"].upper(),
                        "nik": person["nik"],
                        "birth_date": person["birth_date"],
                        "sex": person["sex"],
                        "phone": person["phone"],
                        **extra,
                    }
                ],
            }
        )

    def reported_families(self) -> list[dict[str, Any]]:
        """A household with a partner report on one member: the victim applying again (agency_report, which must
        recommend an interview, not a postponement) or only a relative applying (clean)."""
        home = self.household(self.rng.random() < 0.6)
        victim = self.rng.random() < 0.6
        subject = self.person(home, sex="F" if victim else "M", age=(20, 40))
        subject["phone"] = home["phone"]  # the family phone, on the report too
        if victim:
            self.report(subject, agency="KEMLU", category="scam_returnee", role="victim")
        untied = False
        if not victim:
            extra: dict[str, Any] = {}
            if self.rng.random() < 0.6:  # the suspect as his KTP names him, keyed by the police their own way
                extra["address"] = re.sub(r"\b0+(\d)", r"\1", home["address"]).title()
                if self.rng.random() < 0.5:
                    extra["kk_number"] = home["kk"]
            self.report(subject, agency="POLRI", category="suspected_recruiter", role="recruiter", **extra)
            had_passport = self.rng.random() < 0.4  # he once had a passport himself
            if had_passport:
                own = self.application(subject, "tourism", self.rng.choice(TOUR))
                applied = self.day - timedelta(days=self.rng.randint(400, 1800))
                own["submitted_at"] = f"{applied.isoformat()}T09:00:00+07:00"
                own["decision"]["decided_at"] = f"{(applied + timedelta(days=4)).isoformat()}T10:00:00+07:00"
                self.history.append(own)
            untied = "address" not in extra and not had_passport
        apps = []
        if victim and self.rng.random() < 0.5:
            again = dict(subject, full_name=subject["full_name"].title())  # keyed by another office
            app = self.application(again, "tourism", self.rng.choice(["TH", "MY", "VN"]))
            app.pop("decision")
            app["_label"], app["_group"] = ["agency_report"], "victim"
            apps.append(app)
        else:
            relative = self.person(home, age=(18, 60))  # a sister, a brother, a parent: the family phone
            relative["phone"] = home["phone"]
            app = self.application(relative, "tourism", self.rng.choice(TOUR))
            app["_label"], app["_group"] = [], "relative_of_reported"
            if untied:  # nothing but the phone ties her to his household: she cannot be told from a recruit
                app["_untied"] = True
            apps.append(app)
        return apps


def day_of_intake(
    seed: int, clean_households: int = 1500, risky: int = 150
) -> tuple[list[dict[str, Any]], list[dict[str, str]], list[dict[str, Any]], list[dict[str, Any]]]:
    """The intake (labelled), the P3MI registry, the partner reports and the history known before the intake."""
    intake = Intake(seed)
    apps: list[dict[str, Any]] = []
    for i in range(clean_households):
        apps += intake.clean(pmi_sending=intake.rng.random() < 0.45)
        if i % (clean_households // max(risky, 1) or 1) == 0 and len([a for a in apps if a["_label"]]) < risky:
            apps += intake.risky()
        if i % 15 == 0:
            apps += intake.reported_families()
    intake.rng.shuffle(apps)
    return apps, intake.p3mi, intake.reports, intake.history
