"""Candidate retrieval at the counter: one indexed lookup of blocking keys, then Fellegi–Sunter scoring.

`find_candidates({"full_name": "MOH. RIZKY", "birth_date": "1990-12-05", ...})` returns the indexed persons who
may be the same, best first, each with its probability and the per-field evidence.
"""

import math
import time
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.db import connection, transaction
from django.db.models import Count
from django.utils import timezone

from garda.core.bulk import insert_rows, values_of
from garda.identity.blocking import index_keys, query_keys
from garda.identity.comparisons import (
    CHEAP,
    COMPARISONS,
    NIK_POSITION,
    NIK_SAME_DAY,
    NIK_SERIAL_SLIP,
    cheap_levels,
    compare,
    name_level,
)
from garda.identity.defaults import default_model
from garda.identity.model import (
    HOUSEHOLD_POSITIONS,
    MUTABLE_POSITIONS,
    OTHER_ID_POSITION,
    FSModel,
    Household,
    MatchResult,
    combine,
)
from garda.identity.models import BlockingKey, IndexedPerson, MatchModel, NameFrequency
from garda.identity.names import name_or_none
from garda.identity.records import FIELDS, Person, prepare

MAX_CANDIDATES = 2000
PARENT_POSITIONS = tuple(i for i, c in enumerate(COMPARISONS) if c.name in {"mother_name", "father_name"})


@dataclass(frozen=True)
class Candidate:
    person: IndexedPerson
    result: MatchResult

    @property
    def probability(self) -> float:
        return self.result.probability


_CACHE_SECONDS = 60.0
_cache: dict[str, tuple[float, Any]] = {}


def _cached(name: str, compute: Any) -> Any:
    """Values that change rarely and cost a query (the newest model, the index size), kept for a minute."""
    now = time.monotonic()
    hit = _cache.get(name)
    if hit is not None and now - hit[0] < _CACHE_SECONDS:
        return hit[1]
    value = compute()
    _cache[name] = (now, value)
    return value


def forget_cached() -> None:
    _cache.clear()


def current_model() -> FSModel:
    def load() -> FSModel:
        stored = MatchModel.objects.order_by("-created_at", "-id").first()
        return FSModel.from_json_dict(stored.params) if stored is not None else default_model()

    model: FSModel = _cached("model", load)
    return model


def index_total() -> int:
    total: int = _cached("total", IndexedPerson.objects.count)
    return total


def _fields(person: Person, record: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "full_name": str(record.get("full_name") or "")[:200],
        "name_key": person.name.key[:200] if person.name else "",
        "birth_date": person.birth_date,
        "sex": person.sex or "",
        "nik": person.nik or "",
        "phone": person.phone or "",
        "birth_place": (person.birth_place or "")[:120],
        "address": (person.address or "")[:300],
        "mother_name": str(record.get("mother_name") or "")[:200],
        "other_id": (person.other_id or "")[:64],
        "kk_number": person.kk_number or "",
        "father_name": str(record.get("father_name") or "")[:200],
    }


# The index's columns carry the person-record fields of the contract, in the same order (the row's id is its pk).
ROW_FIELDS = FIELDS
ALL_FIELDS = (*ROW_FIELDS, "source", "source_ref", "office_code")


def as_person(row: IndexedPerson) -> Person:
    """The stored fields are already normalised: only the names are normalised again (and that is cached)."""
    return person_from_values(tuple(getattr(row, f) for f in ROW_FIELDS))


def person_from_values(values: tuple[Any, ...]) -> Person:
    pk, full_name, birth_date, sex, nik, phone, birth_place, address, mother_name, other_id, kk, father = values[:12]
    return Person(
        id=str(pk),
        name=name_or_none(full_name),
        birth_date=birth_date,
        sex=sex or None,
        nik=nik or None,
        phone=phone or None,
        birth_place=birth_place or None,
        address=address or None,
        mother_name=name_or_none(mother_name),
        other_id=other_id or None,
        kk_number=kk or None,
        father_name=name_or_none(father),
    )


class _Plain:
    """An index row's plain fields (as ROW_FIELDS orders them), compared before the row is made a Person."""

    __slots__ = ("address", "birth_date", "birth_place", "kk_number", "nik", "other_id", "phone", "sex")

    def fill(self, values: tuple[Any, ...]) -> None:
        self.birth_date, self.sex, self.nik = values[2], values[3] or None, values[4] or None
        self.phone, self.birth_place, self.address, self.other_id = values[5] or None, values[6], values[7], values[9]
        self.kk_number = values[10] or None


class CandidateWeights:
    """Match weights of many index rows against one person, for a caller that wants only those at or above a
    floor. Most candidates of a large index are namesakes born on another day, or people born the same day with
    another name: each stage rules a row out as soon as even the best levels of the comparisons not yet made could
    not lift it to the floor — first the dates, numbers and places (no name normalised), then the names — and only
    the rest are compared in full. The weights returned are exactly `model.weight` of the full comparison; the
    bounds hold because the total is non-decreasing in every field's weight (`model.combine`)."""

    def __init__(self, model: FSModel, query: Person, name_tf: float | None, floor: float) -> None:
        self.model, self.query, self.name_tf, self.floor = model, query, name_tf, floor
        self.prior = model.prior_weight()
        self.best_name = model.best_name_weight(name_tf)
        # The parents' names are compared last: the best they could add to the household group.
        self.best_parents = max(max(model.weights_of(p)) for p in PARENT_POSITIONS)
        self.tables = [
            (model.weights_of(i), i in HOUSEHOLD_POSITIONS, i in MUTABLE_POSITIONS, i == NIK_POSITION) for i in CHEAP
        ]
        self.identifying = tuple(k for k, i in enumerate(CHEAP) if i in (NIK_POSITION, OTHER_ID_POSITION))
        self.plain = _Plain()

    def _bound(self, person: float, best: float, worst: float, identified: bool) -> float:
        return combine(person, best, worst, self.model.gate, identified)

    def weight(self, values: tuple[Any, ...]) -> float | None:
        self.plain.fill(values)
        person = self.prior
        household = Household()
        nik_serial = False
        levels = cheap_levels(self.query, self.plain)
        known = any(levels[k] == 1 for k in self.identifying)  # see model.identified
        for (table, grouped, mutable, is_nik), level in zip(self.tables, levels, strict=True):
            w = table[level]
            if grouped:
                household.add(w, mutable)
            elif is_nik and level == NIK_SERIAL_SLIP:
                nik_serial = True  # counts as a slip only with the same name (twin_rule): bounded by its best
                person += max(w, table[NIK_SAME_DAY])
            else:
                person += w
        best, against = max(household.best, self.best_parents), household.against
        if self._bound(person + self.best_name, best, against, known) < self.floor:
            return None
        level = name_level(self.query.name, name_or_none(values[1]))
        named = self.model.name_weight(level, self.name_tf)
        if nik_serial and level != 1:
            nik = self.model.weights_of(NIK_POSITION)
            person += nik[NIK_SAME_DAY] - max(nik[NIK_SERIAL_SLIP], nik[NIK_SAME_DAY])
        if self._bound(person + named, best, against, known) < self.floor:
            return None
        weight = self.model.weight(compare(self.query, person_from_values(values)), name_tf=self.name_tf)
        return weight if weight >= self.floor else None


def _row(values: tuple[Any, ...]) -> IndexedPerson:
    row = IndexedPerson(**dict(zip(ALL_FIELDS, values, strict=True)))
    row._state.adding = False
    return row


@transaction.atomic
def index_person(*, source: str, source_ref: str, record: Mapping[str, Any], office_code: str = "") -> IndexedPerson:
    """Add or refresh one person in the index (derived data: the action that brought the person is audited)."""
    person = prepare({**record, "id": source_ref})
    previous = IndexedPerson.objects.filter(source=source, source_ref=source_ref).values_list("name_key", flat=True)
    old_key = previous.first()
    row, _ = IndexedPerson.objects.update_or_create(
        source=source, source_ref=source_ref, defaults={"office_code": office_code, **_fields(person, record)}
    )
    if old_key != row.name_key:
        _count_names({old_key: -1} if old_key else {})
        _count_names({row.name_key: 1} if row.name_key else {})
    BlockingKey.objects.filter(person=row).delete()
    BlockingKey.objects.bulk_create([BlockingKey(key=k[:120], person=row) for k in sorted(index_keys(person))])
    return row


_PERSON_FIELDS = [f.name for f in IndexedPerson._meta.concrete_fields if not f.primary_key]


@dataclass(frozen=True)
class PersonRow:
    """One person ready for the index: the row's values as the database takes them, and its blocking keys.
    Plain data, so forked workers can prepare rows and hand them back."""

    source: str
    source_ref: str
    values: list[Any]  # in _PERSON_FIELDS order
    keys: list[str]
    name_key: str


def person_row(source: str, ref: str, record: Mapping[str, Any], office: str, now: Any) -> PersonRow:
    person = prepare({**record, "id": ref})
    fields = {"source": source, "source_ref": ref, "office_code": office, "indexed_at": now, **_fields(person, record)}
    return PersonRow(
        source,
        ref,
        values_of(IndexedPerson, _PERSON_FIELDS, fields),
        sorted(k[:120] for k in index_keys(person)),
        fields["name_key"],
    )


def _person_ids(refs: list[tuple[str, str]]) -> dict[tuple[str, str], int]:
    """The ids of the rows just inserted, by their unique (source, reference)."""
    sources: dict[str, list[str]] = {}
    for source, ref in refs:
        sources.setdefault(source, []).append(ref)
    found: dict[tuple[str, str], int] = {}
    for source, wanted in sources.items():
        for start in range(0, len(wanted), 900):  # SQLite's limit on parameters
            rows = IndexedPerson.objects.filter(source=source, source_ref__in=wanted[start : start + 900])
            for pk, ref in rows.values_list("pk", "source_ref"):
                found[(source, ref)] = pk
    return found


def insert_person_rows(rows: list[PersonRow]) -> None:
    """Insert prepared persons, their keys (plain tuples: six or seven a person, the ORM's objects would cost more
    than the rows) and their names' counts. Call inside a transaction."""
    if not rows:
        return
    insert_rows(IndexedPerson, _PERSON_FIELDS, [r.values for r in rows])
    ids = _person_ids([(r.source, r.source_ref) for r in rows])
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {BlockingKey._meta.db_table} (key, person_id) VALUES (%s, %s)",  # noqa: S608
            [(k, ids[(r.source, r.source_ref)]) for r in rows for k in r.keys],
        )
    _count_names(Counter(r.name_key for r in rows if r.name_key))


def bulk_index(rows: Iterable[tuple[str, str, Mapping[str, Any], str]], *, batch_size: int = 5000) -> int:
    """Index many new persons (source, source_ref, record, office) fast; for imports and benchmarks."""
    done = 0
    now = timezone.now()
    batch: list[PersonRow] = []
    for source, ref, record, office in rows:
        batch.append(person_row(source, ref, record, office, now))
        if len(batch) >= batch_size:
            with transaction.atomic():
                insert_person_rows(batch)
            done += len(batch)
            batch = []
    if batch:
        with transaction.atomic():
            insert_person_rows(batch)
        done += len(batch)
    return done


@transaction.atomic
def remove_persons(*, source: str, source_ref_prefix: str = "", source_ref: str = "") -> int:
    """Take persons out of the index (their keys go with them), keeping the name counts exact: those of one
    reference, or of every reference that starts with a prefix."""
    rows = IndexedPerson.objects.filter(source=source)
    rows = rows.filter(source_ref=source_ref) if source_ref else rows.filter(source_ref__startswith=source_ref_prefix)
    gone = Counter(key for key in rows.values_list("name_key", flat=True) if key)
    _count_names({key: -n for key, n in gone.items()})
    return int(rows.delete()[1].get(IndexedPerson._meta.label, 0))


def rebuild_keys(*, batch_size: int = 5000) -> int:
    """Recompute every person's blocking keys from the stored fields (after the key scheme changed)."""
    done = 0
    last = 0
    while True:
        rows = list(IndexedPerson.objects.filter(pk__gt=last).order_by("pk").values_list(*ROW_FIELDS)[:batch_size])
        if not rows:
            return done
        with transaction.atomic():
            ids = [values[0] for values in rows]
            BlockingKey.objects.filter(person_id__in=ids).delete()
            with connection.cursor() as cursor:
                cursor.executemany(
                    f"INSERT INTO {BlockingKey._meta.db_table} (key, person_id) VALUES (%s, %s)",  # noqa: S608
                    [(k[:120], values[0]) for values in rows for k in index_keys(person_from_values(values))],
                )
        done += len(rows)
        last = ids[-1]


def _count_names(changes: Mapping[str, int]) -> None:
    """Add to the stored name counts (an upsert understood by SQLite and PostgreSQL alike)."""
    if not changes:
        return
    table = NameFrequency._meta.db_table
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {table} (name_key, count) VALUES (%s, %s) "  # noqa: S608  (table name from metadata)
            f"ON CONFLICT (name_key) DO UPDATE SET count = {table}.count + excluded.count",
            [(key, n) for key, n in changes.items() if n > 0],
        )
        for key, n in changes.items():
            if n < 0:
                cursor.execute(f"UPDATE {table} SET count = count + %s WHERE name_key = %s", [n, key])  # noqa: S608


def rebuild_name_frequencies() -> int:
    """Recount every name from the index (after a restore, or a bulk load made outside Garda)."""
    with transaction.atomic():
        NameFrequency.objects.all().delete()
        counts = IndexedPerson.objects.exclude(name_key="").values_list("name_key").annotate(n=Count("pk"))
        NameFrequency.objects.bulk_create([NameFrequency(name_key=k, count=n) for k, n in counts], batch_size=10000)
    return NameFrequency.objects.count()


def name_frequency(name_key: str, total: int, model: FSModel) -> float | None:
    if not name_key or total <= 0:
        return None
    same = NameFrequency.objects.filter(name_key=name_key).values_list("count", flat=True).first() or 0
    return model.name_tf(same, total)


def find_candidates(
    record: Mapping[str, Any],
    *,
    limit: int = 10,
    min_probability: float = 0.01,
    model: FSModel | None = None,
) -> list[Candidate]:
    """The indexed persons who may be this person, best first. Two queries: the name's frequency, and the
    persons under any of the query's blocking keys (one indexed IN lookup, as a subquery)."""
    model = model or current_model()
    query = prepare({**record, "id": str(record.get("id") or "query")})
    keys = sorted(query_keys(query, wide=True))
    if not keys:
        return []
    tf = name_frequency(query.name.key if query.name else "", index_total(), model)
    under_keys = BlockingKey.objects.filter(key__in=keys).values("person_id")[:MAX_CANDIDATES]
    # Candidates come back as plain tuples; they are ranked by weight alone, and only those returned are
    # explained in full and made into model objects.
    floor = math.log2(min_probability / (1.0 - min_probability)) if 0 < min_probability < 1 else -math.inf
    ranked: list[tuple[float, tuple[int, ...], tuple[Any, ...]]] = []
    for values in IndexedPerson.objects.filter(pk__in=under_keys).values_list(*ALL_FIELDS):
        levels = compare(query, person_from_values(values))
        weight = model.weight(levels, name_tf=tf)
        if weight >= floor:
            ranked.append((weight, levels, values))
    ranked.sort(key=lambda item: item[0], reverse=True)
    return [Candidate(_row(values), model.score(levels, name_tf=tf)) for _, levels, values in ranked[:limit]]


def index_size() -> dict[str, int]:
    return dict(IndexedPerson.objects.values_list("source").annotate(n=Count("pk")).order_by())
