"""Property tests of the synthetic generators used by the demo and later by the benchmarks."""

import random
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from garda.synthetic import people as synthetic

DISTRICTS = ["317401", "317410", "320901", "510101", "917101", "110101"]


@given(seed=st.integers(0, 2**32), district=st.sampled_from(DISTRICTS), sex=st.sampled_from("MF"))
def test_nik_structure(seed: int, district: str, sex: str) -> None:
    rng = random.Random(seed)
    born = synthetic.birth_date(rng)
    nik = synthetic.nik(rng, district, born, sex)
    assert len(nik) == 16 and nik.isdigit() and nik[:6] == district
    day = int(nik[6:8])
    assert (day - 40 if sex == "F" else day) == born.day
    assert 41 <= day <= 71 if sex == "F" else 1 <= day <= 31
    assert int(nik[8:10]) == born.month and int(nik[10:12]) == born.year % 100
    assert nik[12:] != "0000"


@given(seed=st.integers(0, 2**32), sex=st.sampled_from("MF"))
def test_names_are_title_case_words_without_repeats(seed: int, sex: str) -> None:
    name = synthetic.full_name(random.Random(seed), sex)
    words = name.split()
    assert 1 <= len(words) <= 3 and len(set(words)) == len(words)
    assert all(w[0].isupper() for w in words)
    if sex == "M":
        assert not set(words) & synthetic.FEMALE_SECOND


@given(seed=st.integers(0, 2**32))
def test_nip_encodes_birth_and_appointment(seed: int) -> None:
    rng = random.Random(seed)
    nip = synthetic.nip(rng, date(1988, 7, 9), "F", date(2012, 3, 1))
    assert nip.startswith("19880709201203" + "2") and len(nip) == 18
