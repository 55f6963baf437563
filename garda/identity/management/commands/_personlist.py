"""Shared plumbing of `garda link` and `garda dedupe`: reading, reporting, the exit status."""

import sys
from pathlib import Path
from typing import TextIO

from django.core.management.base import CommandError

from garda.identity.batch import BatchReport
from garda.identity.personfiles import ReadResult, UnreadableFile, read_persons


def read_or_exit(path: str, stderr: TextIO) -> ReadResult:
    try:
        result = read_persons(Path(path))
    except UnreadableFile as exc:
        stderr.write(f"{exc}\n")
        sys.exit(2)
    for line in result.errors + result.notes:
        stderr.write(f"{line}\n")
    return result


def threshold(value: str) -> float:
    try:
        p = float(value)
    except ValueError:
        raise CommandError(f"--threshold: {value!r} bukan angka") from None
    if not 0.0 <= p <= 1.0:
        raise CommandError(f"--threshold: {p} harus di antara 0 dan 1")
    return p


def open_output(path: str | None) -> TextIO:
    if path is None:
        return sys.stdout
    try:
        return open(path, "w", newline="", encoding="utf-8")
    except OSError as exc:
        raise CommandError(f"--output: {path} tidak dapat ditulis ({exc.strerror})") from exc


def finish(command: str, *, read: int, rejected: int, report: BatchReport, outcome: str, verbosity: int) -> None:
    """The one-line summary on standard error, the stage timings when asked, skipped blocks, and the exit
    status the contract gives: 1 when any record was rejected."""
    sys.stderr.write(
        f"garda {command}: {read} records read, {rejected} rejected, {report.candidate_pairs} candidate pairs "
        f"compared, {outcome}\n"
    )
    if verbosity >= 2:
        stages = ", ".join(f"{stage} {secs} s" for stage, secs in report.seconds.items())
        sys.stderr.write(f"garda {command}: {stages}\n")
    for warning in report.warnings:
        sys.stderr.write(f"garda {command}: {warning}\n")
    for key, size in report.skipped_blocks:
        sys.stderr.write(f"garda {command}: block {key!r} of {size} records skipped (too common to be evidence)\n")
    if rejected:
        sys.exit(1)
