"""`garda serve`: serve Garda with Waitress (a production WSGI server), optionally with a worker beside it.

Stopped by Ctrl+C or SIGTERM (a service manager), it stops its worker too; on Linux the worker is also told to end
when this process dies in any other way. Behind a TLS proxy, `GARDA_TRUSTED_PROXY` names the proxy's address whose
X-Forwarded-Proto/-For/-Host headers are believed (without it `GARDA_HTTPS=1` redirected forever: the scheme the
proxy had seen was dropped)."""

import os
import signal
import subprocess
import sys
from argparse import ArgumentParser
from typing import Any, NoReturn

from django.core.management.base import BaseCommand

FORWARDED = {"x-forwarded-proto", "x-forwarded-for", "x-forwarded-host"}


def _die_with_parent() -> None:
    """In the worker, before it starts: SIGTERM when the parent dies (Linux prctl PR_SET_PDEATHSIG)."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)
    except OSError:  # not Linux: the parent's own handler still stops it
        pass


def buffer_settings() -> dict[str, Any]:
    """No request or response is spooled to a temporary file: Waitress writes bodies over 512 KB (a report's text
    and files) and responses over 1 MB (a decrypted original being downloaded) to the system's temporary directory,
    in clear. Bodies over the largest a request may be are refused before they are read."""
    from django.conf import settings

    limit = int(settings.MAX_REQUEST_BYTES)
    return {"max_request_body_size": limit, "inbuf_overflow": limit + 1, "outbuf_overflow": 4 * limit}


def proxy_settings() -> dict[str, Any]:
    """Waitress's trusted-proxy settings from GARDA_TRUSTED_PROXY (an address, or '*' for any)."""
    proxy = os.environ.get("GARDA_TRUSTED_PROXY", "").strip()
    if not proxy:
        return {"clear_untrusted_proxy_headers": True}
    return {
        "trusted_proxy": proxy,
        "trusted_proxy_count": 1,
        "trusted_proxy_headers": FORWARDED,
        "clear_untrusted_proxy_headers": True,
    }


class Command(BaseCommand):
    help = "Serve Garda over HTTP with Waitress."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--threads", type=int, default=8)
        parser.add_argument("--with-worker", action="store_true", help="also run `garda worker` in the background")

    def handle(self, *args: Any, **options: Any) -> None:
        from waitress import serve

        from garda.wsgi import application

        def stop(signum: int, frame: Any) -> NoReturn:
            raise SystemExit(0)  # unwinds through `finally`, which stops the worker

        signal.signal(signal.SIGTERM, stop)
        worker = None
        if options["with_worker"]:
            worker = subprocess.Popen([sys.executable, "-m", "garda", "worker"], preexec_fn=_die_with_parent)
        url = f"http://{options['host']}:{options['port']}/"
        self.stdout.write(f"Garda berjalan di {url} — tekan Ctrl+C untuk berhenti. / Serving at {url}")
        self.stdout.flush()
        try:
            serve(
                application,
                host=options["host"],
                port=options["port"],
                threads=options["threads"],
                ident="garda",
                **buffer_settings(),
                **proxy_settings(),
            )
        finally:
            if worker is not None:
                worker.terminate()
                try:
                    worker.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    worker.kill()
