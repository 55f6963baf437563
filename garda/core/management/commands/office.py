"""`garda office add`: create an office from the command line (the first one of a new installation)."""

from argparse import ArgumentParser
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from garda.core import actions
from garda.core.models import Office
from garda.core.models.offices import OfficeKind, OfficeTimeZone

TIME_ZONES = {tz.label: tz.value for tz in OfficeTimeZone}


class Command(BaseCommand):
    help = "Manage offices: `add CODE NAME --kind kanim --tz WIB --parent KANWIL --region 317403`."

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="subcommand", required=True)
        add = sub.add_parser("add", help="create an office")
        add.add_argument("code")
        add.add_argument("name")
        add.add_argument("--kind", choices=OfficeKind.values, default=OfficeKind.KANIM)
        add.add_argument("--tz", choices=sorted(TIME_ZONES), default="WIB")
        add.add_argument("--parent", help="code of the parent office (a Kanwil for a Kanim)")
        add.add_argument("--region", default="", help="Kemendagri region code, digits only")
        add.add_argument("--address", default="")

    def handle(self, *args: Any, **options: Any) -> None:
        parent = None
        if options["parent"]:
            parent = Office.objects.filter(code=options["parent"]).first()
            if parent is None:
                raise CommandError(f"--parent: no office with code {options['parent']!r}")
        try:
            office = actions.do_create_office(
                acting_user=None,
                code=options["code"],
                name=options["name"],
                kind=options["kind"],
                time_zone=TIME_ZONES[options["tz"]],
                parent=parent,
                region_code=options["region"],
                address=options["address"],
            )
        except ValidationError as exc:
            raise CommandError("; ".join(f"{k}: {' '.join(v)}" for k, v in exc.message_dict.items())) from exc
        self.stdout.write(f"Kantor {office.code} dibuat.")
