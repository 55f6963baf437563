"""Persons of interest in memory: matched as the same person, or found as relatives — never the one for the other.

Screening holds the subjects of partner reports and the persons with adverse decisions here (they are few: the
national postponement rate is about 0.05 %), so they are matched without a query, by the same Fellegi–Sunter model
and the same explanation as the counter and batch linking. Beside the blocking keys of the person, the index keeps
the household keys (KK number, the parents' names, mother and address): what finds a sister, a son or a twin of a
person of interest. A relative is a relation of its own (`relatives`), shown to the officer as context; it is never
a match and never a ground (domain brief §4.2a).
"""

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from garda.identity.blocking import index_keys, name_sounds, one_digit_typos, query_keys
from garda.identity.comparisons import compare
from garda.identity.model import FSModel, MatchResult
from garda.identity.records import Person


@dataclass(frozen=True)
class Watched:
    person: Person
    kind: str  # "report_subject" | "decision"
    ref: str  # AGENCY/ID#position, or OFFICE/ID
    info: dict[str, Any]


@dataclass(frozen=True)
class WatchMatch:
    watched: Watched
    result: MatchResult
    how: str  # "NIK", "telepon", "nama dan tanggal lahir", ...
    how_en: str

    @property
    def probability(self) -> float:
        return self.result.probability


@dataclass(frozen=True)
class Relative:
    """A person of interest in the same family as the one looked up: how they are related, in words."""

    watched: Watched
    relation: str  # "same_kk" | "same_parents" | "parent_child" | "same_mother_address" | "same_phone"
    label_id: str
    label_en: str


_HOW = {
    "nik": ("NIK sama", "same NIK"),
    "phone": ("telepon sama", "same phone"),
    "other_id": ("nomor paspor sama", "same passport number"),
    "name": ("nama", "name"),
    "birth_date": ("tanggal lahir", "birth date"),
    "mother_name": ("nama ibu", "mother's name"),
    "father_name": ("nama ayah", "father's name"),
}

RELATIONS = {
    "same_kk": ("anggota Kartu Keluarga yang sama", "a member of the same family card (KK)"),
    "same_parents": ("anak dari orang tua yang sama", "a child of the same parents"),
    "parent_child": ("orang tua atau anak", "a parent or child"),
    "same_mother_address": ("ibu dan alamat yang sama", "the same mother and address"),
    "same_address": ("alamat rumah yang sama", "the same home address"),
    "same_phone": ("nomor telepon yang sama (telepon keluarga)", "the same phone number (a family phone)"),
}


def describe(result: MatchResult) -> tuple[str, str]:
    """Which person fields agreed, in words: 'NIK sama, nama, tanggal lahir; p=0.99'. Household fields that agreed
    but were not counted (the person evidence did not point to a match) are not named as the reason."""
    counted = [
        e.comparison
        for e in result.agreed
        if e.comparison in _HOW and (e.group == "person" or result.household_counted > 0)
    ]
    words_id = ", ".join(_HOW[c][0] for c in counted) or "kemiripan data"
    words_en = ", ".join(_HOW[c][1] for c in counted) or "similar data"
    return f"{words_id}; p={result.probability:.2f}", f"{words_en}; p={result.probability:.2f}"


def household_keys(person: Person) -> dict[str, str]:
    """The keys on which members of one family agree: relation → key."""
    keys: dict[str, str] = {}
    if person.kk_number:
        keys["same_kk"] = f"KK:{person.kk_number}"
    if person.mother_name is not None and person.father_name is not None:
        keys["same_parents"] = f"PA:{person.mother_name.key}/{person.father_name.key}"
    if person.mother_name is not None and person.address and len(person.address) >= 12:
        keys["same_mother_address"] = f"MA:{person.mother_name.key}/{person.address}"
    return keys


def _parent_keys(person: Person) -> list[str]:
    """A child's record names the parent: the father's (or mother's) name is the parent's own name."""
    return [f"NM:{n.key}" for n in (person.father_name, person.mother_name) if n is not None]


class WatchIndex:
    """A blocking index in memory over few persons, scored with the same Fellegi–Sunter model as the counter."""

    def __init__(self, model: FSModel, name_count: Callable[[str], int], total: int) -> None:
        self.model = model
        self.items: list[Watched] = []
        self.keys: dict[str, list[int]] = defaultdict(list)
        self.families: dict[str, list[int]] = defaultdict(list)
        self.children_of: dict[str, list[int]] = defaultdict(list)  # a parent's name → who names them as parent
        # Sound of a name word → birth date (YYYYMMDD) → positions: for the one-digit typos of a birth date.
        self.days_by_sound: dict[str, dict[str, list[int]]] = {}
        self._tf: dict[str, float | None] = {}
        self._name_count, self._total = name_count, total

    def add(self, watched: Watched) -> None:
        position = len(self.items)
        self.items.append(watched)
        person = watched.person
        for key in index_keys(person):
            self.keys[key].append(position)
        for key in household_keys(person).values():
            self.families[key].append(position)
        if person.name is not None:
            self.families[f"NM:{person.name.key}"].append(position)
        for key in _parent_keys(person):
            self.children_of[key].append(position)
        born = person.birth_date
        if born is not None:
            for sound in name_sounds(person):
                days = self.days_by_sound.setdefault(sound, {})
                days.setdefault(f"{born.year:04d}{born.month:02d}{born.day:02d}", []).append(position)

    def _typo_candidates(self, person: Person) -> set[int]:
        """Persons of interest born on a date one digit away, with a sound of the name in common. They are few and
        held in memory, so their lookup can afford the ~60 dates the index of a national history cannot: a refused
        applicant whose birth date was keyed wrongly at the next office is still found."""
        found: set[int] = set()
        if person.birth_date is None:
            return found
        typos = one_digit_typos(person.birth_date)
        for sound in name_sounds(person):
            days = self.days_by_sound.get(sound)
            if days:
                for day in typos:
                    if day in days:
                        found.update(days[day])
        return found

    def name_tf(self, person: Person) -> float | None:
        key = person.name.key if person.name else ""
        if not key:
            return None
        if key not in self._tf:
            self._tf[key] = self.model.name_tf(self._name_count(key), self._total)
        return self._tf[key]

    def score(self, person: Person, other: Person) -> MatchResult:
        return self.model.score(compare(person, other), name_tf=self.name_tf(person))

    def find(self, person: Person, *, threshold: float, kinds: Iterable[str] | None = None) -> list[WatchMatch]:
        if not self.items:
            return []
        wanted = set(kinds) if kinds is not None else None
        found = self._typo_candidates(person)
        for key in query_keys(person, wide=True):
            found.update(self.keys.get(key, ()))
        if not found:
            return []
        matches = []
        for position in sorted(found):
            watched = self.items[position]
            if wanted is not None and watched.kind not in wanted:
                continue
            result = self.score(person, watched.person)
            if result.probability >= threshold:
                how, how_en = describe(result)
                matches.append(WatchMatch(watched, result, how, how_en))
        matches.sort(key=lambda m: m.probability, reverse=True)
        return matches

    def relatives(
        self, person: Person, *, same_person_below: float, kinds: Iterable[str] | None = None
    ) -> list[Relative]:
        """Persons of interest of the same family who are not this person (their match probability is below
        `same_person_below`): by KK, by both parents' names, by mother and address, a parent named on the child's
        record (or the child naming this person as parent), or a shared (family) phone."""
        wanted = set(kinds) if kinds is not None else None
        how: dict[int, str] = {}
        for relation, key in household_keys(person).items():
            for position in self.families.get(key, ()):
                how.setdefault(position, relation)
        for key in _parent_keys(person):  # this person's father or mother is of interest
            for position in self.families.get(key, ()):
                how.setdefault(position, "parent_child")
        if person.name is not None:  # a child of interest names this person as parent
            for position in self.children_of.get(f"NM:{person.name.key}", ()):
                how.setdefault(position, "parent_child")
        if person.phone:  # a family phone: the weakest tie, named last
            for position in self.keys.get(f"P:{person.phone}", ()):
                how.setdefault(position, "same_phone")
        found = []
        for position, relation in sorted(how.items()):
            watched = self.items[position]
            if wanted is not None and watched.kind not in wanted:
                continue
            if relation == "parent_child" and not _generation_apart(person, watched.person):
                continue  # a namesake of the parent, not the parent
            if self.score(person, watched.person).probability >= same_person_below:
                continue  # the person themself, found by the matcher
            label_id, label_en = RELATIONS[relation]
            found.append(Relative(watched, relation, label_id, label_en))
        return found


def _generation_apart(a: Person, b: Person) -> bool:
    if a.birth_date is None or b.birth_date is None:
        return True
    return abs(a.birth_date.year - b.birth_date.year) >= 14
