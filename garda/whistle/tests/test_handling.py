"""Handlers at work: reading (audited), statuses and outcomes, deadlines, access given and withdrawn, the reporter's
identity through a custodian, an intelligence record and an internal investigation from a report."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.test import Client

from garda.core.models import AuditEvent
from garda.intel.models import AgencyReport
from garda.oversight.models import Investigation
from garda.whistle import actions, deadlines
from garda.whistle.models import Grant, Report, RevealRequest, Status, Topic
from garda.whistle.tests.conftest import channel_post, submit


def _report(client: Client, offices, **fields) -> Report:
    submit(client, offices, **fields)
    return Report.objects.latest("received_at")


def test_reading_a_report_is_audited_outside_the_office_trail(client, offices, handlers, handler_client) -> None:
    report = _report(client, offices)
    page = handler_client(handlers["analyst"]).get(f"/wbs/{report.number}/")
    assert page.status_code == 200
    assert "Kamboja" in page.content.decode()
    event = AuditEvent.objects.get(action="whistle.report_read")
    assert event.actor_username == "analis" and event.office_code == ""


def test_a_session_without_an_open_key_asks_for_the_password(client, offices, handlers, login_as) -> None:
    report = _report(client, offices)
    staff = login_as(handlers["kabid"])
    page = staff.get(f"/wbs/{report.number}/").content.decode()
    assert "Buka kunci" in page and "Kamboja" not in page
    staff.post("/wbs/buka-kunci/", {"password": "salah-sekali-ini", "next": f"/wbs/{report.number}/"})
    assert "Kamboja" not in staff.get(f"/wbs/{report.number}/").content.decode()
    from garda.conftest import PASSWORD

    staff.post("/wbs/buka-kunci/", {"password": PASSWORD, "next": f"/wbs/{report.number}/"})
    assert "Kamboja" in staff.get(f"/wbs/{report.number}/").content.decode()


def test_status_moves_one_step_and_closing_needs_an_outcome(client, offices, handlers, handler_client) -> None:
    report = _report(client, offices)
    kabid = handlers["kabid"]
    with pytest.raises(ValidationError):
        actions.do_set_status(report, acting_user=kabid, status=Status.INVESTIGATING)
    actions.do_set_status(report, acting_user=kabid, status=Status.VERIFIED)
    actions.do_set_status(report, acting_user=kabid, status=Status.INVESTIGATING)
    with pytest.raises(ValidationError, match="hasil"):
        actions.do_set_status(report, acting_user=kabid, status=Status.CLOSED, note="Selesai diperiksa semuanya")
    actions.do_set_status(
        report, acting_user=kabid, status=Status.CLOSED, outcome="criminal", note="Diteruskan ke Polda Metro Jaya"
    )
    report.refresh_from_db()
    assert (report.status, report.outcome) == ("closed", "criminal") and report.closed_at and report.acknowledged_at
    with pytest.raises(ValidationError):
        actions.do_set_status(report, acting_user=kabid, status=Status.INVESTIGATING)
    with pytest.raises(IntegrityError), transaction.atomic():
        Report.objects.filter(pk=report.pk).update(status=Status.VERIFIED)  # an outcome only on a closed report


def test_the_reporter_sees_the_status(client, offices, handlers) -> None:
    _, receipt = submit(client, offices)
    actions.do_set_status(Report.objects.get(), acting_user=handlers["kabid"], status=Status.VERIFIED)
    reporter = Client()
    channel_post(reporter, "/pengaduan/lanjut/", {"receipt": receipt})
    assert "Diverifikasi" in reporter.get("/pengaduan/kotak/").content.decode()


def test_deadlines_count_working_days_and_flag_overdue(client, offices, handlers) -> None:
    report = _report(client, offices)
    due = deadlines.current().due(report)
    assert due.acknowledge is not None and due.first_response is not None and not due.overdue
    later = due.first_response + timedelta(days=1)
    assert deadlines.current().due(report, today=later).overdue
    actions.do_reply(
        report,
        actions.report_key_for_user(
            report, handlers["kabid"], actions.do_open_key_pair(handlers["kabid"], "sandi-uji-yang-panjang-2026")
        ),
        acting_user=handlers["kabid"],
        text="Kami terima.",
    )
    report.refresh_from_db()
    assert deadlines.current().due(report, today=later) == deadlines.Due(None, None, False)


def test_reassignment_is_recorded_and_excluded_people_cannot_be_given_it(
    client, offices, handlers, handler_client
) -> None:
    report = _report(client, offices, topic=Topic.STAFF, what="Investigator dua menerima amplop.", officer="Siti")
    assert not Grant.objects.filter(report=report, user=handlers["investigator2"]).exists()
    inv = handlers["investigator"]
    key = actions.report_key_for_user(report, inv, actions.do_open_key_pair(inv, "sandi-uji-yang-panjang-2026"))
    with pytest.raises(ValidationError, match="tidak boleh"):
        actions.do_grant_access(report, key, acting_user=inv, target=handlers["investigator2"], reason="Bantu periksa")
    actions.do_exclude(report, key, acting_user=inv, target=handlers["patnal"], reason="Kerabat pelapor di Ditjen")
    assert not Grant.objects.filter(report=report, user=handlers["patnal"]).exists()
    with pytest.raises(ValidationError):
        actions.do_grant_access(report, key, acting_user=inv, target=handlers["patnal"], reason="Dikembalikan saja")
    assert AuditEvent.objects.filter(action="whistle.exclude").count() == 1


def test_reveal_needs_a_reason_and_a_custodian_who_is_not_the_requester(
    client, offices, handlers, handler_client
) -> None:
    submit(client, offices, identity_name="Wati Sulastri", identity_contact="wati@contoh.invalid")
    report = Report.objects.get()
    kabid = handler_client(handlers["kabid"])
    assert kabid.post(f"/wbs/{report.number}/identitas/").status_code == 404  # nothing granted yet
    kabid.post(f"/wbs/{report.number}/minta-identitas/", {"reveal-reason": "Perlu keterangan saksi untuk BAP Polri"})
    request = RevealRequest.objects.get()
    custodian = handler_client(handlers["custodian"])
    queue = custodian.get("/wbs/identitas/").content.decode()
    assert report.number in queue and "Wati" not in queue
    custodian.post(
        f"/wbs/identitas/{request.pk}/putuskan/",
        {f"r{request.pk}-approve": "1", f"r{request.pk}-note": "Alasan cukup, untuk penyidikan"},
    )
    request.refresh_from_db()
    assert request.status == "approved" and request.decided_by == handlers["custodian"]
    shown = kabid.post(f"/wbs/{report.number}/identitas/")
    assert "Wati Sulastri" in shown.content.decode()
    assert AuditEvent.objects.filter(action="whistle.identity_read", actor_username="kabid.intel").count() == 1
    # The analyst, who asked nothing, still cannot open it.
    assert handler_client(handlers["analyst"]).post(f"/wbs/{report.number}/identitas/").status_code == 404


def test_nobody_approves_their_own_request(client, offices, handlers) -> None:
    submit(client, offices, identity_name="Anonim Tapi Tidak")
    report = Report.objects.get()
    request = actions.do_request_reveal(report, acting_user=handlers["kabid"], reason="Butuh keterangan langsung")
    with pytest.raises(PermissionDenied):
        actions.do_decide_reveal(
            request, acting_user=handlers["kabid"], private_key=None, approve=True, note="Saya setujui sendiri"
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        RevealRequest.objects.filter(pk=request.pk).update(decided_by=handlers["kabid"])


def test_a_report_feeds_the_watchlist_and_opens_an_investigation(client, offices, handlers, handler_client) -> None:
    report = _report(client, offices, topic=Topic.STAFF, what="Petugas loket bekerja sama dengan calo.")
    inv = handler_client(handlers["investigator"])
    inv.post(
        f"/wbs/{report.number}/intelijen/",
        {
            "intel-role": "recruiter",
            "intel-full_name": "Joko Calo",
            "intel-phone": "0813 1111 2222",
            "intel-summary": "Calo di loket",
        },
    )
    entered = AgencyReport.objects.get(agency="PUBLIC")
    assert entered.subjects.get().full_name == "Joko Calo"
    # Every screening user reads the record: it tells nothing of its source (no number, no time of the report).
    assert report.number not in str(entered.record) and entered.reference == ""
    assert entered.received_at.time().replace(microsecond=0).isoformat() in {"00:00:00", "17:00:00"}
    # A second record from the same report is a new one, not an update of the first.
    inv.post(
        f"/wbs/{report.number}/intelijen/",
        {"intel-role": "company", "intel-organisation": "PT Sinar Palsu", "intel-summary": "Perusahaan penampung"},
    )
    assert AgencyReport.objects.filter(agency="PUBLIC").count() == 2
    entered.refresh_from_db()
    assert entered.subjects.get().full_name == "Joko Calo"
    assert AuditEvent.objects.filter(action="whistle.intel_record", office_code="").count() == 2
    inv.post(
        f"/pengawasan/investigasi/dari-pengaduan/{report.number}/",
        {"inv-subject": handlers["investigator2"].pk, "inv-allegation": "Diduga menerima uang dari calo"},
    )
    investigation = Investigation.objects.get()
    assert investigation.source_ref == report.number and investigation.subject == handlers["investigator2"]
    assert handler_client(handlers["patnal"]).get(f"/pengawasan/investigasi/{investigation.number}/").status_code == 200
    # The officer under examination does not see it.
    subject = handler_client(handlers["investigator2"])
    assert subject.get(f"/pengawasan/investigasi/{investigation.number}/").status_code == 404
    assert investigation.number not in subject.get("/pengawasan/investigasi/").content.decode()


def test_a_revision_of_the_deadline_list_moves_the_due_dates(client, offices, handlers, personas) -> None:
    from datetime import date

    from garda.core.actions import do_revise_reference_list
    from garda.core.models import ReferenceList
    from garda.core.reflists import current_items

    report = _report(client, offices)
    before = deadlines.current().due(report)
    items = [dict(i) for i in current_items("whistle_deadlines")]
    for item in items:
        if item["code"] == "first_response_days":
            item["value"] = 7
    do_revise_reference_list(
        ReferenceList.objects.get(key="whistle_deadlines"),
        acting_user=personas["national_admin"],
        items=items,
        note="SOP kantor: jawaban pertama dalam 7 hari",
        source="SOP WBS Kanim 2026",
        effective_from=date(2026, 1, 1),
    )
    after = deadlines.current().due(report)
    assert before.first_response is not None and after.first_response == before.first_response - timedelta(days=7)


def test_bad_intel_and_investigation_input_is_named_and_nothing_is_stored(
    client, offices, handlers, handler_client
) -> None:
    report = _report(client, offices, topic=Topic.STAFF, what="Petugas menerima uang dari calo di loket.")
    inv = handler_client(handlers["investigator"])
    page = inv.post(
        f"/wbs/{report.number}/intelijen/", {"intel-role": "recruiter", "intel-summary": "Tanpa nama"}, follow=True
    )
    assert "Isi nama, telepon, atau perusahaan." in page.content.decode()
    page = inv.post(
        f"/pengawasan/investigasi/dari-pengaduan/{report.number}/",
        {"inv-subject": handlers["investigator2"].pk, "inv-allegation": "uang"},
        follow=True,
    )
    assert "paling sedikit 10 huruf" in page.content.decode()
    assert not AgencyReport.objects.exists() and not Investigation.objects.exists()


def test_the_report_page_keeps_its_query_count_as_holders_grow(
    client, offices, handlers, handler_client, django_assert_max_num_queries
) -> None:
    from garda.conftest import PASSWORD, make_user
    from garda.core.roles import Role

    report = _report(client, offices)
    kabid = handlers["kabid"]
    page = handler_client(kabid)
    with django_assert_max_num_queries(40) as first:
        page.get(f"/wbs/{report.number}/")
    key = actions.report_key_for_user(report, kabid, actions.do_open_key_pair(kabid, PASSWORD))
    for i in range(4):
        extra = make_user(offices["JAKSEL"], Role.ANALYST, f"analis.{i}", full_name=f"Analis Tambahan {i}")
        actions.do_open_key_pair(extra, PASSWORD)
        actions.do_grant_access(report, key, acting_user=kabid, target=extra, reason="Tambahan tenaga analis")
    with django_assert_max_num_queries(len(first.captured_queries)):
        page.get(f"/wbs/{report.number}/")


def test_guessing_the_password_at_the_unlock_form_locks_the_account(client, offices, handlers, login_as) -> None:
    from garda.conftest import PASSWORD

    report = _report(client, offices)
    staff = login_as(handlers["analyst"])
    for _ in range(5):
        staff.post("/wbs/buka-kunci/", {"password": "tebakan-yang-salah", "next": f"/wbs/{report.number}/"})
    staff.post("/wbs/buka-kunci/", {"password": PASSWORD, "next": f"/wbs/{report.number}/"})
    assert "Kamboja" not in staff.get(f"/wbs/{report.number}/").content.decode()
    # Five wrong passwords, then the right one refused too: the account is locked.
    assert AuditEvent.objects.filter(action="auth.login_failed", actor_username="analis").count() == 6
    assert AuditEvent.objects.filter(action="auth.locked_out", actor_username="analis").exists()


def test_the_investigation_panel_is_oversights_and_only_on_compliance_reports(
    client, offices, handlers, handler_client
) -> None:
    """Oversight adds its panel to the channel's page (core.panels): on a report about staff, for the
    investigator who holds it; not on a recruiter report, and nobody opens an investigation from a report they
    do not hold."""
    staff = _report(client, offices, topic=Topic.STAFF, what="Petugas loket meminta uang tambahan untuk percepatan.")
    page = handler_client(handlers["investigator"]).get(f"/wbs/{staff.number}/").content.decode()
    assert f"/pengawasan/investigasi/dari-pengaduan/{staff.number}/" in page and "Buka pemeriksaan" in page
    recruiter = _report(client, offices)
    page = handler_client(handlers["analyst"]).get(f"/wbs/{recruiter.number}/").content.decode()
    assert "dari-pengaduan" not in page
    refused = handler_client(handlers["patnal"]).post(
        f"/pengawasan/investigasi/dari-pengaduan/{recruiter.number}/",
        {"inv-subject": handlers["investigator2"].pk, "inv-allegation": "Diduga menerima uang dari calo"},
    )
    assert refused.status_code == 404 and not Investigation.objects.exists()


def test_a_report_about_staff_is_closed_only_by_two_people(client, offices, handlers, handler_client) -> None:
    report = _report(client, offices, topic=Topic.STAFF, officer="Petugas loket 3, berkacamata")
    first, second = handlers["investigator"], handlers["investigator2"]
    assert Grant.objects.filter(report=report, user=second).exists()  # the office's compliance unit holds it
    actions.do_set_status(report, acting_user=first, status=Status.VERIFIED)
    actions.do_set_status(report, acting_user=first, status=Status.INVESTIGATING)
    actions.do_set_status(
        report, acting_user=first, status=Status.CLOSED, outcome="not_proven", note="Rekaman CCTV tidak mendukung."
    )
    report.refresh_from_db()
    assert report.status == Status.INVESTIGATING and report.close_proposed_by == first  # still open
    with pytest.raises(ValidationError, match="orang lain"):
        actions.do_confirm_close(report, acting_user=first, confirm=True, reason="Setuju ditutup.")
    actions.do_confirm_close(report, acting_user=second, confirm=False, reason="Saksi kedua belum diperiksa.")
    report.refresh_from_db()
    assert report.status == Status.INVESTIGATING and report.close_proposed_by is None
    actions.do_set_status(
        report, acting_user=first, status=Status.CLOSED, outcome="not_proven", note="Saksi kedua tidak mendukung."
    )
    page = handler_client(second).get(f"/wbs/{report.number}/").content.decode()
    assert "Tanda tangan kedua" in page
    handler_client(second).post(
        f"/wbs/{report.number}/tutup/", {"close-confirm": "1", "close-reason": "Dua saksi diperiksa; tidak terbukti."}
    )
    report.refresh_from_db()
    assert (report.status, report.outcome, report.close_confirmed_by) == ("closed", "not_proven", second)
    assert [e.action for e in AuditEvent.objects.filter(action__startswith="whistle.close_").order_by("pk")] == [
        "whistle.close_proposed",
        "whistle.close_refused",
        "whistle.close_proposed",
        "whistle.close_confirmed",
    ]
    with pytest.raises(IntegrityError), transaction.atomic():
        Report.objects.filter(pk=report.pk).update(close_confirmed_by=first)  # the database says two, too
