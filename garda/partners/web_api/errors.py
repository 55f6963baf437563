"""One error shape for every failure, documented on every operation:

{"error": {"code": "not_found", "message": "…", "details": [{"field": "body.subjects.0.role", "problem": "…"}]}}
"""

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError


class Problem(Schema):
    field: str
    problem: str


class ErrorBody(Schema):
    code: str
    message: str
    details: list[Problem] = []


class Error(Schema):
    error: ErrorBody


# Every operation documents these beside its success (schemathesis checks each response against them).
ERRORS: dict[int, Any] = {400: Error, 401: Error, 403: Error, 404: Error, 409: Error, 422: Error, 429: Error}

CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 409: "conflict",
         422: "invalid", 429: "rate_limited"}  # fmt: skip


class ApiProblem(HttpError):
    """An error with field details (a contract violation, say)."""

    def __init__(self, status: int, message: str, details: list[dict[str, str]] | None = None) -> None:
        super().__init__(status, message)
        self.details = details or []


def body(status: int, message: str, details: list[dict[str, str]] | None = None) -> dict[str, Any]:
    return {"error": {"code": CODES.get(status, "error"), "message": message, "details": details or []}}


def install(api: NinjaAPI) -> None:
    def respond(request: HttpRequest, status: int, message: str, details: Any = None) -> HttpResponse:
        response = api.create_response(request, body(status, message, details), status=status)
        if status == 401:
            response["WWW-Authenticate"] = 'Bearer realm="garda"'
        return response

    @api.exception_handler(NinjaValidationError)
    def invalid(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
        details = [
            {"field": ".".join(str(p) for p in error.get("loc", [])), "problem": str(error.get("msg", ""))}
            for error in exc.errors
        ]
        return respond(request, 422, "permintaan tidak sesuai skema", details)

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        return respond(request, 401, "token akses tidak ada, tidak sah, atau kedaluwarsa")

    @api.exception_handler(ApiProblem)
    def problem(request: HttpRequest, exc: ApiProblem) -> HttpResponse:
        return respond(request, exc.status_code, exc.message, exc.details)

    @api.exception_handler(HttpError)
    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        return respond(request, exc.status_code, exc.message)

    @api.exception_handler(Http404)
    def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
        return respond(request, 404, "tidak ditemukan")
