"""Shared fixtures: the personas of the design document, verified staff sessions, and TOTP codes."""

import base64
import os
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

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


@pytest.fixture(autouse=True)
def _decisions_unfrozen_for_the_flush(request: pytest.FixtureRequest) -> Iterator[None]:
    """A test on a real (transactional) database ends with Django's flush, which empties every table: the triggers
    that refuse to delete decided cases and issued letters are dropped just before it, and made again by the
    flush's post_migrate (garda.decisions.apps). Other tests roll back and need nothing."""
    marker = request.node.get_closest_marker("django_db")
    transactional = bool(marker and marker.kwargs.get("transaction")) or any(
        name in request.fixturenames for name in ("transactional_db", "live_server")
    )
    if not transactional:
        yield
        return
    request.getfixturevalue("transactional_db")
    yield
    from django.db import connection

    from garda.decisions.triggers import FROZEN, drop_statements

    with connection.cursor() as cursor:
        for frozen in FROZEN:
            for statement in drop_statements(connection.vendor, frozen):
                cursor.execute(statement)


@pytest.fixture(autouse=True)
def _fresh_caches() -> None:
    """Each test's database is new: nothing cached in this process from an earlier test may stand for it."""
    from garda.identity.index import forget_cached
    from garda.screening import context as screening_context

    forget_cached()
    screening_context.forget()


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


GARDA_CLI = str(Path(sys.executable).parent / "garda")


def run_garda(env: dict[str, str], *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """The real `garda` command, in a process of its own."""
    return subprocess.run(
        [GARDA_CLI, *args], env=env, input=stdin, capture_output=True, text=True, timeout=240, check=False
    )


@contextmanager
def scratch_database(tmp: Path, *, demo: bool) -> Iterator[dict[str, str]]:
    """A database of its own for the command line (SQLite file, or a PostgreSQL database when the suite runs on
    PostgreSQL), migrated, with the demo if asked; yields the environment to run `garda` in (DB_NAME: the file
    or database name)."""
    from django.conf import settings

    db = settings.DATABASES["default"]
    admin_conninfo = ""
    if db["ENGINE"].endswith("postgresql"):
        import psycopg

        name = f"garda_cli_{uuid.uuid4().hex[:10]}"
        admin_conninfo = psycopg.conninfo.make_conninfo(
            host=db["HOST"] or "127.0.0.1",
            port=str(db["PORT"] or 5432),
            user=db["USER"],
            dbname="postgres",
            password=db["PASSWORD"] or None,
        )
        with psycopg.connect(admin_conninfo, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        url = f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{name}"
    else:
        name = str(tmp / "scratch.sqlite3")
        url = f"sqlite:///{name}"
    env = {**os.environ, "DATABASE_URL": url, "GARDA_DATA_DIR": str(tmp), "GARDA_DEMO_PASSWORD": "demo-sandi-uji-1"}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    try:
        result = run_garda(env, "migrate", "-v0")
        assert result.returncode == 0, result.stderr
        if demo:
            result = run_garda(env, "demo", "--if-empty")
            assert result.returncode == 0, result.stderr
        yield {**env, "DB_NAME": name}
    finally:
        if admin_conninfo:
            import psycopg

            with psycopg.connect(admin_conninfo, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def enrol_device(user: User) -> TOTPDevice:
    device = TOTPDevice.objects.create(user=user, name="uji", confirmed=True)
    return device


def code_for(device: TOTPDevice) -> str:
    """A code the server will accept now: the current step as the server sees it (with the drift it learnt), or
    the one after the last code used, so the same person can log in twice within thirty seconds."""
    device.refresh_from_db()
    now = int((time.time() - device.t0) // device.step) + device.drift
    step = max(now, device.last_t + 1)  # within the tolerance of one step
    code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=device.drift + step - now)
    return f"{code:06d}"


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


# --- Browser (Playwright driving Debian's Chromium) --------------------------------------------------------

# Playwright's sync API keeps an event loop in the test thread; the ORM calls in fixtures are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if executable is None:
        pytest.fail("Chromium is needed for the browser tests: `apt-get install chromium` (make test does it).")
    playwright = sync_playwright().start()
    chromium = playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
    yield chromium
    chromium.close()
    playwright.stop()


class PageProbe:
    """What a page did that it should not: requests leaving the server, JavaScript errors."""

    def __init__(self, origin: str) -> None:
        self.origin = origin
        self.external: list[str] = []
        self.errors: list[str] = []

    def on_request(self, request: Any) -> None:
        if not request.url.startswith((self.origin, "data:", "about:")):
            self.external.append(request.url)

    def on_console(self, message: Any) -> None:
        # Failed loads are judged in on_response, where a page's own status (403, 429) can be told apart.
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            self.errors.append(message.text)

    def on_response(self, response: Any) -> None:
        if response.status >= 400 and response.request.resource_type != "document":
            self.errors.append(f"{response.status} {response.url}")


@pytest.fixture
def page(browser: Any, live_server: Any) -> Iterator[Any]:
    """A page at 1366×768 (the office monitor) that fails the test on external loads or JavaScript errors."""
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="id-ID", base_url=live_server.url)
    pg = context.new_page()
    probe = PageProbe(live_server.url)
    pg.on("request", probe.on_request)
    pg.on("console", probe.on_console)
    pg.on("response", probe.on_response)
    pg.on("pageerror", lambda exc: probe.errors.append(str(exc)))
    yield pg
    context.close()
    assert probe.external == [], f"the page loaded from outside the server: {probe.external}"
    assert probe.errors == [], f"JavaScript errors: {probe.errors}"


def assert_accessible(pg: Any) -> None:
    """axe-core (shipped in axe-playwright-python) finds no violation on the current page."""
    from axe_playwright_python.sync_playwright import Axe

    # Called right after a click, the page may still be loading the next document (axe then finds no
    # documentElement): check the page the click opened, once it has loaded.
    pg.wait_for_load_state("load")
    results = Axe().run(pg)
    assert results.violations_count == 0, results.generate_report()


_OVERFLOW = """() => { const w = document.documentElement.clientWidth;
  // A wide table inside a scrolling wrapper scrolls by itself; the page does not.
  const wide = [...document.querySelectorAll('body *')].filter(
    e => e.getBoundingClientRect().right > w + 1 && !e.closest('.table-wrap'));
  return {scroll: document.documentElement.scrollWidth, width: w,
          wide: wide.slice(0, 5).map(e => e.tagName + (e.id ? '#' + e.id : ''))}; }"""


def assert_fits(pg: Any) -> None:
    """Nothing on the current page scrolls sideways, and axe finds no violation: what every public page must
    pass at phone width."""
    pg.wait_for_load_state("load")
    found = pg.evaluate(_OVERFLOW)
    assert found["scroll"] <= found["width"] and not found["wide"], (pg.url, found)
    assert_accessible(pg)


def totp_now(secret_b32: str, offset_steps: int = 0) -> str:
    """The code an authenticator app shows for this secret (offset by whole 30-second steps)."""
    key = base64.b32decode(secret_b32.replace(" ", ""))
    return f"{totp(key, t0=-offset_steps * 30):06d}"


def browser_login(pg: Any, user: User, password: str = PASSWORD) -> None:
    """Log in through the pages, as a person would, with an authenticator enrolled beforehand."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first() or enrol_device(user)
    pg.goto("/masuk/")
    pg.get_by_label("Nama pengguna").fill(user.username)
    pg.get_by_label("Kata sandi").fill(password)
    pg.get_by_role("button", name="Lanjut").click()
    pg.get_by_label("Kode 6 angka dari aplikasi autentikator").fill(code_for(device))
    pg.get_by_role("button", name="Verifikasi").click()
    pg.wait_for_url("**/beranda/")
