"""A reported recruiter's family phone on a relative's form is context, his number on a stranger's form is the
finding. Hand-written cases (domain brief §4.2a: households share a phone; recruiters give their own number as a
recruit's contact), kept apart from the rule and the realistic bench, through the real import and `garda screen`.

- his sister, tied by the KK the report gives for him: no indicator, listed with the relatives;
- his brother, tied by the KK on the recruiter's own earlier passport application: no indicator, listed;
- his mother, tied by the address the report gives: no indicator, listed;
- a woman of the same village with his number as her contact (another KK, another address): the finding, high;
- the same woman when the recruiter's own earlier forms give another household: still the finding.
"""

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from garda.screening import context as screening_context
from garda.screening.engine import screen
from garda.screening.models import Application
from garda.screening.rules import Subject
from garda.screening.rules.people import _address_key
from garda.screening.tests._world import screen as screen_file
from garda.screening.tests._world import write_jsonl

PHONE = "081377001122"  # the family phone, which the recruiter also gives as his own
KK = "3301021503080004"
HOME = {"text": "DUSUN KRAJAN RT 003 RW 001, DESA SIDAREJA, CILACAP", "region_code": "330102"}
RECRUITER = {"role": "recruiter", "full_name": "SLAMET RIYADI", "nik": "3301021204820003", "sex": "M",
             "birth_date": "1982-04-12", "phone": PHONE}  # fmt: skip
SISTER = {"nik": "3301025807950002", "full_name": "SRI WAHYUNI", "sex": "F", "birth_date": "1995-07-18",
          "kk_number": KK, "address": HOME, "mother_name": "PARTINI", "father_name": "SUKIMAN",
          "phone": PHONE}  # fmt: skip
BROTHER = SISTER | {"nik": "3301020309900001", "full_name": "AGUS PRIYANTO", "sex": "M", "birth_date": "1990-09-03"}
MOTHER = SISTER | {"nik": "3301024406600001", "full_name": "PARTINI", "birth_date": "1960-06-04",
                   "kk_number": "3301020101850001", "mother_name": "SAMINEM", "father_name": "KARTO"}  # fmt: skip
NEIGHBOUR = {"nik": "3301026102990005", "full_name": "DEWI LESTARI", "sex": "F", "birth_date": "1999-02-21",
             "kk_number": "3301021710150002", "mother_name": "SUTINAH", "phone": PHONE,
             "address": {"text": "DUSUN KRAJAN RT 001 RW 002, DESA SIDAREJA, CILACAP",
                         "region_code": "330102"}}  # fmt: skip


def application(id: str, applicant: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {
        "id": id,
        "office": "CILACAP",
        "submitted_at": "2026-11-02T09:00:00+07:00",
        "application_type": "new",
        "applicant": {"birth_place": "CILACAP", **copy.deepcopy(applicant)},
        "documents": [{"type": "ktp", "full_name": applicant["full_name"], "nik": applicant["nik"]}],
        "travel": {"purpose": "tourism", "destination_country": "MY", "return_ticket": True, "funds_source": "self"},
        **extra,
    }


def _report(tmp_path: Path, **subject: Any) -> None:
    report = {
        "id": "POL-CLP-7",
        "agency": "POLRI",
        "received_at": "2026-08-01T10:00:00+07:00",
        "category": "suspected_recruiter",
        "subjects": [RECRUITER | subject],
    }
    call_command("import", "agency-reports", str(write_jsonl(tmp_path / "reports.jsonl", [report])))


def _history(tmp_path: Path, household: dict[str, Any]) -> None:
    """The recruiter's own passport, applied for in 2021 with his household's KK and address."""
    own = {k: v for k, v in RECRUITER.items() if k != "role"} | household
    row = application("H-SLAMET", own, submitted_at="2021-03-01T09:00:00+07:00")
    row["decision"] = {"kind": "issued", "decided_at": "2021-03-05T10:00:00+07:00", "passport_number": "C7654321"}
    call_command("import", "applications", str(write_jsonl(tmp_path / "history.jsonl", [row])))


def _screen(record: dict[str, Any]) -> Any:
    screening_context.forget()
    return screen(Subject(record), screening_context.load())


def _assert_context_only(result: Any, relation: str) -> None:
    assert [i.code for i in result.indicators] == []
    assert (result.risk_level, result.recommendation) == ("low", "proceed")
    [relative] = result.relatives
    assert (relative["id"], relative["relation"], relative["role"]) == ("POLRI/POL-CLP-7#1", relation, "recruiter")


def test_his_sister_by_the_kk_the_report_gives(db: None, tmp_path: Path) -> None:
    _report(tmp_path, kk_number=KK)
    _assert_context_only(_screen(application("C-1", SISTER)), "same_kk")


def test_his_mother_by_the_address_the_report_gives(db: None, tmp_path: Path) -> None:
    _report(tmp_path, address=HOME["text"])
    _assert_context_only(_screen(application("C-2", MOTHER)), "same_address")


def test_his_brother_by_his_own_earlier_application(db: None, tmp_path: Path) -> None:
    _report(tmp_path)
    _history(tmp_path, {"kk_number": KK, "address": HOME, "mother_name": "PARTINI", "father_name": "SUKIMAN"})
    _assert_context_only(_screen(application("C-3", BROTHER)), "same_kk")


@pytest.mark.parametrize("history", [False, True], ids=["no-record", "his-record-another-household"])
def test_a_village_woman_with_his_number_is_the_finding(db: None, tmp_path: Path, history: bool) -> None:
    _report(tmp_path, kk_number=KK)
    if history:
        _history(tmp_path, {"kk_number": KK, "address": HOME})
    result = _screen(application("C-4", NEIGHBOUR))
    [phone] = result.indicators
    assert (phone.code, phone.severity, phone.category) == ("IA_COMPANION_REPORTED_RECRUITER", "high", "illegal_agent")
    assert phone.counted and result.recommendation == "postpone"
    assert result.relatives == []  # not of his household: not listed as family


def test_his_own_form_counts_only_when_made_before(db: None, tmp_path: Path) -> None:
    # His own application made after hers cannot tell what was known when she was screened.
    _report(tmp_path)
    later = application("H-LATER", {k: v for k, v in RECRUITER.items() if k != "role"} | {"kk_number": KK})
    later["submitted_at"] = "2026-12-01T09:00:00+07:00"
    call_command("import", "applications", str(write_jsonl(tmp_path / "later.jsonl", [later])))
    result = _screen(application("C-5", BROTHER))
    assert [i.code for i in result.indicators] == ["IA_COMPANION_REPORTED_RECRUITER"]


def test_garda_screen_lists_the_household_and_flags_the_stranger(db: None, tmp_path: Path) -> None:
    _report(tmp_path, kk_number=KK)
    path = write_jsonl(tmp_path / "new.jsonl", [application("C-6", SISTER), application("C-7", NEIGHBOUR)])
    status, (sister, neighbour) = screen_file(path, tmp_path)
    assert status == 0
    assert sister["indicators"] == [] and sister["recommendation"] == "proceed"
    assert [(r["relation"], r["role"]) for r in sister["relatives"]] == [("same_kk", "recruiter")]
    assert [i["code"] for i in neighbour["indicators"]] == ["IA_COMPANION_REPORTED_RECRUITER"]
    assert "relatives" not in neighbour
    assert json.dumps(sister)


def test_the_application_page_names_his_role_as_family_context(db: None, tmp_path: Path, login_as, personas) -> None:
    _report(tmp_path, kk_number=KK)
    screen_file(write_jsonl(tmp_path / "new.jsonl", [application("C-8", SISTER, office="JAKSEL")]), tmp_path)
    client = login_as(personas["interviewer"])
    pk = Application.objects.get(external_id="C-8").pk
    page = client.get(reverse("screening:detail", args=[pk])).content.decode()
    assert "Keluarga dengan catatan" in page and "laporan POLRI POL-CLP-7 — perekrut" in page
    assert "anggota Kartu Keluarga yang sama" in page
    assert "Pendamping tercatat sebagai perekrut" not in page


_WORD = st.sampled_from(["JL", "JALAN", "GG", "GANG", "NO", "NOMOR", "RT", "RW", "MAWAR", "DESA", "KRAJAN"])


@given(st.lists(st.one_of(_WORD, st.integers(0, 999).map(str)), min_size=1, max_size=10), st.data())
def test_an_address_keys_alike_however_numbers_and_street_words_are_written(words: list[str], data: Any) -> None:
    # Zero-padded numbers ("RT 003") and spelled-out street words ("JALAN", "NOMOR") are the same address.
    padded = [data.draw(st.sampled_from([w, w.zfill(3)])) if w.isdigit() else w for w in words]
    spelled = [{"JL": "JALAN", "GG": "GANG", "NO": "NOMOR"}.get(w, w) for w in padded]
    assert _address_key(" ".join(spelled)) == _address_key(" ".join(words))
    assert _address_key(_address_key(" ".join(words))) == _address_key(" ".join(words))
    assert _address_key("JL MAWAR NO 5 RT 3") != _address_key("JL MAWAR NO 15 RT 3")
