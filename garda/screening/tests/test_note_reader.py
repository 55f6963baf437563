"""The interview-note reader: its precision and recall on the hand-written corpus (the development half and the
held-out half, each on its own), and properties that must hold for any wording."""

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from garda.screening.notes import GROUPS, default_groups, reader
from garda.screening.rulebook import check_note_words

DATA = Path(__file__).resolve().parent / "data"


def corpus(name: str) -> list[tuple[bool, str]]:
    notes = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            label, text = line.split("|", 1)
            assert label in {"W", "C"}, line
            notes.append((label == "W", text))
    return notes


def test_the_corpus_is_large_and_half_clean() -> None:
    notes = corpus("interview_notes_dev.txt") + corpus("interview_notes_holdout.txt")
    assert len(notes) >= 300
    clean = sum(1 for work, _ in notes if not work)
    assert 0.45 <= clean / len(notes) <= 0.6
    assert len({text for _, text in notes}) == len(notes), "a note is written twice"


@pytest.mark.parametrize("name", ["interview_notes_dev.txt", "interview_notes_holdout.txt"])
def test_precision_and_recall_on_the_corpus(name: str) -> None:
    read = reader()
    tp = fp = fn = 0
    wrong = []
    for work, text in corpus(name):
        said = bool(read.read(text).intent)
        tp += said and work
        fp += said and not work
        fn += work and not said
        if said != work:
            wrong.append(text)
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    assert precision >= 0.95 and recall >= 0.95, (precision, recall, wrong)


@pytest.mark.parametrize(
    "note",
    [
        "Tidak ada niat bekerja; saya pekerja kantoran di Jakarta",
        "ingin melihat pekerjaan seni di Bangkok",
        "pedagang pakaian, gaji tidak tetap",
    ],
)
def test_the_three_notes_of_the_issue_are_not_intent(note: str) -> None:
    assert reader().read(note).intent == []


FILLER = st.lists(st.sampled_from(["ada", "niat", "sama sekali", "rencana", "untuk", "berniat", "ingin"]), max_size=4)


@given(
    st.sampled_from(["tidak", "tak", "bukan", "belum", "tdk", "gak"]),
    FILLER,
    st.sampled_from(["bekerja", "kerja", "mencari pekerjaan", "jadi TKW"]),
    st.sampled_from(["di Malaysia", "di sana", "di luar negeri", ""]),
)
def test_a_negation_reaches_across_words(negation: str, filler: list[str], work: str, where: str) -> None:
    note = f"Pemohon {negation} {' '.join(filler)} {work} {where}"
    assert reader().read(note).intent == [], note


@given(
    st.sampled_from(["akan", "mau", "ingin", "berniat", "ditawari", "dijanjikan"]),
    st.sampled_from(["bekerja", "kerja", "pekerjaan"]),
    st.sampled_from(["di Malaysia", "di Kamboja", "di sana", "sebagai PRT"]),
)
def test_an_intent_is_read(marker: str, work: str, where: str) -> None:
    assert reader().read(f"Pemohon {marker} {work} {where}").intent


@given(
    st.sampled_from(["Suami", "Suami saya", "Anaknya", "Kakak saya yang", "Her husband", "My brother"]),
    st.sampled_from(["bekerja", "sudah bekerja", "kerja", "working"]),
    st.sampled_from(["PRT", "ART", "buruh pabrik", "a maid"]),
)
def test_a_relatives_work_is_not_the_applicants_intent(relative: str, works: str, job: str) -> None:
    # The reason for a family visit: his work, and the job named with it, are his.
    assert reader().read(f"{relative} {works} di Taipei sebagai {job}, ingin menjenguk").intent == []
    # A new clause about the applicant is read again.
    assert reader().read(f"{relative} {works} di Taipei. Saya akan kerja di sana").intent == ["KERJA"]


def test_joining_or_being_invited_into_a_relatives_work_is_intent() -> None:
    assert reader().read("Pemohon mau ikut suami kerja di perkebunan Sabah").intent
    assert reader().read("Kakaknya mengajak bekerja di Malaysia").intent
    assert reader().read("Her cousin invited her to work in a garment factory").intent


def test_a_question_takes_its_answer() -> None:
    assert reader().read("Ditanya apakah akan bekerja di sana, pemohon menjawab tidak").intent == []
    assert reader().read("Ditanya apakah akan bekerja, pemohon mengaku iya").intent


def test_what_is_set_aside_says_why() -> None:
    reading = reader().read("Tidak ada niat bekerja; saya pekerja kantoran di Jakarta")
    assert dict(reading.set_aside) == {"BEKERJA": "negated", "PEKERJA": "present_job"}


@given(st.text(max_size=300))
def test_any_text_is_read_without_error(text: str) -> None:
    reading = reader().read(text)
    assert all(isinstance(word, str) for word in reading.intent)


def test_the_word_list_must_name_every_group() -> None:
    items = [{"code": code, "words": words} for code, words in default_groups().items()]
    assert check_note_words(items) == []
    assert any("negations" in p for p in check_note_words([i for i in items if i["code"] != "negations"]))
    assert any("'typo'" in p for p in check_note_words([*items, {"code": "typo", "words": ["X"]}]))
    assert set(default_groups()) == set(GROUPS)
