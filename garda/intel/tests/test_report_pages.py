"""Entering a partner report by hand: validated like an imported one, audited, its subjects in the index, and
the pending applications re-screened."""

import pytest
from django.urls import reverse

from garda.conftest import assert_accessible, browser_login, make_user
from garda.core.models import AuditEvent, Office, User
from garda.core.roles import Role
from garda.identity.models import IndexedPerson
from garda.intel.models import AgencyReport


@pytest.fixture
def kabid(offices: dict[str, Office]) -> User:
    return make_user(offices["JAKSEL"], Role.KABID_INTEL, "kabid")


FORM = {
    "agency": "KEMLU",
    "reference": "B-123/PWNI/2026",
    "received_at": "2026-11-02T10:30",
    "category": "scam_returnee",
    "destination_country": "kh",
    "s1_role": "victim",
    "s1_full_name": "Dewi Lestari",
    "s1_birth_date": "1996-03-14",
    "s1_passport_number": "C1234567",
}


def test_a_report_entered_by_hand_is_stored_indexed_and_audited(login_as, kabid: User) -> None:
    response = login_as(kabid).post(reverse("intel:report_create"), FORM)
    report = AgencyReport.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("intel:report_detail", args=[report.pk])
    assert report.agency == "KEMLU" and report.destination_country == "KH" and report.external_id.startswith("GARDA-")
    assert report.record["subjects"] == [
        {"role": "victim", "full_name": "DEWI LESTARI", "birth_date": "1996-03-14", "passport_number": "C1234567"}
    ]
    assert IndexedPerson.objects.filter(source="report_subject", other_id="C1234567").exists()
    assert AuditEvent.objects.filter(action="agency_report.enter", actor_username="kabid").count() == 1


def test_a_subject_without_a_role_or_data_is_named_and_nothing_is_stored(login_as, kabid: User) -> None:
    data = FORM | {"s2_full_name": "BUDI", "s3_role": "recruiter", "destination_country": "XYZ"}
    page = login_as(kabid).post(reverse("intel:report_create"), data)
    body = page.content.decode()
    assert page.status_code == 200 and not AgencyReport.objects.exists()
    assert "Pilih peran subjek ini." in body and "Isi paling sedikit nama" in body
    assert "Dewi Lestari" in body  # what was typed is kept


def test_only_the_intelligence_section_enters_reports(login_as, personas: dict[str, User]) -> None:
    assert login_as(personas["counter"]).get(reverse("intel:report_create")).status_code == 403
    assert login_as(personas["counter"]).get(reverse("intel:report_list")).status_code == 200
    assert login_as(personas["partner"]).get(reverse("intel:report_list")).status_code == 403


@pytest.mark.browser
def test_entering_a_report_in_the_browser(page, kabid: User) -> None:
    browser_login(page, kabid)
    page.get_by_role("navigation").get_by_role("link", name="Laporan mitra").click()
    assert_accessible(page)
    page.get_by_role("link", name="Masukkan laporan").click()
    assert_accessible(page)
    page.locator("#id_agency").select_option("POLRI")
    page.locator("#id_category").select_option("suspected_recruiter")
    page.locator("#id_s1_role").select_option("recruiter")
    page.locator("#id_s1_full_name").fill("Rahmat Hidayat")
    page.locator("#id_s1_phone").fill("0813-1111-2222")
    page.get_by_role("button", name="Simpan laporan").click()
    page.wait_for_url("**/laporan-mitra/*/")
    assert "RAHMAT HIDAYAT" in page.locator("main").inner_text()
    assert_accessible(page)
