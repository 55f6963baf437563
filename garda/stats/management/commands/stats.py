"""`garda stats decisions --office CODE --from DATE --to DATE [--json]`: postponement, refusal and cancellation
decisions of an office in a period (inclusive), in total and by kind, category and month."""

import json
import sys
from argparse import ArgumentParser, ArgumentTypeError
from datetime import date
from typing import Any

from django.core.management.base import BaseCommand

from garda.stats.decisions import decision_stats


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise ArgumentTypeError(f"{text!r} bukan tanggal ISO (YYYY-MM-DD)") from exc


class Command(BaseCommand):
    help = "Statistics for the office and the ministry: `decisions --office CODE --from DATE --to DATE [--json]`."

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="report", required=True)
        decisions = sub.add_parser("decisions", help="postponement, refusal and cancellation decisions")
        decisions.add_argument("--office", required=True)
        decisions.add_argument("--from", dest="start", required=True, type=_date)
        decisions.add_argument("--to", dest="end", required=True, type=_date)
        decisions.add_argument("--json", action="store_true", help="one JSON object")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["end"] < options["start"]:
            sys.stderr.write("garda stats: --to lebih awal dari --from\n")
            sys.exit(2)
        stats = decision_stats(options["office"], options["start"], options["end"])
        if options["json"]:
            self.stdout.write(json.dumps(stats.as_json(), ensure_ascii=False))
            return
        self.stdout.write(f"Kantor {stats.office}, {stats.start} s.d. {stats.end}: {stats.total} keputusan")
        for title, counts in (("Jenis", stats.by_kind), ("Kategori", stats.by_category), ("Bulan", stats.by_month)):
            self.stdout.write(f"{title}:")
            for key, n in counts.items():
                self.stdout.write(f"  {key:<20} {n:>6}")
