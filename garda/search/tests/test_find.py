"""Find anyone: a 2025 applicant whose passport was cancelled is found by a misspelt name with the birth year, by
NIK, by phone and by application number, with the cancellation case; her sister — same surname, same family card,
born another day — is a different person and is never merged with her; another office's applicant stays out of a
Kanim officer's sight; the page keeps its number of queries as the index grows."""

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.test import Client

from garda.core.models import User
from garda.decisions.tests.test_due_process import _application, cancel
from garda.screening.imports import store_many
from garda.search.find import find, kind_of
from garda.synthetic.scenarios import Builder

SITI = {
    "full_name": "SITI AMINAH",
    "nik": "3174064505900001",
    "kk_number": "3174060101100001",
    "sex": "F",
    "birth_date": "1990-05-05",
    "birth_place": "JAKARTA",
    "phone": "081234567890",
    "mother_name": "FATIMAH",
}
SISTER = {**SITI, "full_name": "SITI AMANAH", "nik": "3174065207920002", "birth_date": "1992-07-12", "phone": ""}


def _person(seed: int, fields: dict[str, str]) -> dict[str, Any]:
    from django.utils import timezone

    person = Builder(seed, timezone.localdate()).person()
    person.update(fields)
    return person


@pytest.fixture
def cancelled(personas: dict[str, User]) -> Any:
    app, _same = _application("JAKSEL", person=_person(61, SITI), seed=61)
    return app, cancel(app, personas)


@pytest.mark.parametrize("query", ["siti amina 1990", "Aminah Siti 1990", "3174064505900001", "0812-3456-7890"])
def test_the_cancelled_applicant_is_found_with_her_case(cancelled: Any, personas: dict[str, User], query: str) -> None:
    app, case = cancelled
    found = find(personas["interviewer"], query)
    [person] = [p for p in found.persons if "3174064505900001" in p.niks]
    assert app in person.applications and case in person.cases


def test_by_application_number(cancelled: Any, personas: dict[str, User]) -> None:
    app, case = cancelled
    found = find(personas["interviewer"], f"JAKSEL/{app.external_id}")
    assert found.kind == "number" and any(app in p.applications and case in p.cases for p in found.persons)


def test_the_sister_is_another_person(cancelled: Any, personas: dict[str, User]) -> None:
    _application("JAKSEL", person=_person(62, SISTER), seed=62)
    found = find(personas["interviewer"], "siti aminah 1990")
    sisters = [p for p in found.persons if "3174065207920002" in p.niks]
    assert all("3174064505900001" not in p.niks for p in sisters)  # never merged
    by_nik = find(personas["interviewer"], "3174065207920002")
    assert [p.niks for p in by_nik.persons] == [{"3174065207920002"}]
    assert not by_nik.persons[0].cases  # the cancellation is her sister's


def test_a_companion_named_in_another_s_application_is_not_its_applicant(
    cancelled: Any, personas: dict[str, User]
) -> None:
    """A recruiter accompanies an applicant: searching the recruiter's NIK lists that application apart, as one
    naming them, with neither the application nor its decisions taken for theirs."""
    from django.utils import timezone

    from garda.decisions.tests.test_due_process import _propose

    b = Builder(64, timezone.localdate())
    b.serial = 64_000
    record = b.application(
        _person(64, {**SITI, "nik": "3174064505900003", "full_name": "NUR HALIMAH"}), office="JAKSEL"
    )
    record["submitted_at"] = timezone.localtime().isoformat()
    record["companion"] = {"full_name": "DEDI KURNIAWAN", "nik": "3174061203850004", "phone": "081377001234"}
    [(_, accompanied)] = store_many([record], source="test")
    _propose(accompanied, personas["interviewer"])
    [recruiter] = find(personas["interviewer"], "3174061203850004").persons
    assert recruiter.accompanied == [accompanied]
    assert recruiter.applications == [] and recruiter.cases == []


def test_another_office_stays_out_of_sight(personas: dict[str, User]) -> None:
    _application("JAKTIM", person=_person(63, {**SITI, "nik": "3174064505900009"}), seed=63)
    assert find(personas["interviewer"], "3174064505900009").persons == []


@pytest.mark.parametrize(
    ("query", "kind"),
    [
        ("3174064505900001", "nik"),
        ("+62 812 3456 7890", "phone"),
        ("X1234567", "passport"),
        ("JAKSEL/2025-0001", "number"),
        ("Siti Aminah 1990", "name"),
        ("siti", "name"),
    ],
)
def test_what_a_query_is(query: str, kind: str) -> None:
    assert kind_of(query) == kind


def test_the_page_and_its_queries(
    cancelled: Any, personas: dict[str, User], login_as: Callable[[User], Client], django_assert_max_num_queries: Any
) -> None:
    client = login_as(personas["interviewer"])
    short = client.get("/cari/", {"q": "si"})
    assert short.status_code == 400 and "paling sedikit 3" in short.content.decode()
    with django_assert_max_num_queries(60) as few:
        page = client.get("/cari/", {"q": "siti amina 1990"}).content.decode()
    queries = len(few)
    assert "SITI AMINAH" in page and "Pembatalan" in page
    b = Builder(70, date(2025, 10, 1))
    b.serial = 70_000
    store_many([b.application(b.person(), office="JAKSEL") for _ in range(30)], source="test")
    with django_assert_max_num_queries(queries + 2):
        client.get("/cari/", {"q": "siti amina 1990"})
    assert login_as(personas["counter"]).get("/cari/", {"q": "siti"}).status_code == 200
