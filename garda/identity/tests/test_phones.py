import pytest
from hypothesis import given
from hypothesis import strategies as st

from garda.identity.phones import InvalidPhone, normalise_phone


@pytest.mark.parametrize(
    "raw",
    [
        "0812-3456-7890",
        "+62 812 3456 7890",
        "6281234567890",
        "812 3456 7890",
        "0062 812-3456-7890",
        "(0812) 3456 7890",
        "+62-812-3456-7890",
    ],
)
def test_every_writing_gives_the_same_e164(raw: str) -> None:
    assert normalise_phone(raw) == "+6281234567890"


def test_landline_and_foreign_numbers() -> None:
    assert normalise_phone("(021) 7654321") == "+62217654321"
    assert normalise_phone("+60 12-345 6789") == "+60123456789"


@pytest.mark.parametrize("raw", ["", "abc", "12", "0812"])
def test_bad_numbers_are_refused_with_a_reason(raw: str) -> None:
    with pytest.raises(InvalidPhone):
        normalise_phone(raw)


@given(
    prefix=st.sampled_from(["811", "812", "813", "821", "852", "857", "878", "895"]),
    rest=st.from_regex(r"[0-9]{7,8}", fullmatch=True),
    style=st.sampled_from(["0{p}{r}", "+62{p}{r}", "62{p}{r}", "+62 {p} {r}", "0{p}-{r}", "{p}{r}", "0062{p}{r}"]),
)
def test_a_mobile_in_any_writing_gives_one_e164(prefix: str, rest: str, style: str) -> None:
    assert normalise_phone(style.format(p=prefix, r=rest)) == f"+62{prefix}{rest}"


@given(st.text(max_size=25))
def test_any_text_is_a_number_or_a_clear_refusal(raw: str) -> None:
    try:
        assert normalise_phone(raw).startswith("+")
    except InvalidPhone as err:
        assert str(err)
