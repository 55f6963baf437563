"""The question bank reader, the scores and item analysis, and refresher dates: written from how a training unit
writes and reads tests (classical test theory), with Hypothesis for the reader."""

from datetime import date
from types import SimpleNamespace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from garda.training.analysis import results, score
from garda.training.bank import BankError, parse
from garda.training.coverage import add_months

BANK = """[modus] Tawaran kerja mana yang paling patut dicurigai?
- Pabrik di Taiwan lewat P3MI berizin
* Admin online di Kamboja, gaji 20 juta, tanpa syarat
- Perawat lewat program G to G

[hukum] Undang-undang mana yang mengatur tindak pidana perdagangan orang?
* UU 21/2007
- UU 6/2011
"""


def test_a_bank_reads_with_topics_and_the_right_answer() -> None:
    first, second = parse(BANK)
    assert (first.topic, first.answer, len(first.choices)) == ("modus", 1, 3)
    assert (second.topic, second.answer) == ("law", 0)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("[modus] Pertanyaan tanpa jawaban benar?\n- satu\n- dua", "baris 1: tandai tepat satu jawaban benar"),
        ("[cuaca] Pertanyaan dengan topik asing?\n* satu\n- dua", "baris 1: topik dalam kurung siku"),
        ("Pertanyaan satu pilihan?\n* satu", "baris 1: pertanyaan perlu 2 sampai 6 pilihan"),
        ("Pertanyaan pertama ini?\n* a\n- b\n\nPertanyaan kedua ini?\n* a\nb tanpa tanda", "baris 7: pilihan jawaban"),
        ("", "bank soal kosong"),
    ],
)
def test_each_problem_is_named_with_its_line(text: str, problem: str) -> None:
    with pytest.raises(BankError) as raised:
        parse(text)
    assert any(p.startswith(problem) for p in raised.value.problems), raised.value.problems


_words = st.text(alphabet=st.characters(whitelist_categories=("L", "N")), min_size=1, max_size=12)


@given(
    st.lists(
        st.tuples(
            st.lists(_words.filter(lambda w: len(w) >= 2), min_size=2, max_size=6).map(" ".join),
            st.lists(st.lists(_words, min_size=1, max_size=4).map(" ".join), min_size=2, max_size=6),
            st.integers(min_value=0, max_value=5),
        ),
        min_size=1,
        max_size=5,
    )
)
def test_a_written_bank_reads_back_as_written(questions: list[tuple[str, list[str], int]]) -> None:
    blocks = []
    for text, choices, right in questions:
        right %= len(choices)
        lines = [text] + [("* " if i == right else "- ") + c for i, c in enumerate(choices)]
        blocks.append("\n".join(lines))
    parsed = parse("\n\n".join(blocks))
    assert [(q.text, q.choices, q.answer) for q in parsed] == [(t, c, r % len(c)) for t, c, r in questions]


@given(st.text(max_size=500))
def test_any_text_reads_or_names_its_problems(text: str) -> None:
    try:
        assert parse(text)
    except BankError as exc:
        assert exc.problems and all(p for p in exc.problems)


def _e(pre: list[int | None] | None, post: list[int | None] | None, keys: list[int]) -> SimpleNamespace:
    return SimpleNamespace(
        pre_answers=pre,
        post_answers=post,
        pre_score=score(pre, keys) if pre is not None else None,
        post_score=score(post, keys) if post is not None else None,
    )


def test_scores_gain_and_item_analysis() -> None:
    keys = [0, 1, 2, 3]
    questions = [SimpleNamespace(position=i + 1, text=f"Soal {i + 1}", answer=k) for i, k in enumerate(keys)]
    # Item 1 everyone gets right; item 4 only the strongest get right; item 3 the weakest get right (a bad item).
    people = [
        _e([0, 0, 0, 0], [0, 1, 0, 3], keys),  # post 75
        _e([0, 0, 0, 0], [0, 1, 0, 3], keys),  # post 75
        _e([0, 1, 0, 0], [0, 1, 0, 0], keys),  # post 50
        _e([0, 0, 0, 0], [0, 0, 2, 0], keys),  # post 50
        _e([None, None, None, None], [0, 0, 2, 0], keys),  # post 50
    ]
    assert score([0, None, 2, 0], keys) == 50.0
    found = results(questions, people)
    assert found.pre_mean == 25.0 and found.post_mean == 60.0 and found.paired == 5
    assert found.gain == 35.0 and found.normalised_gain == 0.47  # 35 of the 75 points that could be gained
    first, second, third, fourth = found.items
    assert first.difficulty == 1.0 and first.flag == "too_easy"
    assert second.difficulty == 0.6
    assert fourth.discrimination == 1.0 and fourth.flag == ""
    assert third.discrimination == -1.0 and third.flag == "poor_discrimination"
    assert found.small


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 1, 1)), st.integers(min_value=0, max_value=120))
def test_months_add_up_and_never_overshoot_a_month(day: date, months: int) -> None:
    later = add_months(day, months)
    assert (later.year - day.year) * 12 + later.month - day.month == months
    assert later.day == day.day or later.day < day.day
