"""`garda serve`: serve Garda with Waitress (a production WSGI server), optionally with a worker beside it."""

import subprocess
import sys
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand


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

        worker = None
        if options["with_worker"]:
            worker = subprocess.Popen([sys.executable, "-m", "garda", "worker"])
        url = f"http://{options['host']}:{options['port']}/"
        self.stdout.write(f"Garda berjalan di {url} — tekan Ctrl+C untuk berhenti. / Serving at {url}")
        try:
            serve(
                application,
                host=options["host"],
                port=options["port"],
                threads=options["threads"],
                ident="garda",
                clear_untrusted_proxy_headers=True,
            )
        finally:
            if worker is not None:
                worker.terminate()
                worker.wait(timeout=10)
