"""The licence lookup in a browser, on a phone and on a desk: from the home page, a search that finds a licensed
company, one that finds an expired licence, one that finds nothing and points to the reporting channel."""

from typing import Any

import pytest

from garda.conftest import assert_fits
from garda.public.tests.test_licences import registry  # noqa: F401 (the fixture)

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(("width", "height"), [(390, 844), (1366, 768)])
def test_a_person_checks_a_company(page: Any, registry: None, offices: Any, width: int, height: int) -> None:  # noqa: F811
    page.set_viewport_size({"width": width, "height": height})
    page.goto("/")
    page.get_by_role("link", name="Cek izin perusahaan").click()
    page.wait_for_url("**/publik/perusahaan/")
    assert_fits(page)
    page.get_by_label("Nama perusahaan atau nomor izin").fill("sinar jaya abady")
    page.get_by_role("button", name="Cari").click()
    page.wait_for_url("**/publik/perusahaan/?q=*")
    assert (
        "PT Sinar Jaya Abadi" in page.locator("main").inner_text() and "Berizin." in page.locator("main").inner_text()
    )
    assert_fits(page)
    page.get_by_label("Nama perusahaan atau nomor izin").fill("KEP 123/PPTKIS/2019")
    page.get_by_role("button", name="Cari").click()
    assert "Izinnya sudah tidak berlaku" in page.locator("main").inner_text()
    page.get_by_label("Nama perusahaan atau nomor izin").fill("PT Entah Berantah Jaya")
    page.get_by_role("button", name="Cari").click()
    assert "Tidak ditemukan" in page.locator("main").inner_text()
    page.get_by_role("link", name="Laporkan, tanpa menyebut nama Anda").click()
    page.wait_for_url("**/pengaduan/")
