"""The real `garda` command against a database of its own: migrate, demo, audit verify, and tampering
with an audit row through the database's own client."""

import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from garda.conftest import scratch_database

GARDA = str(Path(sys.executable).parent / "garda")


def _run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([GARDA, *args], env=env, capture_output=True, text=True, timeout=240, check=False)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """A fresh database, migrated and holding the demo, separate from the test database."""
    with scratch_database(tmp_path_factory.mktemp("cli"), demo=True) as env:
        yield env


def _tamper(env: dict[str, str], seq: int) -> None:
    """Disable the guard, change one row, restore the guard — as an intruder with the owner's rights."""
    name = env["DB_NAME"]
    if env["DATABASE_URL"].startswith("sqlite"):
        conn = sqlite3.connect(name)
        conn.execute("DROP TRIGGER core_auditevent_no_update")
        conn.execute("UPDATE core_auditevent SET summary = 'dipalsukan' WHERE seq = ?", (seq,))
        conn.commit()
        conn.close()
        return
    sql = (
        "ALTER TABLE core_auditevent DISABLE TRIGGER core_auditevent_no_change; "
        f"UPDATE core_auditevent SET summary = 'dipalsukan' WHERE seq = {seq}; "
        "ALTER TABLE core_auditevent ENABLE TRIGGER core_auditevent_no_change;"
    )
    subprocess.run(
        ["psql", env["DATABASE_URL"], "-v", "ON_ERROR_STOP=1", "-c", sql], check=True, capture_output=True, timeout=60
    )


def test_demo_prints_the_logins(scratch: dict[str, str]) -> None:
    result = _run(scratch, "demo", "--if-empty")
    assert result.returncode == 0
    assert "kakanim.jaksel" in result.stdout and "demo-sandi-uji-1" in result.stdout


def test_audit_verify_passes_then_names_the_tampered_event(scratch: dict[str, str]) -> None:
    ok = _run(scratch, "audit", "verify")
    assert ok.returncode == 0, ok.stderr
    assert "utuh" in ok.stdout
    _tamper(scratch, 7)
    broken = _run(scratch, "audit", "verify")
    assert broken.returncode == 1
    assert "#7" in broken.stderr and "diubah" in broken.stderr


def test_unknown_command_fails_clearly(scratch: dict[str, str]) -> None:
    result = _run(scratch, "tidak-ada")
    assert result.returncode == 1
    assert "Unknown command" in result.stderr


def test_worker_processes_queued_tasks(scratch: dict[str, str]) -> None:
    enqueue = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django, os; os.environ.setdefault('DJANGO_SETTINGS_MODULE','garda.settings'); django.setup();"
            "from garda.core.tasks import verify_audit_chain; print(verify_audit_chain.enqueue().id)",
        ],
        env=scratch,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    task_id = enqueue.stdout.strip()
    result = _run(scratch, "worker", "--batch")
    assert result.returncode == 0, result.stderr
    check = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django, os; os.environ.setdefault('DJANGO_SETTINGS_MODULE','garda.settings'); django.setup();"
            f"from garda.core.tasks import verify_audit_chain; r = verify_audit_chain.get_result('{task_id}');"
            "print(r.status, r.return_value)",
        ],
        env=scratch,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert check.stdout.startswith("SUCCESSFUL"), check.stdout + check.stderr


def test_first_office_and_administrator_from_the_command_line(scratch: dict[str, str]) -> None:
    made = _run(
        scratch, "office", "add", "SORONG", "Kantor Imigrasi Kelas II TPI Sorong", "--tz", "WIT", "--region", "9201"
    )
    assert made.returncode == 0, made.stderr
    bad = _run(scratch, "office", "add", "sorong x", "Nama")
    assert bad.returncode == 1 and "code" in bad.stderr
    result = subprocess.run(
        [
            GARDA,
            "user",
            "add",
            "admin.sorong",
            "--office",
            "SORONG",
            "--role",
            "admin",
            "--full-name",
            "Yohanes Wanggai",
            "--password-stdin",
        ],
        env=scratch,
        input="sandi-admin-sorong-2026\n",
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    weak = subprocess.run(
        [
            GARDA,
            "user",
            "add",
            "admin2.sorong",
            "--office",
            "SORONG",
            "--role",
            "admin",
            "--full-name",
            "X",
            "--password-stdin",
        ],
        env=scratch,
        input="123\n",
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert weak.returncode == 1 and "password" in weak.stderr
