"""Every letter of a cancellation renders in Indonesian, with the characters as written, and the page of a case
offers no step to the person who may not take it."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from pypdf import PdfReader

from garda.core.models import User
from garda.decisions.actions import do_decide, do_record_cutting, do_record_examination, do_review
from garda.decisions.letters import normalise_code, render_pdf
from garda.decisions.models import Kind, LetterKind
from garda.decisions.tests.test_due_process import _application, _issued, _propose


def _text(pdf: bytes) -> str:
    return " ".join("".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())


def test_a_cancellation_has_its_bap_before_and_its_cutting_record_after(personas: dict[str, User]) -> None:
    app, _ = _application("JAKSEL")
    _issued(app, "E1234567")
    case = _propose(
        app,
        personas["interviewer"],
        kind=Kind.CANCELLATION,
        legal_bases=["PEMBATALAN-B"],
        passport_number="e 123 4567",
        findings="Pemohon memberi keterangan palsu; mengaku ke Jepang, tiket ke Kamboja (café internet di Phnom Penh).",
    )
    with pytest.raises(ValidationError, match="Berita Acara Pemeriksaan"):  # no BAP: not forwarded
        do_review(case, acting_user=personas["kasi"], forward=True, reason="Diteruskan tanpa BAP.")
    do_record_examination(
        case,
        acting_user=personas["interviewer"],
        statement="Saya dijanjikan kerja di kafe oleh kenalan dari media sosial.",
        findings="Tiket ke Phnom Penh dibelikan pihak lain; tujuan wisata ke Jepang tidak benar.",
        subject_signed=False,
        refusal_note="Pemohon menolak menandatangani setelah dibacakan.",
    )
    [bap] = case.letters.all()
    assert bap.kind == LetterKind.BAP and bap.issued_by == personas["interviewer"]  # before the decision
    do_review(case, acting_user=personas["kasi"], forward=True, reason="BAP lengkap, diteruskan.")
    do_decide(case, acting_user=personas["kakanim"], approve=True, reason="Paspor dibatalkan; catatan internal.")
    letters = {letter.kind: letter for letter in case.letters.all()}
    assert set(letters) == {LetterKind.BAP, LetterKind.DECISION_NOTICE}  # the cutting is not asserted
    do_record_cutting(
        case, acting_user=personas["interviewer"], witnesses=["Rina Marlina", "Agus Salim"], holder_signed=True
    )
    letters = {letter.kind: letter for letter in case.letters.all()}
    assert set(letters) == {LetterKind.BAP, LetterKind.DECISION_NOTICE, LetterKind.CANCELLATION_RECORD}
    texts = {kind: _text(render_pdf(letter)) for kind, letter in letters.items()}
    assert "dijanjikan kerja di kafe" in texts[LetterKind.BAP] and "menolak menandatangani" in texts[LetterKind.BAP]
    assert personas["interviewer"].full_name in texts[LetterKind.BAP]
    notice = texts[LetterKind.DECISION_NOTICE]
    for expected in ("Yth.", "Hal", "Pemberitahuan Pembatalan Paspor", "E1234567", "dibatalkan", "café internet",
                     "keterangan palsu atau tidak benar", "Undang-Undang Nomor 30 Tahun 2014",
                     "21 hari kerja", personas["kakanim"].full_name,
                     letters[LetterKind.DECISION_NOTICE].number):  # fmt: skip
        assert expected in notice, expected
    assert "PEMBATALAN-B" not in notice and "catatan internal" not in notice
    record = texts[LetterKind.CANCELLATION_RECORD]
    assert "digunting" in record and "Rina Marlina; Agus Salim" in record and "E1234567" in record
    with pytest.raises(ValidationError, match="sudah dicatat"):
        do_record_cutting(case, acting_user=personas["interviewer"], witnesses=["Rina"], holder_signed=True)


def test_a_code_typed_loosely_is_still_found() -> None:
    assert normalise_code("abcd efgh jk01") == "ABCD-EFGH-JK01"
    assert normalise_code("0O1I-L") == ""  # too short: not a code
    assert normalise_code("o0i1-lLoO-1111") == "0011-1100-1111"


def test_the_maker_is_offered_no_check_of_their_own_proposal(personas: dict[str, User], login_as) -> None:
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
