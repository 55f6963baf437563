"""The reporting channel under load, through the real server (`garda serve`, Waitress) over HTTP:

- one anonymous submission carrying a 5 MB attachment (goal: accepted in under a second), timed from the POST
  to the receipt page, five times;
- 50 submissions at once from 50 threads (goal: none lost): every one gets a receipt, the database holds 50
  reports, and every receipt opens its own report.

The submission limits are raised for the run (GARDA_WBS_SUBMISSIONS): they exist to slow down a flood, not to
be measured here. Runs on a fresh SQLite database of its own, or PostgreSQL with BENCH_DATABASE_URL.

    python bench/bench_whistle.py
"""

import http.cookiejar
import os
import re
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

GARDA = str(Path(sys.executable).parent / "garda")
RECEIPT = re.compile(rb'id="receipt"><strong>([0-9A-Z-]{24})</strong>')


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _multipart(fields: dict[str, str], files: list[tuple[str, str, bytes]]) -> tuple[bytes, str]:
    boundary = secrets.token_hex(16)
    parts: list[bytes] = []
    for name, value in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
    for name, filename, data in files:
        head = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
            "Content-Type: application/octet-stream\r\n\r\n"
        )
        parts.append(head.encode() + data + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


class Reporter:
    """A browser of its own: cookies, the form token, the office choice."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def _cookie(self, name: str) -> str:
        return next(c.value for c in self.jar if c.name == name)

    def open_form(self) -> str:
        page = self.opener.open(f"{self.base}/pengaduan/", timeout=60).read()
        return re.search(rb'<option value="(\d+)"', page).group(1).decode()  # type: ignore[union-attr]

    def submit(self, office: str, text: str, files: list[tuple[str, str, bytes]]) -> tuple[float, str]:
        body, content_type = _multipart(
            {"wbs_form": self._cookie("garda_wbs_form"), "office": office, "topic": "recruitment", "what": text},
            [("attachments", name, data) for _, name, data in files],
        )
        request = urllib.request.Request(  # noqa: S310 (our own server)
            f"{self.base}/pengaduan/", data=body, headers={"Content-Type": content_type}, method="POST"
        )
        started = time.perf_counter()
        page = self.opener.open(request, timeout=120).read()
        elapsed = time.perf_counter() - started
        found = RECEIPT.search(page)
        return elapsed, found.group(1).decode() if found else ""


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="garda-bench-wbs-"))
    env = {
        **os.environ,
        "GARDA_DATA_DIR": str(work),
        "GARDA_WBS_SUBMISSIONS": "100000",
        "GARDA_WBS_SUBMISSIONS_TOTAL": "100000",
    }
    pg_url, dbname = os.environ.get("BENCH_DATABASE_URL"), ""
    if pg_url:
        import psycopg

        dbname = f"garda_bench_wbs_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(pg_url, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{dbname}"')
        env["DATABASE_URL"] = pg_url.rsplit("/", 1)[0] + "/" + dbname
    else:
        env.pop("DATABASE_URL", None)
    subprocess.run([GARDA, "migrate", "-v0"], env=env, check=True)
    subprocess.run(
        [GARDA, "office", "add", "JAKSEL", "Kantor Imigrasi Kelas I Khusus Non TPI Jakarta Selatan"],
        env=env,
        check=True,
        capture_output=True,
    )
    port = _free_port()
    server = subprocess.Popen(
        [GARDA, "serve", "--port", str(port), "--threads", "16"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,  # Waitress warns of its queue depth; a failure shows in the client's answer
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{base}/healthz", timeout=1).read()  # noqa: S310 (our own server)
                break
            except OSError:
                time.sleep(0.2)
        big = b"\xff\xd8\xff\xe0" + os.urandom(5 * 1024 * 1024 - 4)  # a 5 MB "JPEG": cleaned later by the worker
        times = []
        for i in range(5):
            reporter = Reporter(base)
            office = reporter.open_form()
            elapsed, receipt = reporter.submit(office, f"Laporan dengan lampiran besar {i}", [("", "bukti.jpg", big)])
            assert receipt, "the 5 MB submission was not accepted"
            times.append(elapsed)
        print(
            f"one submission with a 5 MB attachment: median {statistics.median(times):.2f} s, "
            f"max {max(times):.2f} s over {len(times)} (goal < 1 s)"
        )

        def one(i: int) -> tuple[float, str]:
            reporter = Reporter(base)
            office = reporter.open_form()
            photo = b"\xff\xd8\xff\xe0" + os.urandom(50_000)
            return reporter.submit(office, f"Laporan serentak nomor {i} — “uji beban”", [("", f"f{i}.jpg", photo)])

        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=50) as pool:
            results = list(pool.map(one, range(50)))
        wall = time.perf_counter() - started
        receipts = [r for _, r in results if r]
        assert len(set(receipts)) == len(receipts)
        check = "from garda.whistle.models import Report; print(Report.objects.count())"
        stored = subprocess.run(
            [
                sys.executable,
                "-c",
                f"import django, os; os.environ.setdefault('DJANGO_SETTINGS_MODULE', "
                f"'garda.settings'); django.setup(); {check}",
            ],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        lost = 50 - len(receipts)
        print(
            f"50 concurrent submissions: {len(receipts)} receipts, {int(stored) - len(times)} stored, {lost} lost, "
            f"in {wall:.1f} s (slowest {max(t for t, _ in results):.2f} s)"
        )
        assert lost == 0 and int(stored) == 50 + len(times), "a concurrent submission was lost"
    finally:
        server.terminate()
        server.wait(timeout=20)
        if dbname and pg_url:
            import psycopg

            with psycopg.connect(pg_url, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)')


if __name__ == "__main__":
    main()
