"""The command line and the API as a partner's developer meets them: `garda partners client add` prints the
client's id and secret once; with them, curl gets a token at the URL the OpenAPI document names and calls the API
of a real server (`garda serve`); a second partner's token finds nothing of the first's.

The requests are the curl session of docs/partners.md, made with urllib."""

import base64
import json
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

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


def _http(url: str, *, data: bytes | None = None, headers: dict[str, str] | None = None) -> dict[str, Any]:
    """One HTTP request as curl makes it (the suite must not depend on curl being installed); the JSON answer,
    error statuses included."""
    request = urllib.request.Request(url, data=data, headers=headers or {})  # noqa: S310 (http only, local)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310 (a local server of the test)
            return dict(json.loads(response.read()))
    except urllib.error.HTTPError as error:
        return dict(json.loads(error.read()))


def _token(url: str, client_id: str, secret: str) -> str:
    basic = base64.b64encode(f"{client_id}:{secret}".encode()).decode()
    answer = _http(url, data=b"grant_type=client_credentials", headers={"Authorization": f"Basic {basic}"})
    return str(answer["access_token"])


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
            document = _http(f"{base}/api/openapi.json")
            flows = document["components"]["securitySchemes"]["ClientCredentials"]["flows"]
            token_url = base + flows["clientCredentials"]["tokenUrl"]
            token = _token(token_url, lines["client_id"], lines["client_secret"])
            report = {
                "id": "CURL-1",
                "category": "suspected_recruiter",
                "received_at": "2025-05-01T08:00:00+07:00",
                "subjects": [{"role": "recruiter", "full_name": "Agus Salimin"}],
            }
            stored = _http(
                f"{base}/api/v1/reports",
                data=json.dumps(report).encode(),
                headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
            )
            assert stored["id"] == "CURL-1" and stored["status"] == "received"
            polri = _token(token_url, other_lines["client_id"], other_lines["client_secret"])
            missing = _http(f"{base}/api/v1/reports/CURL-1", headers={"Authorization": f"Bearer {polri}"})
            assert missing["error"]["code"] == "not_found"
        finally:
            server.terminate()
            server.wait(timeout=30)
