"""Times computed in the database, on SQLite and PostgreSQL alike, without a Python function per row.

Django's `ExtractHour(..., tzinfo=...)` and datetime subtraction run as Python functions inside SQLite, one call
per row; over a million reviews that is most of a minute. Indonesia keeps no daylight saving, so an office's local
time is UTC plus a fixed offset, which SQLite's own `strftime` applies.
"""

from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from django.db.models import F, FloatField, Func, IntegerField, Value


def _offset_hours(zone: str) -> int:
    offset = ZoneInfo(zone).utcoffset(datetime(2025, 1, 1, tzinfo=UTC).replace(tzinfo=None))
    return int(offset.total_seconds() // 3600) if offset is not None else 0


class _LocalPart(Func):
    """A part of a datetime column's time in an office's zone, as an integer: SQLite's `strftime` with the zone's
    fixed offset, PostgreSQL's `EXTRACT ... AT TIME ZONE` (the zone passed as a parameter)."""

    output_field = IntegerField()
    strftime = ""  # the SQLite format letter
    extract = ""  # the PostgreSQL field

    def __init__(self, field: str, zone: str, **extra: Any) -> None:
        self.zone = zone
        super().__init__(F(field), Value(zone), **extra)

    def as_sqlite(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        local = self.copy()
        column, _zone = self.get_source_expressions()
        local.set_source_expressions([column, Value(f"{_offset_hours(self.zone):+d} hours")])
        return local.as_sql(
            compiler, connection, template=f"CAST(strftime('%%{self.strftime}', %(expressions)s) AS INTEGER)"
        )

    def as_postgresql(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        return self.as_sql(
            compiler,
            connection,
            template=f"EXTRACT({self.extract} FROM %(expressions)s)::integer",
            arg_joiner=" AT TIME ZONE ",
        )


class LocalHour(_LocalPart):
    """The hour (0–23) of a datetime column in an office's time zone."""

    strftime, extract = "H", "HOUR"


class LocalWeekday(_LocalPart):
    """The day of the week of a datetime column in an office's time zone: 0 Sunday … 6 Saturday."""

    strftime, extract = "w", "DOW"


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
