"""Plain multi-row INSERTs for bulk imports. Django's bulk_create compiles every value of every row through the
query compiler, which at a thousand records a second costs more than the database; here each value goes through
its field's own adapter once, and the statement is executed for all rows at once."""

from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connection, connections, models
from django.db.models import Model

_PLAIN = (models.CharField, models.TextField, models.IntegerField, models.BooleanField, models.ForeignKey)


def _as_is(value: Any, connection: Any) -> Any:
    return value


@lru_cache(maxsize=64)
def _adapters(model: type[Model], fields: tuple[str, ...]) -> tuple[Any, ...]:
    meta = model._meta
    columns = [meta.get_field(name) for name in fields]
    # Text and numbers go in as they are; dates, times and JSON through their field's adapter.
    return tuple(
        _as_is if isinstance(column, _PLAIN) else column.get_db_prep_save  # type: ignore[union-attr]
        for column in columns
    )


@lru_cache(maxsize=64)
def _named_fields(model: type[Model], fields: tuple[str, ...]) -> tuple[tuple[str, Any], ...]:
    meta = model._meta
    return tuple((name, meta.get_field(name)) for name in fields)


def values_of(model: type[Model], fields: Sequence[str], data: Mapping[str, Any]) -> list[Any]:
    """A row's values in the order of `fields`, from a dict, with each missing field's default: what a model
    instance would hold, without making one (at ten thousand rows, making instances costs more than inserting)."""
    return [data[name] if name in data else field.get_default() for name, field in _named_fields(model, tuple(fields))]


def insert_rows(model: type[Model], fields: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """INSERT the rows (values in the order of `fields`), adapted as the ORM would adapt them."""
    if not rows:
        return
    meta = model._meta
    columns = [meta.get_field(name) for name in fields]
    names = ", ".join(connection.ops.quote_name(c.column) for c in columns)  # type: ignore[union-attr,arg-type]
    sql = (
        f"INSERT INTO {connection.ops.quote_name(meta.db_table)} ({names}) "  # noqa: S608  (names from metadata)
        f"VALUES ({', '.join(['%s'] * len(columns))})"
    )
    prepare = _adapters(model, tuple(fields))
    db = connections[DEFAULT_DB_ALIAS]  # the connection itself: the proxy costs a lookup on every value
    values = [[p(v, db) for p, v in zip(prepare, row, strict=True)] for row in rows]
    with connection.cursor() as cursor:
        cursor.executemany(sql, values)
