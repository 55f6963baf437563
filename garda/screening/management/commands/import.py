"""`garda import applications FILE.jsonl`: applications and history from any office, idempotent on (office, id)."""

import sys
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand

from garda.screening.actions import UnreadableFile, import_applications


class Command(BaseCommand):
    help = "Import interchange files: `applications FILE.jsonl`."

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="kind", required=True)
        sub.add_parser("applications", help="passport applications (JSON Lines, application.schema.json)").add_argument(
            "file"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            summary = import_applications(Path(options["file"]))
        except UnreadableFile as exc:
            sys.stderr.write(f"{exc}\n")
            sys.exit(2)
        for line in summary.errors:
            sys.stderr.write(f"{line}\n")
        sys.stderr.write(f"garda import applications: {summary.line()}\n")
        if summary.rejected:
            sys.exit(1)
