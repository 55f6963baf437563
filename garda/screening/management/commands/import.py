"""`garda import applications FILE.jsonl`: applications and history from any office, idempotent on (office, id)."""

import sys
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand

from garda.core.imports import UnreadableFile
from garda.screening.imports import import_applications


class Command(BaseCommand):
    help = "Import interchange files: `applications FILE.jsonl`, `agency-reports FILE.jsonl`, `p3mi FILE.csv`."

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="kind", required=True)
        sub.add_parser("applications", help="passport applications (JSON Lines, application.schema.json)").add_argument(
            "file"
        )
        sub.add_parser("agency-reports", help="partner reports (JSON Lines, agency-report.schema.json)").add_argument(
            "file"
        )
        sub.add_parser("p3mi", help="the licensed P3MI registry (CSV), as a new snapshot").add_argument("file")

    def handle(self, *args: Any, **options: Any) -> None:
        from garda.intel.api import import_agency_reports, import_p3mi

        run = {"applications": import_applications, "agency-reports": import_agency_reports, "p3mi": import_p3mi}[
            options["kind"]
        ]
        try:
            summary = run(Path(options["file"]))
        except UnreadableFile as exc:
            sys.stderr.write(f"{exc}\n")
            sys.exit(2)
        for line in summary.errors:
            sys.stderr.write(f"{line}\n")
        sys.stderr.write(f"garda import {options['kind']}: {summary.line()}\n")
        if summary.rejected:
            sys.exit(1)
