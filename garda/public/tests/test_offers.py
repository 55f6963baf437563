"""The offer check against the cases written from the domain brief (`offer_cases.py`), which the rules were not
tuned on; the engine on arbitrary input; and the page, which stores nothing."""

from typing import Any

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from garda.core.models import AuditEvent
from garda.public.offer_reading import read
from garda.public.offers import DANGER, RULES, Offer, assess
from garda.public.tests.offer_cases import CASES, EVERY_SIGN, Case
from garda.public.tests.test_licences import registry  # noqa: F401 (the fixture)


def _offer(fields: dict[str, Any]) -> Offer:
    data = dict(fields)
    data["documents"] = frozenset(data.get("documents", ()))
    data["asked"] = frozenset(data.get("asked", ()))
    return Offer(**data)


def test_every_sign_the_cases_name_is_a_rule() -> None:
    assert EVERY_SIGN == set(RULES)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case(registry: None, case: Case) -> None:  # noqa: F811
    assessment = assess(_offer(case.offer))
    codes = {s.code for s in assessment.signs}
    assert case.expect <= codes, f"missing {sorted(case.expect - codes)}"
    assert not (case.forbid & codes), f"raised {sorted(case.forbid & codes)}"
    if case.level:
        assert assessment.level == case.level


def test_a_sign_read_from_the_words_shows_them(registry: None) -> None:  # noqa: F811
    assessment = assess(Offer(description="Nanti paspor dipegang agen dulu."))
    held = next(s for s in assessment.signs if s.code == "passport_held")
    assert held.words == "paspor dipegang" and held.level == DANGER


@pytest.mark.parametrize(
    ("stated", "denied"),
    [
        ("paspor ditahan majikan", "paspor tidak ditahan majikan"),
        ("berangkat pakai visa turis", "berangkat bukan pakai visa turis"),
        ("disuruh bilang mau liburan", "tidak disuruh bilang mau liburan"),
        ("biaya dipotong dari gaji", "tidak ada biaya dipotong dari gaji"),
        ("HP disita", "HP tidak disita"),
    ],
)
def test_a_denied_sign_is_not_read(stated: str, denied: str) -> None:
    assert read(stated, {}).findings and not read(denied, {}).findings


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.text(max_size=400),
    st.sampled_from(["", "KH", "SA", "TW", "XX"]),
    st.one_of(st.none(), st.integers(min_value=0, max_value=10**12)),
)
def test_any_offer_gets_an_assessment(registry: None, text: str, country: str, salary: int | None) -> None:  # noqa: F811
    assessment = assess(Offer(country=country, salary=salary, description=text, company=text[:50]))
    assert assessment.level in {"bahaya", "waspada", "tidak_ditemukan"}
    assert all(s.code in RULES for s in assessment.signs)


def test_the_page_answers_and_stores_nothing(registry: None, offices: Any) -> None:  # noqa: F811
    client = Client()
    form = client.get("/publik/tawaran-kerja/")
    assert form.status_code == 200 and "Cek tawaran kerja" in form.content.decode()
    events = AuditEvent.objects.count()
    answer = client.post(
        "/publik/tawaran-kerja/",
        {
            "country": "KH",
            "job": "online",
            "salary": "20.000.000",
            "qualifications": "none",
            "contact": "social_media",
            "asked": ["say_tourist"],
            "company": "",
            "description": "Paspor nanti dipegang bos.",
        },
    )
    page = answer.content.decode()
    assert answer.status_code == 200
    assert "Pekerjaan daring di negara tempat banyak WNI dijebak penipuan online" in page
    assert "paspor nanti dipegang" in page and "Laporkan tawaran ini" in page
    assert answer["Cache-Control"].startswith("no-store")
    assert AuditEvent.objects.count() == events


def test_a_malformed_answer_says_what_and_where(offices: Any) -> None:
    client = Client()
    answer = client.post(
        "/publik/tawaran-kerja/",
        {"country": "ZZ", "salary": "banyak", "description": "x"},
    )
    page = answer.content.decode()
    assert answer.status_code == 400
    assert "angka rupiah" in page and "x</textarea>" in page
