"""`garda user add`: create a staff account from the command line (e.g. the first administrator)."""

import getpass
import sys
from argparse import ArgumentParser
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from garda.core import actions
from garda.core.models import Office
from garda.core.roles import Role


class Command(BaseCommand):
    help = "Manage accounts: `add USERNAME --office CODE --role admin --full-name NAME [--password-stdin]`."

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="subcommand", required=True)
        add = sub.add_parser("add", help="create an account; the owner enrols 2FA at first login")
        add.add_argument("username")
        add.add_argument("--office", required=True)
        add.add_argument("--role", required=True, choices=Role.values)
        add.add_argument("--full-name", required=True)
        add.add_argument("--agency", default="")
        add.add_argument("--password-stdin", action="store_true", help="read the password from standard input")

    def handle(self, *args: Any, **options: Any) -> None:
        office = Office.objects.filter(code=options["office"]).first()
        if office is None:
            raise CommandError(f"--office: no office with code {options['office']!r}")
        if options["password_stdin"]:
            password = sys.stdin.readline().rstrip("\n")
        else:
            password = getpass.getpass("Kata sandi / password: ")
        try:
            user = actions.do_create_user(
                acting_user=None,
                password=password,
                username=options["username"],
                office=office,
                role=options["role"],
                full_name=options["full_name"],
                agency=options["agency"],
            )
        except ValidationError as exc:
            messages = exc.message_dict.items() if hasattr(exc, "error_dict") else [("password", exc.messages)]
            raise CommandError("; ".join(f"{k}: {' '.join(v)}" for k, v in messages)) from exc
        self.stdout.write(f"Akun {user.username} ({user.role_label}, {office.code}) dibuat.")
