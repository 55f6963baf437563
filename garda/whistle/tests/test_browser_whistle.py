"""The whole round trip in a browser, with non-ASCII text and an attachment: an anonymous report from the public
home page, the receipt, the worker's clean copy, the investigator reading exactly what was sent and replying,
and the reporter reading the reply with the receipt."""

import io
import re

import pytest
from PIL import Image

from garda.conftest import assert_accessible, browser_login
from garda.whistle.cleaning import clean_pending
from garda.whistle.models import Report
from garda.whistle.tests.conftest import RECEIPT, jpeg_with_gps

pytestmark = pytest.mark.browser

TEXT = (
    "Petugas loket 4 meminta “uang rokok” Rp2.000.000 — katanya ‘semua aman’.\n"
    "Saksi: Ñoño & Çelik; pesan WA terlampir ✓ 日本語"
)
REPLY = "Terima kasih — laporan Anda kami periksa. Kapan tepatnya kejadian itu? ✓"


def test_report_round_trip_between_reporter_and_investigator(page, offices, handlers) -> None:
    photo = jpeg_with_gps()
    page.goto("/")
    page.get_by_role("link", name="Buat laporan").click()
    assert_accessible(page)
    page.locator("#id_office").select_option(value=str(offices["JAKSEL"].pk))
    page.get_by_label("Keterlibatan petugas imigrasi").check()
    page.locator("#id_what").fill(TEXT)
    page.locator("#id_where").fill("Kanim Jakarta Selatan, lantai 2")
    page.locator("#id_attachments").set_input_files(
        files=[{"name": "bukti-wa-ü.jpg", "mimeType": "image/jpeg", "buffer": photo}]
    )
    page.get_by_role("button", name="Kirim laporan").click()
    receipt = page.locator("#receipt").inner_text().strip()
    assert RECEIPT.fullmatch(receipt)
    assert receipt not in page.url
    assert_accessible(page)

    report = Report.objects.get()
    assert clean_pending(report.pk) == {"done": 1}  # what `garda worker` does next

    browser_login(page, handlers["investigator"])
    page.get_by_role("navigation").get_by_role("link", name="Pengaduan").click()
    assert_accessible(page)
    page.get_by_role("link", name=report.number).click()
    assert page.locator("#report-what").text_content() == TEXT  # the text itself, as stored and sent
    assert_accessible(page)
    with page.expect_download() as clean_download:
        page.get_by_role("link", name="bukti-wa-ü.jpg").click()
    copy = open(clean_download.value.path(), "rb").read()
    assert not Image.open(io.BytesIO(copy)).getexif() and copy != photo
    with page.expect_download() as original_download:
        page.get_by_role("link", name="berkas asli").click()
    assert open(original_download.value.path(), "rb").read() == photo
    page.locator("#id_text").fill(REPLY)
    page.get_by_role("button", name="Kirim balasan").click()
    assert "Balasan terkirim" in page.locator(".messages").inner_text()
    page.get_by_role("button", name="Keluar", exact=True).click()

    page.goto("/pengaduan/lanjut/")
    page.get_by_label("Kode tanda terima").fill(receipt)
    page.get_by_role("button", name="Buka").click()
    page.wait_for_url("**/pengaduan/kotak/")
    assert REPLY in page.locator(".thread").inner_text()
    assert page.locator("#report-what").text_content() == TEXT
    assert_accessible(page)


def test_custodian_approves_a_reveal_and_the_handler_reads_the_identity(page, offices, handlers) -> None:
    from django.test import Client

    from garda.whistle import actions
    from garda.whistle.tests.conftest import submit

    submit(Client(), offices, identity_name="Wati Sulastri — saksi", identity_contact="0812-0000-1111")
    report = Report.objects.get()
    actions.do_request_reveal(report, acting_user=handlers["kabid"], reason="Keterangan saksi diperlukan untuk BAP")

    browser_login(page, handlers["custodian"])
    page.get_by_role("navigation").get_by_role("link", name="Permintaan identitas").click()
    assert_accessible(page)
    assert "Keterangan saksi diperlukan" in page.content() and "Wati" not in page.content()
    page.get_by_label("Setujui").check()
    page.get_by_label("Alasan").fill("Alasan cukup: untuk pemeriksaan saksi oleh penyidik")
    page.get_by_role("button", name="Simpan keputusan").click()
    assert "Keputusan dicatat" in page.locator(".messages").inner_text()
    page.get_by_role("button", name="Keluar", exact=True).click()

    browser_login(page, handlers["kabid"])
    page.goto(f"/wbs/{report.number}/")
    page.get_by_role("button", name="Buka identitas (tercatat di jejak audit)").click()
    assert "Wati Sulastri — saksi" in page.locator(".facts").inner_text()
    assert_accessible(page)


def test_investigator_moves_status_and_opens_an_investigation(page, offices, handlers) -> None:
    from django.test import Client

    from garda.whistle.tests.conftest import submit

    submit(Client(), offices, topic="staff", what="Petugas loket meminta uang agar berkas diloloskan.")
    report = Report.objects.get()
    browser_login(page, handlers["investigator"])
    page.goto(f"/wbs/{report.number}/")
    page.locator("#id_status").select_option("verified")
    page.get_by_role("button", name="Simpan status").click()
    assert "Status diperbarui" in page.locator(".messages").inner_text()
    page.locator("#id_inv-subject").select_option(str(handlers["investigator2"].pk))
    page.locator("#id_inv-allegation").fill("Diduga menerima uang dari calo di loket")
    page.get_by_role("button", name="Buka pemeriksaan").click()
    assert "Pemeriksaan internal dibuka" in page.locator(".messages").inner_text()
    page.get_by_role("navigation").get_by_role("link", name="Pemeriksaan internal").click()
    assert_accessible(page)
    page.get_by_role("link", name=re.compile(r"INV-\d{4}-0001")).click()
    assert handlers["investigator2"].full_name in page.locator(".facts").inner_text()
    assert_accessible(page)
