"""The public statistics page: no login; opens on the latest year with decisions, for the whole country; one
office on request; every count under 11 shown as "<11"; the same number of queries however many decisions."""

from typing import Any

from django.test import Client

from garda.screening.imports import store_many
from garda.stats.tests.test_stats_command import _decided


def _store(count: int, office: str, kind: str = "postponed", year: int = 2025, start: int = 0) -> None:
    store_many(
        [
            _decided(kind, f"{year}-03-{1 + i % 28:02d}T10:00:00+07:00", ["non_procedural"], office=office, n=start + i)
            for i in range(count)
        ],
        source="test",
    )


def _cells(html: str) -> list[str]:
    return [cell.split("<")[0] for cell in html.split('<td class="num">')[1:]]


def test_small_counts_are_suppressed_and_the_country_adds_up(db: None, offices: Any) -> None:
    _store(12, "JAKSEL")
    _store(3, "JAKTIM", kind="refused", start=100)
    _store(2, "JAKSEL", year=2024, start=200)  # an earlier year: not the default
    html = Client().get("/publik/statistik/").content.decode()
    assert "Seluruh Indonesia, tahun 2025" in html and "<strong>15</strong>" in html
    assert "&lt;11" in _cells(html)  # the three refusals
    jaktim = Client().get("/publik/statistik/", {"kantor": "JAKTIM", "tahun": "2025"}).content.decode()
    assert "<strong>&lt;11</strong>" in jaktim and "3" not in _cells(jaktim)
    earlier = Client().get("/publik/statistik/", {"kantor": "JAKSEL", "tahun": "2024"}).content.decode()
    assert "<strong>&lt;11</strong>" in earlier


def test_bad_input_is_refused_with_the_field_named(db: None, offices: Any) -> None:
    _store(1, "JAKSEL")
    answer = Client().get("/publik/statistik/", {"kantor": "TIDAKADA", "tahun": "1999"})
    assert answer.status_code == 400
    page = answer.content.decode()
    assert 'id="id_kantor_error"' in page and 'id="id_tahun_error"' in page


def test_queries_do_not_grow_with_the_decisions(db: None, offices: Any, django_assert_max_num_queries: Any) -> None:
    _store(5, "JAKSEL")
    with django_assert_max_num_queries(12) as few:
        Client().get("/publik/statistik/", {"kantor": "JAKSEL", "tahun": "2025"})
    _store(40, "JAKSEL", start=500)
    with django_assert_max_num_queries(len(few.captured_queries)):
        Client().get("/publik/statistik/", {"kantor": "JAKSEL", "tahun": "2025"})


def test_with_no_decision_yet_the_page_says_so(db: None, offices: Any) -> None:
    assert "Belum ada keputusan" in Client().get("/publik/statistik/").content.decode()
