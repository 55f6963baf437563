"""Plain multi-row INSERTs for bulk imports. Django's bulk_create compiles every value of every row through the
query compiler, which at a thousand records a second costs more than the database; here each value goes through
its field's own adapter once, and the statement is executed for all rows at once."""

from collections.abc import Sequence
from typing import Any

from django.db import connection, models
from django.db.models import Model

_PLAIN = (models.CharField, models.TextField, models.IntegerField, models.BooleanField, models.ForeignKey)


def _as_is(value: Any, connection: Any) -> Any:
    return value


def insert_rows(model: type[Model], fields: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """INSERT the rows (values in the order of `fields`), adapted as the ORM would adapt them."""
    if not rows:
        return
    meta = model._meta
    columns = [meta.get_field(name) for name in fields]
    # Text and numbers go in as they are; dates, times and JSON through their field's adapter.
    prepare = [
        _as_is if isinstance(column, _PLAIN) else column.get_db_prep_save  # type: ignore[union-attr,arg-type]
        for column in columns
    ]
    names = ", ".join(connection.ops.quote_name(c.column) for c in columns)  # type: ignore[union-attr,arg-type]
    sql = (
        f"INSERT INTO {connection.ops.quote_name(meta.db_table)} ({names}) "  # noqa: S608  (names from metadata)
        f"VALUES ({', '.join(['%s'] * len(columns))})"
    )
    values = [[p(v, connection) for p, v in zip(prepare, row, strict=True)] for row in rows]
    with connection.cursor() as cursor:
        cursor.executemany(sql, values)
