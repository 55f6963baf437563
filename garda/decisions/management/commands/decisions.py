"""`garda decisions lapse`: postponements whose documents did not come within 30 days lapse (run it daily, from
cron or a systemd timer, or enqueue `lapse_overdue_postponements` for the worker)."""

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand

from garda.decisions.actions import lapse_postponements


class Command(BaseCommand):
    help = "Decision housekeeping: `lapse` marks overdue postponements as lapsed."

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("lapse", help="postponements without documents after 30 days lapse")

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"garda decisions lapse: {lapse_postponements()} penundaan gugur")
