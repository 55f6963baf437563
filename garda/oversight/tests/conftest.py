"""Oversight's shared fixtures: an office whose interviewers include one outlier."""

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from garda.conftest import make_user
from garda.core.models import User
from garda.core.roles import Role
from garda.screening.actions import do_record_review
from garda.screening.models import Application, Review
from garda.screening.tests.test_pages import _queue

REASON = "Keterangan pemohon dan dokumen telah diperiksa dalam wawancara."


def _officer_work(officer: User, *, seed: int, n: int, high: int, cleared: int, night: int = 0) -> None:
    apps = _queue(n, seed=seed)
    Application.objects.filter(pk__in=[a.pk for a in apps[:high]]).update(risk_level="high")
    for i, app in enumerate(apps):
        app.refresh_from_db()
        outcome = "proceed" if (i >= high or i < cleared) else "propose_postponement"
        review = do_record_review(app, acting_user=officer, outcome=outcome, reason=REASON)
        hour = 21 if i < night else 10
        at = timezone.localtime(app.submitted_at).replace(hour=hour, minute=30) + timedelta(
            hours=1 if hour == 10 else 0
        )
        Review.objects.filter(pk=review.pk).update(created_at=at)


@pytest.fixture
def office_with_one_outlier(offices: dict[str, Any], personas: dict[str, User]) -> dict[str, User]:
    jaksel = offices["JAKSEL"]
    people = {
        "suspect": make_user(jaksel, Role.INTERVIEWER, "wawancara.tiga", full_name="Bambang Susilo"),
        "peer1": personas["interviewer"],
        "peer2": make_user(jaksel, Role.INTERVIEWER, "wawancara.dua", full_name="Ratna Dewi"),
        "peer3": make_user(jaksel, Role.INTERVIEWER, "wawancara.empat", full_name="Yusuf Hidayat"),
        "newcomer": make_user(jaksel, Role.INTERVIEWER, "wawancara.baru", full_name="Lestari Wulan"),
    }
    _officer_work(people["suspect"], seed=11, n=40, high=12, cleared=11, night=30)
    for i, key in enumerate(("peer1", "peer2", "peer3")):
        _officer_work(people[key], seed=12 + i, n=40, high=12, cleared=1)
    _officer_work(people["newcomer"], seed=20, n=6, high=6, cleared=6)  # every one cleared, but only six
    return people
