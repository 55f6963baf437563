"""The screening pages through the real stack: scope, the queue's queries, the counter form's errors, the
interview outcome, and re-screening when a partner report arrives."""

import re
from typing import Any

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from garda.core.models import AuditEvent, User
from garda.intel.imports import store_report
from garda.screening import context as screening_context
from garda.screening.actions import do_rescreen_pending, screen_application
from garda.screening.imports import store_many
from garda.screening.models import Application
from garda.synthetic.scenarios import Builder


def _queue(n: int, office: str = "JAKSEL", seed: int = 1) -> list[Application]:
    b = Builder(seed, timezone.localdate())
    b.companies = [{"name": "PT CONTOH", "license_number": "SIP3MI-1"}]
    b.serial = seed * 1000  # each call its own application numbers
    records = []
    for _ in range(n):
        record = b.application(b.person(), office=office)
        record["submitted_at"] = timezone.localtime().replace(hour=10).isoformat()
        records.append(record)
    apps = [app for _, app in store_many(records, source="test")]
    ctx = screening_context.load()
    for app in apps:
        screen_application(app, ctx, trigger="import")
    return apps


def test_the_queue_shows_the_office_today_with_bounded_queries(login_as, personas: dict[str, User]) -> None:
    _queue(5)
    other = _queue(3, office="CIREBON", seed=2)
    client = login_as(personas["interviewer"])
    url = reverse("screening:queue")
    client.get(url)
    with CaptureQueriesContext(connection) as before:
        page = client.get(url)
    assert page.status_code == 200
    assert other[0].external_id not in page.content.decode()
    _queue(20, seed=3)
    with CaptureQueriesContext(connection) as after:
        page = client.get(url)
    assert len(after) == len(before) <= 10
    assert len(re.findall(r'href="/penyaringan/\d+/"', page.content.decode())) == 25


def test_applications_of_another_office_answer_404(login_as, personas: dict[str, User]) -> None:
    [theirs] = _queue(1, office="CIREBON")
    [ours] = _queue(1, seed=4)
    client = login_as(personas["interviewer"])
    assert client.get(reverse("screening:detail", args=[theirs.pk])).status_code == 404
    assert client.get(reverse("screening:detail", args=[ours.pk])).status_code == 200
    # Partners and administrators do not read applications at all.
    assert login_as(personas["partner"]).get(reverse("screening:queue")).status_code == 403


def test_the_counter_form_names_what_is_wrong_and_keeps_what_was_typed(login_as, personas: dict[str, User]) -> None:
    client = login_as(personas["counter"])
    page = client.post(
        reverse("screening:counter"),
        {
            "nik": "12345",
            "full_name": "SITI AMINAH",
            "sex": "F",
            "birth_date": "2999-01-01",
            "purpose": "tourism",
            "application_type": "new",
        },
    )
    body = page.content.decode()
    assert page.status_code == 200 and not Application.objects.exists()
    assert "NIK harus 16 angka" in body and "Tanggal lahir belum terjadi" in body and "SITI AMINAH" in body


def test_recording_the_outcome_is_audited_and_clears_the_alert(login_as, personas: dict[str, User]) -> None:
    [app] = _queue(1)
    Application.objects.filter(pk=app.pk).update(alert="Indikasi baru: Tercatat dalam laporan instansi mitra")
    client = login_as(personas["interviewer"])
    response = client.post(
        reverse("screening:review", args=[app.pk]),
        {
            "outcome": "propose_postponement",
            "reason": "Pemohon mengaku ditawari kerja oleh kenalan.",
            "interview_notes": "Tidak tahu alamat hotel.",
        },
    )
    assert response.status_code == 302
    app.refresh_from_db()
    assert app.outcome == "propose_postponement" and app.alert == ""
    event = AuditEvent.objects.get(action="application.review")
    assert event.actor_username == "wawancara" and event.before["alert"].startswith("Indikasi baru")
    # A counter officer may read the application but not record the outcome.
    other = login_as(personas["counter"]).post(reverse("screening:review", args=[app.pk]), {"outcome": "proceed"})
    assert other.status_code == 403


def test_a_new_partner_report_alerts_the_pending_application(db: None) -> None:
    [app] = _queue(1)
    applicant: dict[str, Any] = app.record["applicant"]
    store_report(
        {
            "id": "LAP-1",
            "agency": "KP2MI",
            "received_at": "2026-11-01T10:00:00+07:00",
            "category": "exploitation_risk",
            "subjects": [{"role": "victim", "full_name": applicant["full_name"], "nik": applicant["nik"]}],
        },
        source="test",
    )
    outcome = do_rescreen_pending()
    assert outcome["alerted"] == 1
    app.refresh_from_db()
    # A victim named in the report: an interview and protection, not the treatment of a recruiter.
    assert "Tercatat sebagai korban dalam laporan mitra" in app.alert and app.risk_level == "medium"
    assert app.screenings.first().trigger == "rescreen"
