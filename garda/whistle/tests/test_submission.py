"""Anonymous submission through the public page, and what each kind of report is routed to."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from garda.core.models import AuditEvent
from garda.whistle.models import Attachment, Grant, IdentityRecord, Report, Topic, Unit
from garda.whistle.tests.conftest import channel_post, jpeg_with_gps, submit


def _holders(report: Report) -> set[str]:
    return {g.user.username for g in Grant.objects.filter(report=report, user__isnull=False).select_related("user")}


def test_public_form_opens_without_login_and_is_linked_from_the_home_page(client: Client, offices) -> None:
    home = client.get("/")
    assert b'href="/pengaduan/"' in home.content
    page = client.get("/pengaduan/")
    assert page.status_code == 200
    assert page["Cache-Control"].startswith("no-store")
    assert page["Referrer-Policy"] == "no-referrer"


def test_recruitment_report_goes_to_the_intelligence_section_only(client: Client, offices, handlers) -> None:
    response, receipt = submit(client, offices)
    assert response.status_code == 200
    assert receipt and len(receipt.replace("-", "")) == 20
    report = Report.objects.get()
    assert report.unit == Unit.INTELLIGENCE
    assert _holders(report) == {"kabid.intel", "analis"}
    assert receipt.encode() not in bytes(report.receipt_lookup)
    event = AuditEvent.objects.get(action="whistle.report_received")
    assert event.office_code == "" and "Kamboja" not in event.summary


def test_staff_report_goes_to_compliance_here_and_nationally(client: Client, offices, handlers) -> None:
    submit(client, offices, topic=Topic.STAFF, what="Petugas meminta uang agar wawancara diloloskan.")
    report = Report.objects.get()
    assert report.unit == Unit.COMPLIANCE
    assert _holders(report) == {"investigator", "investigator.dua", "patnal.pusat"}


def test_named_officer_and_people_named_by_the_reporter_never_receive_it(client: Client, offices, handlers) -> None:
    submit(
        client,
        offices,
        topic=Topic.EXTORTION,
        what="Ada pungli di loket.",
        officer="Siti Rahmawati",
        excluded="Pak Investigator",
    )
    report = Report.objects.get()
    assert report.unit == Unit.COMPLIANCE  # naming an officer sends it to compliance whatever the topic
    assert _holders(report) == {"patnal.pusat"}


def test_an_officer_named_only_in_the_story_never_receives_it(client: Client, offices, handlers) -> None:
    # Nobody is put in the fields for names: the story itself names the investigator (a full name) and the Kabid
    # (a word of address and a first name), and the people involved.
    submit(
        client,
        offices,
        topic=Topic.STAFF,
        what="Siti Rahmawati dari tim investigasi menerima uang dari calo; Pak Agus juga tahu.",
        people="Rina Kusuma (pusat) ikut menutupi.",
    )
    report = Report.objects.get()
    assert _holders(report) == {"investigator"}  # Siti Rahmawati and Rina Kusuma left out
    submit(client, offices, what="Calo di loket dibantu Pak Agus dari bidang intelijen.")
    second = Report.objects.exclude(pk=report.pk).get()
    assert second.unit == Unit.INTELLIGENCE
    assert "kabid.intel" not in _holders(second) and "analis" in _holders(second)


def test_when_everyone_at_the_office_is_named_the_national_unit_takes_it(client: Client, offices, handlers) -> None:
    submit(client, offices, what="Kabid dan analis bekerja sama dengan calo.", excluded="Agus Salim\nDewi Lestari")
    report = Report.objects.get()
    # No national intelligence user in the fixtures: the national compliance unit, which runs the channel, takes
    # it rather than nobody (it was sealed to nobody before).
    assert _holders(report) == {"patnal.pusat"}
    assert report.unit == Unit.INTELLIGENCE


def test_identity_is_stored_apart_and_sealed_only_to_custodians(client: Client, offices, handlers) -> None:
    submit(client, offices, identity_name="Wati Sulastri", identity_contact="0812 3456 7890")
    identity = IdentityRecord.objects.get()
    holders = {g.user.username for g in identity.grants.select_related("user") if g.user}
    assert holders == {"kustodian"}
    assert b"Wati" not in bytes(identity.box)


def test_bad_input_names_the_field_and_keeps_what_was_typed(client: Client, offices, handlers) -> None:
    response = channel_post(
        client,
        "/pengaduan/",
        {
            "office": offices["JAKSEL"].pk,
            "topic": "nonsense",
            "what": "Teks yang sudah saya tulis panjang-panjang",
            "attachments": SimpleUploadedFile("catatan.exe", b"MZ\x90\x00binary", content_type="image/jpeg"),
        },
    )
    assert response.status_code == 400
    text = response.content.decode()
    assert "Teks yang sudah saya tulis panjang-panjang" in text
    assert "catatan.exe" in text and "jenis berkas tidak diterima" in text
    assert 'id="id_topic_error"' in text
    assert not Report.objects.exists()


def test_attachments_are_accepted_and_stored_encrypted(client: Client, offices, handlers, settings) -> None:
    photo = jpeg_with_gps()
    _, receipt = submit(
        client,
        offices,
        attachments=[
            SimpleUploadedFile("bukti.jpg", photo, content_type="image/jpeg"),
            SimpleUploadedFile("surat.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf"),
        ],
    )
    assert receipt
    assert Attachment.objects.count() == 2
    stored = b"".join(p.read_bytes() for p in (settings.MEDIA_ROOT / "whistle").iterdir())
    assert photo[:200] not in stored and b"KameraRahasia" not in stored


def test_too_many_files_is_refused_with_a_reason(client: Client, offices, handlers) -> None:
    files = [SimpleUploadedFile(f"f{i}.pdf", b"%PDF-1.4\n", content_type="application/pdf") for i in range(6)]
    response, receipt = submit(client, offices, attachments=files)
    assert response.status_code == 400 and not receipt
    assert "Paling banyak 5 berkas" in response.content.decode()


def test_submissions_are_limited_per_client(client: Client, offices, handlers, settings) -> None:
    settings.WHISTLE_LIMITS = {**settings.WHISTLE_LIMITS, "submissions_per_client": 2}
    assert submit(client, offices)[1]
    assert submit(client, offices)[1]
    response, receipt = submit(client, offices)
    assert response.status_code == 429 and not receipt
    assert Report.objects.count() == 2
    # Another client is not held back by the first.
    assert submit(Client(REMOTE_ADDR="198.51.100.9"), offices)[1]


def test_an_oversized_request_is_refused_before_it_is_read(client: Client, offices) -> None:
    big = io.BytesIO(b"x")
    response = client.generic(
        "POST",
        "/pengaduan/",
        big.getvalue(),
        content_type="multipart/form-data; boundary=x",
        CONTENT_LENGTH=str(60 * 1024 * 1024),
    )
    assert response.status_code == 413


def test_a_post_without_the_channel_form_token_is_refused(client: Client, offices, handlers) -> None:
    client.get("/pengaduan/")
    response = client.post("/pengaduan/", {"office": offices["JAKSEL"].pk, "topic": "other", "what": "Tanpa token"})
    assert response.status_code == 403
    forged = client.post(
        "/pengaduan/", {"office": offices["JAKSEL"].pk, "topic": "other", "what": "Token palsu", "wbs_form": "x"}
    )
    assert forged.status_code == 403 and not Report.objects.exists()


def test_the_language_link_switches_without_a_form(client: Client, offices) -> None:
    page = client.get("/pengaduan/")
    assert b'href="/pengaduan/bahasa/en/"' in page.content
    client.get("/pengaduan/bahasa/en/")
    assert "Report safely" in client.get("/pengaduan/").content.decode()


def test_a_limit_holds_under_parallel_submissions(settings) -> None:
    from concurrent.futures import ThreadPoolExecutor

    from django.core.cache import cache
    from django.test import RequestFactory

    from garda.whistle import limits

    cache.clear()
    settings.WHISTLE_LIMITS = {**settings.WHISTLE_LIMITS, "submissions_per_client": 10}
    request = RequestFactory().post("/pengaduan/", REMOTE_ADDR="192.0.2.55")
    with ThreadPoolExecutor(20) as pool:
        granted = list(pool.map(lambda _: limits.reserve_submission(request), range(20)))
    assert granted.count(True) == 10
    limits.release_submission(request)  # a failed submission gives its place back
    assert limits.reserve_submission(request) and not limits.reserve_submission(request)
