"""The command line and the API as a partner's developer meets them: `garda partners client add` prints the
client's id and secret once; with them, curl gets a token at the URL the OpenAPI document names and calls the API
of a real server (`garda serve`); a second partner's token finds nothing of the first's."""

import json
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest

from garda.conftest import GARDA_CLI, run_garda, scratch_database

AGREEMENT = (
    "from garda.core.models import Organisation as O\n"
    "for c in ('KP2MI', 'POLRI'):\n"
    "    O.objects.filter(code=c).update(agreement_scope=['reports:read', 'reports:write', 'persons:status'])\n"
)


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _curl(*args: str) -> dict[str, object]:
    out = subprocess.run(["curl", "-s", *args], capture_output=True, text=True, timeout=60, check=True).stdout
    return dict(json.loads(out))


@pytest.mark.skipif(shutil.which("curl") is None, reason="curl is not installed")
def test_client_add_then_curl_a_token_and_the_api(tmp_path: Path, db: None) -> None:
    with scratch_database(tmp_path, demo=False) as env:
        refused = run_garda(env, "partners", "client", "add", "KP2MI", "--scope", "reports:write")
        assert refused.returncode != 0 and "perjanjian" in refused.stderr  # nothing agreed yet
        assert run_garda(env, "shell", "-c", AGREEMENT).returncode == 0
        bad = run_garda(env, "partners", "client", "add", "KP2MI", "--scope", "everything")
        assert bad.returncode != 0 and "invalid choice" in bad.stderr
        made = run_garda(
            env, "partners", "client", "add", "KP2MI", "--scope", "reports:read", "--scope", "reports:write"
        )
        assert made.returncode == 0, made.stderr
        lines = dict(line.split(": ", 1) for line in made.stdout.strip().splitlines())
        other = run_garda(env, "partners", "client", "add", "POLRI", "--scope", "reports:read")
        other_lines = dict(line.split(": ", 1) for line in other.stdout.strip().splitlines())
        port = _port()
        server = subprocess.Popen(
            [GARDA_CLI, "serve", "--host", "127.0.0.1", "--port", str(port)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(100):
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                    break
                except OSError:
                    time.sleep(0.2)
            document = _curl(f"{base}/api/openapi.json")
            flows = document["components"]["securitySchemes"]["ClientCredentials"]["flows"]
            token_url = base + flows["clientCredentials"]["tokenUrl"]
            token = _curl("-u", f"{lines['client_id']}:{lines['client_secret']}", "-d", "grant_type=client_credentials",
                          token_url)["access_token"]  # fmt: skip
            report = {
                "id": "CURL-1",
                "category": "suspected_recruiter",
                "received_at": "2025-05-01T08:00:00+07:00",
                "subjects": [{"role": "recruiter", "full_name": "Agus Salimin"}],
            }
            stored = _curl("-H", f"Authorization: Bearer {token}", "-H", "Content-Type: application/json",
                           "-d", json.dumps(report), f"{base}/api/v1/reports")  # fmt: skip
            assert stored["id"] == "CURL-1" and stored["status"] == "received"
            polri = _curl("-u", f"{other_lines['client_id']}:{other_lines['client_secret']}",
                          "-d", "grant_type=client_credentials", token_url)["access_token"]  # fmt: skip
            missing = _curl("-H", f"Authorization: Bearer {polri}", f"{base}/api/v1/reports/CURL-1")
            assert missing["error"]["code"] == "not_found"
        finally:
            server.terminate()
            server.wait(timeout=30)
