"""The reporter's session after entering a receipt: a cookie holding the report's id and key, encrypted under a key
derived from SECRET_KEY. Nothing about it is stored on the server, so there is no server-side session to link to the
reporter; the receipt itself never travels again, and never in a URL."""

from __future__ import annotations

import base64
import json
import time

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from garda.whistle import crypto

COOKIE = "garda_wbs"
PATH = "/pengaduan/"
IDLE_SECONDS = 30 * 60


def _key() -> bytes:
    return crypto.keyed_hash(settings.SECRET_KEY.encode("utf-8"), b"garda-whistle-reporter-cookie")


def open_session(response: HttpResponse, report_id: int, report_key: bytes) -> None:
    value = {"r": report_id, "k": base64.b64encode(report_key).decode(), "t": int(time.time())}
    box = crypto.encrypt(_key(), json.dumps(value).encode(), pad=False)
    response.set_cookie(
        COOKIE,
        base64.urlsafe_b64encode(box).decode(),
        path=PATH,
        httponly=True,
        samesite="Strict",
        secure=bool(getattr(settings, "HTTPS", False)),
    )


def current(request: HttpRequest) -> tuple[int, bytes] | None:
    raw = request.COOKIES.get(COOKIE)
    if not raw:
        return None
    try:
        value = json.loads(crypto.decrypt(_key(), base64.urlsafe_b64decode(raw.encode()), pad=False))
        if time.time() - int(value["t"]) > IDLE_SECONDS:
            return None
        return int(value["r"]), base64.b64decode(value["k"])
    except (crypto.DecryptionError, ValueError, KeyError, TypeError):
        return None


def close_session(response: HttpResponse) -> None:
    response.delete_cookie(COOKIE, path=PATH, samesite="Strict")
