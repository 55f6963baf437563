"""Screening's answer to the core signal `screening_context_changed` (sent by intelligence and by screening).

Connected in `ScreeningConfig.ready()`. The senders import only core, so the apps below screening never import it.
"""

from typing import Any

from django.db import transaction

from garda.core.signals import screening_context_changed
from garda.screening import context
from garda.screening.tasks import rescreen_pending_applications


def context_changed(sender: Any = None, **kwargs: Any) -> None:
    """Cached contexts reload, and once the change is committed the pending applications are re-screened in the
    background: one task per transaction, however many changes it made."""
    context.move_stamp()
    connection = transaction.get_connection()
    if not any(getattr(f, "__name__", "") == "_enqueue_rescreen" for _, f, _ in connection.run_on_commit):
        transaction.on_commit(_enqueue_rescreen)


def _enqueue_rescreen() -> None:
    rescreen_pending_applications.enqueue()


def connect() -> None:
    screening_context_changed.connect(context_changed, dispatch_uid="garda.screening.context_changed")
