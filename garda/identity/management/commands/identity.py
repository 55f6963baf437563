"""`garda identity train [--from-file FILE]`: estimate Fellegi–Sunter weights from the data and store them as a
new version, which the counter then uses. `garda identity models` lists the versions."""

import sys
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from garda.identity.actions import do_store_model
from garda.identity.models import MatchModel
from garda.identity.personfiles import UnreadableFile, read_persons
from garda.identity.training import estimate_model, persons_from_index


class Command(BaseCommand):
    help = "Identity tools: `train` a new model version, list `models`."

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="subcommand", required=True)
        train = sub.add_parser("train", help="estimate weights from the person index or a list, store a version")
        train.add_argument("--from-file", help="a person list (CSV or JSON Lines) instead of the index")
        sub.add_parser("models", help="list stored model versions, newest first")
        sub.add_parser("reindex", help="recompute every indexed person's blocking keys and the name counts")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["subcommand"] == "reindex":
            from garda.identity.index import rebuild_keys, rebuild_name_frequencies

            n_persons = rebuild_keys()
            names = rebuild_name_frequencies()
            self.stdout.write(f"Kunci {n_persons} orang dan hitungan {names} nama dibangun ulang.")
            return
        if options["subcommand"] == "models":
            for m in MatchModel.objects.all():
                self.stdout.write(f"{m.version}\t{m.created_at:%Y-%m-%d %H:%M}\t{m.trained_on}")
            return
        if options["from_file"]:
            try:
                data = read_persons(Path(options["from_file"]))
            except UnreadableFile as exc:
                self.stderr.write(str(exc))
                sys.exit(2)
            for line in data.errors:
                self.stderr.write(line)
            persons, source = data.persons, f"{len(data.persons)} orang dari {options['from_file']}"
        else:
            persons = persons_from_index()
            source = f"{len(persons)} orang dari indeks"
        try:
            model = estimate_model(persons)
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        stored = do_store_model(model, trained_on=source)
        self.stdout.write(f"Model {stored.version} disimpan ({source}); dipakai di loket mulai sekarang.")
