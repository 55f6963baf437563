"""Slowing down receipt guessing and flooding without knowing who anyone is.

Counts live in this process's memory (the local cache), never in the database or a log. A client is told apart by
a keyed hash of its address under a key made at start-up and kept nowhere, so even the counts cannot be turned back
into addresses. Behind a trusted proxy (GARDA_TRUSTED_PROXY) the address is the one the proxy forwarded.

- Wrong receipts slow and then stop the client that sends them, never everybody: a flood from many addresses only
  makes every wrong answer slower (with 100-bit receipts guessing is hopeless anyway). It used to pause the
  follow-up for all reporters after 200 wrong receipts from anywhere.
- Submissions are counted before they are processed (an atomic increment), so parallel requests cannot all pass a
  limit they each checked before any of them was counted; a submission that fails gives its place back.
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


def _bump(key: str, window: int) -> int:
    """Add one and return the new count, atomically within the process (LocMemCache's incr holds its lock)."""
    if cache.add(key, 1, timeout=window):
        return 1
    try:
        return int(cache.incr(key))
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window)
        return 1


def receipt_blocked(request: HttpRequest) -> bool:
    """This client sent too many wrong receipts lately (others are not affected)."""
    return _count(f"wbs:receipt:{_client(request)}") >= _limits()["receipt_failures_per_client"]


def receipt_failed(request: HttpRequest, started: float) -> None:
    """Count the failure, then make the answer take at least `failure_seconds` from when the attempt started — twice
    as long while many wrong receipts arrive from everywhere (a flood slows itself, and blocks nobody)."""
    limits = _limits()
    window = int(limits["receipt_window_seconds"])
    _bump(f"wbs:receipt:{_client(request)}", window)
    total = _bump("wbs:receipt:all", window)
    delay = limits["failure_seconds"] * (2 if total >= limits["receipt_failures_total"] else 1)
    remaining = delay - (time.monotonic() - started)
    if remaining > 0:
        time.sleep(remaining)


def reserve_submission(request: HttpRequest) -> bool:
    """Count a submission before processing it; False (and nothing counted) when the client or the channel is over
    its limit."""
    limits = _limits()
    window = int(limits["submission_window_seconds"])
    mine, everyone = f"wbs:submit:{_client(request)}", "wbs:submit:all"
    if _bump(mine, window) > limits["submissions_per_client"]:
        _give_back(mine)
        return False
    if _bump(everyone, window) > limits["submissions_total"]:
        _give_back(everyone)
        _give_back(mine)
        return False
    return True


def release_submission(request: HttpRequest) -> None:
    """A reserved submission that was not stored (the form was wrong): its place is given back."""
    _give_back(f"wbs:submit:{_client(request)}")
    _give_back("wbs:submit:all")


def _give_back(key: str) -> None:
    try:
        cache.decr(key)
    except ValueError:  # expired meanwhile: nothing to give back
        pass
