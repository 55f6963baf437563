"""Fixtures of the channel's tests: fast Argon2id, a fresh rate-limit memory, handlers with keys in their
sessions, and a helper that submits a report through the public page."""

import io
import re
from collections.abc import Callable
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from garda.conftest import PASSWORD, enrol_device, make_user
from garda.core.models import Office, User
from garda.core.roles import Role
from garda.whistle import actions, keys

RECEIPT = re.compile(r"[0-9A-Z]{4}(?:-[0-9A-Z]{4}){4}")


@pytest.fixture(autouse=True)
def _channel_settings(settings: Any, tmp_path: Any) -> None:
    settings.WHISTLE_KDF = "minimal"
    settings.MEDIA_ROOT = tmp_path / "files"
    settings.WHISTLE_LIMITS = {**settings.WHISTLE_LIMITS, "failure_seconds": 0.3}
    cache.clear()


@pytest.fixture
def handlers(personas: dict[str, User], offices: dict[str, Office]) -> dict[str, User]:
    """Handlers and custodians with key pairs (made as their first login would)."""
    jaksel, national = offices["JAKSEL"], offices["DITJEN"]
    users = {
        "investigator": personas["investigator"],
        "investigator2": make_user(jaksel, Role.INVESTIGATOR, "investigator.dua", full_name="Siti Rahmawati"),
        "kabid": make_user(jaksel, Role.KABID_INTEL, "kabid.intel", full_name="Agus Salim"),
        "analyst": make_user(jaksel, Role.ANALYST, "analis", full_name="Dewi Lestari"),
        "custodian": make_user(jaksel, Role.CUSTODIAN, "kustodian", full_name="Hendra Wijaya"),
        "patnal": make_user(national, Role.INVESTIGATOR, "patnal.pusat", full_name="Rina Kusuma"),
    }
    for user in users.values():
        actions.do_open_key_pair(user, PASSWORD)
    return users


@pytest.fixture
def handler_client(db: None) -> Callable[..., Client]:
    """A verified session of its own (a new browser) whose key is open, as after a real login."""

    def _login(user: User, password: str = PASSWORD) -> Client:
        client = Client()
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first() or enrol_device(user)
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        session = client.session
        session["otp_device_id"] = device.persistent_id
        keys.keep_in_session(session, actions.do_open_key_pair(user, password))
        session.save()
        return client

    return _login


def jpeg_with_gps() -> bytes:
    from PIL import Image

    image = Image.new("RGB", (64, 48), (200, 30, 30))
    exif = Image.Exif()
    exif[0x010F] = "KameraRahasia"  # Make
    exif[0x8825] = {1: "S", 2: (6.0, 15.0, 30.0), 3: "E", 4: (106.0, 49.0, 12.0)}  # GPS
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif.tobytes())
    return out.getvalue()


def channel_post(client: Client, url: str, data: dict[str, Any] | None = None, **extra: Any) -> Any:
    """POST to a channel page as a browser does: with the form token the channel's pages set in a cookie."""
    if "garda_wbs_form" not in client.cookies:
        client.get("/pengaduan/lanjut/")
    return client.post(url, {**(data or {}), "wbs_form": client.cookies["garda_wbs_form"].value}, **extra)


def submit(client: Client, offices: dict[str, Office], **fields: Any) -> tuple[Any, str]:
    """POST the public form; returns the response and the receipt shown on it."""
    data = {
        "office": offices["JAKSEL"].pk,
        "topic": "recruitment",
        "what": "Perekrut menawarkan kerja di Kamboja, gaji besar, berangkat lewat jalur wisata.",
        "where": "",
        "when": "",
        "people": "",
        "officer": "",
        "excluded": "",
        "identity_name": "",
        "identity_contact": "",
        **fields,
    }
    response = channel_post(client, "/pengaduan/", data)
    found = RECEIPT.search(response.content.decode())
    return response, found.group(0) if found else ""
