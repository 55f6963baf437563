"""The history lookups screening makes for every application, as plain SQL: each is one indexed statement, and at
a thousand applications a second the ORM's query building would cost more than the database does.

Understood by SQLite and PostgreSQL alike; values go through the connection's own adapters.
"""

from datetime import UTC, date, datetime
from typing import Any

from django.db import connection

from garda.identity.index import ALL_FIELDS
from garda.identity.models import BlockingKey, IndexedPerson, NameFrequency
from garda.screening.models import Application, Contact

_PERSON = IndexedPerson._meta.db_table
_KEY = BlockingKey._meta.db_table
_CONTACT = Contact._meta.db_table
_APP = Application._meta.db_table
_NAMES = NameFrequency._meta.db_table


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


def _moment(value: Any) -> datetime | None:
    if isinstance(value, str):
        moment = datetime.fromisoformat(value)
        return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return value  # type: ignore[no-any-return]


def applications_by_refs(
    refs: set[tuple[str, str]], *, kinds: tuple[str, ...], before: datetime
) -> list[tuple[Any, ...]]:
    """(office, id, decision, decided_at) of the given applications with one of the decisions, submitted or
    decided before (a history export may carry the date of its last change as the submission date)."""
    if not refs:
        return []
    pairs = " OR ".join(["(office_code = %s AND external_id = %s)"] * len(refs))
    sql = (
        f"SELECT office_code, external_id, decision_kind, decided_at FROM {_APP} "  # noqa: S608
        f"WHERE ({pairs}) AND decision_kind IN ({_marks(len(kinds))}) AND (submitted_at < %s OR decided_at < %s)"
    )
    params: list[Any] = [v for pair in sorted(refs) for v in pair]
    moment = connection.ops.adapt_datetimefield_value(before)
    params += [*kinds, moment, moment]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    return [(office, external, kind, _moment(at)) for office, external, kind, at in rows]


def contacts_in_window(
    *,
    start: datetime,
    end: datetime,
    exclude_application: int | None,
    nik: str = "",
    phones: tuple[str, ...] = (),
    name_key: str = "",
) -> list[tuple[str, str, str, str, str, str, str]]:
    """(role, family, office, id, nik, phone, name_key) of contacts in the window with the NIK, a phone or the
    name; each condition is answered by its own index."""
    conditions: list[str] = []
    params: list[Any] = []
    wanted = [("nik", nik), *(("phone", p) for p in sorted(set(phones))), ("name_key", name_key)]
    for column, value in wanted:
        if value:
            conditions.append(f"(c.{column} = %s AND c.submitted_at BETWEEN %s AND %s)")
            params += [
                value,
                connection.ops.adapt_datetimefield_value(start),
                connection.ops.adapt_datetimefield_value(end),
            ]
    if not conditions:
        return []
    sql = (
        f"SELECT c.role, c.family, a.office_code, a.external_id, c.nik, c.phone, c.name_key "  # noqa: S608
        f"FROM {_CONTACT} c JOIN {_APP} a ON a.id = c.application_id WHERE ({' OR '.join(conditions)})"
    )
    if exclude_application is not None:
        sql += " AND c.application_id <> %s"
        params.append(exclude_application)
    with connection.cursor() as cursor:
        cursor.execute(sql + " LIMIT 2000", params)
        return [tuple(row) for row in cursor.fetchall()]  # type: ignore[misc]


def name_count(name_key: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count FROM {_NAMES} WHERE name_key = %s", [name_key])  # noqa: S608
        row = cursor.fetchone()
    return int(row[0]) if row else 0
