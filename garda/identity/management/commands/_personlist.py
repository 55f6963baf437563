"""Shared plumbing of `garda link` and `garda dedupe`: reading, reporting, the exit status."""

import sys
from pathlib import Path
from typing import TextIO

from django.core.management.base import CommandError

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
