"""An investigation in a real browser, every step to a decree and an objection: compliance summons, examines and
reports; the head of office decides; delivery and objection are recorded; the objection is answered. The officer
sees the summons — not the source, not the findings."""

import pytest
from django.utils import timezone

from garda.conftest import assert_accessible, browser_login
from garda.core.workdays import add_working_days
from garda.oversight.models import InvestigationStatus
from garda.oversight.tests.test_discipline import case  # noqa: F401 (the fixture)

pytestmark = pytest.mark.browser


def _step(page, name: str, fields: dict[str, str], button: str = "Catat langkah") -> None:
    form = page.locator(f"form:has(input[name=step][value={name}])")
    for field, value in fields.items():
        target = form.locator(f"[name='{name}-{field}']")
        if target.evaluate("e => e.tagName") == "SELECT":
            target.select_option(value)
        else:
            target.fill(value)
    form.get_by_role("button", name=button).click()
    assert "Langkah dicatat." in page.locator(".messages").inner_text(), page.locator("main").inner_text()


def test_every_step_to_a_decree_and_an_objection(page, personas, case) -> None:  # noqa: F811
    today = timezone.localdate()
    url = f"/pengawasan/investigasi/{case.number}/"
    browser_login(page, personas["investigator"])
    page.goto(url)
    assert_accessible(page)
    _step(page, "summon", {"examination_on": add_working_days(today, 8).isoformat(), "place": "Ruang Kepatuhan"})
    _step(
        page,
        "examine",
        {
            "examined_on": today.isoformat(),
            "team": "Kepala Seksi\nInvestigator Kepatuhan\nKepegawaian",
            "statement": "Petugas mengakui menerima uang dari perantara.",
            "findings": "Terbukti menerima uang; dua saksi pemohon.",
        },
    )
    _step(
        page,
        "report",
        {"outcome": "proven", "offence": "sop", "level": "sedang", "recommendation": "Hukuman disiplin sedang."},
    )
    assert_accessible(page)
    # The criminal track beside it: a referral packet to the police, sealed by its hash.
    page.get_by_text("Rujuk pro justitia (jalur pidana, sejajar dengan disiplin)").click()
    page.locator("[name='refer-agency']").select_option("polri")
    page.locator("[name='refer-crime']").select_option("extortion")
    page.locator("[name='refer-summary']").fill("Penerimaan uang dari perantara, diakui dalam BAP.")
    page.get_by_role("button", name="Buat rujukan").click()
    assert "paketnya tersegel" in page.locator(".messages").inner_text()
    assert case.referrals.get().packet_sha256 in page.locator("main").inner_text()
    assert_accessible(page)
    page.get_by_role("button", name="Keluar").click()

    browser_login(page, personas["interviewer"])  # the officer: the summons, nothing else
    assert "Anda menerima surat panggilan pemeriksaan disiplin." in page.locator("main").inner_text()
    page.get_by_role("link", name="Lihat panggilan").click()
    assert "Ruang Kepatuhan" in page.locator("main").inner_text()
    assert "Ombudsman" not in page.content() and "dua saksi" not in page.content()
    assert_accessible(page)
    page.get_by_role("button", name="Keluar").click()

    browser_login(page, personas["kakanim"])
    page.get_by_role("navigation").get_by_role("link", name="Pemeriksaan internal").click()
    page.get_by_role("link", name=case.number).click()
    _step(page, "decree", {"sanction": "allowance_cut_6", "number": "KEP-021/JAKSEL/KP/2025", "on": today.isoformat()})
    page.get_by_role("button", name="Keluar").click()

    browser_login(page, personas["investigator"])
    page.goto(url)
    _step(page, "deliver", {"delivered_on": today.isoformat()})
    _step(page, "object", {"route": "keberatan", "filed_on": today.isoformat(), "note": "Keberatan diajukan pegawai."})
    page.get_by_role("button", name="Keluar").click()

    browser_login(page, personas["kakanim"])
    page.goto(url)
    form = page.locator("form:has(input[name=step][value=decide_objection])")
    form.get_by_label("Tidak").check()
    form.locator("[name='decide_objection-note']").fill("Keberatan ditolak: bukti transfer dan dua saksi.")
    form.get_by_role("button", name="Catat langkah").click()
    assert "Hukuman berkekuatan tetap" in page.locator("main").inner_text()
    assert_accessible(page)
    case.refresh_from_db()
    assert case.status == InvestigationStatus.FINAL and case.sanction == "allowance_cut_6"
