"""`garda serve` as deployed: behind a TLS proxy it believes the proxy's X-Forwarded-Proto (GARDA_HTTPS=1 redirected
forever without it), and stopped by SIGTERM it stops its worker too. The processes and their open files are read from
/proc, as on the Linux machines Garda runs on (and CI)."""

import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from garda.conftest import GARDA_CLI, scratch_database


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str, headers: dict[str, str]) -> tuple[int, str]:
    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(urllib.request.Request(url, headers=headers), timeout=10) as response:  # noqa: S310
            return response.status, response.headers.get("Location", "")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers.get("Location", "")


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text().split()
            except OSError:
                continue
            if int(stat[3]) == pid:
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split()[2]
    except OSError:
        return False
    return state != "Z"


def test_behind_a_trusted_proxy_and_stopped_with_its_worker(db: None, tmp_path: Path) -> None:
    with scratch_database(tmp_path, demo=False) as env:
        port = _free_port()
        env = {**env, "GARDA_HTTPS": "1", "GARDA_TRUSTED_PROXY": "127.0.0.1", "GARDA_ALLOWED_HOSTS": "127.0.0.1"}
        server = subprocess.Popen(
            [GARDA_CLI, "serve", "--port", str(port), "--with-worker"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        try:
            url = f"http://127.0.0.1:{port}/masuk/"
            for _ in range(100):
                try:
                    status, where = _get(url, {"X-Forwarded-Proto": "https"})
                    break
                except OSError:
                    time.sleep(0.2)
            else:
                pytest.fail("garda serve did not answer")
            assert status == 200, (status, where)  # the proxy said https: no redirect to itself
            status, where = _get(url, {})
            assert status == 301 and where.startswith("https://")  # a plain request is still sent to https
            worker = [pid for pid in _children(server.pid) if _alive(pid)]
            assert worker, "no worker beside the server"
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=20)
            for _ in range(50):
                if not any(_alive(pid) for pid in worker):
                    break
                time.sleep(0.2)
            assert not any(_alive(pid) for pid in worker), "the worker outlived the server"
        finally:
            if server.poll() is None:
                server.kill()


def _spooled(pid: int, directory: Path) -> list[str]:
    """The process's open files in `directory` (a spooled body is unlinked at once but stays open)."""
    found = []
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith(str(directory)):
            found.append(target)
    return found


def test_request_bodies_are_never_spooled_to_disk_and_oversized_ones_are_refused_unread(
    db: None, tmp_path: Path
) -> None:
    spool = tmp_path / "tmp"
    spool.mkdir()
    with scratch_database(tmp_path, demo=False) as env:
        port = _free_port()
        server = subprocess.Popen(
            [GARDA_CLI, "serve", "--port", str(port)],
            env={**env, "TMPDIR": str(spool), "GARDA_ALLOWED_HOSTS": "127.0.0.1"},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        try:
            for _ in range(100):
                try:
                    _get(f"http://127.0.0.1:{port}/pengaduan/", {})
                    break
                except OSError:
                    time.sleep(0.2)
            # A 3 MB report body, sent slowly: while the server holds most of it, nothing of it is on disk.
            body = b"what=" + b"x" * (3 * 1024 * 1024)
            with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
                sock.sendall(
                    b"POST /pengaduan/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    b"Content-Type: application/x-www-form-urlencoded\r\n"
                    + f"Content-Length: {len(body)}\r\n\r\n".encode()
                )
                sock.sendall(body[: len(body) - 10])
                time.sleep(1.0)
                assert _spooled(server.pid, spool) == []
                sock.sendall(body[len(body) - 10 :])
                assert sock.recv(64).startswith(b"HTTP/1.1")
            # 100 MB announced: refused at once, before a byte of it is read.
            with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
                sock.sendall(
                    b"POST /pengaduan/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    b"Content-Type: multipart/form-data; boundary=x\r\nContent-Length: 104857600\r\n\r\n--x"
                )
                assert b" 413 " in sock.recv(64)
        finally:
            server.kill()
            server.wait(timeout=10)
