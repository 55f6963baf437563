"""A village event in the browser, on a phone and on a desk: the PIMPASA officer fosters a kelurahan, records the
socialisation with its attendance and a photo, then an early warning from the neighbourhood head, which opens as
the office's intelligence report naming the recruiter. Each page passes axe and fits the screen."""

from typing import Any

import pytest

from garda.conftest import assert_fits, browser_login, make_user
from garda.core.roles import Role
from garda.whistle.tests.conftest import jpeg_with_gps

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(("width", "height"), [(390, 844), (1366, 768)])
def test_an_event_and_its_early_warning_reach_intelligence(
    page: Any, offices: Any, settings: Any, tmp_path: Any, width: int, height: int
) -> None:
    settings.MEDIA_ROOT = tmp_path / "files"
    officer = make_user(offices["JAKSEL"], Role.KABID_INTEL, "kabid.intel", full_name="Agus Salim")
    page.set_viewport_size({"width": width, "height": height})
    browser_login(page, officer)
    page.goto("/desa-binaan/")
    assert_fits(page)
    page.get_by_label("Kode desa/kelurahan (Kemendagri)").fill("31.74.01.1004")
    page.get_by_label("Petugas PIMPASA").select_option(label="Agus Salim (kabid.intel)")
    page.get_by_label("Menjadi desa binaan sejak").fill("2025-08-28")
    page.get_by_role("button", name="Tambahkan").click()
    page.wait_for_url("**/desa-binaan/desa/*/")
    assert "Kebon Baru" in page.get_by_role("heading", level=1).inner_text()
    assert_fits(page)

    page.get_by_role("link", name="Catat kegiatan sosialisasi").click()
    page.wait_for_url("**/kegiatan/")
    assert_fits(page)
    page.locator("#id_held_on").fill("2025-08-28")
    page.get_by_label("Judul kegiatan").fill("Sosialisasi Desa Binaan")
    page.get_by_label("Tempat").fill("Kantor Kecamatan Tebet")
    page.get_by_label("Modus operandi perekrutan dan TPPO").check()
    page.get_by_label("Narasumber dari Bidang Intelijen dan Penindakan").fill("Agus Salim")
    page.get_by_label("Perempuan, 18–35").fill("21")
    page.get_by_label("Laki-laki, 36–55").fill("9")
    page.get_by_label("Foto kegiatan").set_input_files(
        files=[{"name": "acara.jpg", "mimeType": "image/jpeg", "buffer": jpeg_with_gps()}]
    )
    page.get_by_role("button", name="Simpan kegiatan").click()
    page.wait_for_url("**/desa-binaan/kegiatan/KDB-2025-*/")
    assert "Peserta: 30" in page.locator("main").inner_text()
    assert page.locator(".photos img").evaluate("img => img.naturalWidth") == 64
    assert_fits(page)

    page.get_by_role("link", name="Kebon Baru").click()
    page.get_by_role("link", name="Catat peringatan dini dari warga").click()
    page.wait_for_url("**/peringatan/")
    assert_fits(page)
    page.get_by_label("Jenis informasi").select_option("recruiter_seen")
    page.get_by_label("Pemberi informasi").select_option("neighbourhood")
    page.get_by_label("Isi informasi").fill("Seorang perekrut menawarkan kerja ke Kamboja kepada pemuda RW 03.")
    page.get_by_label("Nama perekrut atau calo").fill("Rahmat Hidayat")
    page.get_by_label("Telepon perekrut atau calo").fill("0813-1111-2222")
    page.get_by_role("button", name="Simpan dan teruskan ke intelijen").click()
    page.wait_for_url("**/desa-binaan/desa/*/")
    page.get_by_role("link", name="IMIGRASI/").click()
    page.wait_for_url("**/laporan-mitra/*/")
    main = page.locator("main").inner_text()
    assert "Rahmat Hidayat" in main and "Desa Binaan Kebon Baru" in main
    assert_fits(page)
