"""Whole days as ranges of moments: `created_at >= start AND created_at < end` is answered by an index on the
column, where Django's `__date` lookups cast every row (a million audit events, a million applications)."""

from datetime import date, datetime, time, timedelta, tzinfo

from django.utils import timezone


def day_range(first: date, last: date | None = None, zone: tzinfo | None = None) -> tuple[datetime, datetime]:
    """[first 00:00, the day after `last` 00:00) in `zone` (the current time zone by default)."""
    zone = zone or timezone.get_current_timezone()
    last = last or first
    return datetime.combine(first, time.min, tzinfo=zone), datetime.combine(last + timedelta(days=1), time.min, zone)
