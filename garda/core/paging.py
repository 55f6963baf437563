"""A page of a list too long to count on every request (the audit trail: a million events a year per office).

Django's Paginator counts the whole list to print "page 3 of 20,000"; counting a million rows costs half a second
on SQLite. A window reads one row more than it shows, which is enough to know whether there is a next page."""

from collections.abc import Sequence
from typing import Any


class Window:
    """Quacks like django.core.paginator.Page for the pager template (`core/_pagination.html`)."""

    uncounted = True

    def __init__(self, rows: Any, number: object, per_page: int) -> None:
        try:
            self.number = max(1, int(str(number)))
        except ValueError:
            self.number = 1
        start = (self.number - 1) * per_page
        found: Sequence[Any] = list(rows[start : start + per_page + 1])
        self.object_list = list(found[:per_page])
        self._has_next = len(found) > per_page
        self.paginator = self  # the template asks page.paginator.num_pages

    @property
    def num_pages(self) -> int:  # at least one more than this page when there is a next one (shows the pager)
        return self.number + int(self._has_next)

    def has_next(self) -> bool:
        return self._has_next

    def has_previous(self) -> bool:
        return self.number > 1

    def next_page_number(self) -> int:
        return self.number + 1

    def previous_page_number(self) -> int:
        return self.number - 1

    def __iter__(self) -> Any:
        return iter(self.object_list)

    def __len__(self) -> int:
        return len(self.object_list)
