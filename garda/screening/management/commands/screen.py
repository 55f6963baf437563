"""`garda screen FILE.jsonl [--output OUT.jsonl] [--language id|en]`: store and screen every application, one
result line per input line, in input order (screening-result.schema.json)."""

import sys
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand

from garda.core.imports import UnreadableFile
from garda.screening.actions import screen_file


class Command(BaseCommand):
    help = "Screen passport applications (JSON Lines) against everything known; write one result per line."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("file")
        parser.add_argument("--output", "-o", help="where to write the results (default: standard output)")
        parser.add_argument("--language", choices=["id", "en"], default="id", help="language of the explanations")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        target = Path(options["output"]) if options["output"] else None
        try:
            if target is None:
                summary = screen_file(path, sys.stdout, language=options["language"])
            else:
                with target.open("w", encoding="utf-8") as out:
                    summary = screen_file(path, out, language=options["language"])
        except UnreadableFile as exc:
            sys.stderr.write(f"{exc}\n")
            sys.exit(2)
        for line in summary.errors:
            sys.stderr.write(f"{line}\n")
        sys.stderr.write(f"garda screen: {summary.line()}\n")
        if options["verbosity"] >= 2:
            sys.stderr.write("garda screen: " + ", ".join(f"{k} {v} s" for k, v in summary.seconds.items()) + "\n")
        if summary.rejected:
            sys.exit(1)
