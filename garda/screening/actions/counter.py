"""Taking an application at the counter: numbered, stored and screened at once, in one audited transaction."""

from typing import Any

from django.db import transaction
from django.utils import timezone

from garda.core import audit
from garda.core.models import User
from garda.core.numbering import next_number
from garda.screening import context as screening_context
from garda.screening.actions.results import screen_application
from garda.screening.imports import store_many
from garda.screening.models import Application, Screening

PENDING_DAYS = 60  # an application without a decision this long after submission is no longer "pending"


class IntakeError(ValueError):
    """A counter record that breaks the contract; `problems` say where."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


COUNTER_PREFIX = "LKT-{day:%Y%m%d}-"


class CounterNumberTaken(RuntimeError):
    """The counter's number already names an application: never stored over (it would replace that person)."""


def do_take_at_counter(record: dict[str, Any], *, acting_user: User) -> tuple[Application, Screening]:
    """Store and screen what the counter keyed in, under the office's next counter number (LKT-YYYYMMDD-NNNN).

    The number is taken inside the transaction that stores the application, under the numbering lock (SQLite's
    write lock, PostgreSQL's advisory lock): eight officers saving at once get eight numbers. Taken outside, two
    got the same number and the second entry was stored as an update of the first applicant."""
    from garda.contracts import problems

    office = str(record["office"])
    with transaction.atomic():
        prefix = COUNTER_PREFIX.format(day=timezone.localdate())
        number = next_number(Application.objects.filter(office_code=office), "external_id", prefix, 4)
        record = {**record, "id": number}
        found = problems("application", record)
        if found:
            raise IntakeError(found)
        if Application.objects.filter(office_code=office, external_id=number).exists():
            raise CounterNumberTaken(f"{office}/{number}")
        outcome, app, row = store_and_screen(record, source="loket")
        audit.record(
            "application.counter",
            actor=acting_user,
            obj=app,
            summary=f"Permohonan {app.office_code}/{app.external_id} diterima di loket ({outcome}); risiko "
            f"{row.risk_level} ({row.score})",
            after={"risk_level": row.risk_level, "score": row.score, "recommendation": row.recommendation},
        )
    return app, row


def store_and_screen(record: dict[str, Any], *, source: str) -> tuple[str, Application, Screening]:
    """One application at the counter: stored (in bulk form when new: one statement per table) and screened
    against the process's cached context, in one transaction — one commit."""
    with transaction.atomic():
        [(outcome, app)] = store_many([record], source=source)
        row, _ = screen_application(app, screening_context.cached(), trigger="counter")
    return outcome, app, row
