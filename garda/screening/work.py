"""What officers do with applications (views and the API call these, nothing else changes them): taking an
application at the counter, recording the interview outcome, screening again; and the re-screening of pending
applications when the context changes. Each is one transaction with its audit event."""

from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext

from garda.core import audit
from garda.core.models import User
from garda.core.numbering import next_number
from garda.core.vocabulary import label
from garda.screening import context as screening_context
from garda.screening.actions import store_many
from garda.screening.engine import SEVERITY_ORDER
from garda.screening.models import Application, Review, Screening
from garda.screening.service import screen_application

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


AWAITING_CONFIRMATION = "proceed_unconfirmed"  # Application.outcome while a cleared high flag waits for the Kasi


class ClearanceError(PermissionError):
    """A confirmation the rules do not allow (the officer's own, nothing waiting, not the user's office)."""


def do_record_review(
    app: Application, *, acting_user: User, outcome: str, reason: str, interview_notes: str = ""
) -> Review:
    """The officer's outcome. "Proceed" on an application screened high is a clearance of the flag: it is recorded
    and waits for a second officer (do_confirm_clearance) before the application proceeds."""
    with transaction.atomic():
        locked = Application.objects.select_for_update().get(pk=app.pk)
        clearing = outcome == "proceed" and locked.risk_level == "high"
        review = Review.objects.create(
            application=app,
            officer=acting_user,
            outcome=outcome,
            reason=reason,
            interview_notes=interview_notes,
            risk_level=locked.risk_level,
            needs_confirmation=clearing,
        )
        # An earlier clearance still waiting is overtaken by this outcome.
        Review.objects.filter(application=app, needs_confirmation=True, confirmed__isnull=True).exclude(
            pk=review.pk
        ).update(confirmed=False, confirmation_reason="digantikan hasil pemeriksaan yang lebih baru")
        shown = AWAITING_CONFIRMATION if clearing else outcome
        before = {"outcome": locked.outcome, "alert": locked.alert}
        Application.objects.filter(pk=app.pk).update(outcome=shown, alert="")
        app.outcome, app.alert = shown, ""
        audit.record(
            "application.review",
            actor=acting_user,
            obj=app,
            summary=f"Hasil pemeriksaan {app.office_code}/{app.external_id}: {outcome}"
            + (" (risiko tinggi: menunggu konfirmasi Kepala Seksi)" if clearing else ""),
            before=before,
            after={"outcome": shown, "reason": reason, "needs_confirmation": clearing},
        )
    return review


def pending_clearance(app: Application) -> Review | None:
    return app.reviews.filter(needs_confirmation=True, confirmed__isnull=True).select_related("officer").first()


def do_confirm_clearance(app: Application, *, acting_user: User, confirm: bool, reason: str) -> Review:
    """The second officer's word on a cleared high flag: confirmed, the application proceeds; refused, it returns
    to the interview with the reason. Never the officer who cleared it."""
    with transaction.atomic():
        locked = Application.objects.select_for_update().get(pk=app.pk)
        review = pending_clearance(locked)
        if review is None:
            raise ClearanceError(gettext("Tidak ada pembersihan risiko tinggi yang menunggu konfirmasi."))
        if review.officer_id == acting_user.pk:
            raise ClearanceError(
                gettext("Petugas yang membersihkan tanda risiko tidak boleh mengonfirmasinya sendiri.")
            )
        if not reason.strip():
            raise ClearanceError(gettext("Konfirmasi atau penolakan memerlukan alasan."))
        now = timezone.now()
        Review.objects.filter(pk=review.pk).update(
            confirmed=confirm, confirmed_by=acting_user, confirmed_at=now, confirmation_reason=reason
        )
        review.confirmed, review.confirmed_by, review.confirmed_at = confirm, acting_user, now
        review.confirmation_reason = reason
        outcome = "proceed" if confirm else ""
        alert = "" if confirm else "Kepala Seksi tidak mengonfirmasi: periksa kembali"
        Application.objects.filter(pk=app.pk).update(outcome=outcome, alert=alert)
        app.outcome, app.alert = outcome, alert
        audit.record(
            "application.clearance_confirmed" if confirm else "application.clearance_refused",
            actor=acting_user,
            obj=app,
            summary=f"Pembersihan risiko tinggi {app.office_code}/{app.external_id} "
            + ("dikonfirmasi" if confirm else "ditolak")
            + f" (dicatat oleh {review.officer.username})",
            before={"outcome": locked.outcome},
            after={"outcome": outcome, "reason": reason, "cleared_by": review.officer.username},
        )
    return review


def do_screen_again(app: Application, *, acting_user: User) -> Screening:
    with transaction.atomic():
        before = {"risk_level": app.risk_level, "score": app.risk_score}
        row, _ = screen_application(app, screening_context.cached(), trigger="rescreen")
        audit.record(
            "application.rescreen",
            actor=acting_user,
            obj=app,
            summary=f"Penyaringan ulang {app.office_code}/{app.external_id}: {row.risk_level} ({row.score})",
            before=before,
            after={"risk_level": row.risk_level, "score": row.score},
        )
    return row


def pending() -> Any:
    since = timezone.now() - timedelta(days=PENDING_DAYS)
    return Application.objects.filter(
        decision_kind="", outcome__in=["", AWAITING_CONFIRMATION], submitted_at__gte=since
    )


def rescreen_pending() -> dict[str, int]:
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
