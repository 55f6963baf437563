"""Whom a report leaves out: anyone the reporter's words could name — the full name, a first name, a title and a
respelling — and not colleagues who merely share no name with it."""

from hypothesis import given
from hypothesis import strategies as st

from garda.identity.names import name_or_none
from garda.whistle.routing import names_match, typed_name

GIVEN = ["BUDI", "SITI", "AGUS", "DEWI", "HENDRA", "RINA", "YUSUF", "WAHYUNI", "SUPRIYADI", "NURHALIZA"]
FAMILY = ["SANTOSO", "RAHMAWATI", "SALIM", "LESTARI", "WIJAYA", "KUSUMA", "HIDAYAT", "PRATAMA"]


@given(st.sampled_from(GIVEN), st.sampled_from(FAMILY), st.sampled_from(["", "Pak ", "Bu ", "Bapak ", "Ibu "]))
def test_the_reporter_names_an_officer_by_full_or_first_name_with_a_title(given_name, family, title) -> None:
    officer = name_or_none(f"{given_name} {family}")
    assert names_match(typed_name(f"{title}{given_name.title()} {family.lower()}"), officer)
    assert names_match(typed_name(f"{title}{given_name.title()}"), officer)


@given(st.sampled_from(GIVEN), st.sampled_from(FAMILY), st.sampled_from(GIVEN), st.sampled_from(FAMILY))
def test_a_colleague_with_other_names_is_not_left_out(given_a, family_a, given_b, family_b) -> None:
    if {given_a, family_a} & {given_b, family_b}:
        return
    assert not names_match(name_or_none(f"{given_a} {family_a}"), name_or_none(f"{given_b} {family_b}"))


def test_old_spellings_still_name_the_officer() -> None:
    assert names_match(typed_name("Pak Djoko Soetrisno"), name_or_none("JOKO SUTRISNO"))


def test_words_of_address_alone_name_nobody() -> None:
    assert typed_name("Pak") is None and typed_name("Bu ") is None


@given(st.text(max_size=300), st.sampled_from(["Budi Santoso", "Siti Aminah", "Agus Salim"]))
def test_a_full_name_anywhere_in_a_story_names_the_person(text: str, name: str) -> None:
    from garda.whistle.routing import _told_of, names_in_text, typed_name

    windows = names_in_text(f"{text} lalu {name} datang. {text}")
    person = name_or_none(name)
    assert person is not None
    assert any(_told_of(w, person) for w in (typed_name(t) for t in windows) if w is not None)
