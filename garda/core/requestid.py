"""The id of the request (or command) being served, so every audit event can be traced back to it."""

import uuid
from contextvars import ContextVar

_current: ContextVar[str | None] = ContextVar("garda_request_id", default=None)
_process_id = f"proc-{uuid.uuid4().hex[:16]}"


def new_request_id() -> str:
    return uuid.uuid4().hex


def set_request_id(value: str | None) -> object:
    return _current.set(value)


def reset_request_id(token: object) -> None:
    _current.reset(token)  # type: ignore[arg-type]


def current_request_id() -> str:
    """The current request's id; outside a request (command line, worker) one id per process."""
    return _current.get() or _process_id
