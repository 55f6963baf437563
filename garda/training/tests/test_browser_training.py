"""A training session in the browser, on a phone and on a desk: the Kepala Seksi plans a session of a course,
enrols an officer and a resident, keys their paper tests, marks attendance and closes it; the certificate code it
shows is verified on the public page. Each page passes axe and fits the screen."""

from typing import Any

import pytest

from garda.conftest import assert_fits, browser_login
from garda.core.models import User
from garda.training.actions import do_create_course
from garda.training.bank import parse
from garda.training.tests.test_training import BANK

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(("width", "height"), [(390, 844), (1366, 768)])
def test_a_session_from_enrolment_to_verification(
    page: Any, personas: dict[str, User], width: int, height: int
) -> None:
    kasi, counter = personas["kasi"], personas["counter"]
    do_create_course(
        acting_user=kasi,
        fields={"code": "TPPO-LOKET-1", "title": "Deteksi dini TPPO di loket", "audience": "staff", "roles": ["loket"],
                "curriculum": [{"topic": "modus", "title": "Modus", "hours": 2}], "refresher_months": 12,
                "pass_mark": 60},
        questions=parse(BANK),
    )  # fmt: skip
    page.set_viewport_size({"width": width, "height": height})
    browser_login(page, kasi)
    page.get_by_role("navigation").get_by_role("link", name="Pelatihan", exact=True).click()
    page.wait_for_url("**/pelatihan/")
    assert_fits(page)
    page.get_by_role("link", name="TPPO-LOKET-1").click()
    page.wait_for_url("**/pelatihan/kursus/TPPO-LOKET-1/")
    assert_fits(page)
    page.locator("#id_held_on").fill("2026-11-20")
    page.get_by_label("Tempat").fill("Aula Kanim Jakarta Selatan")
    page.get_by_label("Pelatih").fill("Kepala Seksi Intelijen")
    page.get_by_role("button", name="Rencanakan").click()
    page.wait_for_url("**/pelatihan/sesi/PLT-2026-*/")
    assert_fits(page)
    page.get_by_label(counter.full_name).check()
    page.get_by_label("Peserta masyarakat").fill("Sari Dewi; P")
    page.get_by_role("button", name="Daftarkan").click()
    page.wait_for_url("**/pelatihan/sesi/PLT-2026-*/")
    for name, letters in ((counter.full_name, "BAB"), ("Sari Dewi", "AAA")):
        page.locator("#id_enrolment").select_option(label=name)
        page.locator("#id_phase").select_option("post")
        page.locator("#id_letters").fill(letters)
        page.get_by_role("button", name="Simpan jawaban").click()
        page.wait_for_url("**/pelatihan/sesi/PLT-2026-*/")
    page.get_by_label(f"{counter.full_name} hadir").check()
    page.get_by_label("Sari Dewi hadir").check()
    page.get_by_role("button", name="Simpan kehadiran").click()
    page.wait_for_url("**/pelatihan/sesi/PLT-2026-*/")
    page.get_by_role("button", name="Tutup sesi dan terbitkan sertifikat").click()
    page.wait_for_url("**/pelatihan/sesi/PLT-2026-*/")
    assert_fits(page)
    row = page.get_by_role("row").filter(has_text=counter.full_name)
    code = row.get_by_role("link").inner_text().strip()
    assert len(code) == 14
    assert page.get_by_role("row").filter(has_text="Sari Dewi").get_by_role("link").count() == 0  # 33, under 60

    page.get_by_role("navigation").get_by_role("link", name="Cakupan pelatihan").click()
    page.wait_for_url("**/pelatihan/cakupan/")
    assert "Perlu dijadwalkan" in page.locator("main").inner_text()
    assert_fits(page)

    page.goto("/publik/sertifikat/")
    assert_fits(page)
    page.get_by_label("Kode sertifikat").fill(code.lower())
    page.get_by_role("button", name="Periksa").click()
    page.wait_for_url("**/publik/sertifikat/?kode=*")
    assert (
        "Sertifikat sah" in page.locator("main").inner_text() and counter.full_name in page.locator("main").inner_text()
    )
    assert_fits(page)
