"""Indonesian personal names: normalisation, spelling families, an Indonesian-aware phonetic key, similarity.

`normalise_name("H. MOCH. RIZKY, S.PD.")` gives the tokens `MUHAMMAD RIZKI`: upper case without accents or
punctuation, titles (H., HJ., DR., ...) and degrees (S.PD., A.MD., ...) removed, BIN/BINTI dropped, old spellings
modernised (DJ→J, TJ→C, SJ→SY, NJ→NY, OE→U, and J→Y in a word written the old way), and each word mapped to the
canonical member of its spelling family. The families and titles are data (`data/*.csv`), easy to extend.
"""

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from rapidfuzz.distance import JaroWinkler

DATA = Path(__file__).resolve().parent / "data"
_OLD_MARKERS = ("OE", "DJ", "TJ", "SJ", "NJ")
_SPLIT = re.compile(r"[^A-Z0-9.]+")


class EmptyName(ValueError):
    pass


def modernise(token: str) -> str:
    """Old (pre-1972 and Dutch-era) spelling to today's: DJ→J, TJ→C, SJ→SY, NJ→NY, OE→U, CH→KH, and J→Y in a
    word that shows it was written the old way (DJAJA → JAYA, JOESOEF → YUSUF; JOKO stays JOKO). Applied until
    nothing changes, so that a modern spelling is never modernised again (DDJ → DJ → J)."""
    for _ in range(4):
        changed = _modernise_once(token)
        if changed == token:
            break
        token = changed
    return token


def _modernise_once(token: str) -> str:
    old = any(marker in token for marker in _OLD_MARKERS)
    t = token.replace("OE", "U").replace("DJ", "\x01").replace("TJ", "C").replace("SJ", "SY").replace("NJ", "NY")
    t = t.replace("CH", "KH")
    if old:
        t = t.replace("J", "Y")
    return t.replace("\x01", "J")


@lru_cache(maxsize=1)
def _word_lists() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    kinds: dict[str, set[str]] = {"title": set(), "degree": set(), "connector": set()}
    with open(DATA / "titles.csv", newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            kinds[row["kind"]].add(row["token"])
    return frozenset(kinds["title"]), frozenset(kinds["degree"]), frozenset(kinds["connector"])


@lru_cache(maxsize=1)
def families() -> dict[str, str]:
    """Every spelling (modernised) → the canonical spelling of its family."""
    table: dict[str, str] = {}
    with open(DATA / "name_families.csv", newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            canonical = modernise(row["canonical"])
            table[canonical] = canonical
            for variant in row["variants"].split():
                table.setdefault(modernise(variant.replace("'", "").replace("-", "")), canonical)
    return table


def canonical_token(token: str) -> str:
    modern = modernise(token)
    return families().get(modern, modern)


@dataclass(frozen=True)
class Name:
    raw: str
    tokens: tuple[str, ...]  # canonical words in written order
    titles: tuple[str, ...] = ()
    degrees: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return " ".join(self.tokens)

    @cached_property
    def key(self) -> str:
        """Order-independent: the same for reordered parts."""
        return " ".join(sorted(self.tokens))

    @cached_property
    def phonetic(self) -> tuple[str, ...]:
        return tuple(phonetic_key(t) for t in self.tokens)

    @property
    def initials(self) -> tuple[str, ...]:
        return tuple(t for t in self.tokens if len(t) == 1)


def _ascii_upper(raw: str) -> str:
    decomposed = unicodedata.normalize("NFKD", raw)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).upper()


@lru_cache(maxsize=500_000)
def normalise_name(raw: str) -> Name:
    """Normalise a written name; raise EmptyName when nothing of a name is left."""
    titles_list, degrees_list, connectors = _word_lists()
    text = _ascii_upper(raw or "").replace("'", "").replace("`", "").replace("’", "")
    main, _, after_comma = text.partition(",")
    words: list[tuple[str, bool]] = []  # (letters, was written with a dot)
    degrees: list[str] = []
    for chunk in _SPLIT.split(main):
        if not chunk:
            continue
        letters = chunk.replace(".", "")
        if not letters:
            continue
        dotted = "." in chunk
        # A dotted group after the name ("DEWI S.KOM.", "A.MD.") is a degree; before it ("M.A. RIZKI") initials.
        if dotted and words and letters in degrees_list:
            degrees.append(letters)
            continue
        if dotted and chunk.rstrip(".").count(".") >= 1:  # initials run together: "M.A.RIZKI" → M A RIZKI
            words.extend((p, True) for p in chunk.split(".") if p)
            continue
        words.append((letters, dotted))
    # After a comma come degrees ("SITI AMINAH, S.PD., M.M.") — or a given name written surname first.
    tail = [w.replace(".", "") for w in _SPLIT.split(after_comma) if w.replace(".", "")]
    if tail and all(w in degrees_list or w in titles_list for w in tail):
        degrees.extend(tail)
    else:
        words.extend((w, False) for w in tail)
    words = [(w, dotted) for w, dotted in words if not w.isdigit()]  # numbers are no part of a name
    titles: list[str] = []
    # Old spellings of titles count too ("NJ." is "NY.", Nyonya).
    while len(words) > 1 and (words[0][0] in titles_list or modernise(words[0][0]) in titles_list):
        titles.append(words.pop(0)[0])
    tokens = [canonical_token(w) for w, _ in words if w not in connectors and not w.isdigit()]
    if not tokens:
        raise EmptyName(f"nama kosong setelah normalisasi: {raw!r}")
    return Name(raw, tuple(tokens), tuple(titles), tuple(degrees))


def name_or_none(raw: str | None) -> Name | None:
    if not raw or raw.isspace():  # most optional names are simply absent: no exception raised for them
        return None
    try:
        return normalise_name(raw)
    except EmptyName:
        return None


_PHONETIC_PAIRS = [
    ("KH", "H"),
    ("SY", "S"),
    ("DZ", "Z"),
    ("TH", "T"),
    ("PH", "F"),
    ("NY", "N"),
    ("CK", "K"),
    ("Q", "K"),
    ("X", "KS"),
    ("V", "F"),
    ("Z", "S"),
    ("P", "F"),
    ("Y", "I"),
]
_VOWELS = set("AEIOU")


@lru_cache(maxsize=200_000)
def phonetic_key(token: str) -> str:
    """An Indonesian-aware sound key of one word: first letter, then the consonant skeleton with the letters
    that Indonesian spellings swap folded together (KH/H, SY/S, Z/S, P/F, Q/K, Y/I), H and vowels dropped,
    repeats collapsed. MUHAMMAD and MOHAMAD → MD; RIZKY and RISKI → RSK; FATIMAH and FATIMA → FTM."""
    t = modernise(token)
    for old, new in _PHONETIC_PAIRS:
        t = t.replace(old, new)
    if not t:
        return ""
    out = [t[0]]
    for ch in t[1:]:
        if ch in _VOWELS or ch == "H":
            continue
        if ch != out[-1]:
            out.append(ch)
    return "".join(out)


_VOWEL_FOLD = str.maketrans({"O": "U", "Y": "I"})


def _vowels_agree(a: str, b: str) -> bool:
    """The sound key drops vowels, so SAPUTRA and SAFITRI (two names) share it with SYAHPUTRA (a spelling of the
    first): the vowels, O/U and Y/I folded as spellings swap them, may differ in one place at most."""
    va = [ch for ch in a.translate(_VOWEL_FOLD) if ch in _VOWELS]
    vb = [ch for ch in b.translate(_VOWEL_FOLD) if ch in _VOWELS]
    return len(va) == len(vb) and sum(x != y for x, y in zip(va, vb, strict=True)) <= 1


@lru_cache(maxsize=1_000_000)
def token_similarity(a: str, b: str) -> float:
    """Cached: Indonesian names are drawn from a small stock of words, so the same two words meet again and
    again in a batch."""
    if a == b:
        return 1.0
    if len(a) == 1 or len(b) == 1:  # an initial agrees with any word of that letter, but only so far
        return 0.85 if a[0] == b[0] else 0.0
    score = JaroWinkler.normalized_similarity(a, b)
    if phonetic_key(a) == phonetic_key(b) and a[0] == b[0] and _vowels_agree(a, b):
        score = max(score, 0.92)
    # Jaro–Winkler is generous to short unrelated words (AYU/YUSUF 0.69): below 0.8 it is no evidence.
    return float(score) if score >= 0.8 else float(score) * 0.5


def _another_name(a: str, b: str) -> bool:
    """Two alike words that are two names rather than a slip: the same consonants ending in A for one and I for
    the other, the way Indonesian names mark a son and a daughter, or twins (PUTRA/PUTRI, RINA/RINI, AINA/AINI);
    or one letter apart at the first letter, which differs in sound (SARTIKA/KARTIKA). A final A and O stay one
    name (SANTOSA/SANTOSO, SAPUTRA/SAPUTRO: Javanese spelling); a transposed ending is a slip (WIJAYA/WIJAAY)."""
    if min(len(a), len(b)) < 3:
        return False
    if len(a) >= 4 and len(b) >= 4 and {a[-1], b[-1]} == {"A", "I"}:
        return a[:-1] == b[:-1] or (phonetic_key(a) == phonetic_key(b) and a[-2] == b[-2])
    if _swapped_ending(a, b) or _swapped_ending(b, a):
        return True
    if len(a) != len(b) or a[1:] != b[1:]:
        return False
    return a[0] not in _VOWELS and b[0] not in _VOWELS and phonetic_key(a[0]) != phonetic_key(b[0])


def _swapped_ending(a: str, b: str) -> bool:
    """FAJAR and FAJRI: a stem, then A and a consonant in one, the consonant and I in the other."""
    return (
        len(a) == len(b) >= 4
        and a[:-2] == b[:-2]
        and a[-2] == "A"
        and b[-1] == "I"
        and a[-1] == b[-2]
        and a[-1] not in _VOWELS
    )


def distinct_given_names(a: Name, b: Name) -> bool:
    """Whether a word of one name is, letter for letter but one, another name in the other: the way twins and
    siblings are named (DEWI SARTIKA and DEWI KARTIKA, RINA and RINI). A keying slip rarely falls on exactly the
    first letter or the final vowel, and never turns one name into another; so these are kept apart from the
    near-identical spellings of one name."""
    own, other = set(a.tokens), set(b.tokens)
    return any(_another_name(x, y) for x in own - other for y in other - own)


def name_similarity(a: Name, b: Name) -> float:
    """0..1, order-independent: each word of the shorter name is paired with its best match in the other; words
    of the longer name left over lower the score a little (a single name against a full name stays similar)."""
    short, long_ = (a.tokens, b.tokens) if len(a.tokens) <= len(b.tokens) else (b.tokens, a.tokens)
    remaining = list(long_)
    total = 0.0
    for token in short:
        best_i, best = -1, 0.0
        for i, other in enumerate(remaining):
            s = token_similarity(token, other)
            if s > best:
                best_i, best = i, s
        total += best
        if best_i >= 0:
            remaining.pop(best_i)
    mean = total / len(short)
    score = mean * (1.0 - 0.08 * len(remaining))
    if remaining and score < 0.95:
        # Names are written joined or apart (NURHAYATI, NUR HAYATI; ABDURRAHMAN, ABDUR RAHMAN): as written, the
        # words run together.
        joined = JaroWinkler.normalized_similarity("".join(a.tokens), "".join(b.tokens))
        if joined >= 0.95:
            return float(joined)
    return score
