"""Due process in a real browser: evidence added encrypted and read back, the superior told and silent examined in
turn, an investigator stepping aside from a case for a conflict of interest — and a report about staff in the
channel closed only by two people."""

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone

from garda.conftest import PASSWORD, assert_accessible, browser_login, make_user
from garda.core.models import Office, User
from garda.core.roles import Role
from garda.oversight.models import CaseKey, Investigation, Source
from garda.oversight.tests.test_discipline import case  # noqa: F401 (the fixture)
from garda.whistle import actions as channel
from garda.whistle.models import Report, Status

pytestmark = pytest.mark.browser

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n" + b"bukti transfer ke rekening petugas " * 10


@pytest.fixture(autouse=True)
def _store(settings: Any, tmp_path: Path) -> None:
    settings.WHISTLE_KDF = "minimal"
    settings.MEDIA_ROOT = tmp_path / "files"


@pytest.fixture
def colleague(offices: dict[str, Office]) -> User:
    """A colleague who has logged in before (so she has a key pair)."""
    user = make_user(offices["JAKSEL"], Role.INVESTIGATOR, "investigator.dua", full_name="Siti Rahmawati")
    channel.do_open_key_pair(user, PASSWORD)
    return user


def _step(page: Any, name: str, fields: dict[str, str]) -> None:
    form = page.locator(f"form:has(input[name=step][value={name}])")
    for field, value in fields.items():
        target = form.locator(f"[name='{name}-{field}']")
        if target.evaluate("e => e.tagName") == "SELECT":
            target.select_option(value)
        else:
            target.fill(value)
    form.get_by_role("button", name="Catat langkah").click()
    assert "Langkah dicatat." in page.locator(".messages").inner_text(), page.locator("main").inner_text()


def test_evidence_superior_and_stepping_aside(page: Any, personas: dict[str, User], case: Any, colleague: User) -> None:  # noqa: F811
    url = f"/pengawasan/investigasi/{case.number}/"
    browser_login(page, personas["investigator"])  # the login opens the investigator's key for the session
    page.goto(url)
    page.get_by_text("Tambah bukti").click()
    page.locator("[name='evidence-uploads']").set_input_files(
        {"name": "mutasi-rekening.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    page.locator("[name='evidence-description']").fill("Mutasi rekening petugas dari Polres, Maret 2025.")
    page.get_by_role("button", name="Simpan bukti").click()
    assert "disimpan terenkripsi" in page.locator(".messages").inner_text()
    assert "mutasi-rekening.pdf" in page.locator("#bukti").inner_text()
    with page.expect_download() as download:
        page.get_by_role("link", name="mutasi-rekening.pdf").click()
    assert Path(download.value.path()).read_bytes() == PDF
    assert_accessible(page)

    # The superior was told a month ago and has not summoned: flagged, recorded, and examined in turn.
    informed = (timezone.localdate() - timedelta(days=30)).isoformat()
    _step(page, "inform_superior", {"superior": str(personas["kasi"].pk), "informed_on": informed})
    assert "belum memanggil petugas sampai tenggat" in page.locator("main").inner_text()
    _step(page, "superior_inaction", {"note": "Tidak ada surat panggilan dari Kasi sampai tenggat."})
    page.get_by_role("button", name="Buka pemeriksaan terhadap atasan").click()
    assert "Pemeriksaan terhadap atasan dibuka." in page.locator(".messages").inner_text()
    about_kasi = Investigation.objects.get(source=Source.SUPERIOR)
    assert about_kasi.subject == personas["kasi"] and about_kasi.number in page.locator("h1").inner_text()
    assert_accessible(page)
    page.get_by_role("button", name="Keluar", exact=True).click()

    # A colleague is the officer's cousin: she steps aside, and the case and its evidence leave her.
    browser_login(page, colleague)
    page.goto(url)
    assert "mutasi-rekening.pdf" in page.locator("#bukti").inner_text()  # sealed to her key with the first file
    page.get_by_text("Saya memiliki benturan kepentingan dalam kasus ini").click()
    page.locator("[name='conflict-relation']").select_option("family")
    page.locator("[name='conflict-note']").fill("Petugas yang diperiksa adalah sepupu saya.")
    page.get_by_role("button", name="Nyatakan dan mundur dari kasus").click()
    assert f"Anda tidak lagi menangani {case.number}." in page.locator(".messages").inner_text()
    assert "sepupu saya" in page.locator("main").inner_text()
    assert_accessible(page)
    assert page.goto(url).status == 404
    assert not CaseKey.objects.filter(investigation=case, holder=colleague).exists()


def test_a_report_about_staff_is_closed_by_two_people(
    page: Any, personas: dict[str, User], offices: dict[str, Office], colleague: User
) -> None:
    channel.do_open_key_pair(personas["investigator"], PASSWORD)
    report, _receipt = channel.do_submit_report(
        channel.Submission(
            office=offices["JAKSEL"],
            topic="staff",
            what="Petugas loket meminta uang Rp500.000 agar paspor cepat selesai.",
            officer="Petugas loket 3, laki-laki berkacamata",
        )
    )
    url = f"/wbs/{report.number}/"
    browser_login(page, personas["investigator"])
    page.goto(url)
    for status in ("verified", "investigating"):
        page.locator("[name='status']").select_option(status)
        page.get_by_role("button", name="Simpan status").click()
    page.locator("[name='status']").select_option("closed")
    page.locator("[name='outcome']").select_option("not_proven")
    page.locator("[name='note']").fill("Rekaman CCTV loket 3 tidak menunjukkan penyerahan uang.")
    page.get_by_role("button", name="Simpan status").click()
    assert "Usul penutupan dicatat" in page.locator(".messages").inner_text()
    assert "Menunggu tanda tangan kedua" in page.locator("main").inner_text()
    assert Report.objects.get(pk=report.pk).status == Status.INVESTIGATING
    assert_accessible(page)
    page.get_by_role("button", name="Keluar", exact=True).click()

    browser_login(page, colleague)
    page.goto(url)
    page.get_by_label("Setuju", exact=True).check()
    page.locator("[name='close-reason']").fill("CCTV dan dua saksi diperiksa; tidak terbukti.")
    page.get_by_role("button", name="Simpan tanda tangan").click()
    assert "Tanda tangan kedua dicatat." in page.locator(".messages").inner_text()
    assert "Ditutup dengan tanda tangan" in page.locator("main").inner_text()
    assert_accessible(page)
    report.refresh_from_db()
    assert (report.status, report.close_confirmed_by) == (Status.CLOSED, colleague)
