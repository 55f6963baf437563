from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from garda.identity.nik import InvalidNumber, encode_nik, parse_kk, parse_nik
from garda.identity.regions import _regions

TODAY = date(2026, 11, 28)
DISTRICTS = sorted(code for code in _regions() if len(code) == 6)


def _codes(raw: str) -> list[str]:
    with pytest.raises(InvalidNumber) as err:
        parse_nik(raw, today=TODAY)
    return [p.code for p in err.value.problems]


def test_decodes_region_birth_date_and_sex() -> None:
    nik = parse_nik("3174 0645 0590 0001", today=TODAY)
    assert nik.value == "3174064505900001"
    assert (nik.region.province.name, nik.region.regency.name, nik.region.district.name) == (
        "Daerah Khusus Ibukota Jakarta",
        "Kota Administrasi Jakarta Selatan",
        "Cilandak",
    )
    assert nik.birth_date == date(1990, 5, 5) and nik.sex == "F" and nik.serial == "0001"
    assert parse_nik("3174060505900001", today=TODAY).sex == "M"


def test_a_district_code_that_no_longer_exists_is_valid_and_noted() -> None:
    nik = parse_nik("9101011203850002", today=TODAY)  # Merauke under Papua before the 2022 split
    assert not nik.region.in_force
    assert "tidak berlaku lagi" in nik.notes[0]


@pytest.mark.parametrize(
    ("raw", "codes"),
    [
        ("317406450590001", ["length"]),
        ("31740645059000011", ["length"]),
        ("31740645O5900001", ["not_digits"]),
        ("", ["empty"]),
        ("3174063102900001", ["calendar"]),
        ("3174067102900001", ["calendar"]),  # 31 February, written +40 for a woman
        ("3174063505900001", ["day"]),
        ("3174067505900001", ["day"]),
        ("3174060013900001", ["day", "month"]),
        ("3174061505900000", ["serial"]),
        ("9900001505900001", ["province"]),
        ("3199001505900001", ["regency"]),
        ("3174991505900001", ["district"]),
    ],
)
def test_says_precisely_what_is_wrong(raw: str, codes: list[str]) -> None:
    assert _codes(raw) == codes


def test_error_message_names_the_problem() -> None:
    with pytest.raises(InvalidNumber) as err:
        parse_nik("317406450590001", today=TODAY)
    assert str(err.value) == "NIK '317406450590001' tidak sah: NIK harus 16 angka, tertulis 15"
    assert err.value.problems[0].message_en == "NIK must have 16 digits, 15 given"


def test_two_digit_year_is_never_in_the_future() -> None:
    assert parse_nik("3174060101250001", today=TODAY).birth_date == date(2025, 1, 1)
    assert parse_nik("3174060101300001", today=TODAY).birth_date == date(1930, 1, 1)


@given(
    district=st.sampled_from(DISTRICTS),
    born=st.dates(min_value=date(1927, 1, 1), max_value=TODAY),
    sex=st.sampled_from("MF"),
    serial=st.integers(1, 9999),
)
def test_encode_then_decode_round_trips(district: str, born: date, sex: str, serial: int) -> None:
    nik = parse_nik(encode_nik(district, born, sex, serial), today=TODAY)
    assert (nik.district_code, nik.birth_date, nik.sex, int(nik.serial)) == (district, born, sex, serial)


@given(st.text(max_size=30))
def test_any_text_is_either_a_nik_or_a_precise_error(raw: str) -> None:
    try:
        parse_nik(raw, today=TODAY)
    except InvalidNumber as err:
        assert err.problems and all(p.message_id and p.message_en for p in err.problems)


def test_kk_number_is_decoded_and_checked() -> None:
    kk = parse_kk("3174061203150002", today=TODAY)
    assert kk.recorded_on == date(2015, 3, 12) and kk.region.district.name == "Cilandak"
    with pytest.raises(InvalidNumber) as err:
        parse_kk("3174064203150000", today=TODAY)
    assert [p.code for p in err.value.problems] == ["calendar", "serial"]
