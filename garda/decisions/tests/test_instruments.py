"""Instruments that stand legal review: what may be cited, which passport an instrument acts on, the order of
the procedure (BAP before the decision, cutting after), letters without internal codes, the archive export and
the statistics of every kind."""

import hashlib
import io
import json
import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from garda.core.actions import do_revise_reference_list
from garda.core.models import ReferenceList
from garda.core.reflists import current_revision
from garda.decisions.actions import do_decide, do_record_examination, do_review
from garda.decisions.letters import render_pdf
from garda.decisions.models import Kind, LetterKind, Status
from garda.decisions.tests.test_due_process import _application, _issued, _propose, cancel
from garda.stats.decisions import decision_stats

CODE = re.compile(r"\b(non_procedural|illegal_agent|agency_report|inconsistency|SE-IMI-\d|UU\d+-\d{4}|PENARIKAN-[AB]|"
                  r"PEMBATALAN-[A-E]|PENCABUTAN-[AH]|PENANGGUHAN\b|[A-Z]{2,3}_[A-Z_]{4,})")  # fmt: skip


def _text(pdf: bytes) -> str:
    return " ".join("".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())


def test_an_article_awaiting_verification_is_not_cited_until_the_administrator_clears_it(personas) -> None:
    app, _ = _application("JAKSEL")
    with pytest.raises(ValidationError, match="belum diverifikasi"):
        _propose(app, personas["interviewer"], kind=Kind.REFUSAL, legal_bases=["UU6-2011-P31"])
    revision = current_revision("legal_bases")
    items = [dict(i, uncertain=False) if i["code"] == "UU6-2011-P31" else i for i in revision.items]
    do_revise_reference_list(
        ReferenceList.objects.get(key="legal_bases"),
        acting_user=personas["national_admin"],
        items=items,
        note="Pasal 31 dicocokkan dengan naskah resmi UU 6/2011.",
        source="Lembaran Negara 2011 No. 52",
        effective_from=timezone.localdate(),
    )
    case = _propose(app, personas["interviewer"], kind=Kind.REFUSAL, legal_bases=["UU6-2011-P31"])
    assert case.legal_list_version == revision.version + 1


def test_withdrawal_and_revocation_need_the_passport_and_its_issuance(personas) -> None:
    app, _ = _application("JAKSEL")
    for kind, ground in ((Kind.WITHDRAWAL, "PENARIKAN-B"), (Kind.REVOCATION, "PENCABUTAN-A")):
        with pytest.raises(ValidationError, match="isi nomor paspor"):
            _propose(app, personas["interviewer"], kind=kind, legal_bases=[ground])
        with pytest.raises(ValidationError, match="tidak ada catatan penerbitan"):
            _propose(app, personas["interviewer"], kind=kind, legal_bases=[ground], passport_number="C9999999")
    other, _ = _application("JAKSEL", seed=2)
    _issued(other, "C1111111")  # issued to someone else
    with pytest.raises(ValidationError, match="untuk orang lain"):
        _propose(app, personas["interviewer"], kind=Kind.WITHDRAWAL, legal_bases=["PENARIKAN-B"],
                 passport_number="C1111111")  # fmt: skip
    _issued(app, "C2222222")
    case = _propose(
        app, personas["interviewer"], kind=Kind.WITHDRAWAL, legal_bases=["PENARIKAN-B"], passport_number="c 222 2222"
    )
    assert case.passport_number == "C2222222"
    do_review(case, acting_user=personas["kasi"], forward=True, reason="Pemegang masuk daftar pencegahan.")
    do_decide(case, acting_user=personas["kakanim"], approve=True, reason="Ditarik; catatan internal kepala.")
    text = _text(render_pdf(case.letters.get()))
    assert "ditarik" in text and "paling lama 3 hari" in text and "C2222222" in text
    assert CODE.findall(text) == [] and "catatan internal" not in text


def test_a_suspension_follows_a_cancellation_on_ground_a_or_b_and_runs_from_it(personas) -> None:
    app, _ = _application("JAKSEL")
    cancel(app, personas, ground="PEMBATALAN-E")  # an issuance error: no suspension follows it
    with pytest.raises(ValidationError, match="mengikuti pembatalan"):
        _propose(app, personas["interviewer"], kind=Kind.SUSPENSION, legal_bases=["PENANGGUHAN"],
                 suspension_until=timezone.localdate() + timedelta(days=365))  # fmt: skip
    cancelled = cancel(app, personas)
    suspension = _propose(app, personas["interviewer"], kind=Kind.SUSPENSION, legal_bases=["PENANGGUHAN"],
                          suspension_until=timezone.localdate() + timedelta(days=365))  # fmt: skip
    assert suspension.follows == cancelled


def test_the_examiner_takes_no_other_step_and_the_bap_comes_first(personas) -> None:
    app, _ = _application("JAKSEL")
    case = _propose(app, personas["interviewer"], kind=Kind.CANCELLATION, legal_bases=["PEMBATALAN-B"])
    with pytest.raises(ValidationError, match="alasan"):
        do_record_examination(case, acting_user=personas["kasi"], statement="ok", findings="Keterangan palsu.")
    do_record_examination(
        case, acting_user=personas["kasi"], statement="Pemohon mengaku diarahkan.", findings="Keterangan palsu."
    )
    with pytest.raises(PermissionDenied):  # the Kasi examined: he cannot check his own BAP
        do_review(case, acting_user=personas["kasi"], forward=True, reason="Saya teruskan sendiri.")
    with pytest.raises(ValidationError, match="sudah dibuat"):
        do_record_examination(
            case, acting_user=personas["interviewer"], statement="Kedua kali.", findings="Berita acara kedua."
        )


def test_the_case_page_shows_the_evidence_and_a_draft_before_the_decision(personas, login_as) -> None:
    app, _ = _application("JAKSEL")
    case = _propose(app, personas["interviewer"], documents_requested=["guarantee_letter"])
    client = login_as(personas["kasi"])
    page = client.get(reverse("decisions:detail", args=[case.pk])).content.decode()
    assert "Dasar pemeriksaan" in page and "Surat jaminan".lower() in page.lower() and "konsep surat" in page
    draft = client.get(reverse("decisions:letter_draft", args=[case.pk]))
    assert draft["Content-Disposition"].startswith("inline")
    text = _text(draft.content)
    assert "KONSEP" in text and "(nama Kepala Kantor)" in text and CODE.findall(text) == []


def test_garda_decisions_letters_writes_the_archive_with_a_manifest(personas, tmp_path: Path, capsys) -> None:
    app, _ = _application("JAKSEL")
    cancel(app, personas)
    out = tmp_path / "arsip"
    today = timezone.localdate().isoformat()
    call_command("decisions", "letters", "--office", "JAKSEL", "--from", today, "--to", today, "--output", str(out))
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert [r["kind"] for r in manifest["letters"]] == [LetterKind.BAP, LetterKind.DECISION_NOTICE]
    for row in manifest["letters"]:
        pdf = (out / row["file"]).read_bytes()
        assert hashlib.sha256(pdf).hexdigest() == row["sha256"]
        text = _text(pdf)  # every letter, the BAP too: an addressee, a subject, no internal code
        assert "Yth." in text and "Hal" in text and "/verifikasi/" in text and CODE.findall(text) == []
    assert (out / "manifest.csv").read_text(encoding="utf-8").count("\n") == 3
    with pytest.raises(SystemExit) as exit_:
        call_command("decisions", "letters", "--office", "NOPE", "--from", today, "--to", today, "--output", str(out))
    assert exit_.value.code == 2 and "tidak dikenal" in capsys.readouterr().err


def test_statistics_count_proposals_and_decisions_of_every_kind(personas) -> None:
    app, _ = _application("JAKSEL")
    cancel(app, personas)
    _propose(app, personas["interviewer"])  # a postponement still open
    today = timezone.localdate()
    steps = decision_stats("JAKSEL", today, today).steps
    assert set(steps) == set(Kind.values)
    assert steps["cancellation"] == {"proposed": 1, "approved": 1, "rejected": 0, "pending": 0}
    assert steps["postponement"]["proposed"] == 1 and steps["postponement"]["pending"] == 1
    assert steps["withdrawal"]["proposed"] == 0
    assert Status.APPROVED in steps["cancellation"]


def test_bad_bap_and_cutting_forms_are_named_and_nothing_is_recorded(personas, login_as) -> None:
    from garda.decisions.models import Cutting, Examination

    app, _ = _application("JAKSEL")
    case = _propose(app, personas["interviewer"], kind=Kind.CANCELLATION, legal_bases=["PEMBATALAN-B"])
    client = login_as(personas["interviewer"])
    page = client.post(
        reverse("decisions:examine", args=[case.pk]),
        {"bap-statement": "pendek", "bap-findings": "Keterangan tujuan tidak benar.", "bap-refusal_note": ""},
        follow=True,
    ).content.decode()
    assert "Keterangan yang diberikan pemohon/pemegang paspor" in page and not Examination.objects.exists()
    page = client.post(  # not signed, and no word on why
        reverse("decisions:examine", args=[case.pk]),
        {"bap-statement": "Pemohon mengaku diarahkan agen.", "bap-findings": "Keterangan tujuan tidak benar."},
        follow=True,
    ).content.decode()
    assert "alasan yang diperiksa menolak" in page and not Examination.objects.exists()
    page = client.post(
        reverse("decisions:cut", args=[case.pk]), {"cut-cut_at": "", "cut-witnesses": ""}, follow=True
    ).content.decode()
    assert "Waktu pengguntingan" in page and not Cutting.objects.exists()


def test_a_passport_is_not_matched_to_an_application_without_a_nik(personas) -> None:
    from garda.screening.models import Application

    app, _ = _application("JAKSEL")
    _issued(app, "C3333333")
    Application.objects.filter(pk=app.pk).update(applicant_nik="")
    app.refresh_from_db()
    with pytest.raises(ValidationError, match="tanpa NIK"):
        _propose(app, personas["interviewer"], kind=Kind.WITHDRAWAL, legal_bases=["PENARIKAN-B"],
                 passport_number="C3333333")  # fmt: skip
