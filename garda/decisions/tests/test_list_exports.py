"""Every list as a file: the screening queue, the decision cases, the partner reports and the audit trail export
what their filters select — all pages, not only the one on screen — as CSV or XLSX, each export on the audit trail
with its filters and rows, and a list too long to export is refused with a message, not cut short."""

import csv
import io

from django.utils import timezone
from openpyxl import load_workbook

from garda.core import audit, exports
from garda.core.models import AuditEvent, User
from garda.decisions.tests.test_due_process import _application, _propose
from garda.intel.actions import do_enter_report


def _csv(response) -> list[list[str]]:
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def _exported(user: User) -> AuditEvent | None:
    return AuditEvent.objects.filter(action="list.exported", actor_username=user.username).order_by("-seq").first()


def test_the_queue_exports_every_page_of_its_filter(personas, login_as, monkeypatch) -> None:
    import garda.screening.views

    monkeypatch.setattr(garda.screening.views, "PAGE_SIZE", 2)
    apps = [_application("JAKSEL", seed=n)[0] for n in range(1, 4)]
    _application("CIREBON", seed=9)  # another office: never in JAKSEL's file
    client = login_as(personas["kasi"])
    day = timezone.localdate().isoformat()
    page = client.get("/penyaringan/", {"day": day}).content.decode()
    assert f"?day={day}&amp;format=csv" in page and "Halaman 1 dari 2" in page
    rows = _csv(client.get("/penyaringan/", {"day": day, "format": "csv"}))
    assert rows[0][:4] == ["Kantor", "Nomor permohonan", "Diajukan", "Pemohon"]
    assert sorted(r[1] for r in rows[1:]) == sorted(a.external_id for a in apps)
    event = _exported(personas["kasi"])
    assert event is not None and event.after == {"list": "antrean", "format": "csv", "rows": 3, "filters": {"day": day}}
    book = load_workbook(io.BytesIO(client.get("/penyaringan/", {"day": day, "format": "xlsx"}).content))
    sheet = book.active
    assert sheet.max_row == 4 and sheet.cell(1, 4).value == "Pemohon"


def test_decision_cases_and_partner_reports_export(personas, login_as) -> None:
    app, _person = _application("JAKSEL", seed=4)
    case = _propose(app, personas["interviewer"])
    client = login_as(personas["kasi"])
    assert "format=xlsx" in client.get("/keputusan/").content.decode()
    rows = _csv(client.get("/keputusan/", {"format": "csv"}))
    assert [r[0] for r in rows[1:]] == [str(case.pk)] and rows[1][4] == case.subject_name
    event = _exported(personas["kasi"])
    assert rows[1][3] == "Diusulkan" and event is not None and event.after["list"] == "keputusan"
    do_enter_report(
        {"id": "KP2MI-77", "agency": "KP2MI", "received_at": "2025-08-01T09:00:00+07:00",
         "category": "suspected_recruiter", "subjects": [{"role": "recruiter", "full_name": "Rudi Hartono"},
                                                          {"role": "victim", "full_name": "Siti Aminah"}]},
        acting_user=personas["kasi"],
    )  # fmt: skip
    rows = _csv(client.get("/laporan-mitra/", {"format": "csv"}))
    assert rows[1][:2] == ["KP2MI", "KP2MI-77"] and rows[1][6] == "2"


def test_the_audit_trail_exports_its_filter_and_a_formula_stays_text(personas, login_as) -> None:
    audit.record("uji.ekspor", actor=personas["kakanim"], summary='=HYPERLINK("http://x")')
    client = login_as(personas["kakanim"])
    rows = _csv(client.get("/audit/", {"action": "uji", "format": "csv"}))
    assert len(rows) == 2 and rows[1][4] == "uji.ekspor"
    assert rows[1][7] == '\'=HYPERLINK("http://x")'  # a spreadsheet shows it, never runs it
    event = _exported(personas["kakanim"])
    assert event is not None and event.after["filters"] == {"action": "uji"}


def test_a_list_too_long_to_export_is_refused_with_a_message(personas, login_as, monkeypatch) -> None:
    monkeypatch.setattr(exports, "LIMIT", 1)
    for n in range(3):
        audit.record("uji.banyak", actor=personas["kakanim"], summary=f"kejadian {n}")
    client = login_as(personas["kakanim"])
    response = client.get("/audit/", {"action": "uji", "format": "xlsx"}, follow=True)
    html = response.content.decode()
    assert response.redirect_chain[-1][0] == "/audit/?action=uji"
    assert "ekspor paling banyak 1 baris" in html and "Persempit saringannya" in html
    assert _exported(personas["kakanim"]) is None


def test_the_audit_trail_pages_without_counting_and_a_bad_page_is_the_first(personas, login_as, monkeypatch) -> None:
    import garda.core.views.staff

    monkeypatch.setattr(garda.core.views.staff, "PAGE_SIZE", 2)
    for n in range(3):
        audit.record("uji.halaman", actor=personas["kakanim"], summary=f"kejadian {n}")
    client = login_as(personas["kakanim"])
    first = client.get("/audit/", {"action": "uji", "page": "abc"}).content.decode()
    last = client.get("/audit/", {"action": "uji", "page": "2"}).content.decode()
    beyond = client.get("/audit/", {"action": "uji", "page": "-4"}).content.decode()
    assert "kejadian 2" in first and "kejadian 1" in first and "kejadian 0" not in first
    assert "Halaman 1</span>" in first and 'rel="next"' in first and "dari" not in first.split("pagination")[1]
    assert "kejadian 0" in last and 'rel="next"' not in last and 'rel="prev"' in last
    assert "Halaman 1</span>" in beyond
