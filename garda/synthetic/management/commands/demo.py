"""`garda demo`: fill an empty database with the synthetic demo office, and print the demo logins."""

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from garda.synthetic import demo


class Command(BaseCommand):
    help = "Load the synthetic demo (Kanim Jakarta Selatan and other offices) into an empty database."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--if-empty", action="store_true", help="do nothing (but print the logins) if data exists")

    def handle(self, *args: Any, **options: Any) -> None:
        if demo.is_empty():
            self.stdout.write("Memuat data demo... / Loading the demo data...")
            demo.populate()
        elif not options["if_empty"]:
            raise CommandError("The database already holds data; the demo loads only into an empty database.")
        rows = demo.persona_table()
        if not rows:
            return
        self.stdout.write("")
        self.stdout.write("Akun demo / demo logins (semua data sintetis / all data synthetic):")
        width = max(len(r[0]) for r in rows)
        for username, office, role in rows:
            self.stdout.write(f"  {username.ljust(width)}  {office:<8} {role}")
        self.stdout.write(f"Kata sandi / password: {demo.DEMO_PASSWORD}")
        self.stdout.write(
            "Saat pertama masuk, daftarkan aplikasi autentikator (TOTP) dengan memindai kode QR atau mengetik "
            "kunci yang ditampilkan. / At first login, enrol an authenticator app (TOTP) from the QR code or key."
        )
