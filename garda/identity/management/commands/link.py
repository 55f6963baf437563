"""`garda link LEFT RIGHT [--output PAIRS.csv] [--threshold P]`: pairs of records judged the same person."""

import csv
import sys
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand

from garda.identity.batch import resolve
from garda.identity.management.commands._personlist import finish, open_output, read_or_exit, threshold


class Command(BaseCommand):
    help = "Link two person lists (CSV or JSON Lines): left_id,right_id,probability for each pair at the threshold."
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("left")
        parser.add_argument("right")
        parser.add_argument("--output", help="PAIRS.csv (default: standard output)")
        parser.add_argument("--threshold", default="0.9", help="minimum probability, 0..1 (default 0.9)")

    def handle(self, *args: Any, **options: Any) -> None:
        cutoff = threshold(options["threshold"])
        left = read_or_exit(options["left"], sys.stderr)
        right = read_or_exit(options["right"], sys.stderr)
        scored, report = resolve(left.persons, right.persons)
        out = open_output(options["output"])
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["left_id", "right_id", "probability"])
        written = 0
        for i, j, p in scored.at_least(cutoff):
            writer.writerow([left.persons[i].id, right.persons[j].id, f"{p:.6f}"])
            written += 1
        if out is not sys.stdout:
            out.close()
        rejected = len(left.errors) + len(right.errors)
        finish(
            "link",
            read=len(left.persons) + rejected + len(right.persons),
            rejected=rejected,
            report=report,
            outcome=f"{written} pairs at or above {cutoff}",
            verbosity=options["verbosity"],
        )
