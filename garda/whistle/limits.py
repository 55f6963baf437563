"""Slowing down receipt guessing and flooding without knowing who anyone is.

Counts live in this process's memory (the local cache), never in the database or a log. A client is told apart by
a keyed hash of its address under a key made at start-up and kept nowhere, so even the counts cannot be turned back
into addresses; a total across all clients covers Tor, where every visitor arrives from the same address.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

_PROCESS_KEY = secrets.token_bytes(32)


def _client(request: HttpRequest) -> str:
    address = str(request.META.get("REMOTE_ADDR", ""))
    return hmac.new(_PROCESS_KEY, address.encode(), hashlib.sha256).hexdigest()[:32]


def _limits() -> dict[str, float]:
    return dict(settings.WHISTLE_LIMITS)


def _count(key: str) -> int:
    return int(cache.get(key, 0))


def _bump(key: str, window: int) -> None:
    if not cache.add(key, 1, timeout=window):
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, timeout=window)


def receipt_blocked(request: HttpRequest) -> bool:
    limits = _limits()
    return (
        _count(f"wbs:receipt:{_client(request)}") >= limits["receipt_failures_per_client"]
        or _count("wbs:receipt:all") >= limits["receipt_failures_total"]
    )


def receipt_failed(request: HttpRequest, started: float) -> None:
    """Count the failure, then make the answer take at least `failure_seconds` from when the attempt started."""
    limits = _limits()
    window = int(limits["receipt_window_seconds"])
    _bump(f"wbs:receipt:{_client(request)}", window)
    _bump("wbs:receipt:all", window)
    remaining = limits["failure_seconds"] - (time.monotonic() - started)
    if remaining > 0:
        time.sleep(remaining)


def submission_blocked(request: HttpRequest) -> bool:
    limits = _limits()
    return (
        _count(f"wbs:submit:{_client(request)}") >= limits["submissions_per_client"]
        or _count("wbs:submit:all") >= limits["submissions_total"]
    )


def submitted(request: HttpRequest) -> None:
    window = int(_limits()["submission_window_seconds"])
    _bump(f"wbs:submit:{_client(request)}", window)
    _bump("wbs:submit:all", window)
