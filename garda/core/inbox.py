"""The work inbox: what is waiting for the signed-in user, from every app, in one list ordered by due date.

Each feature app knows its own pending work (a proposal to check, a clearance to confirm, a reporter's new
message); core knows none of them. An app registers a source when it loads (`ready`), as with `panels`: low
defines, high registers. A source answers for one user with a few queries, whatever the size of the office, and
never shows what the user could not open — every item links to a page the user may see.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from django.urls import reverse

from garda.core.models import User

# Items a source offers at most: an inbox is a work list, not an archive; the page links to the full lists.
PER_SOURCE = 50


@dataclass(frozen=True)
class Item:
    kind: str  # what is to be done, in the interface language ("Periksa usulan")
    title: str  # which thing: a name, a number
    url: str
    due: date | None = None  # None: no deadline (sorted after everything that has one)
    detail: str = ""

    def overdue(self, today: date) -> bool:
        return self.due is not None and self.due < today

    def due_today(self, today: date) -> bool:
        return self.due == today


Source = Callable[[User, date], Iterable[Item]]
_SOURCES: list[Source] = []


def register(source: Source) -> None:
    if source not in _SOURCES:
        _SOURCES.append(source)


def items_for(user: User, today: date) -> list[Item]:
    """Every source's items, the earliest deadline first; those without a deadline last, by title."""
    if not user.is_active:
        return []
    found = [item for source in _SOURCES for item in list(source(user, today))[:PER_SOURCE]]
    return sorted(found, key=lambda i: (i.due is None, i.due or today, i.kind, i.title))


def falling_due(user: User, today: date) -> list[Item]:
    """What a digest carries: the items due today or already overdue."""
    return [item for item in items_for(user, today) if item.due is not None and item.due <= today]


# The page of an object named in the audit trail, by its model label ("decisions.case") → a URL name taking the
# primary key: the home page's "your recent activity" links each line to what it was about.
_PAGES: dict[str, str] = {}


def register_page(object_type: str, url_name: str) -> None:
    _PAGES[object_type] = url_name


def page_of(object_type: str, object_id: str) -> str:
    """The object's page, or "" when it has none that takes its key (or the key is not a number)."""
    name = _PAGES.get(object_type)
    if not name or not object_id.isdigit():
        return ""
    return reverse(name, args=[int(object_id)])
