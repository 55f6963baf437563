"""`garda import applications`: the contract's rules — idempotent, bad lines named, valid lines kept."""

import copy
import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

from garda.contracts import CONTRACTS
from garda.core.models import AuditEvent
from garda.identity.index import find_candidates, forget_cached
from garda.screening.models import Application

GARDA = str(Path(sys.executable).parent / "garda")

VALID: dict = {
    "id": "JKS-2025-000123",
    "office": "JAKSEL",
    "submitted_at": "2025-03-04T09:15:00+07:00",
    "channel": "m-paspor",
    "applicant": {
        "nik": "3174064505900001",
        "full_name": "SITI AMINAH",
        "sex": "F",
        "birth_date": "1990-05-05",
        "birth_place": "JAKARTA",
        "phone": "0812-3456-7890",
        "mother_name": "FATIMAH",
    },
    "travel": {"purpose": "family_visit", "destination_country": "SA", "return_ticket": False},
    "companion": {"present": True, "full_name": "MOH. RIZKY", "phone": "+62 857 1111 2222", "relation": "agent"},
}


def _write(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "apps.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _import(path: Path) -> tuple[int, str]:
    try:
        call_command("import", "applications", str(path))
    except SystemExit as exc:
        return int(exc.code or 0), ""
    return 0, ""


def test_valid_lines_are_stored_and_bad_lines_named(db: None, tmp_path: Path, capsys) -> None:
    bad_enum = copy.deepcopy(VALID) | {"id": "X2"}
    bad_enum["travel"]["purpose"] = "jalan-jalan"
    bad_date = copy.deepcopy(VALID) | {"id": "X3"}
    bad_date["applicant"]["birth_date"] = "1990-02-31"
    missing = copy.deepcopy(VALID) | {"id": "X4"}
    del missing["applicant"]["full_name"]
    other_office = copy.deepcopy(VALID) | {
        "id": "CRB-1",
        "office": "CIREBON",
        "decision": {"kind": "refused", "decided_at": "2025-01-10T10:00:00Z", "categories": ["non_procedural"]},
    }
    path = _write(
        tmp_path,
        [
            json.dumps(VALID),
            "{not json",
            json.dumps(bad_enum),
            json.dumps(bad_date),
            json.dumps(missing),
            "[1]",
            json.dumps(other_office),
            json.dumps(VALID | {"submitted_at": "kemarin"}),
        ],
    )
    status, _ = _import(path)
    err = capsys.readouterr().err
    assert status == 1
    assert f"{path}:2: JSON tidak sah" in err
    assert f"{path}:3: travel.purpose: 'jalan-jalan' is not one of" in err
    assert f"{path}:4: applicant.birth_date: '1990-02-31' is not a 'date'" in err
    assert f"{path}:5: applicant: 'full_name' is a required property" in err
    assert f"{path}:6: $: [1] is not of type 'object'" in err
    assert f"{path}:8: submitted_at: 'kemarin' is not a valid date-time" in err
    assert "8 records read, 2 stored, 0 updated, 0 unchanged, 6 rejected" in err
    assert set(Application.objects.values_list("office_code", "external_id")) == {
        ("JAKSEL", "JKS-2025-000123"),
        ("CIREBON", "CRB-1"),
    }
    refused = Application.objects.get(office_code="CIREBON")
    assert refused.decision_kind == "refused" and refused.applicant_birth_date.isoformat() == "1990-05-05"


def test_reimport_changes_nothing_and_a_change_is_audited(db: None, tmp_path: Path, capsys) -> None:
    path = _write(tmp_path, [json.dumps(VALID)])
    assert _import(path)[0] == 0
    assert _import(path)[0] == 0
    assert "1 records read, 0 stored, 0 updated, 1 unchanged, 0 rejected" in capsys.readouterr().err
    assert not AuditEvent.objects.filter(action="application.update").exists()
    changed = copy.deepcopy(VALID)
    changed["travel"]["destination_country"] = "MY"
    assert _import(_write(tmp_path, [json.dumps(changed)]))[0] == 0
    event = AuditEvent.objects.get(action="application.update")
    assert event.before == {"travel": VALID["travel"]} and event.after == {"travel": changed["travel"]}
    assert Application.objects.get().destination_country == "MY"
    assert AuditEvent.objects.filter(action="application.import").count() == 3


def test_applicant_and_companion_join_the_person_index(db: None, tmp_path: Path) -> None:
    _import(_write(tmp_path, [json.dumps(VALID)]))
    forget_cached()
    found = find_candidates({"full_name": "Muhammad Rizki", "phone": "0857-1111-2222"})
    assert found and found[0].person.source == "companion" and found[0].person.source_ref == "JAKSEL:JKS-2025-000123"
    found = find_candidates({"full_name": "Sitti Aminah", "birth_date": "1990-05-05"})
    assert found[0].person.source == "applicant"


def test_a_file_that_cannot_be_read_exits_2(tmp_path: Path) -> None:
    result = subprocess.run(
        [GARDA, "import", "applications", str(tmp_path / "none.jsonl")],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 2 and "tidak dapat dibaca" in result.stderr


def test_shipped_contracts_are_the_shared_ones() -> None:
    shared = Path(__file__).resolve().parents[3].parent / "shared" / "contracts"
    if not shared.exists():  # a checkout without the shared folder beside it has nothing to compare with
        return
    for schema in shared.glob("*.schema.json"):
        assert (CONTRACTS / schema.name).read_text(encoding="utf-8") == schema.read_text(encoding="utf-8"), schema.name


@pytest.mark.parametrize("line", ["", "   "])
def test_blank_lines_are_not_records(db: None, tmp_path: Path, line: str, capsys) -> None:
    _import(_write(tmp_path, [json.dumps(VALID), line]))
    assert "1 records read" in capsys.readouterr().err


def test_an_import_stopped_half_way_leaves_no_stored_row_without_its_audit_event(db: None, tmp_path: Path) -> None:
    from garda.contracts import problems
    from garda.core.imports import import_json_lines
    from garda.screening.imports import store_application

    records = []
    for i in range(5):
        record = copy.deepcopy(VALID)
        record["id"] = f"PUTUS-{i}"
        records.append(json.dumps(record))
    path = _write(tmp_path, records)
    stored: list[str] = []

    def store(record):
        if len(stored) == 2:
            raise KeyboardInterrupt  # the operator's Ctrl+C (or a kill) in the middle of the second batch
        stored.append(record["id"])
        return store_application(record, source=path.name)

    with pytest.raises(KeyboardInterrupt):
        import_json_lines(
            path, kind="application", check=lambda r: problems("application", r), store=store, batch_size=2
        )
    assert sorted(Application.objects.values_list("external_id", flat=True)) == ["PUTUS-0", "PUTUS-1"]
    event = AuditEvent.objects.get(action="application.import_batch")
    assert event.after["stored"] == 2 and (event.after["first_line"], event.after["last_line"]) == (1, 2)
