"""What every rule reads: the application parsed once (`Subject`), the named thresholds, and small helpers."""

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from rapidfuzz.distance import JaroWinkler

from garda.contracts import applicant_person, parse_datetime
from garda.identity.api import Person, WatchMatch, prepare
from garda.identity.names import Name, modernise, name_or_none, name_similarity
from garda.screening.context import Context

# The linkage thresholds, the window and the family count are in the reference list `screening_thresholds`
# (garda.screening.rulebook.Thresholds): persons of interest are few and every match is read by an officer, so
# their bar is lower than the ordinary history's.
SAME_NAME = 0.8  # name similarity below which two names are different people, not spellings
ADULT = 18  # UU 35/2014 (child protection): under 18 is a child

NO_WORK = re.compile(r"BELUM|TIDAK BEKERJA|PENGANGGURAN|MENGURUS RUMAH TANGGA|IBU RUMAH TANGGA|\bIRT\b|\bMRT\b")
FAMILY_RELATIONS = {"parent", "spouse", "child", "sibling", "relative"}
NOT_WORK_PURPOSES = {"tourism", "umrah", "hajj", "family_visit", "business", "medical", "study", "other"}


@dataclass
class Subject:
    """The application as the rules read it: the contract record, parsed once."""

    record: dict[str, Any]
    pk: int | None = None
    submitted: datetime = field(init=False)
    applicant: dict[str, Any] = field(init=False)
    travel: dict[str, Any] = field(init=False)
    companion: dict[str, Any] = field(init=False)
    interview: dict[str, Any] = field(init=False)
    documents: list[dict[str, Any]] = field(init=False)
    person: Person = field(init=False)

    def __post_init__(self) -> None:
        r = self.record
        self.submitted = parse_datetime(r["submitted_at"])
        self.applicant = r.get("applicant") or {}
        self.travel = r.get("travel") or {}
        self.companion = r.get("companion") or {}
        self.interview = r.get("interview") or {}
        self.documents = [d for d in r.get("documents") or [] if isinstance(d, dict)]
        self.person = prepare(
            {"id": self.ref, **applicant_person(self.applicant), "other_id": self.previous_passport()}
        )

    def previous_passport(self) -> str:
        """The number of a passport held before (on the form, or the old passport keyed in): it identifies the
        person in partner lists (Kemlu's returnees) and in decisions on passports."""
        number = str(self.applicant.get("previous_passport_number") or "")
        if not number:
            for doc in self.documents:
                if doc.get("type") == "old_passport" and doc.get("number"):
                    number = str(doc["number"])
                    break
        return number

    @property
    def ref(self) -> str:
        return f"{self.record['office']}/{self.record['id']}"

    @property
    def purpose(self) -> str:
        return str(self.travel.get("purpose", "other"))

    @property
    def birth_date(self) -> date:
        return date.fromisoformat(self.applicant["birth_date"])

    def document_types(self) -> set[str]:
        return {str(d.get("type")) for d in self.documents}

    def companion_person(self) -> Person | None:
        c = self.companion
        if not (c.get("full_name") or c.get("nik") or c.get("phone")):
            return None
        return prepare({"id": f"{self.ref}#companion", **{k: c.get(k) for k in ("full_name", "nik", "phone")}})

    def family(self) -> str:
        return family_key(self.record)


def family_key(record: dict[str, Any]) -> str:
    """Who counts as one family, as up to three keys joined by "|": the KK number (on the form or the KK keyed
    in), the address, and the parents' names. Two applications share a family when any key agrees; with no key
    at all, an application is a family of its own."""
    applicant = record.get("applicant") or {}
    keys = []
    kk = re.sub(r"\D", "", str(applicant.get("kk_number") or ""))
    if not kk:
        for doc in record.get("documents") or []:
            if isinstance(doc, dict) and doc.get("type") == "kk" and doc.get("number"):
                kk = re.sub(r"\D", "", str(doc["number"]))
                break
    if kk:
        keys.append(f"KK:{kk}"[:40])
    address = applicant.get("address") or {}
    text = " ".join(re.sub(r"[^A-Z0-9 ]", " ", str(address.get("text") or "").upper()).split())
    if len(text) >= 12:
        keys.append(f"AD:{address.get('region_code', '')}:{text}"[:100])
    father, mother = name_or_none(applicant.get("father_name")), name_or_none(applicant.get("mother_name"))
    if father is not None and mother is not None:
        keys.append(f"PA:{father.key}/{mother.key}"[:100])
    return "|".join(keys) or f"APP:{record['office']}/{record['id']}"[:100]


def families(keys: list[str]) -> list[int]:
    """Group family keys (as `family_key` writes them) that share any part; returns a group number per key."""
    parent = list(range(len(keys)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    seen: dict[str, int] = {}
    for i, key in enumerate(keys):
        for part in key.split("|"):
            if part in seen:
                parent[root(i)] = root(seen[part])
            else:
                seen[part] = i
    return [root(i) for i in range(len(keys))]


def other_families(own: str, keys: list[str]) -> int:
    """How many families among `keys` are not the applicant's own (`own`)."""
    groups = families([own, *keys])
    return len(set(groups[1:]) - {groups[0]})


def age_on(born: date, day: date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def same_name(a: Name | None, b: Name | None) -> bool:
    """Spelling variants of one name count as the same: respelt words, dropped or added words, joined words."""
    if a is None or b is None:
        return True  # nothing to compare
    if a.key == b.key or "".join(sorted(a.tokens)) == "".join(sorted(b.tokens)):
        return True
    if JaroWinkler.normalized_similarity("".join(a.tokens), "".join(b.tokens)) >= 0.95:
        return True
    # Spelling families map a word to its canonical form, which a typo in that word escapes (NUUL is not NUR,
    # though it is NURUL): the words as written, only modernised, are compared as well.
    return max(name_similarity(a, b), name_similarity(_as_written(a), _as_written(b))) >= SAME_NAME


def _as_written(name: Name) -> Name:
    words = re.findall(r"[A-Z]+", name.raw.upper().partition(",")[0])
    kept = [modernise(w) for w in words if len(w) > 2 and w not in name.titles] or list(name.tokens)
    return Name(name.raw, tuple(kept))


def _d(value: Any) -> str:
    return value.isoformat() if isinstance(value, date) else str(value)


# --- non_procedural -----------------------------------------------------------------------------------------------


def match_evidence(match: WatchMatch) -> dict[str, Any]:
    """The fields that agreed and disagreed; household fields that agreed count only when the person evidence
    pointed to the match (identity.model), and are listed apart when they did not."""
    result = match.result
    counted = result.household_counted > 0
    evidence: dict[str, Any] = {
        "record": match.watched.ref,
        "score": round(match.probability, 4),
        "agreed": [e.comparison for e in result.agreed if e.group == "person" or counted],
        "disagreed": [e.comparison for e in result.disagreed],
    }
    if result.household_ignored:
        evidence["household_not_counted"] = [e.comparison for e in result.agreed if e.group == "household"]
    return evidence


def exact_or_likely(person: Person, ctx: Context, *, kinds: tuple[str, ...], threshold: float) -> list[WatchMatch]:
    """Matches by the model, and by an identical NIK, phone or passport number even when the rest differs (a
    recruiter's phone written on a victim's form is itself the finding)."""
    matches = ctx.watch.find(person, threshold=0.0, kinds=kinds)
    kept = []
    for match in matches:
        other = match.watched.person
        exact = (
            (person.nik and person.nik == other.nik)
            or (person.phone and person.phone == other.phone)
            or (person.other_id and person.other_id == other.other_id)
        )
        if match.probability >= threshold or exact:
            kept.append(match)
    return kept
