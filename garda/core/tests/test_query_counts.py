"""Lists and dashboards make a fixed number of queries, however many rows they show."""

import pytest
from django.urls import reverse

from garda.conftest import make_user
from garda.core import audit
from garda.core.models import User
from garda.core.roles import Role


@pytest.fixture
def busy_office(personas: dict[str, User], offices) -> dict[str, User]:
    for i in range(30):
        make_user(offices["JAKSEL"], Role.COUNTER, f"loket{i}")
        audit.record("test.bulk", actor=personas["kasi"], summary=f"kejadian {i}")
    return personas


def _count(client, url: str, django_assert_max_num_queries, limit: int) -> None:
    client.get(url)  # warm caches (content types, sessions)
    with django_assert_max_num_queries(limit):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize(
    ("persona", "url_name", "limit"),
    [
        ("admin", "core:user_list", 10),
        ("admin", "core:audit_list", 10),
        # + the summons and the superior notices (one query each, core.panels); + the office codes of the audit
        # scope, read as a list so that one office's trail is read in the index's order (core.access)
        ("admin", "core:home", 15),
        # + the work inbox: one query per kind of pending work the head takes (decisions, clearances, findings,
        # investigations, Desa Binaan follow-ups), however much of it there is (decisions/tests/test_inbox.py)
        ("kakanim", "core:home", 21),
        ("kasi", "core:office_list", 8),
        ("kasi", "core:reference_index", 8),
    ],
)
def test_list_views_have_bounded_queries(
    login_as,
    busy_office,
    django_assert_max_num_queries,
    persona: str,
    url_name: str,
    limit: int,
) -> None:
    _count(login_as(busy_office[persona]), reverse(url_name), django_assert_max_num_queries, limit)


def test_user_list_queries_do_not_grow_with_rows(login_as, busy_office, django_assert_num_queries, offices) -> None:
    client = login_as(busy_office["admin"])
    url = reverse("core:user_list")
    client.get(url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as before:
        client.get(url)
    for i in range(10):
        make_user(offices["JAKSEL"], Role.INTERVIEWER, f"tambahan{i}")
    with django_assert_num_queries(len(before)):
        client.get(url)
