"""The rules one at a time, on hand-made applications: what fires, what does not (the hard negatives), and what
the evidence says. Property tests for the helpers the rules lean on."""

import copy
import json
import string
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from hypothesis import given
from hypothesis import strategies as st

from garda.identity.names import normalise_name
from garda.screening import context as screening_context
from garda.screening.engine import assess, screen
from garda.screening.indicators import RULES, Indicator, explain
from garda.screening.rules import Subject
from garda.screening.rules.base import families, family_key, other_families, same_name

BASE: dict[str, Any] = {
    "id": "T-1",
    "office": "JAKSEL",
    "submitted_at": "2026-11-02T09:00:00+07:00",
    "application_type": "new",
    "applicant": {
        "nik": "3174064505900001",
        "kk_number": "3174060101100001",
        "full_name": "SITI AMINAH",
        "sex": "F",
        "birth_date": "1990-05-05",
        "birth_place": "JAKARTA",
        "occupation": "KARYAWAN SWASTA",
        "phone": "081234567890",
        "mother_name": "FATIMAH",
    },
    "documents": [{"type": "ktp", "full_name": "SITI AMINAH", "nik": "3174064505900001"}],
    "travel": {"purpose": "tourism", "destination_country": "JP", "return_ticket": True, "funds_source": "self"},
}


def app(**changes: Any) -> dict[str, Any]:
    record = copy.deepcopy(BASE)
    for path, value in changes.items():
        node = record
        *parents, last = path.split("__")
        for part in parents:
            node = node.setdefault(part, {})
        node[last] = value
    return record


@pytest.fixture
def ctx(db: None) -> screening_context.Context:
    return screening_context.load()


def codes(record: dict[str, Any], ctx: screening_context.Context) -> set[str]:
    return {i.code for i in screen(Subject(record), ctx).indicators}


def test_a_clean_application_fires_nothing(ctx) -> None:
    result = screen(Subject(app()), ctx)
    assert result.indicators == [] and (result.risk_level, result.score, result.recommendation) == ("low", 0, "proceed")


def test_required_documents_follow_the_reference_list(ctx) -> None:
    record = app(travel__purpose="work", travel__destination_country="MY")
    result = screen(Subject(record), ctx)
    [missing] = [i for i in result.indicators if i.code == "NP_MISSING_PURPOSE_DOCUMENTS"]
    assert missing.severity == "high" and missing.evidence["missing"] == ["recommendation_disnaker", "id_pmi"]
    assert result.recommendation == "postpone"
    record["documents"] += [{"type": "recommendation_disnaker"}, {"type": "id_pmi"}]
    assert "NP_MISSING_PURPOSE_DOCUMENTS" not in codes(record, ctx)


def test_job_seeker_profile_needs_a_risky_destination_and_enough_signs(ctx) -> None:
    seeker = app(
        applicant__occupation="BELUM/TIDAK BEKERJA",
        travel__destination_country="MY",
        travel__return_ticket=False,
        travel__funds_source="agent",
    )
    assert "NP_JOB_SEEKER_PROFILE" in codes(seeker, ctx)
    assert "NP_JOB_SEEKER_PROFILE" not in codes(
        seeker | {"travel": seeker["travel"] | {"destination_country": "NL"}}, ctx
    )
    # Unemployed and a first passport alone are no ground (nor would be region, religion, sex or wealth).
    housewife = app(applicant__occupation="MENGURUS RUMAH TANGGA", travel__destination_country="MY")
    assert codes(housewife, ctx) == set()


def test_an_employer_paying_is_a_sign_except_for_a_business_trip(ctx) -> None:
    # First passport (1) and an employer paying (2) to a placement country: a tourist's trip looks recruited...
    paid = app(travel__destination_country="JP", travel__funds_source="employer", travel__return_ticket=False)
    assert "NP_JOB_SEEKER_PROFILE" in codes(paid, ctx)
    # ...an employee's business trip is how business travel is paid, even on a first passport and one-way.
    assert codes(paid | {"travel": paid["travel"] | {"purpose": "business"}}, ctx) == set()
    # A sponsor paying a business trip is still a sign.
    sponsored = paid | {"travel": paid["travel"] | {"purpose": "business", "funds_source": "sponsor"}}
    assert "NP_JOB_SEEKER_PROFILE" in codes(sponsored, ctx)


def test_an_internship_is_procedural_with_the_manpower_recommendation(ctx) -> None:
    intern = app(travel__purpose="internship", travel__destination_country="JP", travel__funds_source="employer")
    assert "NP_JOB_SEEKER_PROFILE" in codes(intern, ctx)  # magang is a known cover for non-procedural work
    intern["documents"].append({"type": "recommendation_disnaker", "number": "562/17"})
    assert "NP_JOB_SEEKER_PROFILE" not in codes(intern, ctx)


def test_nik_decoding_against_the_form(ctx) -> None:
    assert "INC_NIK_BIRTH_DATE" in codes(app(applicant__birth_date="1991-05-05"), ctx)
    assert "INC_NIK_SEX" in codes(app(applicant__sex="M"), ctx)
    found = codes(app(applicant__nik="9974064505900001"), ctx)
    assert found == {"INC_NIK_INVALID", "INC_DOCUMENT_MISMATCH"}  # the KTP keyed in still has the old NIK
    # A NIK whose district code was retired stays valid.
    retired = "910101" + BASE["applicant"]["nik"][6:]
    assert "INC_NIK_INVALID" not in codes(app(applicant__nik=retired, documents=[]), ctx)


def test_documents_are_compared_by_identity_not_by_spelling(ctx) -> None:
    variant = app(documents=[{"type": "kk", "full_name": "Sitti Aminah binti Soeparman"}])
    assert codes(variant, ctx) == set()
    other = app(documents=[{"type": "kk", "full_name": "DEWI LESTARI"}])
    [indicator] = screen(Subject(other), ctx).indicators
    assert indicator.code == "INC_DOCUMENT_MISMATCH"
    assert indicator.evidence["compared"] == "documents[0].full_name" and indicator.evidence["other"] == "SITI AMINAH"


def test_a_document_making_an_adult_a_minor_is_age_manipulation(ctx) -> None:
    record = app(documents=[{"type": "birth_certificate", "birth_date": "2010-05-05"}])
    result = screen(Subject(record), ctx)
    assert {"INC_AGE_MANIPULATION", "INC_DOCUMENT_MISMATCH"} <= {i.code for i in result.indicators}
    assert result.risk_level == "high"


def test_interview_observations_and_notes(ctx) -> None:
    said = app(interview={"conducted": True, "notes": "Mau kerja di restoran, gaji besar"})
    assert "NP_INTERVIEW_WORK_INTENT" in codes(said, ctx)
    denied = app(interview={"conducted": True, "notes": "Liburan, tidak bekerja di sana"})
    assert codes(denied, ctx) == set()
    held = app(interview={"conducted": True, "observations": ["documents_held_by_third_party"]})
    assert "IA_INTERVIEW_THIRD_PARTY" in codes(held, ctx)


def test_an_individual_agent_is_flagged_a_licensed_umrah_guide_is_not(ctx) -> None:
    agent = app(companion={"present": True, "full_name": "BUDI", "relation": "agent"})
    assert "IA_UNLICENSED_AGENT" in codes(agent, ctx)
    pilgrim = app(
        travel__purpose="umrah",
        travel__destination_country="SA",
        documents=[{"type": "recommendation_kemenag"}, {"type": "travel_agent_letter"}],
        companion={"present": True, "full_name": "USTADZ HASAN", "relation": "travel_agent"},
    )
    assert codes(pilgrim, ctx) == set()


def test_score_risk_and_recommendation_follow_the_strongest_indicator() -> None:
    low = Indicator("INC_NIK_SEX", "low", {})
    medium = Indicator("NP_INTERVIEW_WEAK_TRIP", "medium", {})
    high = Indicator("PD_ACTIVE_SUSPENSION", "high", {})
    assert assess([], []).recommendation == "proceed"
    assert assess([low], []).risk_level == "low"
    assert assess([medium], []).recommendation == "in_depth_interview"
    both = assess([medium, high], [])
    assert both.risk_level == "high" and both.recommendation == "refuse" and both.score == 59


@pytest.mark.parametrize("code", sorted(RULES))
def test_every_rule_explains_itself_in_both_languages(code: str) -> None:
    rule = RULES[code]
    fields_id = {f for _, f, _, _ in string.Formatter().parse(rule.text_id) if f}
    fields_en = {f for _, f, _, _ in string.Formatter().parse(rule.text_en) if f}
    assert fields_id == fields_en and rule.text_id != rule.text_en
    params = {name: f"<{name}>" for name in fields_id} | {f"{name}_en": f"<{name} en>" for name in fields_id}
    assert all(f"<{name}>" in explain(code, params, "id") for name in fields_id)
    assert all(f"<{name} en>" in explain(code, params, "en") for name in fields_id)


@given(st.lists(st.sampled_from(["KK:1", "KK:2", "AD:x", "PA:y", "APP:a", "APP:b"]), min_size=1, max_size=3))
def test_family_groups_are_symmetric(parts: list[str]) -> None:
    key = "|".join(dict.fromkeys(parts))
    others = ["KK:1", "KK:2|AD:x", "PA:y", "APP:c"]
    groups = families([key, *others])
    assert len(groups) == 5
    # An application is never another family than itself, and sharing any part joins two families.
    assert other_families(key, [key]) == 0
    for other in others:
        shares = bool(set(key.split("|")) & set(other.split("|")))
        assert (other_families(key, [other]) == 0) == shares


def test_family_key_reads_the_kk_the_address_and_the_parents() -> None:
    record = app(applicant__father_name="SUPARMAN", applicant__address={"text": "JL. MAWAR NO. 5 RT 001/RW 002"})
    parts = family_key(record).split("|")
    assert parts[0] == "KK:3174060101100001" and parts[1].startswith("AD:") and parts[2].startswith("PA:")
    record["applicant"] = {k: v for k, v in record["applicant"].items() if k not in {"kk_number", "address"}}
    record["applicant"].pop("father_name")
    assert family_key(record) == "APP:JAKSEL/T-1"


NAMES = st.sampled_from(["SITI AMINAH", "MUHAMMAD RIZKI", "DJOKO SUSILO", "NURUL DEWI GUNAWAN", "BUDI SANTOSO"])


@given(NAMES, NAMES)
def test_same_name_is_symmetric_and_reflexive(a: str, b: str) -> None:
    x, y = normalise_name(a), normalise_name(b)
    assert same_name(x, x)
    assert same_name(x, y) == same_name(y, x)


def test_age_on_counts_birthdays() -> None:
    from garda.screening.rules.base import age_on

    assert age_on(date(2008, 11, 3), date(2026, 11, 2)) == 17
    assert age_on(date(2008, 11, 2), date(2026, 11, 2)) == 18


def _import_history(tmp_path: Path, *records: dict[str, Any]) -> screening_context.Context:
    path = tmp_path / "history.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    call_command("import", "applications", str(path))
    screening_context.forget()
    return screening_context.load()


def test_a_passport_issued_before_contradicts_a_first_passport_claim(db: None, tmp_path: Path) -> None:
    # A history export may give the date of the record's last change as its submission date: the decision date
    # alone shows the passport was held before this application.
    issued = {"kind": "issued", "decided_at": "2019-03-01T10:00:00+07:00", "passport_number": "B1234567"}
    ctx = _import_history(tmp_path, app(id="H-1", office="JAKTIM", submitted_at=BASE["submitted_at"], decision=issued))
    assert "INC_PREVIOUS_PASSPORT_DENIED" in codes(app(), ctx)
    assert "INC_PREVIOUS_PASSPORT_DENIED" not in codes(app(applicant__has_previous_passport=True), ctx)


def test_a_passport_issued_after_this_application_does_not_contradict_it(db: None, tmp_path: Path) -> None:
    later = {"kind": "issued", "decided_at": "2026-12-01T10:00:00+07:00"}
    ctx = _import_history(
        tmp_path, app(id="H-2", office="JAKTIM", submitted_at="2026-11-20T09:00:00+07:00", decision=later)
    )
    assert "INC_PREVIOUS_PASSPORT_DENIED" not in codes(app(), ctx)


def _import_returnee(tmp_path: Path, report_id: str) -> None:
    """Kemlu's report of a returnee from a scam compound, given by name, birth date and sex only."""
    report = {
        "id": report_id,
        "agency": "KEMLU",
        "received_at": "2026-05-01T09:00:00+07:00",
        "category": "scam_returnee",
        "subjects": [{"role": "victim", "full_name": "Siti Aminah", "birth_date": "1990-05-05", "sex": "F"}],
    }
    path = tmp_path / "reports.jsonl"
    path.write_text(json.dumps(report) + "\n", encoding="utf-8")
    call_command("import", "agency-reports", str(path))


def test_a_reported_person_is_found_by_name_and_birth_date_in_a_small_history(db: None, tmp_path: Path) -> None:
    # Kemlu gives a returnee by name, birth date and sex only; she applies again under a new NIK with her name
    # written another way. A small history (her own application counted) must not make the name look common.
    _import_returnee(tmp_path, "KM-1")
    applicant = app(applicant__nik="3273014505900002", documents=[{"type": "ktp"}])
    ctx = _import_history(tmp_path, applicant, app(id="T-2", applicant__nik="3273014505900003"))
    assert "AR_VICTIM_MATCH" in codes(applicant, ctx)  # a returnee: an interview and protection, not a postponement
    other_day = app(applicant__birth_date="1990-06-05", applicant__nik="3273014506900002")
    assert "AR_VICTIM_MATCH" not in codes(other_day, ctx)  # a namesake born on another day


def test_a_refused_person_is_found_again_with_a_birth_date_mistyped(db: None, tmp_path: Path) -> None:
    refused = {"kind": "refused", "decided_at": "2026-03-01T10:00:00+07:00", "categories": ["non_procedural"]}
    ctx = _import_history(
        tmp_path, app(id="H-9", office="CIREBON", submitted_at="2026-02-20T09:00:00+07:00", decision=refused)
    )
    # At another office: the name respelt, one digit of the birth date keyed wrongly (15 for 05), a new NIK and a
    # new phone.
    again = app(
        applicant__full_name="SITI AMINNA",
        applicant__birth_date="1990-05-15",
        applicant__nik="3174065505900009",
        applicant__phone="081399990000",
    )
    assert "PD_EARLIER_DECISION" in codes(again, ctx)
    # A namesake born on a day two digits away, with another mother, is someone else.
    other = app(
        applicant__birth_date="1990-08-25",
        applicant__nik="3174066508900009",
        applicant__mother_name="KARTINI",
        applicant__phone="085711112222",
    )
    assert "PD_EARLIER_DECISION" not in codes(other, ctx)


def _family_visit(**host_docs: str) -> dict[str, Any]:
    record = app(travel__purpose="family_visit", travel__destination_country="JP")
    record["travel"]["host"] = {"full_name": "HENDRA WIJAYA", "relation": "sibling", "country": "JP"}
    record["documents"] += [
        {"type": kind, "full_name": name, "birth_date": "1985-01-02", "nik": "3174010201850001"}
        for kind, name in host_docs.items()
    ]
    return record


def test_documents_of_the_host_are_held_against_the_host_not_the_applicant(ctx) -> None:
    # A visit to her brother in Japan: his passport copy and his guarantee letter carry his name, birth date, NIK.
    visit = _family_visit(host_passport_copy="HENDRA WIJAYA", guarantee_letter="Hendra Wijaya")
    assert "INC_DOCUMENT_MISMATCH" not in codes(visit, ctx)
    visit["documents"].append({"type": "invitation_letter", "full_name": "Hendra Wijaya"})
    assert "INC_DOCUMENT_MISMATCH" not in codes(visit, ctx)
    # A guarantee from someone other than the host she named is a real difference, against the host.
    other = _family_visit(host_passport_copy="HENDRA WIJAYA", guarantee_letter="BUDI HARTONO")
    [found] = [i for i in screen(Subject(other), ctx).indicators if i.code == "INC_DOCUMENT_MISMATCH"]
    assert found.evidence["with"] == "travel.host.full_name" and found.evidence["value"] == "BUDI HARTONO"
    # With no host named on the form, the host's documents are not compared with the applicant.
    unnamed = _family_visit(guarantee_letter="HENDRA WIJAYA")
    del unnamed["travel"]["host"]
    assert "INC_DOCUMENT_MISMATCH" not in codes(unnamed, ctx)
    # The applicant's own documents still are.
    own = _family_visit(host_passport_copy="HENDRA WIJAYA")
    own["documents"][0]["full_name"] = "SITI AMINAH BINTI SAMSUDIN DARMAWAN"
    own["documents"][0]["nik"] = "3174064505900002"
    assert "INC_DOCUMENT_MISMATCH" in codes(own, ctx)


def test_a_company_without_a_licence_in_force_is_both_grounds_counted_once(db: None, tmp_path: Path) -> None:
    csv = tmp_path / "p3mi.csv"
    csv.write_text(
        "name,license_number,valid_until,address,province\n"
        "PT AMANAH KARYA MANDIRI,SIP3MI-001/2021,2030-12-31,Jakarta,DKI Jakarta\n"
        "PT LAMA SEJAHTERA,SIP3MI-002/2019,2024-01-31,Jakarta,DKI Jakarta\n",
        encoding="utf-8",
    )
    call_command("import", "p3mi", str(csv))
    screening_context.forget()
    ctx = screening_context.load()
    work = app(travel__purpose="work", travel__destination_country="MY")
    work["documents"] += [{"type": "recommendation_disnaker"}, {"type": "id_pmi"}]
    for company in ({"name": "PT TANPA IZIN ABADI"}, {"name": "PT LAMA SEJAHTERA"}):
        work["travel"]["placement_company"] = company
        result = screen(Subject(work), ctx)
        assert {i.category for i in result.indicators} >= {"non_procedural", "illegal_agent"}
        assert "IA_UNLICENSED_PLACEMENT" in {i.code for i in result.indicators}
        # One finding: it counts once in the score (a single high indicator gives 45).
        assert result.score == 45 and result.recommendation == "postpone"
    work["travel"]["placement_company"] = {"name": "PT Amanah Karya Mandiri"}
    assert not {i.category for i in screen(Subject(work), ctx).indicators}


def test_a_tourist_carrying_a_work_contract_contradicts_herself_counted_once(ctx) -> None:
    record = app()
    record["documents"].append({"type": "employment_contract", "issuer": "Restoran di Osaka"})
    result = screen(Subject(record), ctx)
    assert {"NP_WORK_DOCUMENTS_UNDECLARED", "INC_WORK_DOCUMENTS_CONTRADICT_PURPOSE"} <= {
        i.code for i in result.indicators
    }
    assert {"non_procedural", "inconsistency"} <= {i.category for i in result.indicators}
    assert result.score == 45  # one finding, counted once


def test_a_victim_is_interviewed_and_offered_protection_not_postponed(db: None, tmp_path: Path) -> None:
    _import_returnee(tmp_path, "KM-9")
    screening_context.forget()
    result = screen(Subject(app()), screening_context.load())
    [found] = result.indicators
    assert (found.code, found.severity, found.category) == ("AR_VICTIM_MATCH", "medium", "agency_report")
    assert result.recommendation == "in_depth_interview" and result.risk_level == "medium"
    assert "perlindungan" in found.explanation("id") and "korban" in found.explanation("id")


def test_a_recruiters_number_on_another_persons_form_is_not_her_identity(db: None, tmp_path: Path) -> None:
    # A sister of a reported recruiter (or a victim) writes the number the recruiter is known by. The number is
    # the finding; she is not the report's subject, and no indicator says she is.
    report = {
        "id": "POL-88",
        "agency": "POLRI",
        "received_at": "2026-09-01T10:00:00+07:00",
        "category": "suspected_recruiter",
        "subjects": [
            {"role": "recruiter", "full_name": "JOKO PRASETYO", "nik": "3578011204850001", "sex": "M",
             "birth_date": "1985-04-12", "phone": BASE["applicant"]["phone"]}
        ],
    }  # fmt: skip
    (tmp_path / "r.jsonl").write_text(json.dumps(report) + "\n", encoding="utf-8")
    call_command("import", "agency-reports", str(tmp_path / "r.jsonl"))
    screening_context.forget()
    result = screen(Subject(app()), screening_context.load())
    assert {i.code for i in result.indicators} == {"IA_COMPANION_REPORTED_RECRUITER"}
    [phone] = result.indicators
    assert phone.counted and phone.severity == "high" and "disagreed" in phone.evidence
