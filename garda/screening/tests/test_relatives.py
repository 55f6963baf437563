"""A relative's record is context, never a ground: the sister, the son named after his father and the twin of a
person with a decision or a passport are screened on their own record, while the person under a new NIK is still
found. Hand-written families (domain brief §4.2a), through the real import and `garda screen`."""

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.urls import reverse

from garda.screening import context as screening_context
from garda.screening.engine import screen
from garda.screening.models import Application
from garda.screening.rules import Subject
from garda.screening.tests._world import screen as screen_file
from garda.screening.tests._world import write_jsonl

HOME = {"text": "JL. TEBET BARAT DALAM II NO. 14 RT 005 RW 003, TEBET BARAT, TEBET", "region_code": "317401"}
FAMILY = {
    "kk_number": "3174012005100007",
    "phone": "081234567001",
    "address": HOME,
    "mother_name": "SUMARNI",
    "father_name": "SUTRISNO",
    "birth_place": "JAKARTA",
}
BROTHER = {"nik": "3174011503940002", "full_name": "BUDI SANTOSO", "sex": "M", "birth_date": "1994-03-15", **FAMILY}
SISTER = {"nik": "3174014907980003", "full_name": "SITI RAHAYU", "sex": "F", "birth_date": "1998-07-09", **FAMILY}
TWIN = {"nik": "3174011503940003", "full_name": "BAYU SANTOSO", "sex": "M", "birth_date": "1994-03-15", **FAMILY}
FATHER = {"nik": "3174011708680001", "full_name": "AHMAD FAUZI", "sex": "M", "birth_date": "1968-08-17",
          "kk_number": "3174011102950003", "phone": "081311112222", "mother_name": "SALAMAH",
          "father_name": "MUKHTAR", "birth_place": "BOGOR",
          "address": {"text": "JL. MAMPANG PRAPATAN XI NO. 7 RT 002 RW 006, MAMPANG PRAPATAN"}}  # fmt: skip
JUNIOR = {**FATHER, "nik": "3174010302940008", "birth_date": "1994-02-03", "mother_name": "NURJANAH",
          "father_name": "AHMAD FAUZI", "birth_place": "JAKARTA"}  # fmt: skip
# The junior married and moved out: only his father's name on his record ties him to the suspended father.
JUNIOR_MOVED = {**JUNIOR, "kk_number": "3174031204200005", "phone": "085612345678",
                "address": {"text": "JL. KALIBATA TENGAH NO. 3 RT 001 RW 004, KALIBATA"}}  # fmt: skip

REFUSED = {"kind": "refused", "decided_at": "2026-03-01T10:00:00+07:00", "categories": ["non_procedural"]}
SUSPENDED = {"kind": "suspended", "decided_at": "2026-02-01T10:00:00+07:00", "categories": ["non_procedural"],
             "suspended_until": "2028-02-01"}  # fmt: skip
ISSUED = {"kind": "issued", "decided_at": "2019-03-01T10:00:00+07:00", "passport_number": "B1234567"}


def application(id: str, applicant: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {
        "id": id,
        "office": "JAKSEL",
        "submitted_at": "2026-11-02T09:00:00+07:00",
        "application_type": "new",
        "applicant": copy.deepcopy(applicant),
        "documents": [{"type": "ktp", "full_name": applicant["full_name"], "nik": applicant["nik"]}],
        "travel": {"purpose": "tourism", "destination_country": "JP", "return_ticket": True, "funds_source": "self"},
        **extra,
    }


def history(id: str, applicant: dict[str, Any], decision: dict[str, Any], office: str = "CIREBON") -> dict[str, Any]:
    return application(id, applicant, office=office, submitted_at="2019-02-01T09:00:00+07:00", decision=decision)


@pytest.fixture
def families(db: None, tmp_path: Path) -> screening_context.Context:
    rows = [
        history("H-BROTHER", BROTHER, REFUSED),
        history("H-FATHER", FATHER, SUSPENDED, office="JAKTIM"),
        history("H-PASSPORT", BROTHER | {"nik": "3174011503940002"}, ISSUED, office="BEKASI"),
    ]
    call_command("import", "applications", str(write_jsonl(tmp_path / "history.jsonl", rows)))
    screening_context.forget()
    return screening_context.load()


def _screen(record: dict[str, Any], ctx: screening_context.Context) -> Any:
    return screen(Subject(record), ctx)


@pytest.mark.parametrize(
    ("who", "relative_of"),
    [
        (SISTER, "CIREBON/H-BROTHER"),
        (TWIN, "CIREBON/H-BROTHER"),
        (JUNIOR, "JAKTIM/H-FATHER"),
        (JUNIOR_MOVED, "JAKTIM/H-FATHER"),
    ],
    ids=["sister", "twin", "junior", "junior-moved-out"],
)
def test_a_relatives_decision_is_context_not_a_ground(families, who, relative_of) -> None:
    result = _screen(application("T-1", who), families)
    assert [i.code for i in result.indicators] == []
    assert (result.risk_level, result.score, result.recommendation) == ("low", 0, "proceed")
    assert result.matches == []
    assert relative_of in {r["id"] for r in result.relatives}


def test_a_brothers_passport_is_not_the_sisters(families) -> None:
    result = _screen(application("T-2", SISTER), families)
    assert "INC_PREVIOUS_PASSPORT_DENIED" not in {i.code for i in result.indicators}


def test_the_person_under_a_new_nik_is_still_found(families) -> None:
    # Registered again in Bogor, a new phone, moved out: name, birth date and parents remain.
    again = BROTHER | {
        "nik": "3201021503940011",
        "kk_number": "3201021207230001",
        "phone": "089612340000",
        "address": {"text": "KP. CIBEUREUM RT 02 RW 04, CISARUA, BOGOR"},
        "full_name": "BUDI SANTOSA",
    }
    result = _screen(application("T-3", again), families)
    codes = {i.code for i in result.indicators}
    assert "PD_EARLIER_DECISION" in codes
    assert "INC_PREVIOUS_PASSPORT_DENIED" in codes
    assert "CIREBON/H-BROTHER" not in {r["id"] for r in result.relatives}  # himself, not a relative


def test_garda_screen_writes_relatives_apart_from_indicators(families, tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "new.jsonl", [application("T-4", SISTER), application("T-5", JUNIOR_MOVED)])
    status, lines = screen_file(path, tmp_path)
    assert status == 0
    sister, junior = lines
    assert sister["indicators"] == [] and sister["recommendation"] == "proceed"
    [relative] = sister["relatives"]
    assert relative["id"] == "CIREBON/H-BROTHER" and relative["relation"] == "same_kk"
    assert relative["decision"] == "refused" and "score" not in relative and "category" not in relative
    assert relative["relation_label"] == "anggota Kartu Keluarga yang sama"
    assert junior["indicators"] == [] and junior["relatives"][0]["relation"] == "parent_child"
    assert json.dumps(sister)  # one JSON line each


def test_the_application_page_shows_relatives_apart_from_matches(families, login_as, personas, tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "new.jsonl", [application("T-6", SISTER)])
    screen_file(path, tmp_path)
    client = login_as(personas["interviewer"])
    pk = Application.objects.get(external_id="T-6").pk
    page = client.get(reverse("screening:detail", args=[pk])).content.decode()
    assert "Keluarga dengan catatan" in page and "CIREBON/H-BROTHER" in page
    assert "ditolak permohonannya" in page and "anggota Kartu Keluarga yang sama" in page
    assert "Keterkaitan" not in page  # no person match: the brother is not her
