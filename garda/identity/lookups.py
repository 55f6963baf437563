"""The person-index lookups that screening makes for every application, as plain SQL: each is one indexed
statement, and at a thousand applications a second the ORM's query building would cost more than the database does.

Understood by SQLite and PostgreSQL alike; values go through the connection's own adapters.
"""

import math
from datetime import date
from typing import Any

from django.db import connection

from garda.identity.blocking import index_keys
from garda.identity.index import ALL_FIELDS, CandidateWeights
from garda.identity.model import FSModel
from garda.identity.models import BlockingKey, IndexedPerson, NameFrequency
from garda.identity.records import Person

_PERSON = IndexedPerson._meta.db_table
_KEY = BlockingKey._meta.db_table
_NAMES = NameFrequency._meta.db_table
_SOURCE_REF = ALL_FIELDS.index("source_ref")


def _marks(n: int) -> str:
    return ", ".join(["%s"] * n)


def persons_under_keys(keys: list[str], *, source: str, limit: int = 500) -> list[tuple[Any, ...]]:
    """Indexed persons of one source under any of the keys, as ALL_FIELDS tuples (duplicates removed)."""
    if not keys:
        return []
    columns = ", ".join(f"p.{name}" for name in ALL_FIELDS)
    # Persons are reached through the key index only: `source || ''` keeps SQLite's planner from walking the
    # (source, source_ref) index over every applicant instead.
    sql = (
        f"SELECT {columns} FROM {_PERSON} p WHERE p.id IN "  # noqa: S608
        f"(SELECT k.person_id FROM {_KEY} k WHERE k.key IN ({_marks(len(keys))})) AND p.source || '' = %s LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*keys, source, limit])
        rows = cursor.fetchall()
    born = ALL_FIELDS.index("birth_date")
    return [(*row[:born], _date(row[born]), *row[born + 1 :]) for row in rows]


def _date(value: Any) -> date | None:
    """SQLite hands dates back as text in raw queries; PostgreSQL as dates."""
    return date.fromisoformat(value) if isinstance(value, str) else value


def name_count(name_key: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count FROM {_NAMES} WHERE name_key = %s", [name_key])  # noqa: S608
        row = cursor.fetchone()
    return int(row[0]) if row else 0


def same_persons(
    person: Person,
    *,
    source: str,
    model: FSModel,
    name_tf: float | None,
    threshold: float,
    exclude_ref: str = "",
) -> dict[str, float]:
    """The indexed persons of one source judged the same as `person` (source reference → probability). Exact keys
    only (no date variants): NIK, phone, name in the birth year, a sound or the first letters of a word on the
    birth day — a large history would answer the wide query with hundreds of candidates."""
    keys = sorted(k for k in index_keys(person) if k[0] in "NPYDI")
    floor = math.log2(threshold / (1 - threshold))
    weights = CandidateWeights(model, person, name_tf, floor)
    same: dict[str, float] = {}
    for values in persons_under_keys(keys, source=source):
        ref = str(values[_SOURCE_REF])
        if ref == exclude_ref:
            continue
        weight = weights.weight(values)
        if weight is not None:  # the weight alone decides; the evidence is not needed here
            same[ref] = 1.0 / (1.0 + 2.0 ** (-weight))
    return same


def indexed_persons(
    *,
    nik: str = "",
    phone: str = "",
    other_id: str = "",
    name_key: str = "",
    birth_year: int | None = None,
    limit: int = 5000,
) -> list[IndexedPerson]:
    """Index rows for a search by one detail (the find-anyone box): a NIK, a phone (normalised), another identity
    number, an exact normalised name, or everyone born in a year (through the birth-day blocking keys, one indexed
    IN lookup; the caller compares the names)."""
    rows = IndexedPerson.objects.all()
    if nik:
        rows = rows.filter(nik=nik)
    elif phone:
        rows = rows.filter(phone=phone)
    elif other_id:
        rows = rows.filter(other_id=other_id)
    elif name_key:
        rows = rows.filter(name_key=name_key)
    elif birth_year is not None:
        start = date(birth_year, 1, 1)
        days = (date(birth_year + 1, 1, 1) - start).days
        keys = [f"B:{date.fromordinal(start.toordinal() + i):%Y%m%d}" for i in range(days)]
        rows = rows.filter(pk__in=BlockingKey.objects.filter(key__in=keys).values("person_id"))
    else:
        return []
    return list(rows.order_by("pk")[:limit])
