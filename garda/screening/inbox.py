"""Screening work in the inbox: a high-risk application cleared by one officer and waiting for a second, and an
application a re-screening found something new on (a partner report arrived after the interview)."""

from collections.abc import Iterator
from datetime import date

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from garda.core.access import has_capability
from garda.core.inbox import PER_SOURCE, Item
from garda.core.models import User
from garda.core.roles import Capability
from garda.screening.models import Application, Review


def screening_items(user: User, today: date) -> Iterator[Item]:
    office = user.office.code
    if has_capability(user, Capability.SCREENING_CONFIRM_CLEARANCE):
        waiting = (
            Review.objects.filter(needs_confirmation=True, confirmed__isnull=True, application__office_code=office)
            .exclude(officer=user)
            .select_related("application")
            .only("created_at", "application__applicant_name", "application__external_id")  # not the record
            .order_by("created_at")
        )
        for review in waiting[:PER_SOURCE]:
            app = review.application
            # The applicant waits at the office: the confirmation is due the day the officer cleared the flag.
            yield Item(
                kind=_("Konfirmasi izin lanjut risiko tinggi"),
                title=app.applicant_name,
                url=reverse("screening:detail", args=[app.pk]),
                due=timezone.localtime(review.created_at).date(),
                detail=app.external_id,
            )
    if has_capability(user, Capability.SCREENING_REVIEW):
        alerted = (
            Application.objects.filter(office_code=office, decision_kind="")
            .exclude(alert="")
            .order_by("-screened_at")
            .only("pk", "applicant_name", "external_id", "alert", "screened_at")
        )
        for app in alerted[:PER_SOURCE]:
            yield Item(
                kind=_("Temuan baru pada penyaringan ulang"),
                title=app.applicant_name,
                url=reverse("screening:detail", args=[app.pk]),
                due=timezone.localtime(app.screened_at).date() if app.screened_at else None,
                detail=app.alert,
            )
