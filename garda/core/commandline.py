"""Argument types shared by Garda's commands."""

from argparse import ArgumentTypeError
from datetime import date


def iso_date(text: str) -> date:
    """`--from 2025-01-01`: an ISO date, or a message saying what is wrong with it."""
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise ArgumentTypeError(f"{text!r} bukan tanggal ISO (YYYY-MM-DD)") from exc
