"""Restrictions that feature apps put on what core and other apps list, without core importing them.

Core lists the audit trail; oversight lists investigations. Some of their rows belong to a whistleblowing case,
which only the case's grant holders may know of — a national reviewer named in a report must not read its closing
note in the trail. The channel registers a restriction here when it loads (`ready`), and the lists apply every
restriction registered for their kind: low defines, high registers, no import upwards.
"""

from collections import defaultdict
from collections.abc import Callable
from typing import Any

from django.db.models import QuerySet

Restriction = Callable[[Any, QuerySet[Any]], QuerySet[Any]]
_RESTRICTIONS: dict[str, list[Restriction]] = defaultdict(list)

AUDIT_EVENTS = "audit_events"
INVESTIGATIONS = "investigations"


def register(kind: str, restriction: Restriction) -> None:
    if restriction not in _RESTRICTIONS[kind]:
        _RESTRICTIONS[kind].append(restriction)


def restricted(kind: str, user: Any, rows: QuerySet[Any]) -> QuerySet[Any]:
    for restriction in _RESTRICTIONS[kind]:
        rows = restriction(user, rows)
    return rows
