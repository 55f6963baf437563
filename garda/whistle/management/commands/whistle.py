"""`garda whistle`: the office recovery key of the reporting channel.

garda whistle recovery-key JAKSEL --holder "Kepala Subbagian Umum"   # prints the private half once
garda whistle recover JAKSEL USERNAME < kunci.txt                     # gives USERNAME access again
"""

import sys
from argparse import ArgumentParser
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from garda.core.models import Office, User
from garda.whistle import actions


class Command(BaseCommand):
    help = "The reporting channel's office recovery key: make one, or use one to give a handler access again."

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="subcommand", required=True)
        make = sub.add_parser("recovery-key", help="make the office's recovery key (retires the previous one)")
        make.add_argument("office")
        make.add_argument("--holder", required=True, help="who keeps the printed key (position and name)")
        use = sub.add_parser("recover", help="read a recovery key on standard input; re-grant the office's reports")
        use.add_argument("office")
        use.add_argument("username")

    def handle(self, *args: Any, **options: Any) -> None:
        office = Office.objects.filter(code=options["office"]).first()
        if office is None:
            raise CommandError(f"no office with code {options['office']!r}")
        try:
            if options["subcommand"] == "recovery-key":
                _, private_text = actions.do_create_recovery_key(office, options["holder"])
                self.stdout.write(
                    "Simpan kunci ini di luar sistem (kertas, brankas kantor); Garda tidak menyimpannya.\n"
                    "Keep this key outside the system (paper, the office safe); Garda does not keep it.\n"
                )
                self.stdout.write(private_text)
                return
            user = User.objects.filter(username=options["username"]).first()
            if user is None:
                raise CommandError(f"no user {options['username']!r}")
            done = actions.do_restore_access(office, user, sys.stdin.read())
            self.stdout.write(f"{done} laporan dapat dibuka lagi oleh {user.username}.")
        except ValidationError as exc:
            raise CommandError("; ".join(exc.messages)) from exc
