"""`garda oversight signals --office CODE --from DATE --to DATE [--json]`: compute the integrity signals of an office
and period (new ones join internal compliance's review list) and print them — as the worker does each month."""

import json
import sys
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand

from garda.core.commandline import iso_date
from garda.core.models import Office
from garda.core.vocabulary import label
from garda.oversight.actions import do_compute_signals


class Command(BaseCommand):
    help = "Internal oversight: `signals --office CODE --from DATE --to DATE [--json]`."

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="task", required=True)
        signals = sub.add_parser("signals", help="compute the integrity signals of an office and period")
        signals.add_argument("--office", required=True)
        signals.add_argument("--from", dest="start", required=True, type=iso_date)
        signals.add_argument("--to", dest="end", required=True, type=iso_date)
        signals.add_argument("--json", action="store_true", help="one JSON object")

    def handle(self, *args: Any, **options: Any) -> None:
        office = Office.objects.filter(code=options["office"]).first()
        if office is None:
            sys.stderr.write(f"garda oversight: kantor {options['office']!r} tidak dikenal\n")
            sys.exit(2)
        if options["end"] < options["start"]:
            sys.stderr.write("garda oversight: --to lebih awal dari --from\n")
            sys.exit(2)
        signals = do_compute_signals(office, options["start"], options["end"])
        rows = [
            {
                "signal": str(s),
                "officer": s.officer.username,
                "metric": s.metric,
                "count": s.count,
                "base": s.base,
                "rate": round(s.rate, 4),
                "interval": [round(s.lower, 4), round(s.upper, 4)],
                "peers": s.peers,
                "peer_rate": round(s.peer_rate, 4),
                "peer_upper": round(s.peer_upper, 4),
                "status": s.status,
            }
            for s in signals
        ]
        if options["json"]:
            self.stdout.write(json.dumps({"office": office.code, "signals": rows}, ensure_ascii=False))
            return
        self.stdout.write(f"Kantor {office.code}, {options['start']} s.d. {options['end']}: {len(rows)} sinyal")
        for row in rows:
            self.stdout.write(
                f"  {row['signal']:<8} {row['officer']:<24} {label('signal_metric', row['metric'])}: "
                f"{row['count']}/{row['base']} ({row['rate']:.1%}) — rekan {row['peer_rate']:.1%}"
            )
