"""The catalogue of screening indicators: stable codes, their category and default severity, the sentence that
explains each to the officer (Indonesian and English), and what to ask or request when it fires.

A result stores the code and the parameters of each indicator, never the sentence: the sentence is rendered in
the reader's language from this catalogue, and `RULES_VERSION` says which catalogue and rules produced it.
Change a rule's meaning → bump the version (the old results keep theirs).
"""

from dataclasses import dataclass, field
from typing import Any

from garda.core.vocabulary import Pairs

RULES_VERSION = "2026.11-1"

CATEGORIES = ("non_procedural", "inconsistency", "illegal_agent", "agency_report", "prior_decision")
SEVERITIES = ("low", "medium", "high")
RECOMMENDATIONS = ("proceed", "request_documents", "in_depth_interview", "postpone", "refuse")


@dataclass(frozen=True)
class Rule:
    code: str
    category: str
    text_id: str
    text_en: str
    recommends: str
    questions_id: tuple[str, ...] = ()
    questions_en: tuple[str, ...] = ()


@dataclass
class Indicator:
    code: str
    severity: str
    evidence: dict[str, Any]
    params: dict[str, Any] = field(default_factory=dict)
    # False for the second ground one finding supports (an unlicensed company is both non-procedural placement and
    # an illegal agent): it is shown and categorised, but the finding counts once in the score.
    counted: bool = True

    @property
    def rule(self) -> Rule:
        return RULES[self.code]

    @property
    def category(self) -> str:
        return self.rule.category

    def explanation(self, language: str = "id") -> str:
        return explain(self.code, self.params, language)


def explain(code: str, params: dict[str, Any], language: str = "id") -> str:
    rule = RULES[code]
    text = rule.text_en if language == "en" else rule.text_id
    if language == "en":  # a parameter with an English form (`purpose_en`) stands in for the Indonesian one
        params = {**params, **{k.removesuffix("_en"): v for k, v in params.items() if k.endswith("_en")}}
    try:
        sentence = text.format(**params)
        return sentence[:1].upper() + sentence[1:]
    except (KeyError, IndexError, ValueError):  # a result stored by an older catalogue: the bare sentence
        return text.split("{")[0].rstrip(" :") or code


_ASK_WORK_ID = (
    "Apa pekerjaan Anda sekarang, dan apa yang akan Anda lakukan di negara tujuan?",
    "Siapa yang membiayai perjalanan dan siapa yang mengurus dokumen Anda?",
)
_ASK_WORK_EN = (
    "What is your work now, and what will you do in the destination country?",
    "Who pays for the trip and who arranged your documents?",
)

_RULES = [
    # --- non_procedural -------------------------------------------------------------------------------------------
    Rule(
        "NP_MISSING_PURPOSE_DOCUMENTS",
        "non_procedural",
        "Tujuan {purpose} mensyaratkan {missing} (SE IMI-0277.GR.02.06/2017), tetapi dokumen itu tidak diajukan.",
        "The purpose {purpose} requires {missing} (circular IMI-0277.GR.02.06/2017), which was not presented.",
        "request_documents",
        ("Mintalah dokumen yang kurang dan periksa keasliannya.",),
        ("Ask for the missing documents and check that they are genuine.",),
    ),
    Rule(
        "NP_UNLICENSED_P3MI",
        "non_procedural",
        "Perusahaan penempatan '{company}' tidak tercantum dalam registri P3MI berizin yang berlaku.",
        "The placement company '{company}' is not in the registry of licensed P3MI in force.",
        "postpone",
        ("Bagaimana Anda mengenal perusahaan ini? Siapa yang menghubungi Anda pertama kali?",),
        ("How did you come to know this company? Who contacted you first?",),
    ),
    Rule(
        "NP_P3MI_LICENCE_EXPIRED",
        "non_procedural",
        "Izin P3MI '{company}' berakhir pada {valid_until}, sebelum permohonan diajukan.",
        "The P3MI licence of '{company}' expired on {valid_until}, before the application.",
        "postpone",
        ("Apakah perusahaan memberi Anda perjanjian penempatan? Kapan ditandatangani?",),
        ("Did the company give you a placement agreement? When was it signed?",),
    ),
    Rule(
        "NP_JOB_SEEKER_PROFILE",
        "non_procedural",
        "Negara tujuan {country} ({lists}) dengan profil pencari kerja: {signals}.",
        "Destination {country} ({lists}) with a job-seeker profile: {signals}.",
        "in_depth_interview",
        (*_ASK_WORK_ID, "Berapa lama Anda akan tinggal dan kapan Anda kembali?"),
        (*_ASK_WORK_EN, "How long will you stay and when do you return?"),
    ),
    Rule(
        "NP_WORK_DOCUMENTS_UNDECLARED",
        "non_procedural",
        "Membawa atau mencantumkan {documents} padahal tujuan yang dinyatakan adalah {purpose}.",
        "Carries or names {documents} although the stated purpose is {purpose}.",
        "postpone",
        ("Dari mana Anda mendapat kontrak atau visa kerja ini? Siapa pemberi kerjanya?",),
        ("Where did this contract or work visa come from? Who is the employer?",),
    ),
    Rule(
        "NP_INTERVIEW_WORK_INTENT",
        "non_procedural",
        "Dalam wawancara pemohon menyatakan (atau catatan menunjukkan) akan bekerja, padahal tujuan di formulir"
        " adalah {purpose}.",
        "In the interview the applicant stated (or the notes show) an intent to work, although the form says"
        " {purpose}.",
        "postpone",
        _ASK_WORK_ID,
        _ASK_WORK_EN,
    ),
    Rule(
        "NP_INTERVIEW_WEAK_TRIP",
        "non_procedural",
        "Wawancara: {observations}.",
        "Interview: {observations}.",
        "in_depth_interview",
        ("Jelaskan rencana perjalanan hari demi hari: tempat menginap, siapa yang dikunjungi, kapan kembali.",),
        ("Describe the trip day by day: where you stay, whom you visit, when you return.",),
    ),
    Rule(
        "NP_MORATORIUM_WORK",
        "non_procedural",
        "Bekerja ke {country}, negara moratorium penempatan PMI pada pengguna perseorangan (Kepmenaker 260/2015).",
        "Work in {country}, a moratorium country for placing PMI with individual users (Kepmenaker 260/2015).",
        "in_depth_interview",
        ("Pekerjaan apa yang ditawarkan, dan untuk badan usaha atau perseorangan?",),
        ("What job was offered, and is the employer a company or a household?",),
    ),
    # --- inconsistency --------------------------------------------------------------------------------------------
    Rule(
        "INC_NIK_INVALID",
        "inconsistency",
        "NIK '{nik}' tidak sah: {problems}.",
        "NIK '{nik}' is invalid: {problems}.",
        "request_documents",
        ("Cocokkan NIK dengan KTP asli dan data Dukcapil.",),
        ("Check the NIK against the original KTP and the civil registry.",),
    ),
    Rule(
        "INC_NIK_BIRTH_DATE",
        "inconsistency",
        "Tanggal lahir yang tersandi dalam NIK ({nik_value}) berbeda dari tanggal lahir di formulir ({form_value}).",
        "The birth date encoded in the NIK ({nik_value}) differs from the birth date on the form ({form_value}).",
        "request_documents",
        ("Mintalah akta kelahiran asli dan cocokkan dengan KTP.",),
        ("Ask for the original birth certificate and compare it with the KTP.",),
    ),
    Rule(
        "INC_NIK_SEX",
        "inconsistency",
        "Jenis kelamin yang tersandi dalam NIK ({nik_value}) berbeda dari formulir ({form_value}).",
        "The sex encoded in the NIK ({nik_value}) differs from the form ({form_value}).",
        "request_documents",
        ("Cocokkan identitas dengan KTP asli.",),
        ("Check the identity against the original KTP.",),
    ),
    Rule(
        "INC_WORK_DOCUMENTS_CONTRADICT_PURPOSE",
        "inconsistency",
        "{documents} bertentangan dengan tujuan yang dinyatakan pemohon sendiri ({purpose}).",
        "{documents} contradict the purpose the applicant states ({purpose}).",
        "postpone",
        ("Mengapa Anda membawa dokumen kerja untuk perjalanan ini?",),
        ("Why do you carry work documents for this trip?",),
    ),
    Rule(
        "INC_DOCUMENT_MISMATCH",
        "inconsistency",
        "{field_label} pada {document} ('{document_value}') berbeda dari formulir ('{form_value}').",
        "{field_label} on the {document} ('{document_value}') differs from the form ('{form_value}').",
        "request_documents",
        ("Mintalah dokumen asli; tanyakan mengapa datanya berbeda.",),
        ("Ask for the original documents; ask why the data differ.",),
    ),
    Rule(
        "INC_AGE_MANIPULATION",
        "inconsistency",
        "{source} menunjukkan pemohon berusia {real_age} tahun (belum dewasa), sedangkan formulir menyatakan"
        " {form_age} tahun.",
        "The {source} makes the applicant {real_age} years old (a minor), while the form says {form_age}.",
        "postpone",
        ("Mintalah akta kelahiran dan ijazah asli; hubungi orang tua.",),
        ("Ask for the original birth certificate and diploma; contact the parents.",),
    ),
    Rule(
        "INC_PREVIOUS_PASSPORT_DENIED",
        "inconsistency",
        "Pemohon menyatakan belum pernah memiliki paspor, tetapi {found}.",
        "The applicant says they never held a passport, but {found}.",
        "in_depth_interview",
        ("Di mana paspor lama Anda sekarang? Mengapa tidak disebutkan?",),
        ("Where is your old passport now? Why was it not declared?",),
    ),
    Rule(
        "INC_INTERVIEW_CONTRADICTS_FORM",
        "inconsistency",
        "Wawancara bertentangan dengan formulir: {field_label} '{interview_value}' lawan '{form_value}'.",
        "The interview contradicts the form: {field_label} '{interview_value}' against '{form_value}'.",
        "in_depth_interview",
        ("Tanyakan kembali tujuan dan negara tujuan; catat jawabannya kata demi kata.",),
        ("Ask again about purpose and destination; record the answers verbatim.",),
    ),
    # --- illegal_agent --------------------------------------------------------------------------------------------
    Rule(
        "IA_COMPANION_REPORTED_RECRUITER",
        "illegal_agent",
        "{who} '{name}' cocok dengan {role} dalam laporan {report} ({how}).",
        "The {who} '{name}' matches a {role} in report {report} ({how}).",
        "postpone",
        ("Bagaimana Anda mengenal pendamping ini? Apakah Anda membayarnya?",),
        ("How do you know this companion? Did you pay them?",),
    ),
    Rule(
        "IA_SHARED_COMPANION",
        "illegal_agent",
        "Pendamping '{name}' juga mendampingi {count} permohonan dari {families} keluarga lain dalam {days} hari"
        " ({offices}).",
        "The companion '{name}' also accompanied {count} applications of {families} other families within"
        " {days} days ({offices}).",
        "in_depth_interview",
        ("Wawancarai pemohon tanpa pendamping. Siapa yang mengatur permohonan ini?",),
        ("Interview the applicant without the companion. Who arranged this application?",),
    ),
    Rule(
        "IA_SHARED_PHONE",
        "illegal_agent",
        "Nomor telepon {phone} juga tercantum pada {count} permohonan dari {families} keluarga lain dalam {days} hari.",
        "The phone number {phone} also appears on {count} applications of {families} other families within"
        " {days} days.",
        "in_depth_interview",
        ("Nomor siapa ini? Mintalah pemohon menelepon nomor itu di hadapan petugas bila perlu.",),
        ("Whose number is this? If needed, ask the applicant to call it in front of the officer.",),
    ),
    Rule(
        "IA_UNLICENSED_PLACEMENT",
        "illegal_agent",
        "Penempatan melalui '{company}', yang tidak memiliki izin P3MI yang berlaku, adalah penggunaan agen ilegal.",
        "Placement through '{company}', which holds no licence as a P3MI in force, is the use of an illegal agent.",
        "postpone",
        ("Siapa yang merekrut Anda dan berapa yang sudah Anda bayar?",),
        ("Who recruited you, and how much have you paid?",),
    ),
    Rule(
        "IA_UNLICENSED_AGENT",
        "illegal_agent",
        "Pendamping adalah agen dari '{organisation}', yang bukan P3MI berizin.",
        "The companion is an agent of '{organisation}', which is not a licensed P3MI.",
        "postpone",
        ("Apa hubungan Anda dengan agen ini? Berapa biaya yang diminta?",),
        ("What is your relation with this agent? What fee was asked?",),
    ),
    Rule(
        "IA_REPORTED_COMPANY",
        "illegal_agent",
        "Perusahaan '{company}' disebut dalam laporan {report} sebagai perusahaan ilegal.",
        "The company '{company}' is named in report {report} as an illegal company.",
        "postpone",
        ("Siapa yang memperkenalkan Anda ke perusahaan ini?",),
        ("Who introduced you to this company?",),
    ),
    Rule(
        "IA_INTERVIEW_THIRD_PARTY",
        "illegal_agent",
        "Wawancara: {observations}.",
        "Interview: {observations}.",
        "postpone",
        ("Wawancarai pemohon sendiri; tanyakan siapa yang memegang dokumen dan siapa yang dibayar.",),
        ("Interview the applicant alone; ask who holds the documents and who was paid.",),
    ),
    # --- agency_report --------------------------------------------------------------------------------------------
    Rule(
        "AR_SUBJECT_MATCH",
        "agency_report",
        "{who} cocok dengan {role} dalam laporan {agency} {report} ({category}; {how}).",
        "The {who} matches a {role} in {agency} report {report} ({category}; {how}).",
        "in_depth_interview",
        ("Baca laporan mitra sebelum wawancara; tanyakan tentang peristiwa yang dilaporkan.",),
        ("Read the partner's report before the interview; ask about the reported events.",),
    ),
    Rule(
        "AR_VICTIM_MATCH",
        "agency_report",
        "{who} cocok dengan korban dalam laporan {agency} {report} ({category}; {how}): wawancarai secara mendalam dan"
        " tawarkan rujukan perlindungan, bukan penundaan.",
        "The {who} matches a victim in {agency} report {report} ({category}; {how}): interview in depth and offer a"
        " protection referral, not a postponement.",
        "in_depth_interview",
        (
            "Apakah Anda pernah bekerja atau ditahan di luar negeri? Bagaimana Anda pulang?",
            "Apakah ada yang menawari Anda pekerjaan lagi? Tawarkan rujukan ke KP2MI atau dinas sosial.",
        ),
        (
            "Have you worked, or been held, abroad before? How did you come back?",
            "Has anyone offered you work again? Offer a referral to KP2MI or social services.",
        ),
    ),
    # --- prior_decision -------------------------------------------------------------------------------------------
    Rule(
        "PD_ACTIVE_SUSPENSION",
        "prior_decision",
        "Penerbitan paspor bagi orang ini ditangguhkan oleh {office} sampai {until} ({how}).",
        "Passport issuance for this person was suspended by {office} until {until} ({how}).",
        "refuse",
        ("Tunjukkan keputusan penangguhan kepada pemohon; paspor tidak dapat diterbitkan sebelum berakhir.",),
        ("Show the applicant the suspension decision; no passport can be issued before it ends.",),
    ),
    Rule(
        "PD_EARLIER_DECISION",
        "prior_decision",
        "Orang yang sama pernah {kind} oleh {office} pada {date} ({how}).",
        "The same person was {kind} by {office} on {date} ({how}).",
        "in_depth_interview",
        ("Apa yang berubah sejak keputusan sebelumnya? Mintalah dokumen yang dulu kurang.",),
        ("What has changed since the earlier decision? Ask for the documents that were missing then.",),
    ),
]

RULES: dict[str, Rule] = {rule.code: rule for rule in _RULES}

# Words used inside the sentences, in both languages: the vocabulary's, so that a page and a sentence say a code
# the same way.
PURPOSE_LABELS = Pairs("purpose")
DOCUMENT_LABELS = Pairs(
    "document",
    {
        "employer": ("pemberi kerja di luar negeri", "an employer abroad"),
        "placement_company": ("perusahaan penempatan", "a placement company"),
    },
)
FIELD_LABELS = {
    "full_name": ("Nama", "The name"),
    "birth_date": ("Tanggal lahir", "The birth date"),
    "birth_place": ("Tempat lahir", "The birth place"),
    "sex": ("Jenis kelamin", "The sex"),
    "nik": ("NIK", "The NIK"),
    "father_name": ("Nama ayah", "The father's name"),
    "mother_name": ("Nama ibu", "The mother's name"),
    "purpose": ("tujuan", "purpose"),
    "destination_country": ("negara tujuan", "destination"),
}
OBSERVATION_LABELS = Pairs("observation")
DECISION_LABELS = {
    "postponed": ("ditunda permohonannya", "postponed"),
    "refused": ("ditolak permohonannya", "refused"),
    "cancelled": ("dibatalkan paspornya", "had a passport cancelled"),
    "withdrawn": ("ditarik paspornya", "had a passport withdrawn"),
    "revoked": ("dicabut paspornya", "had a passport revoked"),
    "suspended": ("ditangguhkan penerbitan paspornya", "suspended from passport issuance"),
}


def labels(table: dict[str, tuple[str, str]] | Pairs, keys: list[str] | tuple[str, ...]) -> tuple[str, str]:
    """Join the Indonesian and the English labels of several keys."""
    pairs = [table.get(k, (k, k)) for k in keys]
    return ", ".join(p[0] for p in pairs), ", ".join(p[1] for p in pairs)


def interview_guide(indicators: list[dict[str, Any]], language: str = "id") -> list[str]:
    """The questions to ask for what fired, each once, in the order of the indicators."""
    seen: list[str] = []
    for indicator in indicators:
        rule = RULES.get(indicator["code"])
        if rule is None:
            continue
        for question in rule.questions_en if language == "en" else rule.questions_id:
            if question not in seen:
                seen.append(question)
    return seen
