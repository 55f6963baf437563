"""Reading the interview's statements into the contract's vocabulary."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from garda.screening.models import PURPOSES
from garda.screening.statements import country_said, purpose_said


@given(st.sampled_from(PURPOSES), st.sampled_from([str.lower, str.upper, str.title]), st.sampled_from(["", " "]))
def test_a_purpose_code_in_any_case_is_itself(code: str, case, pad: str) -> None:
    assert purpose_said(pad + case(code) + pad) == code


@pytest.mark.parametrize(
    ("said", "purpose"),
    [
        ("wisata", "tourism"),
        ("Liburan ke Tokyo", "tourism"),
        ("umroh", "umrah"),
        ("Ibadah haji", "hajj"),
        ("menjenguk anak", "family_visit"),
        ("mau kerja", "work"),
        ("magang di pabrik", "internship"),
        ("kuliah S2", "study"),
        ("perjalanan dinas", "business"),
        ("berobat", "medical"),
        ("wisata lalu kerja", None),  # two purposes: not read as either
        ("ikut teman", None),  # no purpose named
        ("", None),
    ],
)
def test_heard_purposes_are_read_as_codes(said: str, purpose: str | None) -> None:
    assert purpose_said(said) == purpose


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("said", "code"),
    [
        ("MY", "MY"),
        ("jp", "JP"),
        ("Jepang", "JP"),
        ("Japan", "JP"),
        ("JPN", "JP"),
        ("Arab Saudi", "SA"),
        ("Kamboja", "KH"),
        ("Hongkong", "HK"),
        ("Atlantis", None),
        ("", None),
    ],
)
def test_stated_countries_are_read_as_codes(said: str, code: str | None) -> None:
    assert country_said(said) == code
