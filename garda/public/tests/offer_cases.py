"""Job offers a person might bring to the offer check, written from the domain brief (§3.1 items 2, 10, 11; §3.2;
§3.3; §5.3; the recruitment-phase and ILO indicators) before the rules were written, and kept apart from them: the
rule-writer does not tune against this file. Beside each dangerous offer stand the clean offers that look like it —
a licensed Taiwan factory job, a hospital nurse in Saudi Arabia (not a domestic worker), a Hong Kong domestic
worker at the usual wage, a description full of "tidak" — which must raise no warning about what they do not say.

Each case names the signs that must be found (`expect`) and the signs that must not (`forbid`). The companies are
those of the registry written in `test_licences.py`: PT Sinar Jaya Abadi (licensed), PT. Bintang Timur Sejahtera
(licence expired mid-2024); any other name is not in it.
"""

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Case:
    name: str
    offer: dict[str, Any]
    expect: frozenset[str] = frozenset()
    forbid: frozenset[str] = frozenset()
    level: str = ""  # "bahaya", "waspada" or "tidak_ditemukan"; empty: not asserted
    notes: str = field(default="")


def _s(*codes: str) -> frozenset[str]:
    return frozenset(codes)


EVERY_SIGN = _s(
    "unlicensed_company",
    "expired_licence",
    "no_company",
    "scam_country_online_job",
    "scam_country",
    "moratorium_domestic",
    "high_pay_no_skills",
    "fees_to_recruiter",
    "debt_bondage",
    "stranger_online",
    "no_contract",
    "visit_visa_for_work",
    "told_to_lie",
    "passport_held",
    "transit_switch",
    "secrecy",
    "restricted_movement",
    "vague_job",
    "night_entertainment",
)

DANGEROUS = [
    Case(
        "online-scam offer framed as Thailand (Kemlu, §3.1.11, §3.3)",
        {
            "country": "TH",
            "job": "online",
            "salary": 20_000_000,
            "qualifications": "none",
            "contact": "social_media",
            "asked": ["say_tourist", "transit"],
            "company": "",
        },
        expect=_s("scam_country_online_job", "high_pay_no_skills", "stranger_online", "told_to_lie", "transit_switch"),
        level="bahaya",
    ),
    Case(
        "domestic work in Saudi Arabia through a sponsor on an umrah visa (§5.3, §3.1.10)",
        {
            "country": "SA",
            "job": "domestic",
            "salary": 6_000_000,
            "qualifications": "none",
            "fees": "salary_cut",
            "contact": "acquaintance",
            "asked": ["visit_visa"],
            "company": "",
        },
        expect=_s("moratorium_domestic", "visit_visa_for_work", "debt_bondage", "no_company"),
        forbid=_s("high_pay_no_skills", "stranger_online"),
        level="bahaya",
    ),
    Case(
        "an unlicensed company asking for money up front (§3.2, recruitment-phase: excessive fees)",
        {
            "country": "MY",
            "job": "factory",
            "salary": 7_000_000,
            "qualifications": "none",
            "fees": "to_recruiter",
            "contact": "acquaintance",
            "company": "PT Global Karya Mandiri",
        },
        expect=_s("unlicensed_company", "fees_to_recruiter"),
        forbid=_s("scam_country", "scam_country_online_job", "high_pay_no_skills", "no_company"),
        level="bahaya",
    ),
    Case(
        "a company whose licence expired",
        {"country": "TW", "job": "factory", "contact": "company_office", "company": "Bintang Timur Sejahtera"},
        expect=_s("expired_licence"),
        forbid=_s("unlicensed_company"),
        level="bahaya",
    ),
    Case(
        "described in the person's own words only (Myanmar, CS, passport kept by the boss, tourist visa)",
        {
            "description": "Ditawari kerja di Myanmar jadi CS online, gaji 18 juta, gak perlu pengalaman. "
            "Paspor nanti dipegang bos di sana, berangkat pakai visa turis dulu.",
        },
        expect=_s("scam_country_online_job", "high_pay_no_skills", "passport_held", "visit_visa_for_work"),
        level="bahaya",
    ),
    Case(
        "described: told to say it is a holiday, no contract, keep it from the parents",
        {
            "description": "Kata agennya nanti di imigrasi bilang saja mau liburan ke Malaysia. Kontraknya nanti "
            "di sana saja. Jangan kasih tahu orang tua dulu ya.",
        },
        expect=_s("told_to_lie", "no_contract", "secrecy"),
        forbid=_s("scam_country"),
        level="bahaya",
    ),
    Case(
        "described: movement restricted and phone taken (ILO restriction of movement, isolation)",
        {
            "country": "KH",
            "description": "Teman saya bilang di sana tinggal di asrama, tidak boleh keluar kompleks dan HP "
            "disita selama kontrak. Biaya tiket dipotong dari gaji.",
        },
        expect=_s("restricted_movement", "debt_bondage", "scam_country"),
        level="bahaya",
    ),
    Case(
        "fishing-vessel crew through an individual, no contract (Polri modus ABK)",
        {
            "country": "",
            "job": "fishing",
            "contact": "messaging_stranger",
            "asked": ["no_contract"],
            "company": "",
        },
        expect=_s("no_contract", "stranger_online", "no_company"),
        level="bahaya",
    ),
    Case(
        "karaoke hostess in Japan, job details later (Polri modus PSK; false job information)",
        {
            "country": "JP",
            "job": "entertainment",
            "salary": 25_000_000,
            "qualifications": "none",
            "contact": "social_media",
            "description": "Pekerjaannya nanti dijelaskan setelah sampai.",
        },
        expect=_s("night_entertainment", "high_pay_no_skills", "stranger_online", "vague_job"),
        level="bahaya",
    ),
    Case(
        "amounts written the Indonesian way: Rp 15.000.000 per bulan, tanpa syarat",
        {"country": "LA", "description": "Lowongan admin game, gaji Rp 15.000.000 per bulan, tanpa syarat apa pun."},
        expect=_s("scam_country_online_job", "high_pay_no_skills"),
        level="bahaya",
    ),
]

CLEAN_LOOK_ALIKES = [
    Case(
        "Taiwan factory job through a licensed company, contract and recommendation in hand",
        {
            "country": "TW",
            "job": "factory",
            "salary": 14_000_000,
            "qualifications": "some",
            "fees": "none",
            "contact": "company_office",
            "documents": ["contract", "work_visa", "disnaker_recommendation", "id_pmi"],
            "company": "PT Sinar Jaya Abadi",
        },
        forbid=EVERY_SIGN,
        level="tidak_ditemukan",
    ),
    Case(
        "Korea G to G (EPS) through Disnaker: a high wage, but with a language test",
        {
            "country": "KR",
            "job": "factory",
            "salary": 28_000_000,
            "qualifications": "some",
            "fees": "none",
            "contact": "disnaker",
            "documents": ["contract", "work_visa", "id_pmi"],
        },
        forbid=EVERY_SIGN,
        level="tidak_ditemukan",
    ),
    Case(
        "a hospital nurse in Saudi Arabia: the moratorium covers individual users, not hospitals",
        {
            "country": "SA",
            "job": "health",
            "salary": 12_000_000,
            "qualifications": "some",
            "contact": "company_office",
            "documents": ["contract", "work_visa"],
            "company": "Sinar Jaya Abadi",
        },
        forbid=EVERY_SIGN,
        level="tidak_ditemukan",
    ),
    Case(
        "a Hong Kong domestic worker at the usual wage with no qualification asked",
        {
            "country": "HK",
            "job": "domestic",
            "salary": 10_000_000,
            "qualifications": "none",
            "fees": "none",
            "contact": "company_office",
            "company": "PT SINAR JAYA ABADI",
        },
        forbid=EVERY_SIGN,
        level="tidak_ditemukan",
    ),
    Case(
        "a description full of negations: nothing it denies is a sign",
        {
            "country": "TW",
            "job": "factory",
            "company": "PT Sinar Jaya Abadi",
            "contact": "company_office",
            "description": "Paspor tidak ditahan perusahaan, saya pegang sendiri. Kontrak kerja sudah saya baca dan "
            "tanda tangani di Disnaker. Tidak ada biaya yang dipotong dari gaji. Saya tidak diminta mengaku wisata, "
            "dan berangkat dengan visa kerja, bukan visa turis.",
        },
        forbid=EVERY_SIGN,
        level="tidak_ditemukan",
    ),
    Case(
        "a hotel job in Thailand through a licensed company: a caution about the country, no danger",
        {
            "country": "TH",
            "job": "hospitality",
            "salary": 9_000_000,
            "qualifications": "some",
            "contact": "company_office",
            "documents": ["contract", "work_visa"],
            "company": "PT Sinar Jaya Abadi",
        },
        expect=_s("scam_country"),
        forbid=EVERY_SIGN - _s("scam_country"),
        level="waspada",
    ),
    Case(
        "a plantation job in Malaysia through a licensed company (Malaysia is not a scam-compound country)",
        {
            "country": "MY",
            "job": "plantation",
            "salary": 5_500_000,
            "qualifications": "none",
            "contact": "company_office",
            "company": "PT Sinar Jaya Abadi",
        },
        forbid=EVERY_SIGN,
        level="tidak_ditemukan",
    ),
    Case(
        "a family member abroad told them about an office job, with the company named and licensed",
        {
            "country": "SG",
            "job": "office",
            "salary": 11_000_000,
            "qualifications": "some",
            "contact": "family",
            "company": "PT Sinar Jaya Abadi",
            "description": "Kakak saya yang kerja di Singapura memberi tahu lowongan ini. Kontraknya sudah dikirim.",
        },
        forbid=EVERY_SIGN,
        level="tidak_ditemukan",
    ),
]

CASES = DANGEROUS + CLEAN_LOOK_ALIKES
