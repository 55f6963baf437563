"""The portal in a browser, on a phone and on a desk: a person checks a job offer, reads why each sign matters,
and reports it through the channel with the offer already written in; the guidance and the public statistics open
from the home page. Every page fits the screen and passes axe."""

from typing import Any

import pytest

from garda.conftest import assert_fits
from garda.public.tests.test_licences import registry  # noqa: F401 (the fixture)
from garda.whistle.api import Report, Topic
from garda.whistle.tests.conftest import _channel_settings, handlers  # noqa: F401 (the fixtures)

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(("width", "height"), [(390, 844), (1366, 768)])
def test_a_person_checks_an_offer_and_reports_it(
    page: Any,
    registry: None,  # noqa: F811
    offices: Any,
    handlers: Any,  # noqa: F811
    width: int,
    height: int,
) -> None:
    page.set_viewport_size({"width": width, "height": height})
    page.goto("/")
    page.get_by_role("link", name="Cek tawaran kerja").click()
    page.wait_for_url("**/publik/tawaran-kerja/")
    assert_fits(page)
    page.get_by_label("Negara tujuan").select_option(label="Kamboja")
    page.get_by_label("Pekerjaan yang ditawarkan").select_option(value="online")
    page.get_by_label("Gaji yang dijanjikan, rupiah per bulan").fill("20 juta")
    page.get_by_label("Tidak ada syarat keahlian, pengalaman atau bahasa").check()
    page.get_by_label("Dari mana tawaran ini datang?").select_option(value="social_media")
    page.get_by_label("Mengaku berwisata, umrah atau berkunjung saat wawancara paspor").check()
    page.get_by_label("Ceritakan tawarannya dengan kata-kata Anda sendiri").fill("Paspor nanti dipegang bos di sana.")
    page.get_by_role("button", name="Periksa tawaran").click()
    page.wait_for_url("**/publik/tawaran-kerja/")
    result = page.locator(".offer-result").inner_text()
    assert "Tawaran ini menunjukkan tanda bahaya" in result
    assert "Pekerjaan daring di negara tempat banyak WNI dijebak penipuan online" in result
    assert "Gaji sangat tinggi tanpa syarat keahlian" in result and "paspor nanti dipegang" in result
    assert_fits(page)

    page.get_by_role("button", name="Laporkan tawaran ini").click()
    page.wait_for_url("**/publik/tawaran-kerja/laporkan/")
    what = page.get_by_label("Apa yang terjadi?").input_value()
    assert "Kamboja" in what and "Rp 20.000.000" in what and "Paspor nanti dipegang bos" in what
    assert_fits(page)
    page.get_by_label("Kantor imigrasi yang terkait").select_option(value=str(offices["JAKSEL"].pk))
    page.get_by_role("button", name="Kirim laporan").click()
    page.wait_for_url("**/pengaduan/")
    assert page.locator("#receipt").inner_text().strip()
    assert Report.objects.get().topic == Topic.ILLEGAL_AGENT  # recruited by no company: an illegal agent


@pytest.mark.parametrize(("width", "height"), [(360, 740), (390, 844), (1366, 768)])
def test_guidance_and_statistics_open_from_home(page: Any, offices: Any, width: int, height: int) -> None:
    page.set_viewport_size({"width": width, "height": height})
    page.goto("/")
    assert_fits(page)
    page.get_by_role("link", name="Jalur resmi dan dokumen").click()
    page.wait_for_url("**/publik/aman/")
    assert "Kamboja" in page.locator("main").inner_text()
    assert_fits(page)
    page.goto("/")
    page.get_by_role("link", name="Statistik kantor imigrasi").click()
    page.wait_for_url("**/publik/statistik/")
    assert_fits(page)
