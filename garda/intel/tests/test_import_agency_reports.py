"""`garda import agency-reports`: idempotent on (agency, id), bad lines named, subjects findable by identity."""

import copy
import json
from pathlib import Path

from garda.core.models import AuditEvent
from garda.identity.index import find_candidates, forget_cached
from garda.identity.models import IndexedPerson, NameFrequency
from garda.intel.models import AgencyReport
from garda.intel.tests._run import run_import

REPORT: dict = {
    "id": "B-2025-0042",
    "agency": "POLRI",
    "reference": "LP/B/123/IX/2025/Bareskrim",
    "received_at": "2025-09-02T10:00:00+07:00",
    "category": "suspected_recruiter",
    "destination_country": "KH",
    "subjects": [
        {"role": "recruiter", "full_name": "MOH. RIZKY", "phone": "0812-3456-7890", "birth_date": "1988-04-02"},
        {"role": "company", "organisation": "PT Sinar Jaya Abadi"},
    ],
    "summary": "Perekrutan ke Kamboja dengan janji kerja admin.",
}


def _run(tmp_path: Path, lines: list[str], capsys) -> tuple[int, str]:
    path = tmp_path / "reports.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return run_import("agency-reports", path, capsys)


def test_reports_are_stored_and_bad_lines_named(db: None, tmp_path: Path, capsys) -> None:
    no_subjects = REPORT | {"id": "B2", "subjects": []}
    bad_agency = REPORT | {"id": "B3", "agency": "FBI"}
    bad_time = REPORT | {"id": "B4", "received_at": "2025-13-01T00:00:00"}
    status, err = _run(
        tmp_path, [json.dumps(REPORT), json.dumps(no_subjects), json.dumps(bad_agency), json.dumps(bad_time)], capsys
    )
    assert status == 1
    assert ":2: subjects: [] should be non-empty" in err
    assert ":3: agency: 'FBI' is not one of" in err
    assert ":4: received_at: '2025-13-01T00:00:00' is not a valid date-time" in err
    assert "4 records read, 1 stored, 0 updated, 0 unchanged, 3 rejected" in err
    report = AgencyReport.objects.get()
    assert [s.role for s in report.subjects.all()] == ["recruiter", "company"]


def test_recruiter_is_found_by_identity_and_reimport_is_idempotent(db: None, tmp_path: Path, capsys) -> None:
    _run(tmp_path, [json.dumps(REPORT)], capsys)
    status, err = _run(tmp_path, [json.dumps(REPORT)], capsys)
    assert status == 0 and "1 unchanged" in err
    forget_cached()
    found = find_candidates({"full_name": "Muhammad Rizki", "phone": "+62 812 3456 7890"})
    assert found[0].person.source == "report_subject" and found[0].person.source_ref == "POLRI:B-2025-0042:0"
    changed = copy.deepcopy(REPORT)
    changed["subjects"][0]["phone"] = "0857 9999 0000"
    status, err = _run(tmp_path, [json.dumps(changed)], capsys)
    assert status == 0 and "1 updated" in err
    assert AuditEvent.objects.filter(action="agency_report.update").count() == 1
    assert IndexedPerson.objects.filter(source="report_subject").count() == 1
    subject = IndexedPerson.objects.get(source="report_subject")
    assert subject.phone == "+6285799990000"
    # Replacing the subjects keeps the name counts of the term-frequency adjustment exact.
    assert NameFrequency.objects.get(name_key=subject.name_key).count == 1
