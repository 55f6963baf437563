import csv

import pytest
from hypothesis import given
from hypothesis import strategies as st

from garda.identity.names import (
    DATA,
    EmptyName,
    families,
    modernise,
    name_similarity,
    normalise_name,
    phonetic_key,
    token_similarity,
)


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        ("H. MOCH. RIZKY, S.PD.", "MUHAMMAD RIZKI"),
        ("muhammad rizki", "MUHAMMAD RIZKI"),
        ("M. Rizky", "MUHAMMAD RIZKI"),
        ("Hj. Sitti Aminah, S.Kom., M.M.", "SITI AMINAH"),
        ("Dr. Ir. Achmad Yusup", "AHMAD YUSUF"),
        ("DJOKO SOESANTO", "JOKO SUSANTO"),
        ("Tjahjadi", "CAHYADI"),
        ("JOESOEF", "YUSUF"),
        ("Joko", "JOKO"),
        ("Siti Nurhaliza binti Abdullah", "SITI NURHALIZA ABDULLAH"),
        ("Ahmad bin Hasan", "AHMAD HASAN"),
        ("Nurul Fitri", "NUR FITRI"),
        ("Dewi Lestari S.Kom.", "DEWI LESTARI"),
        ("M.A. Rizki", "MUHAMMAD A RIZKI"),
        ("Fatimah Az-Zahra", "FATIMAH AZ ZAHRA"),
        ("Ñyoman Dèwi", "NYOMAN DEWI"),
        ("SUTRISNO", "SUTRISNO"),
    ],
)
def test_normalises_indonesian_names(raw: str, text: str) -> None:
    assert normalise_name(raw).text == text


def test_titles_and_degrees_are_kept_aside() -> None:
    name = normalise_name("H. MOCH. RIZKY, S.PD., M.M.")
    assert name.titles == ("H",) and name.degrees == ("SPD", "MM")


def test_reordered_parts_have_the_same_key() -> None:
    assert normalise_name("Aminah Siti").key == normalise_name("SITI AMINAH").key


@pytest.mark.parametrize("raw", ["", "   ", ", S.PD.", "123", "..."])
def test_nothing_left_is_an_error(raw: str) -> None:
    with pytest.raises(EmptyName):
        normalise_name(raw)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("MUHAMMAD", "MOHAMAD"),
        ("MUHAMMAD", "MOCHAMMAD"),
        ("RIZKY", "RISKI"),
        ("FATIMAH", "FATIMA"),
        ("SITI", "SITTI"),
        ("AHMAD", "ACHMAD"),
        ("SYAMSUL", "SAMSUL"),
    ],
)
def test_phonetic_key_folds_indonesian_respellings(a: str, b: str) -> None:
    assert phonetic_key(a) == phonetic_key(b)


def test_similarity_ranks_variants_above_other_people() -> None:
    same = name_similarity(normalise_name("MOH. RIZKY"), normalise_name("MUHAMMAD RIZKI"))
    respelt = name_similarity(normalise_name("Muhamad Riski Saputra"), normalise_name("MUHAMMAD RIZKI SAPUTRO"))
    partial = name_similarity(normalise_name("SITI AMINAH"), normalise_name("SITI"))
    other = name_similarity(normalise_name("BUDI SANTOSO"), normalise_name("BAYU SANTOSO"))
    stranger = name_similarity(normalise_name("DEWI LESTARI"), normalise_name("AGUS HIDAYAT"))
    assert same == 1.0 and respelt > 0.95 > partial > other > stranger


@pytest.mark.parametrize(
    ("a", "b", "alike"),
    [
        ("SYAHPUTRA", "SAPUTRA", True),  # one name respelt
        ("RIZKY", "RISKI", True),
        ("YUSUF", "YUSUP", True),
        ("SAPUTRA", "SAFITRI", False),  # one sound key, two names: the vowels tell them apart
        ("SUPRAPTO", "SAFRUDIN", False),
    ],
)
def test_a_shared_sound_key_counts_only_where_the_vowels_agree(a: str, b: str, alike: bool) -> None:
    assert (token_similarity(a, b) >= 0.8) is alike


def _family_rows() -> list[tuple[str, str]]:
    with open(DATA / "name_families.csv", newline="", encoding="utf-8") as fh:
        return [(row["canonical"], v) for row in csv.DictReader(fh) for v in row["variants"].split()]


@pytest.mark.parametrize(("canonical", "variant"), _family_rows())
def test_every_family_variant_normalises_to_its_canonical(canonical: str, variant: str) -> None:
    assert normalise_name(variant).text == modernise(canonical)


names = st.lists(
    st.sampled_from(sorted(families())) | st.from_regex(r"[A-Za-z]{1,10}", fullmatch=True), min_size=1, max_size=4
).map(" ".join)
messy = st.text(alphabet=st.characters(codec="utf-8"), max_size=40)


@given(names | messy)
def test_normalisation_is_idempotent(raw: str) -> None:
    try:
        once = normalise_name(raw)
    except EmptyName:
        return
    assert normalise_name(once.text).tokens == once.tokens


@given(
    st.sampled_from(_family_rows()),
    st.sampled_from(["", "H. ", "HJ. "]),
    st.sampled_from(["", ", S.PD."]),
    st.sampled_from(["SAPUTRA", "LESTARI", ""]),
)
def test_a_name_and_its_family_variant_share_the_key(row: tuple[str, str], title: str, degree: str, other: str) -> None:
    canonical, variant = row
    assert normalise_name(f"{title}{variant} {other}{degree}").key == normalise_name(f"{canonical} {other}").key
