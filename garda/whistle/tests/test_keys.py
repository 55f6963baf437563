"""Keys follow passwords: made and opened at a real login, re-wrapped on one's own change, retired on an
administrator's reset (access is then given again by another handler)."""

from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from garda.conftest import PASSWORD, code_for, enrol_device
from garda.whistle import actions, keys
from garda.whistle.models import RecipientKey, Report
from garda.whistle.tests.conftest import submit


def _real_login(user, password: str = PASSWORD) -> Client:
    client = Client()
    device = enrol_device(user)
    client.post("/masuk/", {"username": user.username, "password": password})
    code = f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"
    client.post("/masuk/2fa/", {"token": code})
    return client


def test_first_login_makes_the_key_and_opens_it_for_the_session(offices, personas) -> None:
    user = personas["investigator"]
    assert not RecipientKey.objects.filter(user=user).exists()
    client = _real_login(user)
    row = RecipientKey.objects.get(user=user)
    assert PASSWORD.encode() not in bytes(row.wrapped_private)
    assert keys.session_key_for(user, client.session) is not None


def test_officers_without_the_channel_get_no_key(offices, personas) -> None:
    _real_login(personas["counter"])
    assert not RecipientKey.objects.filter(user=personas["counter"]).exists()


def test_own_password_change_rewraps_and_reports_stay_readable(offices, handlers, handler_client) -> None:
    user = handlers["kabid"]
    client = handler_client(user)
    submit(Client(), offices)
    report = Report.objects.get()
    before = bytes(RecipientKey.objects.get(user=user).public_key)
    new_password = "kata-sandi-baru-yang-panjang-77"
    device = TOTPDevice.objects.get(user=user, confirmed=True)
    client.post("/akun/", {"current_password": PASSWORD, "token": code_for(device), "password": new_password})
    row = RecipientKey.objects.get(user=user)
    assert bytes(row.public_key) == before
    opened = actions.do_open_key_pair(user, new_password)
    assert actions.report_key_for_user(report, user, opened) is not None


def test_an_administrators_reset_retires_the_key_and_another_handler_restores_access(
    offices, handlers, personas, handler_client
) -> None:
    submit(Client(), offices)
    report = Report.objects.get()
    analyst, kabid = handlers["analyst"], handlers["kabid"]
    admin = handler_client(personas["admin"])
    temporary = "sementara-dari-admin-2026"
    admin.post(f"/pengguna/{analyst.pk}/kata-sandi/", {"password": temporary, "password_confirm": temporary})
    assert not RecipientKey.objects.filter(user=analyst).exists()
    analyst.refresh_from_db()
    fresh = actions.do_open_key_pair(analyst, temporary)  # the next login makes a new key
    assert actions.report_key_for_user(report, analyst, fresh) is None
    session = handler_client(analyst, temporary)
    # The temporary password is replaced first (nothing else opens until then).
    assert session.get(f"/wbs/{report.number}/")["Location"] == "/akun/"
    own = "milik-analis-sendiri-2026"
    device = TOTPDevice.objects.get(user=analyst, confirmed=True)
    session.post("/akun/", {"current_password": temporary, "token": code_for(device), "password": own})
    page = session.get(f"/wbs/{report.number}/").content.decode()
    assert "Kunci Anda berganti" in page
    kabid_key = actions.report_key_for_user(report, kabid, actions.do_open_key_pair(kabid, PASSWORD))
    actions.do_grant_access(report, kabid_key, acting_user=kabid, target=analyst, reason="Kunci baru setelah reset")
    assert actions.report_key_for_user(report, analyst, fresh) is not None
