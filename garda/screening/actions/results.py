"""Keeping a screening: its row, and the latest copied onto the application for the queue."""

from django.db import connection
from django.utils import timezone

from garda.core.bulk import insert_rows
from garda.screening import context as screening_context
from garda.screening.engine import Result, screen
from garda.screening.models import Application, Screening
from garda.screening.rules import Subject


def screen_application(app: Application, ctx: screening_context.Context, *, trigger: str) -> tuple[Screening, Result]:
    """Screen one application and keep the result (the counter, re-screening)."""
    result = screen(Subject(app.record, pk=app.pk), ctx)
    row = result_row(app, result, trigger)
    save_screenings([(app, row)], with_ids=True)
    return row, result


def result_row(app: Application, result: Result, trigger: str) -> Screening:
    return Screening(
        application=app,
        trigger=trigger,
        rules_version=result.rules_version,
        risk_level=result.risk_level,
        score=result.score,
        recommendation=result.recommendation,
        indicators=result.stored_indicators(),
        matches=result.matches,
        relatives=result.relatives,
        context=result.context,
    )


_SCREENING_FIELDS = [
    "application_id",
    "created_at",
    "trigger",
    "rules_version",
    "risk_level",
    "score",
    "recommendation",
    "indicators",
    "matches",
    "relatives",
    "context",
]


def save_screenings(pairs: list[tuple[Application, Screening]], *, with_ids: bool = False) -> None:
    """Keep the screenings and copy the latest onto each application for the queue (two statements a batch).
    A batch goes in as plain inserts (Django's bulk_create compiles every value, which for ten thousand
    screenings with their JSON evidence cost more than the database); `with_ids` gives the rows their ids."""
    if not pairs:
        return
    now = timezone.now()
    for app, row in pairs:
        row.created_at = now
        app.risk_level, app.risk_score, app.recommendation = row.risk_level, row.score, row.recommendation
        app.screened_at = now
    if with_ids:
        Screening.objects.bulk_create([row for _, row in pairs])
    else:
        insert_rows(Screening, _SCREENING_FIELDS, [[getattr(row, f) for f in _SCREENING_FIELDS] for _, row in pairs])
    # One plain UPDATE per application: Django's bulk_update builds a CASE per column, slower at this size.
    moment = connection.ops.adapt_datetimefield_value(now)
    with connection.cursor() as cursor:
        cursor.executemany(
            f"UPDATE {Application._meta.db_table} SET risk_level = %s, risk_score = %s, recommendation = %s, "  # noqa: S608
            "screened_at = %s, updated_at = %s WHERE id = %s",
            [(app.risk_level, app.risk_score, app.recommendation, moment, moment, app.pk) for app, _ in pairs],
        )
