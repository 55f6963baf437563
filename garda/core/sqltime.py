"""Times computed in the database, on SQLite and PostgreSQL alike, without a Python function per row.

Django's `ExtractHour(..., tzinfo=...)` and datetime subtraction run as Python functions inside SQLite, one call
per row; over a million reviews that is most of a minute. Indonesia keeps no daylight saving, so an office's local
time is UTC plus a fixed offset, which SQLite's own `strftime` applies.
"""

from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from django.db.models import F, FloatField, Func, IntegerField


def _offset_hours(zone: str) -> int:
    offset = ZoneInfo(zone).utcoffset(datetime(2025, 1, 1, tzinfo=UTC).replace(tzinfo=None))
    return int(offset.total_seconds() // 3600) if offset is not None else 0


class LocalHour(Func):
    """The hour (0–23) of a datetime column in an office's time zone."""

    output_field = IntegerField()

    def __init__(self, field: str, zone: str, **extra: Any) -> None:
        self.zone = zone
        super().__init__(F(field), **extra)

    def as_sqlite(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        hours = _offset_hours(self.zone)
        return self.as_sql(
            compiler, connection, template=f"CAST(strftime('%%H', %(expressions)s, '{hours:+d} hours') AS INTEGER)"
        )

    def as_postgresql(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        return self.as_sql(
            compiler, connection, template=f"EXTRACT(HOUR FROM %(expressions)s AT TIME ZONE '{self.zone}')::integer"
        )


class LocalWeekday(Func):
    """The day of the week of a datetime column in an office's time zone: 0 Sunday … 6 Saturday."""

    output_field = IntegerField()

    def __init__(self, field: str, zone: str, **extra: Any) -> None:
        self.zone = zone
        super().__init__(F(field), **extra)

    def as_sqlite(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        hours = _offset_hours(self.zone)
        return self.as_sql(
            compiler, connection, template=f"CAST(strftime('%%w', %(expressions)s, '{hours:+d} hours') AS INTEGER)"
        )

    def as_postgresql(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        return self.as_sql(
            compiler, connection, template=f"EXTRACT(DOW FROM %(expressions)s AT TIME ZONE '{self.zone}')::integer"
        )


class MinutesBetween(Func):
    """Minutes from the second datetime column to the first (negative when the first is earlier)."""

    output_field = FloatField()

    def __init__(self, later: str, earlier: str, **extra: Any) -> None:
        super().__init__(F(later), F(earlier), **extra)

    def as_sqlite(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        return self.as_sql(
            compiler,
            connection,
            template="((julianday(%(expressions)s)) * 1440.0)",
            arg_joiner=") - julianday(",
        )

    def as_postgresql(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        return self.as_sql(
            compiler, connection, template="(EXTRACT(EPOCH FROM (%(expressions)s)) / 60.0)", arg_joiner=" - "
        )
