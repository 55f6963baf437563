"""Reading a job offer described in a person's own words: which signs it states, and which it denies.

Indonesian states a danger and denies it with the same words ("paspor ditahan" / "paspor tidak ditahan"), so every
pattern that states something is dropped when a negation stands just before it in the same clause. Patterns that
name an absence themselves ("tanpa kontrak", "tidak boleh keluar") are never negated. Each finding keeps the words
it was read from, so the page can show the person why.
"""

import re
from dataclasses import dataclass

NEGATIONS = frozenset(
    {"tidak", "tak", "bukan", "tanpa", "belum", "jangan", "gak", "ga", "nggak", "enggak", "ngga", "tdk", "gk", "bkn"}
)
# A negation reaches over at most this many words, and never past a clause boundary or one of these conjunctions:
# "tidak boleh keluar kompleks dan HP disita" denies leaving, not the phone being taken.
NEGATION_REACH = 4
CLAUSE_WORDS = frozenset({"dan", "tapi", "tetapi", "namun", "lalu", "kemudian", "sedangkan", "serta", "padahal"})

_NOT = r"(?:tidak|tak|gak|ga|nggak|enggak|ngga|tdk|gk)"


@dataclass(frozen=True)
class Pattern:
    code: str
    regex: re.Pattern[str]
    negatable: bool = True


def _p(code: str, pattern: str, *, negatable: bool = True) -> Pattern:
    return Pattern(code, re.compile(pattern), negatable)


PATTERNS: tuple[Pattern, ...] = (
    _p(
        "passport_held",
        r"\bpaspor\w* (?:\w+ ){0,3}?(?:di ?tahan|di ?pegang|di ?simpan|di ?titip\w*|di ?ambil|di ?sita)",
    ),
    _p("passport_held", r"\b(?:menahan|memegang|menyimpan|mengambil|pegang) paspor"),
    _p("visit_visa_for_work", r"\bvisa (?:turis|wisata|kunjungan|liburan|umro?h|ziarah|on arrival|voa|pelancong)\b"),
    _p(
        "told_to_lie",
        r"\b(?:bilang|mengaku|ngaku|katakan|bilangnya|sebut|jawab|mengatakan)\w* (?:\w+ ){0,3}?"
        r"(?:wisata|liburan|jalan jalan|umro?h|kunjungan|jenguk|berkunjung|menengok|tour|travel\w*|berlibur)\b",
    ),
    _p(
        "no_contract",
        rf"\b(?:tanpa|{_NOT} ada|{_NOT} pakai|{_NOT} perlu|belum ada|{_NOT} diberi|{_NOT} dikasih) "
        r"(?:surat )?(?:kontrak|perjanjian kerja)",
        negatable=False,
    ),
    _p(
        "no_contract",
        r"\bkontrak\w* (?:\w+ ){0,2}?(?:nanti|menyusul|di sana|disana|setelah sampai|belakangan)\b",
    ),
    _p(
        "secrecy",
        rf"\b(?:jangan|{_NOT} usah|{_NOT} perlu) (?:\w+ ){{0,2}}?(?:kasih tahu|kasih tau|beri tahu|beritahu|"
        r"memberi tahu|bilang|cerita)\w*(?: ke| kepada| sama)? (?:orang ?tua|keluarga|suami|istri|siapa)",
        negatable=False,
    ),
    _p("secrecy", r"\b(?:rahasiakan|dirahasiakan|merahasiakan)\b"),
    _p(
        "restricted_movement",
        rf"\b(?:{_NOT} boleh|dilarang|{_NOT} bisa) (?:\w+ ){{0,2}}?(?:keluar|pulang|pergi)\b",
        negatable=False,
    ),
    _p(
        "restricted_movement",
        r"\b(?:hp|ponsel|handphone|telepon|telpon)\w* (?:\w+ ){0,2}?(?:di ?sita|di ?tahan|di ?kumpul\w*)",
    ),
    _p("debt_bondage", r"\b(?:di ?potong|potong|potongan) (?:\w+ ){0,2}?gaji"),
    _p("debt_bondage", r"\b(?:utang|hutang|pinjaman|kasbon|dana talangan|ditalangi)\b"),
    _p("debt_bondage", r"\b(?:ganti rugi|denda) (?:\w+ ){0,3}?(?:pulang|berhenti|kabur|putus kontrak)\b"),
    _p(
        "fees_to_recruiter",
        r"\b(?:bayar|membayar|setor|menyetor|transfer|kirim uang)\w* (?:\w+ ){0,3}?"
        r"(?:biaya|uang muka|dp|pendaftaran|administrasi|proses|jaminan|pelatihan|pemberangkatan|tiket)\b",
    ),
    _p(
        "vague_job",
        r"\b(?:pekerjaan|kerjaan|kerjanya|pekerjaannya|job\w*|posisi\w*) (?:\w+ ){0,2}?"
        r"(?:nanti|menyusul|dijelaskan|dikabari|setelah sampai|di sana)\b",
    ),
    _p(
        "transit_switch",
        r"\b(?:dijemput|dibawa|diantar|diseberangkan|menyeberang|jalur darat|lewat darat|lewat perbatasan|"
        r"lewat jalur tikus)\b",
    ),
    _p(
        "stranger_online",
        r"\b(?:facebook|fb|tiktok|instagram|telegram|media sosial|medsos|iklan|grup wa|grup whatsapp|dm)\b",
    ),
)

NO_QUALIFICATION = re.compile(
    rf"\b(?:tanpa|{_NOT} perlu|{_NOT} butuh|{_NOT} ada|bebas) (?:syarat|pengalaman|keahlian|ijazah|skill|"
    r"keterampilan|kemampuan|bahasa)"
)

# What kind of work the words name, in the form's terms: the first kind found wins, in this order.
JOB_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "online",
        re.compile(
            r"\b(?:cs|customer service|admin|operator|telemarketing|marketing online|crypto|kripto|trading|judi|"
            r"slot|casino|kasino|game|scam\w*|data entry|chatting|ketik)\b"
        ),
    ),
    (
        "domestic",
        re.compile(
            r"\b(?:prt|art|pembantu|asisten rumah tangga|pekerja rumah tangga|pengasuh|babysitter|baby sitter|"
            r"sopir pribadi|perawat lansia|jaga (?:anak|lansia|orang tua))\b"
        ),
    ),
    (
        "entertainment",
        re.compile(r"\b(?:karaoke|pemandu lagu|lc|hostes|hostess|spa|pijat|terapis|klub malam|dancer|penari)\b"),
    ),
    ("fishing", re.compile(r"\b(?:abk|anak buah kapal|kapal ikan|kapal penangkap)\b")),
)

_SALARY = re.compile(
    r"\b(?:gaji|upah|salary|penghasilan|bayaran|dibayar)\w*\s+(?:\S+\s+){0,3}?"
    r"(rp\.?\s*)?(\d{1,3}(?:[.,]\d{3})+|\d+(?:[.,]\d+)?)\s*(juta|jt|jutaan)?"
)
_FOREIGN = re.compile(r"\b(?:usd|us\$|\$|rm|ringgit|nt\$|ntd|sgd|hkd|dolar|dollar|yen|won|riyal|baht|dirham)\b")


@dataclass(frozen=True)
class Finding:
    code: str
    words: str  # the words it was read from, as the person wrote them (lower-cased)


@dataclass(frozen=True)
class Reading:
    findings: tuple[Finding, ...]
    job: str  # a job kind named in the words, or ""
    countries: tuple[str, ...]  # ISO codes named, in order of first mention
    salary: int | None  # rupiah per month, when written in rupiah
    no_qualification: bool


def clauses(text: str) -> list[str]:
    """Lower-case clauses, punctuation dropped inside: sentences and commas bound a negation."""
    parts = re.split(r"[.!?;:\n,()]+(?!\d)", text.lower())
    cleaned = (re.sub(r"[^\w\s.]", " ", p) for p in parts)
    return [" ".join(c.split()) for c in cleaned if c.strip()]


def _denied(clause: str, start: int, matched: str) -> bool:
    if any(word in NEGATIONS for word in matched.split()):
        return True
    before = clause[:start].split()
    for word in reversed(before[-NEGATION_REACH:]):
        if word in CLAUSE_WORDS:
            return False
        if word in NEGATIONS:
            return True
    return False


def _amount(number: str, unit: str | None) -> int | None:
    if unit:
        value = float(number.replace(",", ".")) if number.count(".") + number.count(",") <= 1 else None
        return int(value * 1_000_000) if value is not None else None
    digits = re.sub(r"[.,]", "", number)
    amount = int(digits) if digits.isdigit() else 0
    return amount if amount >= 100_000 else None  # "gaji 18" without "juta" says nothing reliable


def _salary(clause_list: list[str], raw: str) -> int | None:
    if _FOREIGN.search(raw.lower()):
        return None  # a wage in another currency is not converted here: the form asks for rupiah
    for clause in clause_list:
        for match in _SALARY.finditer(clause):
            amount = _amount(match.group(2), match.group(3))
            if amount:
                return amount
    return None


def read(text: str, country_names: dict[str, str]) -> Reading:
    """`country_names` maps lower-case names (and city names) to ISO codes, longest first being irrelevant: whole
    words only."""
    text = text[:5000]
    clause_list = [c for c in clauses(text)]
    findings: list[Finding] = []
    seen: set[str] = set()
    for clause in clause_list:
        for pattern in PATTERNS:
            for match in pattern.regex.finditer(clause):
                if pattern.negatable and _denied(clause, match.start(), match.group(0)):
                    continue
                if pattern.code not in seen:
                    seen.add(pattern.code)
                    findings.append(Finding(pattern.code, match.group(0)))
    joined = " ".join(clause_list)
    job = next((kind for kind, regex in JOB_WORDS if regex.search(joined)), "")
    mentions = sorted(
        (m.start(), code)
        for name, code in country_names.items()
        for m in re.finditer(rf"\b{re.escape(name)}\b", joined)
    )
    countries = tuple(dict.fromkeys(code for _, code in mentions))
    return Reading(
        findings=tuple(findings),
        job=job,
        countries=countries,
        salary=_salary(clause_list, text),
        no_qualification=any(NO_QUALIFICATION.search(c) for c in clause_list),
    )
