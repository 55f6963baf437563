"""The application-history lookups screening makes for every application (the person index's own are in
`garda.identity.lookups`), as plain SQL: each is one indexed statement, and at
a thousand applications a second the ORM's query building would cost more than the database does.

Understood by SQLite and PostgreSQL alike; values go through the connection's own adapters.
"""

from datetime import UTC, datetime
from typing import Any

from django.db import connection

from garda.screening.models import Application, Contact

_CONTACT = Contact._meta.db_table
_APP = Application._meta.db_table


def _marks(n: int) -> str:
    return ", ".join(["%s"] * n)


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
        return [tuple(row) for row in cursor.fetchall()]


def families_of_nik(nik: str, *, before: datetime) -> set[str]:
    """The family keys (rules.base.family_key) written on the applications this NIK made before the moment: the
    household a person of interest belongs to, as his own forms said."""
    sql = f"SELECT DISTINCT family FROM {_CONTACT} WHERE nik = %s AND role = %s AND submitted_at < %s"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql + " LIMIT 50", [nik, "applicant", connection.ops.adapt_datetimefield_value(before)])
        return {str(family) for (family,) in cursor.fetchall()}
