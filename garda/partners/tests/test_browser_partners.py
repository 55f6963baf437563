"""The partnership in a real browser: an interviewer refers a possible victim to KP2MI with the person's consent;
KP2MI's user finds it waiting on the portal, accepts it, records the outcome and sends a report of its own; a
Polri user cannot open KP2MI's referral. Every page passes the accessibility check."""

from typing import Any

import pytest

from garda.conftest import assert_accessible, browser_login, make_user
from garda.core.models import Office, User
from garda.core.roles import Role
from garda.intel.api import AgencyReport
from garda.partners.models import Referral, ReferralStatus
from garda.screening.tests.test_pages import _queue

pytestmark = pytest.mark.browser


def test_a_referral_from_the_interview_to_kp2mi_and_back(
    page: Any, personas: dict[str, User], agreements: Any, offices: dict[str, Office]
) -> None:
    app = _queue(1, seed=9)[0]
    browser_login(page, personas["interviewer"])
    page.goto(f"/penyaringan/{app.pk}/")
    page.get_by_role("link", name="Buat rujukan").click()
    assert_accessible(page)
    page.locator("[name='refer-organisation']").select_option(str(agreements["KP2MI"].pk))
    page.locator("[name='refer-reason']").fill("Calon pekerja ke Kamboja dengan visa kunjungan; tawaran dari kenalan.")
    page.locator("[name='refer-online_scam']").check()
    page.locator("input[name='refer-manage_personal_data'][value='yes']").check()
    page.locator("input[name='refer-share_with_receiver'][value='yes']").check()
    page.get_by_role("button", name="Kirim rujukan").click()
    assert "paketnya ditandatangani" in page.locator(".messages").inner_text()
    referral = Referral.objects.get()
    assert referral.packet_sha256 in page.locator("main").inner_text()
    assert_accessible(page)
    page.get_by_role("button", name="Keluar", exact=True).click()

    browser_login(page, personas["partner"])
    page.get_by_role("navigation").get_by_role("link", name="Portal mitra").click()
    assert "Rujukan menunggu jawaban Anda" in page.locator("main").inner_text()
    assert_accessible(page)
    page.get_by_role("link", name=referral.number).first.click()
    page.get_by_label("Terima").check()
    page.get_by_role("button", name="Kirim jawaban").click()
    page.locator("[name='outcome-outcome']").fill("Diterima di shelter BP3MI DKI; pendampingan pemulangan ke daerah.")
    page.get_by_role("button", name="Simpan hasil").click()
    assert "rujukan selesai" in page.locator(".messages").inner_text()
    assert_accessible(page)
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.DONE

    page.goto("/mitra/laporan/baru/")
    page.locator("[name='report-category']").select_option("suspected_recruiter")
    page.locator("[name='report-summary']").fill("Perekrut menawarkan kerja di Kamboja lewat visa kunjungan.")
    page.locator("[name='subject-0-role']").select_option("recruiter")
    page.locator("[name='subject-0-full_name']").fill("Agus Salimin")
    page.locator("[name='subject-0-phone']").fill("+6281299001122")
    assert_accessible(page)
    page.get_by_role("button", name="Kirim laporan").click()
    report = AgencyReport.objects.get()
    assert report.organisation == agreements["KP2MI"] and report.external_id in page.locator("h1").inner_text()
    assert_accessible(page)
    page.get_by_role("button", name="Keluar", exact=True).click()

    polri = make_user(offices["JAKSEL"], Role.PARTNER, "mitra.polri", agency="POLRI")
    browser_login(page, polri)
    assert page.goto(f"/mitra/rujukan/{referral.number}/").status == 404
    assert page.goto(f"/mitra/laporan/{report.external_id}/").status == 404
