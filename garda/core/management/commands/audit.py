"""`garda audit verify`: walk the audit chain; exit 0 when intact, 1 naming the first broken event."""

import sys
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from garda.core.audit import verify_chain


class Command(BaseCommand):
    help = "Audit chain tools: `verify` checks every event's hash and link."

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="subcommand", required=True)
        sub.add_parser("verify", help="check the whole chain; exit 1 at the first broken event")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["subcommand"] != "verify":
            raise CommandError(f"unknown subcommand {options['subcommand']}")
        report = verify_chain()
        if report.intact:
            self.stdout.write(f"Rantai audit utuh: {report.count} kejadian. Hash kepala: {report.head_hash}")
            return
        self.stderr.write(
            f"Rantai audit RUSAK pada kejadian #{report.broken_seq} (id {report.broken_id}): {report.reason}. "
            f"{report.count} kejadian sebelumnya utuh."
        )
        sys.exit(1)
