"""`garda audit verify | checkpoint`: walk the audit chain (exit 0 when intact, 1 naming the first broken event or
the checkpoint it disagrees with); write a signed checkpoint of the chain's head outside the database."""

import sys
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from garda.core import audit, auditkey


class Command(BaseCommand):
    help = "Audit chain tools: `verify` checks every event and the latest checkpoint; `checkpoint` writes one."

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="subcommand", required=True)
        sub.add_parser("verify", help="check the whole chain and the latest checkpoint; exit 1 when broken")
        sub.add_parser("checkpoint", help="write a signed checkpoint of the chain's head outside the database")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["subcommand"] == "checkpoint":
            point = audit.checkpoint()
            if point is None:
                self.stdout.write("Rantai audit masih kosong: tidak ada titik periksa yang ditulis.")
            else:
                self.stdout.write(
                    f"Titik periksa #{point.seq} ({point.hash[:16]}…) ditulis ke {auditkey.checkpoint_file()}"
                )
            return
        if options["subcommand"] != "verify":
            raise CommandError(f"unknown subcommand {options['subcommand']}")
        report = audit.verify_chain()
        if report.intact:
            point, _ = auditkey.latest_checkpoint()
            against = f"; cocok dengan titik periksa #{point.seq} ({point.written_at})" if point else ""
            self.stdout.write(f"Rantai audit utuh: {report.count} kejadian. Hash kepala: {report.head_hash}{against}")
            return
        where = f"pada kejadian #{report.broken_seq}" if report.broken_seq else "terhadap titik periksa"
        self.stderr.write(
            f"Rantai audit RUSAK {where}"
            + (f" (id {report.broken_id})" if report.broken_id else "")
            + f": {report.reason}. {report.count} kejadian sebelumnya utuh."
        )
        sys.exit(1)
