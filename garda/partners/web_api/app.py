"""The operations. Each names the scope it needs; each call is audited with the client's identity (reads too);
a partner only ever reaches its own organisation's records — another's answer 404, as if they did not exist."""

from collections import Counter
from typing import Any, Literal

from django.http import HttpRequest
from django.utils import timezone
from ninja import NinjaAPI, Query, Status

from garda.core import audit
from garda.core.models import Office
from garda.core.statistics import suppressed
from garda.intel.api import on_watch
from garda.partners import htcds, signing
from garda.partners.access import referral_of, referrals_of, report_of, reports_of
from garda.partners.actions import (
    ReportProblems,
    do_answer_referral,
    do_receive_referral,
    do_record_referral_outcome,
    do_submit_report,
)
from garda.partners.models import ApiClient, Referral
from garda.partners.report_status import report_rows
from garda.partners.web_api import errors
from garda.partners.web_api.auth import scope
from garda.partners.web_api.errors import ERRORS, ApiProblem
from garda.partners.web_api.schemas import (
    AnswerIn,
    OutcomeIn,
    PersonQuery,
    PersonStatus,
    PublicKey,
    ReferralIn,
    ReferralOut,
    ReportIn,
    ReportOut,
    Statistics,
)
from garda.screening.api import office_with_decision_in_force

api = NinjaAPI(
    title="Garda — API instansi mitra",
    version="1",
    description=(
        "Untuk sistem instansi mitra (KP2MI, Polri, Kejaksaan, Kemlu, Disnaker): laporan, status orang (ya/tidak "
        "dan kantor yang dihubungi), dan rujukan dua arah. Token: OAuth2 client credentials di /o/token/. "
        'Setiap kesalahan memakai bentuk yang sama: {"error": {"code", "message", "details"}}.'
    ),
    urls_namespace="api",
)
errors.install(api)


def _client(request: HttpRequest) -> ApiClient:
    client: ApiClient = request.auth  # type: ignore[attr-defined]
    return client


def _who(client: ApiClient) -> str:
    return f"client:{client.application.client_id}"


def _audit(request: HttpRequest, action: str, summary: str, obj: Any = None, after: Any = None) -> None:
    client = _client(request)
    audit.record(
        f"api.{action}",
        actor_username=_who(client)[:150],
        obj=obj,
        summary=f"{client.organisation.code}: {summary}"[:300],
        after=after,
    )


# --- Reports -------------------------------------------------------------------------------------------------


@api.get("/v1/reports", response={200: list[ReportOut], **ERRORS}, auth=scope("reports:read"), tags=["laporan"])
def list_reports(
    request: HttpRequest,
    limit: int = Query(100, ge=1, le=500),  # type: ignore[type-arg]
    offset: int = Query(0, ge=0, le=10_000_000),  # type: ignore[type-arg]
) -> Any:
    """Your organisation's reports, newest first, with what the office did with each (in numbers)."""
    reports = list(reports_of(_client(request).organisation)[offset : offset + limit])
    _audit(request, "reports.list", f"{len(reports)} laporan dibaca")
    return report_rows(reports)


@api.get("/v1/reports/{report_id}", response={200: ReportOut, **ERRORS}, auth=scope("reports:read"), tags=["laporan"])
def get_report(request: HttpRequest, report_id: str) -> Any:
    report = report_of(_client(request).organisation, report_id)
    _audit(request, "reports.read", f"laporan {report.external_id} dibaca", report)
    return report_rows([report])[0]


def _store(request: HttpRequest, record: dict[str, Any]) -> Any:
    client = _client(request)
    try:
        report = do_submit_report(record, organisation=client.organisation, submitted_by=_who(client))
    except ReportProblems as exc:
        details = [{"field": p.split(":", 1)[0], "problem": p.split(":", 1)[-1].strip()} for p in exc.problems]
        if exc.foreign:
            raise ApiProblem(403, "laporan hanya atas nama instansi Anda sendiri", details) from exc
        raise ApiProblem(409 if exc.conflict else 422, "laporan tidak sesuai format kontrak", details) from exc
    return report_rows([report])[0]


def _record(payload: ReportIn) -> dict[str, Any]:
    """The record as sent; an empty `agency` or `received_at` means "mine" and "now"."""
    record = payload.model_dump(exclude_unset=True)
    for key in ("agency", "received_at"):
        if record.get(key) == "":
            del record[key]
    return record


@api.post("/v1/reports", response={201: ReportOut, **ERRORS}, auth=scope("reports:write"), tags=["laporan"])
def submit_report(request: HttpRequest, payload: ReportIn) -> Any:
    """A new report in the contract's shape (agency-report.schema.json); the same `id` again updates it."""
    return Status(201, _store(request, _record(payload)))


@api.put("/v1/reports/{report_id}", response={200: ReportOut, **ERRORS}, auth=scope("reports:write"), tags=["laporan"])
def update_report(request: HttpRequest, report_id: str, payload: ReportIn) -> Any:
    report_of(_client(request).organisation, report_id)  # only your own, and only one that exists
    record = _record(payload)
    if record["id"] != report_id:
        raise ApiProblem(422, "id dalam isi berbeda dengan alamat", [{"field": "body.id", "problem": "berbeda"}])
    return _store(request, record)


# --- Person status ---------------------------------------------------------------------------------------------


@api.post("/v1/persons/status", response={200: PersonStatus, **ERRORS}, auth=scope("persons:status"), tags=["orang"])
def person_status(request: HttpRequest, payload: PersonQuery) -> Any:
    """Is there a decision in force or a watch on this NIK or passport? Yes or no, and the office to contact —
    never the file. (POST, so the NIK stays out of addresses and server logs.)"""
    nik, passport = (payload.nik or "").strip(), (payload.passport_number or "").strip()
    if not (nik or passport):
        raise ApiProblem(422, "isi NIK atau nomor paspor", [{"field": "body", "problem": "keduanya kosong"}])
    code = office_with_decision_in_force(nik=nik, passport_number=passport)
    if code is None and on_watch(nik):
        code = Office.objects.filter(kind="pusat").values_list("code", flat=True).first()
    office = Office.objects.filter(code=code).first() if code else None
    _audit(request, "persons.status", "status orang ditanyakan", after={"active": code is not None})
    if code is None:
        return {"active": False, "contact": None}
    return {
        "active": True,
        "contact": {
            "office_code": code,
            "office_name": office.name if office else code,
            "phone": office.phone if office else "",
            "email": office.email if office else "",
        },
    }


# --- Referrals -------------------------------------------------------------------------------------------------


def _referral_out(referral: Referral) -> dict[str, Any]:
    return {
        "number": referral.number,
        "direction": referral.direction,
        "office_code": referral.office.code,
        "organisation": referral.organisation.code,
        "role": referral.role,
        "status": referral.status,
        "reason": referral.reason,
        "created_at": referral.created_at.isoformat(),
        "answer_reason": referral.answer_reason,
        "outcome": referral.outcome,
        "person": referral.person,
        "htcds": htcds.record(referral),
        "packet_sha256": referral.packet_sha256,
        "signature": referral.signature,
    }


@api.get("/v1/referrals", response={200: list[ReferralOut], **ERRORS}, auth=scope("referrals:read"), tags=["rujukan"])
def list_referrals(
    request: HttpRequest,
    status: Literal["", "in_progress", "accepted", "rejected", "done", "revoked"] = "",
) -> Any:
    """Referrals addressed to your organisation and those it sent, newest first."""
    rows = referrals_of(_client(request).organisation)
    if status:
        rows = rows.filter(status=status)
    referrals = list(rows[:500])
    _audit(request, "referrals.list", f"{len(referrals)} rujukan dibaca")
    return [_referral_out(r) for r in referrals]


@api.get(
    "/v1/referrals/{number}", response={200: ReferralOut, **ERRORS}, auth=scope("referrals:read"), tags=["rujukan"]
)
def get_referral(request: HttpRequest, number: str) -> Any:
    referral = referral_of(_client(request).organisation, number)
    _audit(request, "referrals.read", f"rujukan {referral.number} dibaca", referral)
    return _referral_out(referral)


def _act(request: HttpRequest, work: Any) -> Any:
    from django.core.exceptions import PermissionDenied, ValidationError

    try:
        return work()
    except PermissionDenied as exc:
        raise ApiProblem(403, "instansi Anda tidak dapat melakukan ini pada rujukan tersebut") from exc
    except ValidationError as exc:
        # The body passed its schema: what is left is the referral's state (already answered, not yet accepted).
        items = exc.message_dict.items() if hasattr(exc, "error_dict") else [("body", exc.messages)]
        details = [{"field": f"body.{k}", "problem": " ".join(v)} for k, v in items]
        raise ApiProblem(409, "rujukan tidak dalam keadaan yang memungkinkan ini", details) from exc


@api.post("/v1/referrals", response={201: ReferralOut, **ERRORS}, auth=scope("referrals:write"), tags=["rujukan"])
def send_referral(request: HttpRequest, payload: ReferralIn) -> Any:
    """Refer a person to an immigration office (a returnee who must not leave again on a visit visa, a recruiter
    working the office's counters)."""
    client = _client(request)
    office = Office.objects.filter(code=payload.office_code, is_active=True).first()
    if office is None:
        raise ApiProblem(404, "kantor tidak dikenal", [{"field": "body.office_code", "problem": "tidak ada"}])
    referral = _act(
        request,
        lambda: do_receive_referral(
            organisation=client.organisation,
            submitted_by=_who(client),
            office=office,
            role=payload.role,
            person=payload.person.model_dump(),
            reason=payload.reason,
        ),
    )
    return Status(201, _referral_out(referral))


@api.post(
    "/v1/referrals/{number}/answer",
    response={200: ReferralOut, **ERRORS},
    auth=scope("referrals:write"),
    tags=["rujukan"],
)
def answer_referral(request: HttpRequest, number: str, payload: AnswerIn) -> Any:
    """Accept or reject a referral addressed to your organisation (a rejection states its reason)."""
    client = _client(request)
    referral = referral_of(client.organisation, number)
    _act(
        request,
        lambda: do_answer_referral(
            referral, accept=payload.accept, reason=payload.reason, by=_who(client), organisation=client.organisation
        ),
    )
    return _referral_out(referral)


@api.post(
    "/v1/referrals/{number}/outcome",
    response={200: ReferralOut, **ERRORS},
    auth=scope("referrals:write"),
    tags=["rujukan"],
)
def referral_outcome(request: HttpRequest, number: str, payload: OutcomeIn) -> Any:
    """What became of an accepted referral (the person sheltered, the case opened): the referral is then done."""
    client = _client(request)
    referral = referral_of(client.organisation, number)
    _act(
        request,
        lambda: do_record_referral_outcome(
            referral, outcome=payload.outcome, by=_who(client), organisation=client.organisation
        ),
    )
    return _referral_out(referral)


# --- Outward figures and keys ----------------------------------------------------------------------------------


@api.get("/v1/statistics/reports", response={200: Statistics, **ERRORS}, auth=scope("reports:read"), tags=["angka"])
def report_statistics(request: HttpRequest) -> Any:
    """Your reports per month and category, and how many were matched; counts under 11 are shown as "<11"."""
    organisation = _client(request).organisation
    counts: Counter[tuple[str, str]] = Counter()
    for received, category in reports_of(organisation).values_list("received_at", "category"):
        counts[(timezone.localtime(received).strftime("%Y-%m"), category)] += 1
    _audit(request, "statistics.reports", "angka laporan dibaca")
    rows = [{"month": m, "category": c, "count": suppressed(n)} for (m, c), n in sorted(counts.items())]
    return {"organisation": organisation.code, "rows": rows}


@api.get("/v1/keys/referrals", response={200: PublicKey}, tags=["kunci"])
def referral_key(request: HttpRequest) -> Any:
    """The public key that checks the signature of every referral packet Garda sends (Ed25519, base64)."""
    return {"algorithm": "Ed25519", "public_key": signing.public_key_b64()}
