"""Logging in: password, then TOTP enrolment at first login, then a TOTP code at every login."""

import re

from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from garda.conftest import PASSWORD, code_for, enrol_device
from garda.core.models import AuditEvent, User


def _password_step(client: Client, username: str, password: str = PASSWORD):
    return client.post(reverse("core:login"), {"username": username, "password": password})


def test_staff_page_without_login_redirects_to_login(client: Client, db: None) -> None:
    response = client.get(reverse("core:home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("core:login"))


def test_first_login_requires_enrolment_before_any_staff_page(client: Client, personas: dict[str, User]) -> None:
    response = _password_step(client, "wawancara")
    assert response.status_code == 302 and reverse("core:two_factor") in response["Location"]
    # Password alone gives no access to staff pages.
    assert client.get(reverse("core:home"))["Location"].startswith(reverse("core:two_factor"))
    enrol = client.get(reverse("core:enrol"))
    assert enrol.status_code == 200
    secret = re.search(r'data-testid="totp-secret">([A-Z2-7 ]+)<', enrol.content.decode())
    assert secret is not None
    device = TOTPDevice.objects.get(user=personas["interviewer"], confirmed=False)
    response = client.post(reverse("core:enrol"), {"token": code_for(device)})
    assert response.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(reverse("core:home")).status_code == 200
    assert AuditEvent.objects.filter(action="auth.2fa_enrolled", actor_username="wawancara").count() == 1


def test_enrolment_rejects_a_wrong_code(client: Client, personas: dict[str, User]) -> None:
    _password_step(client, "wawancara")
    client.get(reverse("core:enrol"))
    response = client.post(reverse("core:enrol"), {"token": "000000"})
    assert response.status_code == 200
    assert "Kode tidak cocok" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=personas["interviewer"], confirmed=True).exists()


def test_login_with_enrolled_device_needs_the_current_code(client: Client, personas: dict[str, User]) -> None:
    device = enrol_device(personas["kasi"])
    _password_step(client, "kasi")
    wrong = client.post(reverse("core:two_factor"), {"token": "123456" if code_for(device) != "123456" else "654321"})
    assert wrong.status_code == 200
    assert client.get(reverse("core:home")).status_code == 302
    device.refresh_from_db()
    device.throttle_reset()
    ok = client.post(reverse("core:two_factor"), {"token": code_for(device), "next": reverse("core:account")})
    assert ok.status_code == 302 and ok["Location"] == reverse("core:account")
    assert client.get(reverse("core:home")).status_code == 200
    actions = list(AuditEvent.objects.filter(actor_username="kasi").order_by("seq").values_list("action", flat=True))
    assert actions[-3:] == ["auth.login_password", "auth.2fa_failed", "auth.login"]


def test_malformed_code_is_rejected_with_a_message(client: Client, personas: dict[str, User]) -> None:
    enrol_device(personas["kasi"])
    _password_step(client, "kasi")
    response = client.post(reverse("core:two_factor"), {"token": "12ab"})
    assert "6 angka" in response.content.decode()


def test_wrong_password_is_refused_and_audited(client: Client, personas: dict[str, User]) -> None:
    response = _password_step(client, "kasi", "salah-sekali")
    assert response.status_code == 200
    assert "salah" in response.content.decode()
    event = AuditEvent.objects.filter(action="auth.login_failed").latest("seq")
    assert event.actor_username == "kasi" and event.office_code == "JAKSEL"
    assert "salah-sekali" not in str(event.after) + event.summary


def test_repeated_failures_lock_the_account(client: Client, personas: dict[str, User], settings: object) -> None:
    for _ in range(settings.AXES_FAILURE_LIMIT):  # type: ignore[attr-defined]
        _password_step(client, "kasi", "salah-sekali")
    locked = _password_step(client, "kasi")  # even the right password is refused now
    assert locked.status_code == 429
    assert "terkunci" in locked.content.decode()
    assert AuditEvent.objects.filter(action="auth.locked_out", actor_username="kasi").exists()
    # Another account is not affected.
    assert _password_step(client, "wawancara").status_code == 302


def test_inactive_account_cannot_log_in(client: Client, personas: dict[str, User]) -> None:
    User.objects.filter(pk=personas["kasi"].pk).update(is_active=False)
    assert _password_step(client, "kasi").status_code == 200


def test_logout_is_post_only_and_ends_the_session(login_as, personas: dict[str, User]) -> None:
    client = login_as(personas["kasi"])
    assert client.get(reverse("core:logout")).status_code == 405
    client.post(reverse("core:logout"))
    assert client.get(reverse("core:home")).status_code == 302


def test_open_redirect_after_login_is_refused(client: Client, personas: dict[str, User]) -> None:
    device = enrol_device(personas["kasi"])
    _password_step(client, "kasi")
    response = client.post(reverse("core:two_factor"), {"token": code_for(device), "next": "https://jahat.example/"})
    assert response["Location"] == reverse("core:home")


def test_passwords_are_hashed_with_argon2(db: None, settings: object, offices: dict) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]  # type: ignore[attr-defined]
    from garda.conftest import make_user
    from garda.core.roles import Role

    user = make_user(offices["JAKSEL"], Role.ANALYST, "analis")
    assert user.password.startswith("argon2$argon2id$")


def test_sessions_expire_after_inactivity(settings: object) -> None:
    assert settings.SESSION_COOKIE_AGE <= 60 * 60  # type: ignore[attr-defined]
    assert settings.SESSION_SAVE_EVERY_REQUEST  # type: ignore[attr-defined]


def test_totp_code_helper_matches_device(personas: dict[str, User]) -> None:
    device = enrol_device(personas["kasi"])
    assert device.verify_token(f"{totp(device.bin_key):06d}")
