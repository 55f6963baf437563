"""The interview outcome, the Kasi's confirmation of a cleared high flag, and screening again on request."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from garda.core import audit
from garda.core.models import User
from garda.screening import context as screening_context
from garda.screening.actions.results import screen_application
from garda.screening.models import Application, Review, Screening

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
