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

from garda.core.bulk import insert_rows
from garda.identity.blocking import index_keys, query_keys
from garda.identity.comparisons import compare
from garda.identity.defaults import default_model
from garda.identity.model import FSModel, MatchResult
from garda.identity.models import BlockingKey, IndexedPerson, MatchModel, NameFrequency
from garda.identity.names import name_or_none
from garda.identity.records import Person, prepare

MAX_CANDIDATES = 2000


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
    }


ROW_FIELDS = (
    "id",
    "full_name",
    "birth_date",
    "sex",
    "nik",
    "phone",
    "birth_place",
    "address",
    "mother_name",
    "other_id",
)
ALL_FIELDS = (*ROW_FIELDS, "source", "source_ref", "office_code")


def as_person(row: IndexedPerson) -> Person:
    """The stored fields are already normalised: only the names are normalised again (and that is cached)."""
    return person_from_values(tuple(getattr(row, f) for f in ROW_FIELDS))


def person_from_values(values: tuple[Any, ...]) -> Person:
    pk, full_name, birth_date, sex, nik, phone, birth_place, address, mother_name, other_id = values[:10]
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
    )


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


def _fetch_person_ids(persons: list[IndexedPerson]) -> None:
    """The ids of the rows just inserted, by their unique (source, reference)."""
    by_key = {(p.source, p.source_ref): p for p in persons}
    sources: dict[str, list[str]] = {}
    for source, ref in by_key:
        sources.setdefault(source, []).append(ref)
    for source, refs in sources.items():
        for start in range(0, len(refs), 900):  # SQLite's limit on parameters
            rows = IndexedPerson.objects.filter(source=source, source_ref__in=refs[start : start + 900])
            for pk, ref in rows.values_list("pk", "source_ref"):
                by_key[(source, ref)].pk = pk


def bulk_index(rows: Iterable[tuple[str, str, Mapping[str, Any], str]], *, batch_size: int = 5000) -> int:
    """Index many new persons (source, source_ref, record, office) fast; for imports and benchmarks."""
    done = 0
    now = timezone.now()
    batch: list[tuple[IndexedPerson, set[str]]] = []

    def flush() -> None:
        nonlocal done
        with transaction.atomic():
            created = [p for p, _ in batch]
            insert_rows(IndexedPerson, _PERSON_FIELDS, [[getattr(p, f) for f in _PERSON_FIELDS] for p in created])
            _fetch_person_ids(created)
            # Keys go in as plain tuples: six or seven per person, the ORM's objects would cost more than the rows.
            with connection.cursor() as cursor:
                cursor.executemany(
                    f"INSERT INTO {BlockingKey._meta.db_table} (key, person_id) VALUES (%s, %s)",  # noqa: S608  # noqa: S608
                    [(k[:120], p.pk) for p, (_, keys) in zip(created, batch, strict=True) for k in keys],
                )
            _count_names(Counter(p.name_key for p, _ in batch if p.name_key))
        done += len(batch)
        batch.clear()

    for source, ref, record, office in rows:
        person = prepare({**record, "id": ref})
        batch.append(
            (
                IndexedPerson(
                    source=source, source_ref=ref, office_code=office, indexed_at=now, **_fields(person, record)
                ),
                index_keys(person),
            )
        )
        if len(batch) >= batch_size:
            flush()
    if batch:
        flush()
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


def name_frequency(name_key: str, total: int) -> float | None:
    if not name_key or total <= 0:
        return None
    same = NameFrequency.objects.filter(name_key=name_key).values_list("count", flat=True).first() or 0
    return max(same, 1) / total


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
    tf = name_frequency(query.name.key if query.name else "", index_total())
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
