"""`garda decisions lapse`: postponements whose documents did not come within 30 days lapse (run it daily, from
cron or a systemd timer, or enqueue `lapse_overdue_postponements` for the worker).

`garda decisions letters --office CODE --from DATE --to DATE --output DIR`: every letter the office issued in the
period (both ends inclusive, the office's days), as PDF, with `manifest.csv` and `manifest.json` (number, kind, date,
verification code, SHA-256), for the office's records archive."""

import sys
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand

from garda.core.commandline import iso_date
from garda.core.models import Office
from garda.decisions.actions import do_lapse_postponements
from garda.decisions.archive import export_letters


class Command(BaseCommand):
    help = "Decision housekeeping and archive: `lapse`, `letters --office --from --to --output`."

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("lapse", help="postponements without documents after 30 days lapse")
        letters = sub.add_parser("letters", help="every letter of a period as PDF, with a manifest")
        letters.add_argument("--office", required=True)
        letters.add_argument("--from", dest="start", required=True, type=iso_date)
        letters.add_argument("--to", dest="end", required=True, type=iso_date)
        letters.add_argument("--output", required=True, type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "lapse":
            self.stdout.write(f"garda decisions lapse: {do_lapse_postponements()} penundaan gugur")
            return
        office = Office.objects.filter(code=options["office"]).first()
        if office is None:
            sys.stderr.write(f"garda decisions letters: kantor {options['office']!r} tidak dikenal\n")
            sys.exit(2)
        if options["end"] < options["start"]:
            sys.stderr.write("garda decisions letters: --to lebih awal dari --from\n")
            sys.exit(2)
        try:
            done = export_letters(office, options["start"], options["end"], options["output"])
        except OSError as exc:
            sys.stderr.write(f"garda decisions letters: {options['output']}: {exc.strerror or exc}\n")
            sys.exit(2)
        self.stdout.write(
            f"garda decisions letters: {done.written} surat {office.code} {options['start']} s.d. {options['end']} "
            f"ditulis ke {options['output']} (daftar: {done.manifest.name})"
        )
