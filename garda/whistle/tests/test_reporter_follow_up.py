"""The reporter comes back with the receipt: reads the status and replies, answers, adds files; a wrong receipt is
refused slowly and guessing is stopped; the receipt never appears in a URL."""

import time

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from garda.whistle import actions
from garda.whistle.models import Message, Report
from garda.whistle.tests.conftest import channel_post, submit


def _enter(client: Client, receipt: str):
    return channel_post(client, "/pengaduan/lanjut/", {"receipt": receipt})


def test_receipt_opens_the_inbox_with_a_cookie_not_a_url(client: Client, offices, handlers, handler_client) -> None:
    _, receipt = submit(client, offices, what="Saya diminta mengaku umrah, padahal akan bekerja di Arab Saudi.")
    reporter = Client()
    response = _enter(reporter, receipt.lower().replace("-", " "))  # written down loosely
    assert response.status_code == 303
    assert receipt not in response["Location"] and receipt.replace("-", "") not in response["Location"]
    inbox = reporter.get(response["Location"])
    assert inbox.status_code == 200
    assert "mengaku umrah" in inbox.content.decode()
    assert inbox["Cache-Control"].startswith("no-store")


def test_reporter_and_handler_talk_both_ways(client: Client, offices, handlers, handler_client) -> None:
    _, receipt = submit(client, offices)
    report = Report.objects.get()
    kabid = handler_client(handlers["kabid"])
    # A new report waits in its holders' inbox to be acknowledged, named by number only.
    home = kabid.get("/beranda/").content.decode()
    assert "Tanggapi laporan pengaduan" in home and f'href="/wbs/{report.number}/"' in home
    assert "Kamboja" not in home
    kabid.post(f"/wbs/{report.number}/balas/", {"text": "Terima kasih. Kapan perekrut datang ke rumah Anda?"})
    assert "Pesan baru dari pelapor" not in kabid.get("/beranda/").content.decode()
    reporter = Client()
    _enter(reporter, receipt)
    page = reporter.get("/pengaduan/kotak/").content.decode()
    assert "Kapan perekrut datang" in page
    assert handlers["kabid"].full_name not in page  # the reporter sees "Petugas", not who answered
    answer = channel_post(
        reporter,
        "/pengaduan/kotak/",
        {"text": "Hari Selasa, bersama sopir.", "attachments": SimpleUploadedFile("wa.png", b"\x89PNG\r\n\x1a\n....")},
    )
    assert answer.status_code == 303
    message = Message.objects.filter(from_reporter=True).get()
    assert message.attachments.count() == 1
    report.refresh_from_db()
    assert report.reporter_active_at is not None and report.reporter_active_at >= message.created_at
    assert "Pesan baru dari pelapor" in kabid.get("/beranda/").content.decode()
    assert "Hari Selasa" in kabid.get(f"/wbs/{report.number}/").content.decode()


def test_wrong_receipt_is_refused_slowly_and_guessing_is_stopped(client: Client, offices, handlers, settings) -> None:
    settings.WHISTLE_LIMITS = {**settings.WHISTLE_LIMITS, "receipt_failures_per_client": 3}
    _, receipt = submit(client, offices)
    guesser = Client()
    started = time.monotonic()
    response = _enter(guesser, "AAAA-BBBB-CCCC-DDDD-EEEE")
    assert time.monotonic() - started >= 0.3
    assert response.status_code == 400
    assert "tidak dikenal" in response.content.decode()
    _enter(guesser, "AAAA-BBBB-CCCC-DDDD-EEE0")
    _enter(guesser, "AAAA-BBBB-CCCC-DDDD-EEE1")
    blocked = _enter(guesser, receipt)  # even the right receipt waits once the limit is reached
    assert blocked.status_code == 429
    assert "garda_wbs" not in blocked.cookies
    assert _enter(Client(REMOTE_ADDR="198.51.100.7"), receipt).status_code == 303


def test_a_malformed_receipt_is_answered_without_a_lookup(client: Client, offices) -> None:
    response = _enter(client, "12")
    assert response.status_code == 400


def test_inbox_without_a_session_goes_to_the_receipt_form(client: Client, offices) -> None:
    response = client.get("/pengaduan/kotak/")
    assert response.status_code == 303 and response["Location"] == "/pengaduan/lanjut/"
    client.cookies["garda_wbs"] = "forged-value"
    assert client.get("/pengaduan/kotak/").status_code == 303


def test_leaving_ends_the_reporter_session(client: Client, offices, handlers) -> None:
    _, receipt = submit(client, offices)
    reporter = Client()
    _enter(reporter, receipt)
    channel_post(reporter, "/pengaduan/keluar/")
    assert reporter.get("/pengaduan/kotak/").status_code == 303


def test_report_key_for_receipt_finds_only_its_own_report(client: Client, offices, handlers) -> None:
    _, first = submit(client, offices, what="Laporan pertama tentang calo.")
    _, second = submit(client, offices, what="Laporan kedua tentang perusahaan.")
    opened = actions.report_key_for_receipt(first)
    assert opened is not None
    report, key = opened
    assert "pertama" in actions.read_content(report, key, reader=None)["what"]
    other = actions.report_key_for_receipt(second)
    assert other is not None and other[0] != report


def test_wrong_receipts_from_many_addresses_block_nobody_else(client: Client, offices, handlers, settings) -> None:
    settings.WHISTLE_LIMITS = {
        **settings.WHISTLE_LIMITS,
        "receipt_failures_total": 5,
        "failure_seconds": 0.01,
    }
    _, receipt = submit(client, offices)
    for i in range(12):  # a flood of wrong receipts from twelve addresses
        assert _enter(Client(REMOTE_ADDR=f"203.0.113.{i + 1}"), "AAAA-BBBB-CCCC-DDDD-EEEE").status_code == 400
    # The real reporter, from another address, still gets in.
    assert _enter(Client(REMOTE_ADDR="198.51.100.20"), receipt).status_code == 303
