"""`garda report --office CODE --period 2025-Q3|2025-09|2025 --format pdf|xlsx --output FILE`: a periodic report
at once, without the worker — the same tables as the dashboard and the reports page."""

import sys
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from garda.core.models import Office
from garda.stats import reports
from garda.stats.periods import parse_period


class Command(BaseCommand):
    help = "Write a periodic report (month, quarter or year) of an office, or of every office, as PDF or XLSX."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--office", default="", help="office code; omit for every office (the national roll-up)")
        parser.add_argument("--period", required=True, help="2025 (year), 2025-Q3 (quarter) or 2025-09 (month)")
        parser.add_argument("--format", choices=["pdf", "xlsx"], default="xlsx")
        parser.add_argument("--output", required=True, help="the file to write")
        parser.add_argument("--outward", action="store_true", help="suppress counts 1..10 as <11 (for outsiders)")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            period = parse_period(options["period"])
        except ValueError as error:
            raise CommandError(f"--period: {error}") from error
        code = options["office"]
        if code:
            office = Office.objects.filter(code=code).first()
            if office is None:
                raise CommandError(f"--office: no office with code {code!r}")
            scope = reports.scope_for([office], period)
        else:
            scope = reports.scope_for(list(Office.objects.order_by("code")), period, everything=True)
        terminal = sys.stderr.isatty()

        def progress(percent: int, step: str) -> None:
            if terminal:
                self.stderr.write(f"\r{percent:3d}% {step:<16}", ending="")

        data = reports.render(
            scope, period, options["format"], outward=options["outward"], today=timezone.localdate(), progress=progress
        )
        output = Path(options["output"])
        try:
            output.write_bytes(data)
        except OSError as error:
            raise CommandError(f"--output: {error}") from error
        if terminal:
            self.stderr.write("")
        self.stderr.write(f"{output}: {scope.label}, {period.text}, {options['format']}, {len(data)} bytes")
