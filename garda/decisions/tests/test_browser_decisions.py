"""The whole decision flow in a browser: the interviewer proposes from the screened application, the Kepala Seksi
forwards, the Kepala Kantor approves, the letter is downloaded and its code checked on the public page."""

import io
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect
from pypdf import PdfReader

from garda.conftest import assert_accessible, browser_login, make_user
from garda.core.models import User
from garda.core.roles import Role
from garda.decisions.models import Case, Kind, Letter, Status
from garda.screening import context as screening_context
from garda.screening.actions import screen_application
from garda.screening.imports import store_many
from garda.synthetic.scenarios import Builder

pytestmark = pytest.mark.browser


def test_propose_review_approve_letter_and_verification(page, personas: dict[str, User]) -> None:
    b = Builder(3, timezone.localdate())
    record = b.application(b.person() | {"full_name": "SITI NURJANAH"}, office="JAKSEL", destination="MY")
    record["travel"] |= {"return_ticket": False, "funds_source": "agent"}
    record["interview"] = {"conducted": True, "observations": ["admits_work_intent"]}
    [(_, app)] = store_many([record], source="test")
    screen_application(app, screening_context.load(), trigger="import")

    browser_login(page, personas["interviewer"])
    page.goto(f"/penyaringan/{app.pk}/")
    page.get_by_role("link", name="Usulkan keputusan").click()
    assert_accessible(page)
    page.locator("#id_kind").select_option("postponement")
    assert page.locator("input[name=categories][value=non_procedural]").is_checked()  # taken from the screening
    page.locator("#id_findings").fill("Pemohon mengaku akan bekerja di Malaysia; tiket dibelikan agen.")
    page.locator("input[name=legal_bases][value=SE-IMI-0277-2017]").check()
    page.locator("input[name=documents_requested][value=guarantee_letter]").check()
    page.get_by_role("button", name="Kirim usulan").click()
    page.wait_for_url(re.compile(r".*/keputusan/\d+/$"))
    case = Case.objects.get()
    assert case.status == Status.PROPOSED
    assert page.get_by_role("button", name="Teruskan ke Kepala Kantor").count() == 0  # not for the maker
    page.get_by_role("button", name="Keluar").click()

    browser_login(page, personas["kasi"])
    page.get_by_role("navigation").get_by_role("link", name="Keputusan").click()
    assert_accessible(page)
    page.get_by_role("link", name=f"#{case.pk}").first.click()
    page.get_by_label("Alasan").fill("Indikasi PMI non-prosedural cukup kuat.")
    page.get_by_role("button", name="Teruskan ke Kepala Kantor").click()
    assert "Langkah dicatat" in page.locator(".messages").inner_text()
    page.get_by_role("button", name="Keluar").click()

    browser_login(page, personas["kakanim"])
    page.goto(f"/keputusan/{case.pk}/")
    # The approver reads the exact letter before approving: a draft in the browser's own PDF viewer.
    draft = page.request.get(page.get_by_role("link", name=re.compile("konsep surat")).get_attribute("href"))
    assert draft.headers["content-type"] == "application/pdf" and draft.headers["content-disposition"].startswith(
        "inline"
    )
    text = " ".join("".join(p.extract_text() for p in PdfReader(io.BytesIO(draft.body())).pages).split())
    assert "KONSEP" in text and personas["kakanim"].full_name in text and "ditunda" in text
    page.get_by_label("Alasan").fill("Disetujui; pemohon dapat melanjutkan dengan surat jaminan.")
    page.get_by_role("button", name="Setujui").click()
    assert_accessible(page)
    letter = Letter.objects.get()
    href = page.get_by_role("link", name=re.compile("Surat pemberitahuan penundaan")).get_attribute("href")
    issued = page.request.get(href)
    assert issued.headers["content-disposition"].startswith("inline")
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(issued.body())).pages)
    flat = " ".join(text.split())
    for expected in ("SITI NURJANAH", letter.number, letter.verification_code, "Kepala Kantor", "Surat jaminan",
                     "Yth.", "Hal", "Surat Edaran Direktur Jenderal Imigrasi Nomor IMI-0277.GR.02.06 Tahun 2017",
                     "Pasal 77 Undang-Undang Nomor 30 Tahun 2014", "http://localhost:8000/verifikasi/"):  # fmt: skip
        assert expected.lower() in flat.lower(), expected
    # No internal code and no internal note: the approver's reason is not the letter's.
    assert "SE-IMI-0277-2017" not in flat and "non_procedural" not in flat and "Disetujui;" not in flat
    months = "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember".split()
    assert any(m in text for m in months)  # the date in Indonesian
    page.get_by_role("button", name="Keluar").click()

    # Another interviewer records that the documents came: the postponement is resumed. (A second login of the
    # first one within the same 30 seconds would replay its TOTP code, which is refused.)
    colleague = make_user(personas["interviewer"].office, Role.INTERVIEWER, "wawancara2")
    browser_login(page, colleague)
    page.goto(f"/keputusan/{case.pk}/")
    page.locator("#id_kind").select_option("resumed")
    page.get_by_label("Catatan").fill("Surat jaminan sudah diserahkan dan diperiksa.")
    page.get_by_role("button", name="Catat tindak lanjut").click()
    expect(page.locator("main")).to_contain_text("Dilanjutkan: dokumen sudah lengkap")
    assert_accessible(page)
    # The statistics page counts the decision.
    page.get_by_role("navigation").get_by_role("link", name="Statistik").click()
    # The dashboard's decisions table: this month's approved postponement, in the total row's last cell.
    assert page.locator("#decisions tr.total td").last.inner_text() == "1"
    assert_accessible(page)
    page.get_by_role("link", name="Rincian keputusan").click()
    assert "<strong>1</strong>" in page.locator("main").inner_html()
    page.get_by_role("button", name="Keluar").click()

    # The same person applies at another office: the counter there shows the decision taken at JAKSEL.
    browser_login(page, personas["other_office"])
    page.goto("/penyaringan/loket/")
    applicant = app.record["applicant"]
    page.locator("#id_nik").fill(applicant["nik"])
    page.get_by_label("Nama lengkap").fill("Siti Nurjannah")
    page.get_by_label("Jenis kelamin").select_option(applicant["sex"])
    page.locator("#id_birth_date").fill(applicant["birth_date"])
    page.get_by_label("Tempat lahir").fill(applicant["birth_place"])
    page.get_by_label("Tujuan perjalanan").select_option("tourism")
    page.locator("#id_destination_country").select_option("JP")
    page.get_by_role("button", name="Simpan dan saring").click()
    page.wait_for_url("**/penyaringan/*/")
    shown = page.locator("main").inner_text()
    assert "Keputusan sebelumnya di kantor mana pun" in shown and f"JAKSEL/{app.external_id}" in shown
    page.get_by_role("button", name="Keluar").click()

    page.goto("/verifikasi/")
    assert_accessible(page)
    page.get_by_label("Kode verifikasi").fill(letter.verification_code.lower().replace("-", " "))
    page.get_by_role("button", name="Periksa").click()
    shown = page.locator("main").inner_text()
    assert "Surat asli" in shown and letter.number in shown and "SITI" not in shown  # no personal data
    page.goto(f"/verifikasi/?kode={letter.verification_code}")  # what the QR code on the letter opens
    expect(page.locator("main")).to_contain_text("Surat asli")
    page.get_by_label("Kode verifikasi").fill("0000-0000-0000")
    page.get_by_role("button", name="Periksa").click()
    expect(page.locator("main")).to_contain_text("Tidak ada surat")


def test_a_cancellation_in_the_browser_bap_first_cutting_last(page, personas: dict[str, User]) -> None:
    from garda.decisions.models import LetterKind
    from garda.decisions.tests.test_due_process import _application, _issued, _propose

    app, _ = _application("JAKSEL")
    _issued(app, "E7654321")
    case = _propose(
        app, personas["interviewer"], kind=Kind.CANCELLATION, legal_bases=["PEMBATALAN-B"], passport_number="E7654321"
    )
    browser_login(page, personas["interviewer"])
    page.goto(f"/keputusan/{case.pk}/")
    assert_accessible(page)
    page.get_by_label("Keterangan yang diberikan pemohon/pemegang paspor").fill("Saya diminta agen mengaku wisata.")
    page.get_by_label("Hasil pemeriksaan").fill("Tujuan wisata tidak benar; tiket dibelikan agen.")
    page.get_by_role("button", name="Buat Berita Acara Pemeriksaan").click()
    expect(page.locator(".messages")).to_contain_text("Berita Acara Pemeriksaan dibuat")
    expect(page.locator("main")).to_contain_text("Berita Acara Pemeriksaan —")  # its letter, before the decision
    page.get_by_role("button", name="Keluar").click()

    browser_login(page, personas["kasi"])
    page.goto(f"/keputusan/{case.pk}/")
    page.get_by_label("Alasan").fill("BAP lengkap dan sesuai temuan.")
    page.get_by_role("button", name="Teruskan ke Kepala Kantor").click()
    page.get_by_role("button", name="Keluar").click()

    browser_login(page, personas["kakanim"])
    page.goto(f"/keputusan/{case.pk}/")
    page.get_by_label("Alasan").fill("Dibatalkan berdasarkan BAP.")
    page.get_by_role("button", name="Setujui").click()
    expect(page.locator(".messages")).to_contain_text("Langkah dicatat")
    assert not Letter.objects.filter(case=case, kind=LetterKind.CANCELLATION_RECORD).exists()  # not asserted
    page.get_by_role("button", name="Keluar").click()

    colleague = make_user(personas["interviewer"].office, Role.INTERVIEWER, "wawancara3")
    browser_login(page, colleague)
    page.goto(f"/keputusan/{case.pk}/")
    page.get_by_label("Waktu pengguntingan").fill(timezone.localtime().strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label("Saksi (satu nama per baris)").fill("Rina Marlina\nAgus Salim")
    page.get_by_role("button", name="Catat pengguntingan").click()
    expect(page.locator(".messages")).to_contain_text("Pengguntingan paspor dicatat")
    assert_accessible(page)
    kinds = set(Letter.objects.filter(case=case).values_list("kind", flat=True))
    assert kinds == {LetterKind.BAP, LetterKind.DECISION_NOTICE, LetterKind.CANCELLATION_RECORD}
