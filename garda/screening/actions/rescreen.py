"""Re-screening the pending applications when the context changed (the worker runs it)."""

from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone, translation

from garda.core import audit
from garda.core.vocabulary import label
from garda.screening import context as screening_context
from garda.screening.actions.counter import PENDING_DAYS
from garda.screening.actions.results import screen_application
from garda.screening.actions.review import AWAITING_CONFIRMATION
from garda.screening.engine import SEVERITY_ORDER
from garda.screening.models import Application


def pending() -> Any:
    since = timezone.now() - timedelta(days=PENDING_DAYS)
    return Application.objects.filter(
        decision_kind="", outcome__in=["", AWAITING_CONFIRMATION], submitted_at__gte=since
    )


def do_rescreen_pending() -> dict[str, int]:
    """Screen every pending application again; where something new fired (an indicator code not there before,
    or a higher risk), the application carries an alert in its office's queue."""
    ctx = screening_context.load()
    seen = alerted = 0
    for app in pending().iterator(chunk_size=500):
        previous = app.screenings.first()
        with transaction.atomic():
            row, _ = screen_application(app, ctx, trigger="rescreen")
        seen += 1
        old_codes = {i["code"] for i in previous.indicators} if previous else set()
        new_codes = sorted({i["code"] for i in row.indicators} - old_codes)
        worse = previous is not None and SEVERITY_ORDER[row.risk_level] > SEVERITY_ORDER[previous.risk_level]
        if new_codes or worse:
            # Stored once for every reader, so in the office's language; the words, never the codes.
            with translation.override("id"):
                titles = ", ".join(label("indicator", code) for code in new_codes)
                alert = f"Indikasi baru: {titles}" if new_codes else f"Risiko naik ke {label('risk', row.risk_level)}"
            Application.objects.filter(pk=app.pk).update(alert=alert[:300])
            alerted += 1
    if seen:
        audit.record(
            "application.rescreen_pending",
            actor_username="system",
            summary=f"Penyaringan ulang otomatis: {seen} permohonan tertunda, {alerted} dengan indikasi baru",
            after={"screened": seen, "alerted": alerted},
        )
    return {"screened": seen, "alerted": alerted}
