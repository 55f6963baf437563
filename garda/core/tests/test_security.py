"""Secure by default: headers, cookies, no debug, nothing loaded from outside the server."""

import re

from django.test import Client
from django.urls import reverse


def test_security_headers_on_every_page(client: Client, db: None) -> None:
    response = client.get("/")
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp and "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Request-ID"]


def test_hsts_is_sent_over_https(client: Client, db: None, settings) -> None:
    settings.ALLOWED_HOSTS = ["testserver"]
    response = client.get("/", secure=True)
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")


def test_debug_is_off_by_default(settings) -> None:
    assert settings.DEBUG is False


def test_pages_reference_only_local_assets(client: Client, db: None) -> None:
    for url in ["/", reverse("core:login")]:
        html = client.get(url).content.decode()
        for attr in re.findall(r'(?:src|href)="([^"]+)"', html):
            assert not attr.startswith(("http:", "https:", "//")), f"{url} loads {attr}"


def test_session_cookie_is_http_only_and_strict(client: Client, personas) -> None:
    response = client.post(reverse("core:login"), {"username": "kasi", "password": "sandi-uji-yang-panjang-2026"})
    cookie = response.cookies["sessionid"]
    assert cookie["httponly"] and cookie["samesite"] == "Strict"


def test_secret_key_is_generated_into_the_data_dir(settings) -> None:
    import os

    if not os.environ.get("GARDA_SECRET_KEY"):
        path = settings.DATA_DIR / "secret_key"
        assert path.read_text().strip() == settings.SECRET_KEY
        assert oct(path.stat().st_mode & 0o777) == "0o600"


def test_no_page_is_kept_by_a_browser_or_proxy(client: Client, personas, login_as) -> None:
    staff = login_as(personas["kasi"])
    for url in ("/", reverse("screening:queue"), "/pengaduan/"):
        response = staff.get(url)
        assert response.status_code == 200, url
        assert "no-store" in response["Cache-Control"], url
    # A refusal is no page to keep either.
    assert "no-store" in staff.get("/audit/")["Cache-Control"]
    assert "no-store" in Client().get(reverse("core:login"))["Cache-Control"]


def test_the_data_directory_and_database_are_private(tmp_path) -> None:
    import os
    import stat

    from garda.conftest import run_garda

    data = tmp_path / "data"
    env = {**os.environ, "GARDA_DATA_DIR": str(data), "DATABASE_URL": f"sqlite:///{data / 'garda.sqlite3'}"}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    done = run_garda(env, "migrate", "-v0")
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE(data.stat().st_mode) == 0o700
    files = [p for p in data.rglob("*") if p.is_file()]
    assert any(p.name == "garda.sqlite3" for p in files)
    for path in files:
        assert stat.S_IMODE(path.stat().st_mode) & 0o077 == 0, path
    # A directory and database left open by an older version are closed on the next start.
    data.chmod(0o755)
    (data / "garda.sqlite3").chmod(0o644)
    assert run_garda(env, "migrate", "-v0").returncode == 0
    assert stat.S_IMODE(data.stat().st_mode) == 0o700
    assert stat.S_IMODE((data / "garda.sqlite3").stat().st_mode) == 0o600
