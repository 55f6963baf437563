"""`garda inbox digest`: mail each officer the work falling due today or overdue (run daily from cron or a
systemd timer; the mail server is configured by GARDA_EMAIL_* variables)."""

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from garda.core.digest import send_digests


class Command(BaseCommand):
    help = "The work inbox: `digest` mails what falls due today or is overdue."

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="subcommand", required=True)
        sub.add_parser("digest", help="send today's digests")

    def handle(self, *args: Any, **options: Any) -> None:
        run = send_digests(timezone.localdate())
        self.stderr.write(
            f"{run.sent} surel terkirim, {run.items} pekerjaan; "
            f"{run.skipped_without_address} petugas tanpa alamat surel"
        )
