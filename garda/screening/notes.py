"""Reading an officer's interview notes for the applicant's own intent to work abroad.

A note is not a bag of words. "Tidak ada niat bekerja; saya pekerja kantoran di Jakarta", "ingin melihat pekerjaan
seni di Bangkok" and "pedagang pakaian, gaji tidak tetap" all hold a word of work and none says the applicant will
work abroad. The reader splits a note into clauses (punctuation and contrast words such as "tapi" end one) and
decides, for each word of work, in this order:

1. an unrelated phrase ("kerja sama", "pekerjaan seni", "work trip") is set aside;
2. a question ("ditanya apakah akan bekerja") takes the answer that follows it;
3. a negation earlier in the clause ("tidak ada niat untuk bekerja", "denied any intention to work") sets it aside,
   unless an admission ("akhirnya mengaku") or a new subject with an intent came after it;
4. work done by someone else ("suami saya bekerja di Brunei") is theirs, unless the applicant is joining it or was
   invited into it ("ikut suami kerja", "kakaknya mengajak bekerja");
5. an intent, an offer or a recruitment ("akan", "ingin", "ditawari", "recruited") makes it intent;
6. the past ("mantan PMI", "pernah bekerja") sets it aside;
7. a place abroad next to it ("di Malaysia", "di sana") makes it intent;
8. a present job at home ("saat ini", "sejak 2015", "di Bekasi", "works as a teacher") sets it aside;
9. a weak word ("gaji", "pekerja") needs one of the above and is otherwise set aside;
10. anything else written about work in the notes of a trip that is not for work is read as intent.

The words are a reference list (`interview_note_words`, defaults in `data/note_words.json`); the corpus and its
precision and recall are in `tests/data/interview_notes_*.txt` and `bench/bench_note_reader.py`.
"""

import csv
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent / "data" / "note_words.json"
_CORE_DATA = Path(__file__).resolve().parents[1] / "core" / "data"

GROUPS = (
    "work_terms",
    "weak_terms",
    "unrelated",
    "negations",
    "contrasts",
    "admissions",
    "modals",
    "intent_markers",
    "offer_verbs",
    "past_markers",
    "present_markers",
    "home_workplaces",
    "relatives",
    "joiners",
    "subjects",
    "questions",
    "yes_words",
    "abroad",
)

# Words before the work word that still leave it a relative's ("suami saya sudah lama bekerja"): possessives and
# the applicant named as the owner ("istri pemohon"), counted from the relative.
_POSSESSIVE = re.compile(r"^(SAYA|NYA|PEMOHON|PMH|YBS|MY|HER|HIS|THEIR)\b ?")
_BEFORE_WINDOW = 8  # words before a work word in which an intent or offer counts
_AFTER_WINDOW = 6  # words after it in which a place abroad says where the work is
_GAP = 5  # words between a relative and the work word that still make it the relative's
# District names that are also everyday words, kept out of the places at home.
_COMMON = {
    "BANDAR", "BARU", "BATU", "BUKIT", "GUNUNG", "INDAH", "JAYA", "KOTA", "KUBU", "LAMA", "LAUT", "MANDIRI",
    "MERDEKA", "PANTAI", "PASAR", "SUMBER", "SUNGAI", "TAMAN", "TANJUNG", "TENGAH", "UTARA", "SELATAN", "TIMUR",
    "BARAT", "MAKMUR", "DAMAI", "SENTOSA", "BAHAGIA", "RAYA", "KARYA", "TANAH", "SAWAH", "KEBUN", "KAMPUNG",
    "PULAU", "RUMAH", "TOKO", "LAMBANG", "SARI", "MEKAR", "PADANG", "BINTANG", "MULIA", "BERSAMA", "BAHASA",
}  # fmt: skip


def plain(text: str) -> str:
    """Upper case, one space between words; clause breaks (punctuation) kept as '|'."""
    text = text.upper()
    text = re.sub(r"\bWON'?T\b", "WILL NOT", text)
    text = re.sub(r"\bCAN'?T\b", "CAN NOT", text)
    text = re.sub(r"N'T\b", " NOT", text)
    text = re.sub(r"(?<=\d)[.,](?=\d)", "", text)  # 1.000 USD
    text = re.sub(r"[.;:!?()\[\]\n,/]", " | ", text)
    text = re.sub(r"[^A-Z0-9|]+", " ", text)
    return " ".join(text.split())


def _pattern(words: Iterable[str], suffix: str = "") -> re.Pattern[str]:
    ordered = sorted({plain(w) for w in words if plain(w)}, key=len, reverse=True)
    if not ordered:
        return re.compile(r"(?!x)x")
    return re.compile(r"\b(" + "|".join(re.escape(w) for w in ordered) + r")" + suffix + r"\b")


@lru_cache(maxsize=1)
def _place_names() -> tuple[frozenset[str], frozenset[str]]:
    """(places abroad, places at home) from the country table and the region codes shipped with Garda: read once
    per process, and looked up by word n-grams (a regex of seven thousand names is slow to build and to run)."""
    abroad: set[str] = set()
    with open(_CORE_DATA / "countries.csv", newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["alpha2"] != "ID":
                abroad.update((plain(row["name_id"]), plain(row["name_en"])))
    home: set[str] = {"INDONESIA", "JAKARTA", "JABODETABEK"}
    with open(_CORE_DATA / "wilayah_2025.csv", encoding="utf-8") as fh:
        next(fh)
        for line in fh:
            _code, _dotted, level, name = line.rstrip("\n").split(",", 3)
            if level == "village":
                continue
            name = plain(re.sub(r"^(Kabupaten|Kota|Kab\.|Provinsi)\s+", "", name.strip('"')))
            if level == "district" and ((" " not in name and len(name) < 5) or name in _COMMON):
                continue
            if "|" not in name:
                home.add(name)
    abroad.discard("INDONESIA")
    return frozenset(abroad), frozenset(home - abroad)


_LONGEST_PLACE = 4  # words


def _names_in(text: str, names: frozenset[str]) -> bool:
    words = text.replace("|", " ").split()
    return any(" ".join(words[i : i + n]) in names for i in range(len(words)) for n in range(1, _LONGEST_PLACE + 1))


@dataclass(frozen=True)
class Reading:
    """What the notes say: the phrases read as the applicant's intent to work, and the work words set aside with
    why (for the explanation shown to the officer)."""

    intent: list[str] = field(default_factory=list)
    set_aside: list[tuple[str, str]] = field(default_factory=list)


class NoteReader:
    def __init__(self, groups: dict[str, list[str]]) -> None:
        missing = [g for g in GROUPS if g not in groups]
        if missing:
            raise ValueError(f"word groups missing: {', '.join(missing)}")
        abroad, home = _place_names()
        g = groups
        self.terms = _pattern([*g["work_terms"], *g["weak_terms"]], r"(?:NYA)?")
        self.weak = {plain(w) for w in g["weak_terms"]}
        self.unrelated = _pattern(g["unrelated"])
        self.negation = _pattern(g["negations"])
        self.contrast = _pattern(g["contrasts"])
        self.admission = _pattern(g["admissions"])
        self.intent_marker = _pattern(g["intent_markers"])
        self.offer = _pattern(g["offer_verbs"])
        self.past = _pattern(g["past_markers"])
        self.present = _pattern(g["present_markers"])
        self.home = _pattern(g["home_workplaces"])
        self.home_places = home
        self.relative = _pattern(g["relatives"], r"(?:NYA)?")
        self.joiner = _pattern(g["joiners"])
        self.subject = _pattern(g["subjects"])
        self.question = _pattern(g["questions"])
        self.yes = _pattern(g["yes_words"])
        self.abroad = _pattern(g["abroad"])
        self.abroad_places = abroad
        # A new start after a negation: "... dan akan bekerja", "... and she will work".
        self.restart = re.compile(
            r"\b(DAN|AND|LALU|THEN|SERTA)\s+(" + self.subject.pattern + r"|" + _pattern(g["modals"]).pattern + r")"
        )

    def read(self, notes: str) -> Reading:
        text = plain(notes)
        if not text or not self.terms.search(text):
            return Reading()
        clauses = [c.strip() for c in re.split(r"\|", self.contrast.sub(r"| \1", text)) if c.strip()]
        intent: list[str] = []
        aside: list[tuple[str, str]] = []
        for i, clause in enumerate(clauses):
            answer = clauses[i + 1] if i + 1 < len(clauses) else ""
            theirs_from: int | None = None
            for m in self.terms.finditer(clause):
                verdict = self._verdict(clause, m, answer, theirs_from)
                if verdict == "someone_else":
                    theirs_from = m.end()
                if verdict == "intent":
                    intent.append(m.group(0))
                else:
                    aside.append((m.group(0), verdict))
        return Reading(intent, aside)

    def _verdict(self, clause: str, m: re.Match[str], answer: str, theirs_from: int | None) -> str:
        start, end = m.start(), m.end()
        for u in self.unrelated.finditer(clause):
            if (u.start() <= start and end <= u.end()) or (start <= u.start() < end):
                return "unrelated"
        before, after = clause[:start], clause[end:]
        near_before = " ".join(before.split()[-_BEFORE_WINDOW:])
        near_after = " ".join(after.split()[:_AFTER_WINDOW])
        if self.question.search(before):
            rest = f"{after} {answer}"
            if self.negation.search(rest):
                return "negated"
            return "intent" if self.yes.search(rest) else "question"
        if self._negated(before):
            return "negated"
        if theirs_from is not None and not self.subject.search(clause[theirs_from:start]):
            return "someone_else"
        if self._someone_elses(before):
            return "someone_else"
        if self.intent_marker.search(near_before) or self.offer.search(near_before) or self.offer.search(near_after):
            return "intent"
        if re.match(r"\s*(NANTI|LATER)\b", after):
            return "intent"
        if self.past.search(before):
            return "past"
        if self.abroad.search(near_after) or self.abroad.search(before) or _names_in(near_after, self.abroad_places):
            return "intent"
        if _names_in(before, self.abroad_places):
            return "intent"
        if self.present.search(clause) or self.home.search(clause) or _names_in(clause, self.home_places):
            return "present_job"
        if plain(m.group(1)) in self.weak:
            return "weak"
        return "intent"

    def _negated(self, before: str) -> bool:
        negations = list(self.negation.finditer(before))
        if not negations:
            return False
        last = negations[-1].end()
        resets = [r.end() for r in (*self.admission.finditer(before), *self.restart.finditer(before))]
        return not resets or max(resets) < last

    def _someone_elses(self, before: str) -> bool:
        relatives = list(self.relative.finditer(before))
        if not relatives:
            return False
        rel = relatives[-1]
        gap = _POSSESSIVE.sub("", before[rel.end() :].strip())
        if len(gap.split()) > _GAP:
            return False
        if self.joiner.search(gap) or self.offer.search(gap) or self.subject.search(gap):
            return False
        lead = " ".join(before[: rel.start()].split()[-2:])
        return not (self.joiner.search(lead) or self.offer.search(lead))


def default_groups() -> dict[str, list[str]]:
    with open(DATA, encoding="utf-8") as fh:
        items: list[dict[str, Any]] = json.load(fh)
    return {item["code"]: list(item["words"]) for item in items}


@lru_cache(maxsize=4)
def _reader(key: str) -> NoteReader:
    return NoteReader(json.loads(key))


def reader(groups: dict[str, list[str]] | None = None) -> NoteReader:
    """The reader for these word groups (the defaults when None), built once per distinct list."""
    groups = groups if groups is not None else default_groups()
    return _reader(json.dumps(groups, sort_keys=True))
