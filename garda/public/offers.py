"""Check a job offer: a transparent rule engine a person runs on an offer they were given, before they hand over
documents or money.

Each rule is one sign from a published source — Kemlu's job-offer red flags, KP2MI/UU 18/2017 on the official
route, the recruitment-phase indicators and the ILO forced-labour indicators — or from the reference lists the
office already keeps (the moratorium countries, the online-scam countries, the P3MI registry). A sign says, in plain
Indonesian, what was seen, why it matters and where that comes from; the words a sign was read from are shown. No
score: a list of signs, and a level that is the worst of them. Nothing is stored: the offer lives in one request.

Pre-departure indicators are weak (domain brief §11.3) and an offer with no sign is not declared safe: the page says
no sign was found in what was told, and lists what the official route needs.
"""

from dataclasses import dataclass, field
from datetime import date

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from garda.core.models import Country
from garda.core.reflists import country_codes
from garda.public.licences import Answer, lookup
from garda.public.offer_reading import Reading, read

# A monthly wage at or above this, for work that asks no skill, language or experience, is Kemlu's first red flag.
# Legal placements reach it only with a test or a skill behind them (Korea's EPS-TOPIK, Japan's skill tests);
# a factory job in Taiwan or domestic work in Hong Kong pays about Rp10–14 million (2024).
HIGH_PAY = 15_000_000

DANGER = "bahaya"
CAUTION = "waspada"
NONE_FOUND = "tidak_ditemukan"

ONLINE_JOBS = frozenset({"online"})
DOMESTIC_JOBS = frozenset({"domestic"})

# Names a person writes for the countries the rules know, beside the registry's Indonesian and English names.
COUNTRY_ALIASES = {
    "saudi": "SA",
    "riyadh": "SA",
    "jeddah": "SA",
    "jedah": "SA",
    "mekkah": "SA",
    "makkah": "SA",
    "madinah": "SA",
    "dubai": "AE",
    "abu dhabi": "AE",
    "uea": "AE",
    "pea": "AE",
    "hongkong": "HK",
    "bangkok": "TH",
    "phnom penh": "KH",
    "sihanoukville": "KH",
    "poipet": "KH",
    "bavet": "KH",
    "myawaddy": "MM",
    "laos": "LA",
    "vientiane": "LA",
    "manila": "PH",
    "kuala lumpur": "MY",
    "korea": "KR",
    "korsel": "KR",
    "kamboja": "KH",
}


@dataclass(frozen=True)
class Offer:
    country: str = ""  # ISO alpha-2, or "" when not said
    job: str = ""  # a key of JOB_CHOICES, or ""
    salary: int | None = None  # rupiah a month
    qualifications: str = ""  # "none", "some" or ""
    fees: str = ""  # "none", "official", "to_recruiter", "salary_cut" or ""
    contact: str = ""  # a key of CONTACT_CHOICES, or ""
    documents: frozenset[str] = frozenset()  # what the person has seen: contract, work_visa, ...
    asked: frozenset[str] = frozenset()  # what they were asked or told: say_tourist, passport_held, ...
    company: str = ""
    description: str = ""


@dataclass(frozen=True)
class Sign:
    code: str
    level: str
    title: str | Promise
    why: str | Promise
    source: str | Promise
    words: str = ""  # the person's own words it was read from, when it was read from the description


@dataclass(frozen=True)
class Assessment:
    signs: list[Sign]
    level: str
    countries: list[Country]
    licence: Answer | None
    official_documents: list[tuple[str | Promise, bool]] = field(default_factory=list)

    @property
    def dangers(self) -> list[Sign]:
        return [s for s in self.signs if s.level == DANGER]

    @property
    def cautions(self) -> list[Sign]:
        return [s for s in self.signs if s.level == CAUTION]


KEMLU = _("Kemlu: tanda bahaya lowongan kerja luar negeri (gaji tinggi tanpa syarat, tanpa visa kerja, tanpa kontrak)")
UU18 = _("UU 18/2017 tentang Pelindungan Pekerja Migran Indonesia")
ILO = _("ILO: indikator kerja paksa")
RECRUITMENT = _("Indikator TPPO tahap perekrutan")

# code: (level, title, why, source). The wording is for the person who got the offer, not for an officer.
RULES: dict[str, tuple[str, str | Promise, str | Promise, str | Promise]] = {
    "unlicensed_company": (
        DANGER,
        _("Perusahaan tidak ditemukan dalam daftar P3MI berizin"),
        _(
            "Hanya perusahaan penempatan (P3MI) yang berizin boleh merekrut pekerja migran. Periksa lagi ejaannya; "
            "bila tetap tidak ada, jangan serahkan dokumen atau uang."
        ),
        UU18,
    ),
    "expired_licence": (
        DANGER,
        _("Izin perusahaan sudah tidak berlaku"),
        _("Perusahaan yang izinnya habis tidak boleh merekrut atau memberangkatkan pekerja migran."),
        UU18,
    ),
    "no_company": (
        CAUTION,
        _("Tidak ada perusahaan penempatan yang disebut"),
        _(
            "Perekrutan oleh perorangan (sponsor, calo, kenalan) tanpa perusahaan berizin atau tanpa KP2MI bukan "
            "jalur resmi. Tanyakan nama perusahaannya, lalu periksa izinnya."
        ),
        UU18,
    ),
    "scam_country_online_job": (
        DANGER,
        _("Pekerjaan daring di negara tempat banyak WNI dijebak penipuan online"),
        _(
            "Lowongan admin, customer service, operator atau marketing online di negara ini adalah modus utama "
            "perekrutan ke kompleks penipuan daring. Korban dipaksa menipu, dijual antarperusahaan, dan tidak bisa "
            "pulang."
        ),
        _("Kemlu, Direktorat Pelindungan WNI: lebih dari 10.000 kasus online scam sampai Oktober 2025"),
    ),
    "scam_country": (
        CAUTION,
        _("Negara tujuan termasuk negara gelombang TPPO penipuan daring"),
        _(
            "Banyak tawaran kerja ke negara ini, atau yang transit melalui negara ini, berakhir di kompleks "
            "penipuan daring. Pastikan pekerjaan, perusahaan dan visa kerjanya sebelum berangkat."
        ),
        _("Kemlu, Direktorat Pelindungan WNI; daftar negara yang dipakai kantor imigrasi"),
    ),
    "moratorium_domestic": (
        DANGER,
        _("Penempatan pekerja rumah tangga ke negara ini dihentikan"),
        _(
            "Sejak 1 Juli 2015 pekerja migran tidak boleh ditempatkan pada pengguna perseorangan (rumah tangga) di "
            "negara ini. Tawaran seperti ini pasti melalui jalur tidak resmi."
        ),
        _("Kepmenaker No. 260 Tahun 2015"),
    ),
    "high_pay_no_skills": (
        DANGER,
        _("Gaji sangat tinggi tanpa syarat keahlian"),
        _(
            "Gaji jauh di atas pekerjaan sejenis tanpa syarat pengalaman, keahlian atau bahasa adalah tanda bahaya "
            "pertama menurut Kemlu. Penempatan resmi dengan gaji setinggi itu selalu memakai tes."
        ),
        KEMLU,
    ),
    "fees_to_recruiter": (
        DANGER,
        _("Diminta membayar perekrut"),
        _(
            "Pekerja migran tidak boleh dibebani biaya penempatan. Uang yang diminta perekrut untuk pendaftaran, "
            "proses atau jaminan adalah tanda perekrutan ilegal dan sering menjadi jerat utang."
        ),
        _("UU 18/2017 Pasal 30; indikator TPPO tahap perekrutan: biaya perekrutan berlebihan"),
    ),
    "debt_bondage": (
        DANGER,
        _("Biaya dibayar dengan potongan gaji atau utang"),
        _(
            "Utang kepada perekrut atau majikan yang dibayar dengan memotong gaji adalah jerat utang, salah satu "
            "indikator kerja paksa: pekerja tidak bisa berhenti sebelum utangnya lunas."
        ),
        _("ILO: indikator kerja paksa (jerat utang)"),
    ),
    "stranger_online": (
        CAUTION,
        _("Tawaran datang dari orang tak dikenal lewat media sosial atau pesan"),
        _(
            "Perekrut ilegal mencari korban lewat iklan media sosial, grup dan pesan pribadi. Lowongan resmi dapat "
            "diperiksa di Disnaker, BP3MI atau KP2MI."
        ),
        KEMLU,
    ),
    "no_contract": (
        DANGER,
        _("Tidak ada perjanjian kerja sebelum berangkat"),
        _(
            "Pekerja migran harus menandatangani perjanjian kerja sebelum berangkat; janji bahwa kontrak dibuat "
            "'nanti di sana' adalah tanda bahaya."
        ),
        _("UU 18/2017 Pasal 13; Kemlu"),
    ),
    "visit_visa_for_work": (
        DANGER,
        _("Berangkat bekerja dengan visa kunjungan, turis atau umrah"),
        _(
            "Bekerja dengan visa bukan visa kerja membuat Anda tidak terlindungi, bisa ditangkap dan dideportasi. "
            "Penempatan resmi selalu memakai visa kerja."
        ),
        _("Kemnaker; Kemlu"),
    ),
    "told_to_lie": (
        DANGER,
        _("Diminta mengaku berwisata, umrah atau berkunjung saat wawancara paspor"),
        _(
            "Memberi keterangan tidak benar untuk mendapat paspor adalah pelanggaran, dan paspor dapat ditolak atau "
            "dibatalkan. Perekrut yang mengajari Anda berbohong sedang memberangkatkan Anda secara non-prosedural."
        ),
        _("UU 6/2011 Pasal 126 huruf c; SE Dirjen Imigrasi IMI-0277.GR.02.06 Tahun 2017"),
    ),
    "passport_held": (
        DANGER,
        _("Paspor atau identitas akan dipegang orang lain"),
        _(
            "Penahanan paspor membuat Anda tidak bisa pergi atau pulang. Ini salah satu indikator kerja paksa dan "
            "perdagangan orang."
        ),
        _("ILO: indikator kerja paksa (penahanan dokumen identitas); UNODC"),
    ),
    "transit_switch": (
        DANGER,
        _("Berangkat ke satu negara, lalu dibawa ke tempat lain"),
        _(
            "Korban online scam sering diberangkatkan ke Thailand atau Malaysia, lalu dijemput dan dibawa lewat "
            "darat ke Kamboja atau Myanmar."
        ),
        KEMLU,
    ),
    "secrecy": (
        CAUTION,
        _("Diminta merahasiakan keberangkatan"),
        _(
            "Perekrut yang meminta Anda tidak memberi tahu keluarga sedang memutus orang yang bisa menolong. Izin "
            "keluarga justru syarat penempatan resmi."
        ),
        _("UU 18/2017 Pasal 13 (izin suami/istri, orang tua atau wali); ILO: indikator kerja paksa (isolasi)"),
    ),
    "restricted_movement": (
        DANGER,
        _("Tidak boleh keluar atau telepon disita"),
        _(
            "Larangan keluar dari tempat tinggal atau tempat kerja, dan penyitaan telepon, adalah pembatasan gerak "
            "dan isolasi: indikator kerja paksa."
        ),
        _("ILO: indikator kerja paksa (pembatasan gerak, isolasi)"),
    ),
    "vague_job": (
        CAUTION,
        _("Pekerjaannya tidak dijelaskan"),
        _(
            "Tawaran yang tidak menyebut pekerjaan, majikan dan tempat kerjanya dengan jelas dapat menyembunyikan "
            "pekerjaan lain. Mintalah rincian tertulis."
        ),
        RECRUITMENT,
    ),
    "night_entertainment": (
        CAUTION,
        _("Pekerjaan hiburan malam, spa atau pijat"),
        _(
            "Lowongan pemandu karaoke, penari, terapis spa atau pijat di luar negeri sering menjadi jalan "
            "eksploitasi seksual."
        ),
        _("Polri, Satgas TPPO 2023: modus eksploitasi seksual"),
    ),
}

OFFICIAL_DOCUMENTS: tuple[tuple[str, str | Promise], ...] = (
    ("contract", _("Perjanjian kerja yang Anda baca dan tanda tangani sebelum berangkat")),
    ("work_visa", _("Visa kerja negara tujuan")),
    ("disnaker_recommendation", _("Surat rekomendasi paspor dari Dinas Ketenagakerjaan")),
    ("id_pmi", _("ID PMI (terdaftar di SISKOP2MI)")),
)

# Form answers that are a sign by themselves.
ASKED_SIGNS = {
    "say_tourist": "told_to_lie",
    "visit_visa": "visit_visa_for_work",
    "passport_held": "passport_held",
    "transit": "transit_switch",
    "no_contract": "no_contract",
    "secrecy": "secrecy",
}
FEE_SIGNS = {"to_recruiter": "fees_to_recruiter", "salary_cut": "debt_bondage"}
STRANGER_CONTACT = frozenset({"social_media", "messaging_stranger"})
OFFICIAL_CONTACT = frozenset({"disnaker", "company_office"})


def country_names() -> dict[str, str]:
    """Lower-case names of the countries the rules know, for reading them in the description (one query)."""
    known = country_codes("scam_compound_countries") | country_codes("moratorium_middle_east")
    known |= country_codes("pmi_destinations")
    names = {alias: code for alias, code in COUNTRY_ALIASES.items()}
    for country in Country.objects.filter(alpha2__in=known):
        names[country.name_id.lower()] = country.alpha2
        names[country.name_en.lower()] = country.alpha2
    return names


def assess(offer: Offer, today: date | None = None) -> Assessment:
    reading = (
        read(offer.description, country_names()) if offer.description.strip() else Reading((), "", (), None, False)
    )
    found: dict[str, str] = {}  # code -> the words it was read from ("" for a form answer)

    def sign(code: str, words: str = "") -> None:
        found.setdefault(code, words)

    codes = [offer.country] if offer.country else []
    codes += [c for c in reading.countries if c not in codes]
    job = offer.job or reading.job
    salary = offer.salary if offer.salary is not None else reading.salary
    qualifications = offer.qualifications or ("none" if reading.no_qualification else "")

    scam = country_codes("scam_compound_countries")
    moratorium = country_codes("moratorium_middle_east")
    if any(c in scam for c in codes):
        sign("scam_country_online_job" if job in ONLINE_JOBS else "scam_country")
    if job in DOMESTIC_JOBS and any(c in moratorium for c in codes):
        sign("moratorium_domestic")
    if salary is not None and salary >= HIGH_PAY and qualifications == "none":
        sign("high_pay_no_skills")
    if offer.fees in FEE_SIGNS:
        sign(FEE_SIGNS[offer.fees])
    if offer.contact in STRANGER_CONTACT:
        sign("stranger_online")
    for answer in sorted(offer.asked):
        if answer in ASKED_SIGNS:
            sign(ASKED_SIGNS[answer])
    if job == "entertainment":
        sign("night_entertainment")
    if offer.job == "unknown":
        sign("vague_job")
    for finding in reading.findings:
        if finding.code == "stranger_online" and offer.contact in OFFICIAL_CONTACT:
            continue  # the person said where the offer came from; an advert word in the story does not override it
        sign(finding.code, finding.words)

    licence = None
    company = " ".join(offer.company.split())
    if company:
        licence = lookup(company, today)
        if licence.registry_date is not None:
            if not licence.found:
                sign("unlicensed_company")
            elif not any(f.licensed for f in licence.found):
                sign("expired_licence")
    elif offer.contact not in OFFICIAL_CONTACT:
        sign("no_company")

    order = list(RULES)
    signs = [
        Sign(code, RULES[code][0], RULES[code][1], RULES[code][2], RULES[code][3], words)
        for code, words in sorted(found.items(), key=lambda item: (RULES[item[0]][0] != DANGER, order.index(item[0])))
    ]
    level = DANGER if any(s.level == DANGER for s in signs) else CAUTION if signs else NONE_FOUND
    return Assessment(
        signs=signs,
        level=level,
        countries=list(Country.objects.filter(alpha2__in=codes)),
        licence=licence,
        official_documents=[(label, key in offer.documents) for key, label in OFFICIAL_DOCUMENTS],
    )
