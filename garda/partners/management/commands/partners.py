"""`garda partners client add ORG --scope SCOPE [--scope SCOPE ...]`: register a partner system as an OAuth2
client of the API. Prints `client_id: …` and `client_secret: …` once (the secret is stored hashed); the token URL
is the one the OpenAPI document's clientCredentials flow names (/o/token/). `garda partners client revoke ID`
withdraws one; `garda partners client list` shows them."""

from argparse import ArgumentParser
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from garda.partners.actions import do_register_client, do_revoke_client
from garda.partners.models import SCOPES, ApiClient


class Command(BaseCommand):
    help = (
        "Partner systems' API clients: `client add ORG --scope reports:write ...`, `client list`, `client revoke ID`."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        kinds = parser.add_subparsers(dest="kind", required=True)
        client = kinds.add_parser("client", help="API clients (OAuth2 client credentials)")
        verbs = client.add_subparsers(dest="verb", required=True)
        add = verbs.add_parser("add", help="register a client; prints its id and secret once")
        add.add_argument("organisation", metavar="ORG", help="the organisation's code, e.g. KP2MI")
        add.add_argument("--scope", action="append", required=True, choices=list(SCOPES), dest="scopes")
        add.add_argument("--per-minute", type=int, default=60, help="rate limit (requests per minute)")
        verbs.add_parser("list", help="the clients and their scopes")
        revoke = verbs.add_parser("revoke", help="withdraw a client and its tokens")
        revoke.add_argument("client_id")

    def handle(self, *args: Any, **options: Any) -> None:
        verb = options["verb"]
        if verb == "add":
            try:
                made = do_register_client(
                    options["organisation"],
                    scopes=options["scopes"],
                    created_by="cli",
                    requests_per_minute=options["per_minute"],
                )
            except ValidationError as exc:
                raise CommandError("; ".join(f"{k}: {' '.join(v)}" for k, v in exc.message_dict.items())) from exc
            self.stdout.write(f"client_id: {made.client_id}")
            self.stdout.write(f"client_secret: {made.client_secret}")
            self.stderr.write("Rahasia ini hanya ditampilkan sekali; token di /o/token/ (client credentials).")
        elif verb == "list":
            for client in ApiClient.objects.select_related("organisation", "application").order_by("created_at"):
                state = "dicabut" if client.revoked_at else "aktif"
                self.stdout.write(
                    f"{client.application.client_id}\t{client.organisation.code}\t{' '.join(client.scopes)}\t{state}"
                )
        else:
            found = ApiClient.objects.filter(application__client_id=options["client_id"]).first()
            if found is None:
                raise CommandError(f"tidak ada klien {options['client_id']!r}")
            do_revoke_client(found, revoked_by="cli")
            self.stdout.write(f"Klien {options['client_id']} dicabut.")
