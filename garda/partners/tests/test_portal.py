"""The partner portal and the office's referrals through the pages: a partner's user sends a report and sees what
became of it, answers a referral and records its outcome, refers a person to an office; an interviewer refers a
possible victim with consent (or a reason without), and the packet's signature checks."""

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from garda.core.models import Organisation, User
from garda.intel.api import AgencyReport
from garda.partners import signing
from garda.partners.models import Referral, ReferralStatus
from garda.screening.tests.test_pages import _queue


def _report_post(**extra: str) -> dict[str, str]:
    data = {
        "report-category": "suspected_recruiter",
        "report-reference": "B.77/BP3MI/2025",
        "report-destination_country": "kh",
        "report-summary": "Perekrut menawarkan kerja di Kamboja lewat visa kunjungan.",
        "subject-TOTAL_FORMS": "3",
        "subject-INITIAL_FORMS": "0",
        "subject-MIN_NUM_FORMS": "0",
        "subject-MAX_NUM_FORMS": "10",
        "subject-0-role": "recruiter",
        "subject-0-full_name": "Hendra Gunawan",
        "subject-0-phone": "+6281388800123",
        "subject-1-role": "victim",
        "subject-2-role": "victim",
    }
    data.update(extra)
    return data


def test_a_partner_sends_a_report_and_sees_it_with_its_status(
    personas: dict[str, User], agreements: Any, login_as: Callable[[User], Client]
) -> None:
    client = login_as(personas["partner"])
    home = client.get("/mitra/")
    assert home.status_code == 200 and "PKS-KP2MI-001/2025" in home.content.decode()
    response = client.post("/mitra/laporan/baru/", _report_post(), follow=True)
    report = AgencyReport.objects.get()
    assert report.organisation.code == "KP2MI" and report.record["destination_country"] == "KH"
    assert report.record["subjects"] == [
        {"role": "recruiter", "full_name": "Hendra Gunawan", "phone": "+6281388800123"}
    ]
    page = response.content.decode()
    assert report.external_id in page and "Diterima, belum ada kecocokan" in page


def test_a_bad_report_keeps_what_was_typed_and_names_the_problem(
    personas: dict[str, User], agreements: Any, login_as: Callable[[User], Client]
) -> None:
    client = login_as(personas["partner"])
    page = client.post("/mitra/laporan/baru/", _report_post(**{"subject-0-full_name": "", "subject-0-phone": ""}))
    text = page.content.decode()
    assert "subjects" in text and "Perekrut menawarkan kerja di Kamboja" in text
    assert not AgencyReport.objects.exists()


def test_an_expired_agreement_stops_the_partner(
    personas: dict[str, User], agreements: Any, login_as: Callable[[User], Client]
) -> None:
    kp2mi = agreements["KP2MI"]
    kp2mi.agreement_expires = timezone.localdate() - timedelta(days=1)
    kp2mi.save()
    client = login_as(personas["partner"])
    assert "tidak berlaku" in client.get("/mitra/").content.decode()
    client.post("/mitra/laporan/baru/", _report_post())
    assert not AgencyReport.objects.exists()


def test_staff_and_other_partners_never_see_a_partners_portal(
    personas: dict[str, User], agreements: Any, login_as: Callable[[User], Client], offices: Any
) -> None:
    from garda.conftest import make_user
    from garda.core.roles import Role

    login_as(personas["partner"]).post("/mitra/laporan/baru/", _report_post())
    report = AgencyReport.objects.get()
    polri = make_user(offices["JAKSEL"], Role.PARTNER, "mitra.polri", agency="POLRI")
    other = login_as(polri)
    assert other.get(f"/mitra/laporan/{report.external_id}/").status_code == 404
    assert login_as(personas["interviewer"]).get("/mitra/").status_code == 403


@pytest.fixture
def application(personas: dict[str, User]) -> Any:
    return _queue(1, seed=5)[0]


def _refer(client: Client, app: Any, organisation: Organisation, **extra: str) -> Any:
    data = {
        "refer-organisation": str(organisation.pk),
        "refer-role": "victim",
        "refer-reason": "Calon pekerja ke Kamboja dengan visa kunjungan; tawaran kerja dari perekrut.",
        "refer-online_scam": "on",
        "refer-manage_personal_data": "yes",
        "refer-share_with_receiver": "yes",
        "refer-consent_override": "",
    }
    data.update(extra)
    return client.post(f"/rujukan/permohonan/{app.pk}/", data, follow=True)


def test_a_referral_out_needs_consent_or_a_reason_and_goes_signed(
    personas: dict[str, User], agreements: Any, application: Any, login_as: Callable[[User], Client]
) -> None:
    staff = login_as(personas["interviewer"])
    assert "Rujuk ke instansi mitra" in staff.get(f"/penyaringan/{application.pk}/").content.decode()
    refused = _refer(staff, application, agreements["KP2MI"], **{"refer-share_with_receiver": "no"})
    assert "Alasan merujuk tanpa persetujuan" in refused.content.decode() and not Referral.objects.exists()
    _refer(staff, application, agreements["KP2MI"])
    referral = Referral.objects.get()
    assert referral.status == ReferralStatus.IN_PROGRESS and referral.person["full_name"] == application.applicant_name
    packet = staff.get(f"/rujukan/{referral.number}/paket.json").json()
    assert signing.verify(packet["packet"], packet["signature"], packet["public_key"])
    assert packet["packet"]["htcds"]["vic_TypeOfLabourExploitation"] == ["IllicitActivities"]
    tampered = {**packet["packet"], "sent_at": "2020-01-01"}
    assert not signing.verify(tampered, packet["signature"], packet["public_key"])
    pdf = staff.get(f"/rujukan/{referral.number}/paket.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


def test_the_partner_answers_and_closes_a_referral(
    personas: dict[str, User], agreements: Any, application: Any, login_as: Callable[[User], Client]
) -> None:
    _refer(login_as(personas["interviewer"]), application, agreements["KP2MI"])
    referral = Referral.objects.get()
    partner = login_as(personas["partner"])
    assert referral.number in partner.get("/mitra/").content.decode()
    assert "Jawab rujukan dari kantor imigrasi" in partner.get("/beranda/").content.decode()  # the partner's inbox
    partner.post(f"/mitra/rujukan/{referral.number}/answer/", {"answer-accept": "1", "answer-reason": ""})
    partner.post(f"/mitra/rujukan/{referral.number}/outcome/", {"outcome-outcome": "Diterima di shelter BP3MI."})
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.DONE and referral.outcome == "Diterima di shelter BP3MI."
    lpsk_user = _partner_of(agreements["LPSK"])
    assert login_as(lpsk_user).get(f"/mitra/rujukan/{referral.number}/").status_code == 404


def _partner_of(organisation: Organisation) -> User:
    from garda.conftest import make_user
    from garda.core.models import Office
    from garda.core.roles import Role

    return make_user(Office.objects.get(code="JAKSEL"), Role.PARTNER, f"mitra.{organisation.code.lower()}",
                     agency=organisation.code)  # fmt: skip


def test_a_partner_refers_a_person_to_the_office_and_the_office_answers(
    personas: dict[str, User], agreements: Any, offices: Any, login_as: Callable[[User], Client]
) -> None:
    kemlu = login_as(_partner_of(agreements["KEMLU"]))
    kemlu.post(
        "/mitra/rujukan/baru/",
        {
            "refer-office": str(offices["JAKSEL"].pk),
            "refer-role": "victim",
            "refer-full_name": "Siti Aminah",
            "refer-nik": "3174054506950002",
            "refer-reason": "Dipulangkan dari Myanmar (penipuan daring); jangan berangkat lagi dengan visa kunjungan.",
        },
    )
    referral = Referral.objects.get()
    assert referral.direction == "in" and referral.organisation.code == "KEMLU"
    staff = login_as(personas["kasi"])
    assert referral.number in staff.get("/rujukan/").content.decode()
    home = staff.get("/beranda/").content.decode()
    assert "Jawab rujukan dari mitra" in home and f'href="/rujukan/{referral.number}/"' in home
    staff.post(f"/rujukan/{referral.number}/answer/", {"answer-accept": "0", "answer-reason": ""})
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.IN_PROGRESS  # a rejection needs its reason
    staff.post(f"/rujukan/{referral.number}/answer/", {"answer-accept": "1", "answer-reason": "Dicatat."})
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.ACCEPTED
    assert "Jawab rujukan dari mitra" not in staff.get("/beranda/").content.decode()


def test_a_national_administrator_keeps_the_agreements(
    personas: dict[str, User], agreements: Any, login_as: Callable[[User], Client]
) -> None:
    admin = login_as(personas["national_admin"])
    assert "PKS-KP2MI-001/2025" in admin.get("/mitra/instansi/").content.decode()
    kp2mi = agreements["KP2MI"]
    page = admin.get(f"/mitra/instansi/{kp2mi.code}/")
    assert page.status_code == 200
    assert login_as(personas["admin"]).get(f"/mitra/instansi/{kp2mi.code}/").status_code == 403


def test_the_portal_and_the_referral_list_keep_their_query_count(
    personas: dict[str, User], agreements: Any, login_as: Callable[[User], Client]
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    partner, staff = login_as(personas["partner"]), None
    for i in range(2):
        partner.post("/mitra/laporan/baru/", _report_post(**{"report-reference": f"R-{i}"}))
    counts = {}
    for url in ("/mitra/",):
        partner.get(url)
        with CaptureQueriesContext(connection) as queries:
            partner.get(url)
        counts[url] = len(queries)
    for i in range(6):
        partner.post("/mitra/laporan/baru/", _report_post(**{"report-reference": f"S-{i}"}))
    with CaptureQueriesContext(connection) as queries:
        partner.get("/mitra/")
    assert len(queries) == counts["/mitra/"] and AgencyReport.objects.count() == 8
    assert staff is None


def test_attachments_are_kept_encrypted_and_each_download_audited(
    personas: dict[str, User], agreements: Any, login_as: Callable[[User], Client], settings: Any, tmp_path: Any
) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from garda.core.models import AuditEvent
    from garda.partners.models import ReportFile

    settings.MEDIA_ROOT = tmp_path / "files"
    pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n" + b"lowongan kerja admin Kamboja gaji 15 juta " * 5
    partner = login_as(personas["partner"])
    refused = partner.post(
        "/mitra/laporan/baru/", {**_report_post(), "report-attachments": SimpleUploadedFile("x.exe", b"MZ\x90binary")}
    )
    assert "x.exe" in refused.content.decode() and not AgencyReport.objects.exists()
    partner.post("/mitra/laporan/baru/", {**_report_post(), "report-attachments": SimpleUploadedFile("iklan.pdf", pdf)})
    item = ReportFile.objects.get()
    assert b"lowongan" not in (tmp_path / "files" / "partners" / item.blob).read_bytes()
    assert partner.get(f"/mitra/lampiran/{item.pk}/").content == pdf
    analyst_page = login_as(personas["kasi"]).get(f"/laporan-mitra/{item.report.pk}/").content.decode()
    assert "iklan.pdf" in analyst_page
    assert login_as(personas["kasi"]).get(f"/mitra/lampiran/{item.pk}/").content == pdf
    polri = _partner_of(agreements["POLRI"])
    assert login_as(polri).get(f"/mitra/lampiran/{item.pk}/").status_code == 404
    assert AuditEvent.objects.filter(action="partner_report.file_read").count() == 2
