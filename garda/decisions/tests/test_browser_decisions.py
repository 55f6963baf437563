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
from garda.decisions.models import Case, Letter, Status
from garda.screening import context as screening_context
from garda.screening.actions import store_many
from garda.screening.scenarios import Builder
from garda.screening.service import screen_application

pytestmark = pytest.mark.browser


def test_propose_review_approve_letter_and_verification(page, personas: dict[str, User]) -> None:  # type: ignore[no-untyped-def]
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
    page.get_by_label("Alasan").fill("Disetujui; pemohon dapat melanjutkan dengan surat jaminan.")
    page.get_by_role("button", name="Setujui").click()
    assert_accessible(page)
    letter = Letter.objects.get()
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile("Surat pemberitahuan penundaan")).click()
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(open(download.value.path(), "rb").read())).pages)
    for expected in ("SITI NURJANAH", letter.number, letter.verification_code, "Kepala Kantor", "Surat jaminan"):
        assert expected.lower() in " ".join(text.split()).lower(), expected
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
    assert "<strong>1</strong>" in page.locator("main").inner_html()
    assert_accessible(page)
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
    page.get_by_label("Kode verifikasi").fill("0000-0000-0000")
    page.get_by_role("button", name="Periksa").click()
    expect(page.locator("main")).to_contain_text("Tidak ada surat")
