"""`garda dedupe FILE [--output CLUSTERS.csv] [--threshold P]`: one cluster id per record."""

import csv
import sys
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand

from garda.identity.batch import clusters_apart, resolve
from garda.identity.management.commands._personlist import finish, open_output, read_or_exit, threshold


class Command(BaseCommand):
    help = "De-duplicate a person list (CSV or JSON Lines): id,cluster_id for every valid record."
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("file")
        parser.add_argument("--output", help="CLUSTERS.csv (default: standard output)")
        parser.add_argument("--threshold", default="0.9", help="minimum probability, 0..1 (default 0.9)")

    def handle(self, *args: Any, **options: Any) -> None:
        cutoff = threshold(options["threshold"])
        data = read_or_exit(options["file"], sys.stderr)
        persons = data.persons
        scored, report = resolve(persons)
        roots = clusters_apart(len(persons), scored, cutoff)
        out = open_output(options["output"])
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["id", "cluster_id"])
        for person, root in zip(persons, roots, strict=True):
            # The cluster is named after its first record in the file, so ids are stable and readable.
            writer.writerow([person.id, persons[root].id])
        if out is not sys.stdout:
            out.close()
        finish(
            "dedupe",
            read=len(persons) + len(data.errors),
            rejected=len(data.errors),
            report=report,
            outcome=f"{len(set(roots))} clusters",
            verbosity=options["verbosity"],
        )
