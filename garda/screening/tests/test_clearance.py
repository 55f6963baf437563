"""Clearing a high-risk application takes two: the officer's "proceed" waits for a Kepala Seksi who is not that
officer; both steps are audit events (the integrity signals of oversight count them)."""

from typing import Any

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from garda.conftest import make_user
from garda.core.models import AuditEvent, User
from garda.core.roles import Role
from garda.screening import actions
from garda.screening.models import Application, Review
from garda.screening.tests.test_pages import _queue

REASON = "Dokumen lengkap, keterangan konsisten setelah wawancara mendalam."


def _high(n: int = 1, seed: int = 41) -> list[Application]:
    apps = _queue(n, seed=seed)
    Application.objects.filter(pk__in=[a.pk for a in apps]).update(risk_level="high")
    for app in apps:
        app.refresh_from_db()
    return apps


def test_proceed_on_a_high_flag_waits_for_a_second_officer(personas: dict[str, User]) -> None:
    [app] = _high()
    review = actions.do_record_review(app, acting_user=personas["interviewer"], outcome="proceed", reason=REASON)
    app.refresh_from_db()
    assert review.needs_confirmation and review.confirmed is None
    assert app.outcome == actions.AWAITING_CONFIRMATION
    with pytest.raises(actions.ClearanceError):
        actions.do_confirm_clearance(app, acting_user=personas["interviewer"], confirm=True, reason=REASON)
    actions.do_confirm_clearance(app, acting_user=personas["kasi"], confirm=True, reason="Setuju, bukti cukup.")
    app.refresh_from_db()
    review.refresh_from_db()
    assert app.outcome == "proceed" and review.confirmed is True and review.confirmed_by == personas["kasi"]
    events = list(AuditEvent.objects.filter(object_id=str(app.pk)).values_list("action", flat=True))
    assert {"application.review", "application.clearance_confirmed"} <= set(events)


def test_a_kasi_clearing_needs_another_kasi_and_a_refusal_sends_it_back(personas: dict[str, User]) -> None:
    [app] = _high(seed=42)
    actions.do_record_review(app, acting_user=personas["kasi"], outcome="proceed", reason=REASON)
    with pytest.raises(actions.ClearanceError, match="tidak boleh"):
        actions.do_confirm_clearance(app, acting_user=personas["kasi"], confirm=True, reason=REASON)
    second = make_user(personas["kasi"].office, Role.KASI, "kasi2")
    actions.do_confirm_clearance(app, acting_user=second, confirm=False, reason="Sponsor belum dijelaskan.")
    app.refresh_from_db()
    assert app.outcome == "" and "tidak mengonfirmasi" in app.alert
    assert AuditEvent.objects.filter(action="application.clearance_refused", actor_username="kasi2").exists()
    with pytest.raises(actions.ClearanceError):  # nothing waits any more
        actions.do_confirm_clearance(app, acting_user=second, confirm=True, reason=REASON)


def test_proceed_on_a_medium_flag_and_other_outcomes_need_no_second_officer(personas: dict[str, User]) -> None:
    [app] = _queue(1, seed=43)
    Application.objects.filter(pk=app.pk).update(risk_level="medium")
    app.refresh_from_db()
    review = actions.do_record_review(app, acting_user=personas["interviewer"], outcome="proceed", reason=REASON)
    assert not review.needs_confirmation and Application.objects.get(pk=app.pk).outcome == "proceed"
    [high] = _high(seed=44)
    review = actions.do_record_review(
        high, acting_user=personas["interviewer"], outcome="propose_postponement", reason=REASON
    )
    assert not review.needs_confirmation


def test_the_database_refuses_a_self_confirmation(personas: dict[str, User]) -> None:
    [app] = _high(seed=45)
    review = actions.do_record_review(app, acting_user=personas["kasi"], outcome="proceed", reason=REASON)
    with pytest.raises(IntegrityError), transaction.atomic():
        Review.objects.filter(pk=review.pk).update(confirmed=True, confirmed_by=personas["kasi"])


def test_the_page_asks_the_kasi_and_not_the_officer(login_as: Any, personas: dict[str, User]) -> None:
    [app] = _high(seed=46)
    officer = login_as(personas["interviewer"])
    officer.post(reverse("screening:review", args=[app.pk]), {"outcome": "proceed", "reason": REASON})
    page = officer.get(reverse("screening:detail", args=[app.pk])).content.decode()
    assert "Menunggu konfirmasi Kepala Seksi" in page and "Catat konfirmasi" not in page
    refused = officer.post(
        reverse("screening:confirm_clearance", args=[app.pk]),
        {"clearance-decision": "confirm", "clearance-reason": REASON},
    )
    assert refused.status_code == 403  # an interviewer has no confirmation right at all
    kasi = login_as(personas["kasi"])
    waiting = kasi.get(reverse("screening:queue"), {"awaiting": "on"}).content.decode()
    assert app.external_id in waiting
    assert "Catat konfirmasi" in kasi.get(reverse("screening:detail", args=[app.pk])).content.decode()
    bad = kasi.post(
        reverse("screening:confirm_clearance", args=[app.pk]),
        {"clearance-decision": "confirm", "clearance-reason": "ok"},
    )
    assert bad.status_code == 302 and Application.objects.get(pk=app.pk).outcome == actions.AWAITING_CONFIRMATION
    kasi.post(
        reverse("screening:confirm_clearance", args=[app.pk]),
        {"clearance-decision": "confirm", "clearance-reason": REASON},
    )
    assert Application.objects.get(pk=app.pk).outcome == "proceed"


def test_a_waiting_clearance_is_in_the_second_officers_inbox_only(personas: dict[str, User]) -> None:
    from django.utils import timezone

    from garda.core import inbox

    [app] = _high(seed=44)
    actions.do_record_review(app, acting_user=personas["interviewer"], outcome="proceed", reason=REASON)
    url = reverse("screening:detail", args=[app.pk])
    today = timezone.localdate()
    [item] = [i for i in inbox.items_for(personas["kasi"], today) if i.url == url]
    assert item.kind == "Konfirmasi izin lanjut risiko tinggi" and item.due == today
    assert not [i for i in inbox.items_for(personas["interviewer"], today) if i.kind == item.kind]
    assert not inbox.items_for(personas["other_office"], today)
    actions.do_confirm_clearance(app, acting_user=personas["kasi"], confirm=True, reason="Setuju, bukti cukup.")
    assert not [i for i in inbox.items_for(personas["kasi"], today) if i.url == url]
