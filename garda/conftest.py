"""Shared fixtures: the personas of the design document, verified staff sessions, and TOTP codes."""

from collections.abc import Callable

import pytest
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from garda.core import actions
from garda.core.models import Office, User
from garda.core.models.offices import OfficeKind, OfficeTimeZone
from garda.core.roles import Role

PASSWORD = "sandi-uji-yang-panjang-2026"


@pytest.fixture(autouse=True)
def _fast_hashing(settings: object) -> None:
    # Argon2 is the production hasher (tested on its own); the suite creates many accounts.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # type: ignore[attr-defined]


@pytest.fixture
def offices(db: None) -> dict[str, Office]:
    national = actions.do_create_office(
        acting_user=None, code="DITJEN", name="Direktorat Jenderal Imigrasi", kind=OfficeKind.NATIONAL
    )
    kanwil = actions.do_create_office(
        acting_user=None, code="KANWIL_DKI", name="Kanwil DKI Jakarta", kind=OfficeKind.KANWIL, parent=national
    )
    jaksel = actions.do_create_office(
        acting_user=None,
        code="JAKSEL",
        name="Kantor Imigrasi Kelas I Khusus Non TPI Jakarta Selatan",
        region_code="317403",
        parent=kanwil,
    )
    jaktim = actions.do_create_office(acting_user=None, code="JAKTIM", name="Kanim Jakarta Timur", parent=kanwil)
    cirebon = actions.do_create_office(acting_user=None, code="CIREBON", name="Kanim Cirebon")
    jayapura = actions.do_create_office(
        acting_user=None, code="JAYAPURA", name="Kanim Jayapura", time_zone=OfficeTimeZone.WIT
    )
    return {o.code: o for o in (national, kanwil, jaksel, jaktim, cirebon, jayapura)}


def make_user(office: Office, role: Role, username: str, **extra: object) -> User:
    fields: dict[str, object] = {"full_name": username.replace(".", " ").title(), "office": office, "role": role}
    fields.update(extra)
    return actions.do_create_user(acting_user=None, password=PASSWORD, username=username, **fields)


@pytest.fixture
def personas(offices: dict[str, Office]) -> dict[str, User]:
    jaksel = offices["JAKSEL"]
    return {
        "counter": make_user(jaksel, Role.COUNTER, "loket"),
        "interviewer": make_user(jaksel, Role.INTERVIEWER, "wawancara"),
        "kasi": make_user(jaksel, Role.KASI, "kasi"),
        "kakanim": make_user(jaksel, Role.KAKANIM, "kakanim"),
        "investigator": make_user(jaksel, Role.INVESTIGATOR, "investigator"),
        "admin": make_user(jaksel, Role.ADMIN, "admin"),
        "partner": make_user(jaksel, Role.PARTNER, "mitra", agency="KP2MI"),
        "other_office": make_user(offices["CIREBON"], Role.INTERVIEWER, "wawancara.cirebon"),
        "other_admin": make_user(offices["CIREBON"], Role.ADMIN, "admin.cirebon"),
        "national_admin": make_user(offices["DITJEN"], Role.ADMIN, "admin.pusat"),
    }


def enrol_device(user: User) -> TOTPDevice:
    device = TOTPDevice.objects.create(user=user, name="uji", confirmed=True)
    return device


def code_for(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


@pytest.fixture
def login_as(client: Client) -> Callable[[User], Client]:
    """A client with a verified (password + TOTP) session for the user."""

    def _login(user: User) -> Client:
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first() or enrol_device(user)
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        session = client.session
        session["otp_device_id"] = device.persistent_id
        session.save()
        return client

    return _login
