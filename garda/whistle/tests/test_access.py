"""A reported officer cannot find the report by any page: not the list, not the report by its number, not its
files or identity, not the audit trail of their office; nor can anyone else without a sealed key."""

from django.test import Client

from garda.whistle.models import Attachment, Report, Topic
from garda.whistle.tests.conftest import submit


def _staff_report(offices) -> Report:
    from django.core.files.uploadedfile import SimpleUploadedFile

    submit(
        Client(),
        offices,
        topic=Topic.STAFF,
        what="Investigator dua meminta uang untuk meloloskan berkas.",
        officer="Siti Rahmawati",
        identity_name="Pelapor Nyata",
        attachments=[SimpleUploadedFile("bukti.pdf", b"%PDF-1.4\n%%EOF\n")],
    )
    return Report.objects.get()


def test_the_reported_officer_finds_nothing(offices, handlers, handler_client) -> None:
    report = _staff_report(offices)
    attachment = Attachment.objects.get()
    officer = handler_client(handlers["investigator2"])
    assert report.number not in officer.get("/wbs/").content.decode()
    for url in (
        f"/wbs/{report.number}/",
        f"/wbs/{report.number}/lampiran/{attachment.pk}/",
        f"/wbs/{report.number}/lampiran/{attachment.pk}/?asli=1",
    ):
        assert officer.get(url).status_code == 404, url
    for url in ("balas", "status", "akses", "keluarkan", "minta-identitas", "identitas", "intelijen", "pemeriksaan"):
        assert officer.post(f"/wbs/{report.number}/{url}/", {"text": "x"}).status_code in (403, 404), url
    assert officer.get(f"/wbs/{report.number}-x/").status_code == 404  # the same answer as a report that is not there


def test_the_office_trail_does_not_show_the_channel(offices, handlers, personas, handler_client) -> None:
    report = _staff_report(offices)
    handler_client(handlers["investigator"]).get(f"/wbs/{report.number}/")
    kakanim = handler_client(personas["kakanim"])  # the head of office reads the office's audit trail
    trail = kakanim.get("/audit/?q=WBS").content.decode()
    assert report.number not in trail
    assert kakanim.get(f"/wbs/{report.number}/").status_code in (403, 404)


def test_other_roles_and_other_offices_cannot_open_it(offices, handlers, personas, handler_client) -> None:
    report = _staff_report(offices)
    for persona in ("counter", "interviewer", "kasi", "admin", "partner", "other_office"):
        client = handler_client(personas[persona])
        assert client.get(f"/wbs/{report.number}/").status_code in (403, 404), persona
    # The intelligence section handles other reports, but not this one about staff.
    assert handler_client(handlers["kabid"]).get(f"/wbs/{report.number}/").status_code == 404


def test_list_pages_keep_their_query_count(offices, handlers, handler_client, django_assert_max_num_queries) -> None:
    client = handler_client(handlers["kabid"])
    for _ in range(3):
        submit(Client(), offices)
    with django_assert_max_num_queries(12):
        first = client.get("/wbs/")
    for _ in range(6):
        submit(Client(), offices)
    with django_assert_max_num_queries(12):
        second = client.get("/wbs/")
    assert second.content.decode().count("WBS-") > first.content.decode().count("WBS-")
    custodian = handler_client(handlers["custodian"])
    with django_assert_max_num_queries(12):
        custodian.get("/wbs/identitas/")
    investigator = handler_client(handlers["patnal"])
    with django_assert_max_num_queries(12):
        investigator.get("/pengawasan/investigasi/")
