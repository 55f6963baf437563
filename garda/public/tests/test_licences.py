"""Is this company licensed? Found across spellings and legal forms, by licence number in any punctuation;
an expired licence says so; a company not in the registry is not found, and a near name of another company is
not taken for it. Written from the domain brief's cases, apart from the registry the demo loads."""

from datetime import date
from pathlib import Path

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from garda.intel.api import import_p3mi
from garda.public.licences import lookup

REGISTRY = """name,license_number,valid_until,address,province
PT Sinar Jaya Abadi,SIP3MI-001/2023,2028-12-31,Jl. Melati 1,DKI Jakarta
"PT. Bintang Timur Sejahtera",KEP.123/PPTKIS/2019,2024-06-30,Jl. Kenanga 2,Jawa Timur
PT Cahaya Mandiri Utama,SIP3MI-077/2024,,Jl. Mawar 3,Jawa Barat
"""


@pytest.fixture
def registry(db: None, tmp_path: Path) -> None:
    path = tmp_path / "p3mi.csv"
    path.write_text(REGISTRY)
    import_p3mi(path)


@pytest.mark.parametrize(
    ("query", "name", "licensed"),
    [
        ("Sinar Jaya Abadi", "PT Sinar Jaya Abadi", True),
        ("SINAR JAYA ABADY, PT", "PT Sinar Jaya Abadi", True),  # a typo and the legal form after the name
        ("sip3mi 1/2023", "PT Sinar Jaya Abadi", True),  # the number in other punctuation
        ("Bintang Timur Sejahtera", "PT. Bintang Timur Sejahtera", False),  # expired mid-2024
        ("Cahaya Mandiri Utama", "PT Cahaya Mandiri Utama", True),  # no expiry known: licensed
    ],
)
def test_found_with_its_status(registry: None, query: str, name: str, licensed: bool) -> None:
    answer = lookup(query, today=date(2025, 9, 1))
    assert [(f.name, f.licensed) for f in answer.found][:1] == [(name, licensed)]


@pytest.mark.parametrize("query", ["Sinar Jaya Makmur Sentosa", "PT Global Karya Mandiri", "SIP3MI-11/2023"])
def test_another_company_is_not_taken_for_a_licensed_one(registry: None, query: str) -> None:
    assert lookup(query).found == []


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=300))
def test_any_text_gets_an_answer(registry: None, text: str) -> None:
    answer = lookup(text)
    assert answer.found == [] or all(f.name for f in answer.found)


def test_the_page_works_without_login(registry: None) -> None:
    page = Client().get("/publik/perusahaan/", {"q": "bintang timur sejahtera"}).content.decode()
    assert "PT. Bintang Timur Sejahtera" in page and "tidak berlaku" in page
    empty = Client().get("/publik/perusahaan/", {"q": "PT Entah Berantah"}).content.decode()
    assert "Tidak ditemukan" in empty
