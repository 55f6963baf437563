"""The public pages on a phone: at 360 and 390 px wide the home page, the reporting form, the receipt, the
follow-up form and the reporter's inbox (with a reply in it) fit the screen — nothing scrolls sideways — and pass
the accessibility check. (The form was 574 px wide on a 390 px phone: a fieldset grew to its longest office name.)"""

import pytest

from garda.conftest import PASSWORD, assert_fits
from garda.whistle import actions
from garda.whistle.models import Report
from garda.whistle.tests.conftest import RECEIPT

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", [360, 390])
def test_the_reporter_s_pages_fit_a_phone(page, offices, handlers, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 844})
    page.goto("/")
    assert_fits(page)
    page.get_by_role("link", name="Buat laporan").click()
    assert_fits(page)
    page.locator("#id_office").select_option(value=str(offices["JAKSEL"].pk))
    page.get_by_label("Keterlibatan petugas imigrasi").check()
    page.locator("#id_what").fill("Petugas loket meminta uang agar paspor cepat selesai, di lantai 2.")
    page.get_by_role("button", name="Kirim laporan").click()
    receipt = page.locator("#receipt").inner_text().strip()
    assert RECEIPT.fullmatch(receipt)
    assert_fits(page)
    report = Report.objects.get()
    handler = handlers["investigator"]
    key = actions.report_key_for_user(report, handler, actions.do_open_key_pair(handler, PASSWORD))
    assert key is not None
    actions.do_reply(report, key, acting_user=handler, text="Terima kasih; kapan tepatnya kejadian itu?")
    page.goto("/pengaduan/lanjut/")
    assert_fits(page)
    page.get_by_label("Kode tanda terima").fill(receipt)
    page.get_by_role("button", name="Buka").click()
    page.wait_for_url("**/pengaduan/kotak/")
    assert_fits(page)
