"""An interviewer finds a 2025 applicant whose passport was cancelled by a misspelt name and her birth year, from
the search box in the header, and opens her application and the cancellation."""

from typing import Any

import pytest

from garda.conftest import assert_fits, browser_login
from garda.core.models import User
from garda.search.tests.test_find import cancelled  # noqa: F401 (the fixture)

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(("width", "height"), [(390, 844), (1366, 768)])
def test_a_cancelled_applicant_found_by_a_misspelt_name(
    page: Any,
    personas: dict[str, User],
    cancelled: Any,  # noqa: F811
    width: int,
    height: int,
) -> None:
    app, case = cancelled
    page.set_viewport_size({"width": width, "height": height})
    browser_login(page, personas["interviewer"])
    page.get_by_role("searchbox", name="Cari orang").fill("siti amina 1990")
    page.get_by_role("button", name="Cari", exact=True).click()
    page.wait_for_url("**/cari/?q=*")
    main = page.locator("main")
    assert "SITI AMINAH" in main.inner_text() and "Pembatalan" in main.inner_text()
    assert_fits(page)
    main.get_by_role("link", name=f"JAKSEL/{app.external_id}").click()
    page.wait_for_url(f"**/penyaringan/{app.pk}/")
    assert "Keputusan atas permohonan ini dan atas orang yang sama" in page.locator("main").inner_text()
    page.locator("main").get_by_role("link", name="Pembatalan").first.click()
    page.wait_for_url(f"**/keputusan/{case.pk}/")
