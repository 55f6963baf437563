"""The partners' API through the real stack: tokens from /o/token/, scopes, one error shape, partners confined to
their own records, every call audited with the client, and the same report stored the same way as
`garda import agency-reports` stores it."""

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from garda.core.models import AuditEvent, Organisation
from garda.intel.api import AgencyReport, import_agency_reports
from garda.partners.tests.conftest import token_for

REPORT = {
    "id": "BP3MI-DKI-2025-0042",
    "reference": "B.123/BP3MI.DKI/III/2025",
    "received_at": "2025-03-04T09:15:00+07:00",
    "category": "suspected_recruiter",
    "subjects": [
        {"role": "recruiter", "full_name": "Hendra Gunawan", "phone": "+6281388800123", "nik": "3174051203800007"}
    ],
    "destination_country": "KH",
    "summary": "Perekrut menawarkan kerja di Kamboja lewat visa kunjungan (sintetis).",
}


def test_the_openapi_document_names_the_token_url_and_is_3_1(client: Client, db: None) -> None:
    document = client.get("/api/openapi.json").json()
    assert document["openapi"].startswith("3.1")
    scheme = document["components"]["securitySchemes"]["ClientCredentials"]
    assert scheme["type"] == "oauth2" and scheme["flows"]["clientCredentials"]["tokenUrl"] == "/o/token/"
    docs = client.get("/api/docs")
    assert docs.status_code == 200 and "cdn.jsdelivr" not in docs.content.decode()


def test_no_token_and_a_wrong_scope_answer_in_the_one_error_shape(register: Callable[..., Any]) -> None:
    anonymous = Client().get("/api/v1/reports")
    assert anonymous.status_code == 401 and anonymous.json()["error"]["code"] == "unauthorized"
    reader = token_for(register(scopes=["reports:read"]))
    refused = Client().post(
        "/api/v1/reports", json.dumps(REPORT), content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {reader}"
    )
    assert refused.status_code == 403 and "reports:write" in refused.json()["error"]["message"]
    denied = Client().post("/o/token/", {"grant_type": "client_credentials", "client_id": "x", "client_secret": "y"})
    assert denied.status_code == 401


def test_a_scope_outside_the_agreement_is_never_granted(register: Callable[..., Any], agreements: Any) -> None:
    made = register(scopes=["reports:read", "persons:status"])
    kp2mi = agreements["KP2MI"]
    kp2mi.agreement_scope = ["reports:read"]
    kp2mi.save()
    response = Client().post(
        "/o/token/",
        {"grant_type": "client_credentials", "client_id": made.client_id, "client_secret": made.client_secret,
         "scope": "persons:status"},
    )  # fmt: skip
    assert response.status_code == 400 and response.json()["error"] == "invalid_scope"


def test_api_and_import_store_identical_records(api: Callable[..., Any], tmp_path: Path) -> None:
    created = api("post", "/api/v1/reports", REPORT)
    assert created.status_code == 201, created.content
    assert created.json()["status"] == "received" and created.json()["agency"] == "KP2MI"
    via_api = AgencyReport.objects.get(external_id=REPORT["id"])
    other = {**REPORT, "id": "BP3MI-DKI-2025-0043", "agency": "KP2MI"}
    path = tmp_path / "reports.jsonl"
    path.write_text(json.dumps(other) + "\n")
    import_agency_reports(path)
    via_file = AgencyReport.objects.get(external_id=other["id"])
    assert {k: v for k, v in via_api.record.items() if k != "id"} == {
        k: v for k, v in via_file.record.items() if k != "id"
    }
    assert via_api.organisation == via_file.organisation == Organisation.objects.get(code="KP2MI")
    again = api("post", "/api/v1/reports", REPORT)  # the same report again changes nothing
    assert again.status_code == 201 and AgencyReport.objects.filter(external_id=REPORT["id"]).count() == 1


def test_a_bad_report_is_named_field_by_field(api: Callable[..., Any]) -> None:
    bad = api("post", "/api/v1/reports", {**REPORT, "category": "gossip", "subjects": []})
    assert bad.status_code == 422
    fields = {d["field"] for d in bad.json()["error"]["details"]}
    assert any("category" in f for f in fields) and any("subjects" in f for f in fields)
    contract = api("post", "/api/v1/reports", {**REPORT, "received_at": "kemarin"})
    assert contract.status_code == 422 and "received_at" in json.dumps(contract.json())
    assert not AgencyReport.objects.exists()


def test_a_partner_never_reaches_another_partners_records(
    api: Callable[..., Any], register: Callable[..., Any]
) -> None:
    api("post", "/api/v1/reports", REPORT)
    polri = token_for(register("POLRI"))
    assert api("get", f"/api/v1/reports/{REPORT['id']}", token=polri).status_code == 404
    assert api("get", "/api/v1/reports", token=polri).json() == []
    assert api("put", f"/api/v1/reports/{REPORT['id']}", {**REPORT}, token=polri).status_code == 404
    assert api("get", f"/api/v1/reports/{REPORT['id']}").status_code == 200


def test_every_call_is_audited_with_the_client(api: Callable[..., Any]) -> None:
    api("post", "/api/v1/reports", REPORT)
    api("get", "/api/v1/reports")
    actors = set(AuditEvent.objects.filter(action__in=["partner_report.submit", "api.reports.list"]).values_list(
        "actor_username", flat=True
    ))  # fmt: skip
    assert len(actors) == 1 and next(iter(actors)).startswith("client:")


def test_the_rate_limit_is_per_client(register: Callable[..., Any]) -> None:
    from django.core.cache import cache

    cache.clear()
    slow = token_for(register(per_minute=2))
    other = token_for(register("POLRI"))
    codes = [Client().get("/api/v1/reports", HTTP_AUTHORIZATION=f"Bearer {slow}").status_code for _ in range(3)]
    assert codes == [200, 200, 429]
    assert Client().get("/api/v1/reports", HTTP_AUTHORIZATION=f"Bearer {other}").status_code == 200


def test_person_status_says_yes_or_no_and_whom_to_contact(api: Callable[..., Any], offices: Any) -> None:
    from garda.screening.tests.test_pages import _queue

    app = _queue(1, seed=3)[0]
    app.decision_kind, app.applicant_nik = "refused", "3174056108950003"
    app.save()
    yes = api("post", "/api/v1/persons/status", {"nik": "3174056108950003"}).json()
    assert yes["active"] and yes["contact"]["office_code"] == app.office_code
    assert set(yes) == {"active", "contact"}  # never the file
    # A sister born the same day in the same district differs in the last digits: never taken for the person.
    assert not api("post", "/api/v1/persons/status", {"nik": "3174056108950004"}).json()["active"]
    assert api("post", "/api/v1/persons/status", {"nik": "3174050000000001"}).json() == {
        "active": False,
        "contact": None,
    }
    assert api("post", "/api/v1/persons/status", {}).status_code == 422


def test_statistics_suppress_small_cells(api: Callable[..., Any]) -> None:
    for i in range(3):
        api("post", "/api/v1/reports", {**REPORT, "id": f"R-{i}"})
    rows = api("get", "/api/v1/statistics/reports").json()["rows"]
    assert rows == [{"month": "2025-03", "category": "suspected_recruiter", "count": "<11"}]


@pytest.mark.parametrize("path", ["/api/v1/reports/nope", "/api/v1/referrals/RJK-0"])
def test_unknown_records_are_404_in_the_error_shape(api: Callable[..., Any], path: str) -> None:
    response = api("get", path)
    assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"
