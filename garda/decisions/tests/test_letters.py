"""Every letter of a cancellation renders in Indonesian, with the characters as written, and the page of a case
offers no step to the person who may not take it."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from garda.core.models import User
from garda.decisions.actions import do_decide, do_review
from garda.decisions.letters import normalise_code, render_pdf
from garda.decisions.models import Kind, LetterKind
from garda.decisions.tests.test_due_process import _application, _propose


def test_cancellation_letters_render_with_their_text(personas: dict[str, User]) -> None:
    app, _ = _application("JAKSEL")
    case = _propose(
        app,
        personas["interviewer"],
        kind=Kind.CANCELLATION,
        legal_bases=["PEMBATALAN-B"],
        passport_number="E1234567",
        findings="Pemohon memberi keterangan palsu; mengaku ke Jepang, tiket ke Kamboja (café internet di Phnom Penh).",
    )
    do_review(case, acting_user=personas["kasi"], forward=True, reason="BAP lengkap, diteruskan.")
    do_decide(case, acting_user=personas["kakanim"], approve=True, reason="Paspor dibatalkan dan digunting.")
    letters = {letter.kind: letter for letter in case.letters.all()}
    assert set(letters) == {LetterKind.BAP, LetterKind.CANCELLATION_RECORD}
    assert letters[LetterKind.BAP].sequence + 1 == letters[LetterKind.CANCELLATION_RECORD].sequence
    for kind, expected in ((LetterKind.BAP, "café internet"), (LetterKind.CANCELLATION_RECORD, "digunting")):
        pdf = render_pdf(letters[kind], verify_url="https://garda.example/verifikasi/")
        text = " ".join("".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())
        assert expected in text and "E1234567" in text and "Kantor Imigrasi" in text.title()
        assert letters[kind].number in text


def test_a_code_typed_loosely_is_still_found() -> None:
    assert normalise_code("abcd efgh jk01") == "ABCD-EFGH-JK01"
    assert normalise_code("0O1I-L") == ""  # too short: not a code
    assert normalise_code("o0i1-lLoO-1111") == "0011-1100-1111"


def test_the_maker_is_offered_no_check_of_their_own_proposal(personas: dict[str, User], login_as) -> None:  # type: ignore[no-untyped-def]
    app, _ = _application("JAKSEL")
    case = _propose(app, personas["kasi"])
    client = login_as(personas["kasi"])
    page = client.get(reverse("decisions:detail", args=[case.pk])).content.decode()
    assert "Teruskan ke Kepala Kantor" not in page
    response = client.post(
        reverse("decisions:review", args=[case.pk]), {"verdict": "yes", "reason": "Saya teruskan sendiri."}
    )
    assert response.status_code == 403


def test_an_issued_letter_cannot_be_changed(personas: dict[str, User]) -> None:
    from django.db import DatabaseError, transaction

    from garda.decisions.models import Letter

    app, _ = _application("JAKSEL")
    case = _propose(app, personas["interviewer"])
    do_review(case, acting_user=personas["kasi"], forward=True, reason="Diteruskan untuk diputuskan.")
    do_decide(case, acting_user=personas["kakanim"], approve=True, reason="Disetujui, tunda penerbitan.")
    letter = Letter.objects.get(case=case)
    with pytest.raises(DatabaseError), transaction.atomic():
        Letter.objects.filter(pk=letter.pk).update(number="PALSU/1")
    with pytest.raises(DatabaseError), transaction.atomic():  # nor erased
        Letter.objects.filter(pk=letter.pk)._raw_delete(Letter.objects.db)
    assert Letter.objects.get(pk=letter.pk).number == letter.number
