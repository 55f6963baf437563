"""A decision taken in Garda, written onto the application so that every office's screening sees it."""

from datetime import date
from typing import Any

from garda.contracts import parse_datetime
from garda.core import audit
from garda.core.imports import record_hash
from garda.core.signals import screening_context_changed
from garda.screening import context as screening_context
from garda.screening.models import Application, grounds_of


def do_record_decision(app: Application, decision: dict[str, Any], *, actor: Any, summary: str) -> Application:
    """Write a decision taken in Garda onto the application, as the contract's `decision` object: every office's
    screening then sees it (prior_decision). Called by the decisions app inside its own transaction."""
    before = app.record.get("decision")
    record = {**app.record, "decision": decision}
    app.record = record
    app.record_hash = record_hash(record)
    app.own_decision = decision
    app.decision_kind = decision["kind"]
    app.decided_at = parse_datetime(decision["decided_at"])
    app.decision_grounds = grounds_of(decision)
    app.suspended_until = date.fromisoformat(decision["until"]) if decision.get("until") else None
    app.save(
        update_fields=[
            "record",
            "record_hash",
            "own_decision",
            "decision_kind",
            "decided_at",
            "decision_grounds",
            "suspended_until",
            "updated_at",
        ]
    )
    audit.record("application.decision", actor=actor, obj=app, summary=summary[:300], before=before, after=decision)
    if app.decision_kind in screening_context.ADVERSE:
        screening_context_changed.send(sender=Application, reason="decision")
    return app
