"""Browser tests of the foundation's user-facing flows (Playwright + Debian Chromium)."""

import re

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from garda.conftest import PASSWORD, assert_accessible, browser_login, totp_now
from garda.core.models import AuditEvent, User

pytestmark = pytest.mark.browser


def test_public_home_is_open_and_accessible(page) -> None:
    page.goto("/")
    assert page.get_by_role("heading", level=1).inner_text().startswith("Bepergian")
    # The stylesheet is inline (one round trip on a slow line) and the CSP nonce lets it apply.
    assert page.evaluate("getComputedStyle(document.querySelector('.skip-link')).position") == "absolute"
    assert page.locator("link[rel=stylesheet], script[src]").count() == 0
    assert_accessible(page)


def test_first_login_enrols_totp_then_every_login_asks_for_a_code(page, personas: dict[str, User]) -> None:
    page.goto("/beranda/")
    assert "/masuk/" in page.url
    assert_accessible(page)
    page.get_by_label("Nama pengguna").fill("wawancara")
    page.get_by_label("Kata sandi").fill(PASSWORD)
    page.get_by_role("button", name="Lanjut").click()
    page.wait_for_url(re.compile(r".*/masuk/daftar-2fa/.*"))
    assert page.locator("figure.qr svg").count() == 1
    assert_accessible(page)
    secret = page.get_by_test_id("totp-secret").inner_text()
    page.get_by_label("Kode 6 angka dari aplikasi autentikator").fill(totp_now(secret))
    page.get_by_role("button", name="Daftarkan").click()
    page.wait_for_url("**/beranda/")
    assert "Selamat datang" in page.get_by_role("heading", level=1).inner_text()
    assert_accessible(page)

    page.get_by_role("button", name="Keluar").click()
    page.wait_for_url("**/masuk/")
    page.get_by_label("Nama pengguna").fill("wawancara")
    page.get_by_label("Kata sandi").fill(PASSWORD)
    page.get_by_role("button", name="Lanjut").click()
    page.wait_for_url(re.compile(r".*/masuk/2fa/.*"))
    assert_accessible(page)
    # The code just used cannot be replayed; the authenticator's next code is accepted (one step of drift). The
    # server learnt the clock drift at enrolment (a step boundary may have passed in between): "next" counts from it.
    drift = TOTPDevice.objects.get(user__username="wawancara").drift
    page.get_by_label("Kode 6 angka dari aplikasi autentikator").fill(totp_now(secret, offset_steps=1 + drift))
    page.get_by_role("button", name="Verifikasi").click()
    page.wait_for_url("**/beranda/")
    actions = list(AuditEvent.objects.filter(actor_username="wawancara").values_list("action", flat=True))
    assert "auth.2fa_enrolled" in actions and actions.count("auth.login") == 2


def test_repeated_failures_lock_the_account(page, personas: dict[str, User], settings) -> None:
    page.goto("/masuk/")
    for attempt in range(1, settings.AXES_FAILURE_LIMIT + 1):
        page.get_by_label("Nama pengguna").fill("kasi")
        page.get_by_label("Kata sandi").fill("bukan-sandinya")
        page.get_by_role("button", name="Lanjut").click()
        if attempt < settings.AXES_FAILURE_LIMIT:
            expect(page.locator(".errors")).to_contain_text("salah")
    expect(page.get_by_role("heading", level=1)).to_have_text("Akun terkunci sementara")
    assert_accessible(page)
    # Now even the right password is refused.
    page.goto("/masuk/")
    page.get_by_label("Nama pengguna").fill("kasi")
    page.get_by_label("Kata sandi").fill(PASSWORD)
    page.get_by_role("button", name="Lanjut").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Akun terkunci sementara")
    assert AuditEvent.objects.filter(action="auth.locked_out", actor_username="kasi").exists()


def test_a_role_cannot_open_a_page_it_has_no_right_to(page, personas: dict[str, User]) -> None:
    browser_login(page, personas["counter"])
    assert page.get_by_role("link", name="Pengguna").count() == 0
    response = page.goto("/pengguna/")
    assert response.status == 403
    assert "tidak berwenang" in page.content()
    assert_accessible(page)


def test_audit_trail_can_be_filtered_and_verified(page, personas: dict[str, User]) -> None:
    browser_login(page, personas["kakanim"])
    page.get_by_role("navigation", name="Navigasi utama").get_by_role("link", name="Jejak audit").click()
    page.wait_for_url("**/audit/")
    assert_accessible(page)
    page.get_by_label("Tindakan").fill("auth.login")
    page.get_by_label("Pelaku").fill("kakanim")
    page.get_by_role("button", name="Saring").click()
    # Counting rows does not wait: wait for the filtered page, or the count can catch the document mid-load.
    page.wait_for_url(re.compile(r".*action=auth\.login.*actor=kakanim.*"))
    rows = page.locator("table.audit tbody tr")
    expect(rows.first).to_contain_text("auth.login")
    assert rows.count() >= 2
    assert all("auth.login" in rows.nth(i).inner_text() for i in range(rows.count()))
    rows.first.get_by_role("link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(r"^Kejadian audit #"))
    assert len(page.locator("code.hash").first.inner_text()) == 64
    assert_accessible(page)
    page.goto("/audit/periksa/")
    assert "Rantai utuh" in page.content()
    assert_accessible(page)


def test_admin_creates_an_account_and_changes_its_role(page, personas: dict[str, User]) -> None:
    browser_login(page, personas["admin"])
    page.get_by_role("navigation", name="Navigasi utama").get_by_role("link", name="Pengguna").click()
    assert_accessible(page)
    page.get_by_role("link", name="Tambah pengguna").click()
    assert_accessible(page)
    page.get_by_label("Nama pengguna").fill("loket.baru")
    page.get_by_label("Nama lengkap").fill("Dewi Lestari Saputri")
    page.get_by_label("Peran").select_option("loket")
    page.get_by_label("Kata sandi sementara").fill("sandi-sementara-kuat-01")
    page.get_by_role("button", name="Buat akun").click()
    page.wait_for_url(re.compile(r".*/pengguna/\d+/$"))
    assert "Dewi Lestari Saputri" in page.get_by_role("heading", level=1).inner_text()
    assert_accessible(page)
    page.get_by_label("Peran baru").select_option("wawancara")
    page.get_by_label("Alasan perubahan").fill("Rotasi ke wawancara")
    page.get_by_role("button", name="Ubah peran").click()
    # An interviewer makes decisions: the role waits for a second person.
    expect(page.locator(".messages")).to_contain_text("berlaku setelah disetujui")
    assert User.objects.get(username="loket.baru").role == "loket"
    assert "user.role_requested" in page.locator("table").last.inner_text()
    page.get_by_role("button", name="Keluar").click()
    browser_login(page, personas["kakanim"])
    page.get_by_role("navigation", name="Navigasi utama").get_by_role("link", name="Persetujuan peran").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Persetujuan peran")
    assert_accessible(page)
    page.get_by_label("Alasan keputusan").fill("Sesuai surat perintah rotasi")
    page.get_by_role("button", name="Setujui").click()
    expect(page.locator(".messages")).to_contain_text("Peran disetujui")
    assert User.objects.get(username="loket.baru").role == "wawancara"


def test_interface_switches_to_english_and_back(page) -> None:
    page.goto("/masuk/")
    page.get_by_role("button", name="English").click()
    page.wait_for_url("**/masuk/")
    assert page.get_by_role("heading", level=1).inner_text() == "Staff login"
    assert page.locator("html").get_attribute("lang") == "en"
    assert_accessible(page)
    page.get_by_role("button", name="Bahasa Indonesia").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Masuk petugas")


def test_a_temporary_password_is_replaced_before_anything_else(page, personas: dict[str, User]) -> None:
    from garda.conftest import code_for, enrol_device
    from garda.core import actions

    user = personas["counter"]
    device = enrol_device(user)
    actions.do_set_password(user, acting_user=personas["admin"], password="sementara-dari-admin-09")
    page.goto("/masuk/")
    page.get_by_label("Nama pengguna").fill(user.username)
    page.get_by_label("Kata sandi").fill("sementara-dari-admin-09")
    page.get_by_role("button", name="Lanjut").click()
    page.get_by_label("Kode 6 angka dari aplikasi autentikator").fill(code_for(device))
    page.get_by_role("button", name="Verifikasi").click()
    page.wait_for_url("**/akun/")
    expect(page.get_by_role("alert")).to_contain_text("diatur oleh administrator")
    assert_accessible(page)
    page.goto("/penyaringan/")  # nothing else opens meanwhile
    page.wait_for_url("**/akun/")
    page.get_by_label("Kata sandi saat ini").fill("sementara-dari-admin-09")
    page.locator("#id_token").fill(code_for(device))
    page.get_by_label("Kata sandi baru").fill("milik-saya-sendiri-2026")
    page.get_by_role("button", name="Simpan").click()
    expect(page.locator(".messages")).to_contain_text("Kata sandi diganti")
    page.goto("/penyaringan/")
    expect(page.get_by_role("heading", level=1)).not_to_have_text("Akun saya")
    user.refresh_from_db()
    assert not user.must_change_password and user.check_password("milik-saya-sendiri-2026")
