"""`garda worker`: run background tasks from the database queue (django-tasks-db's db_worker), and write a signed
checkpoint of the audit chain's head every hour (GARDA_AUDIT_CHECKPOINT_SECONDS)."""

import logging
import os
import threading
from argparse import ArgumentParser
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection

from garda.core import audit

log = logging.getLogger(__name__)


def _checkpoints(every: float, stop: threading.Event) -> None:
    """A checkpoint at start and then every `every` seconds, on a connection of this thread's own."""
    while True:
        try:
            audit.checkpoint()
        except Exception:  # a failed checkpoint must not stop the worker; the next one tries again
            log.exception("audit checkpoint failed")
        finally:
            connection.close()
        if stop.wait(every):
            return


class Command(BaseCommand):
    help = "Run the background task worker (database queue)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--batch", action="store_true", help="process what is queued, then exit")
        parser.add_argument("--queue-name", default="default")

    def handle(self, *args: Any, **options: Any) -> None:
        extra = ["--batch"] if options["batch"] else []
        every = float(os.environ.get("GARDA_AUDIT_CHECKPOINT_SECONDS", "3600"))
        stop = threading.Event()
        keeper = threading.Thread(target=_checkpoints, args=(every, stop), name="audit-checkpoints", daemon=True)
        keeper.start()
        try:
            call_command("db_worker", "--queue-name", options["queue_name"], *extra)
        finally:
            stop.set()
            keeper.join(timeout=10)
