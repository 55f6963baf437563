"""Schemathesis against the API's own OpenAPI document, through the real WSGI application: for every operation,
generated requests (valid and not) never get a 500, and every response — success or error — matches the schema
it documents, with a real client-credentials token of a partner holding every scope."""

from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from garda.partners.tests.conftest import token_for
from garda.partners.web_api import api
from garda.wsgi import application

# The document the API serves at /api/openapi.json (built here rather than fetched, so that no request runs before
# the test database exists); the calls go through the WSGI application.
schema = schemathesis.openapi.from_dict(api.get_openapi_schema(path_prefix="/api"))
schema.app = application


@pytest.fixture
def bearer(register: Any) -> Any:
    """A token of a partner holding every scope. The WSGI handler closes the database connection around each
    request; inside a test that is the test's own transaction, so it is kept open as Django's test client keeps it
    (after the token is fetched: the test client connects the closing again when it finishes)."""
    from django.core import signals
    from django.db import close_old_connections

    headers = {"Authorization": f"Bearer {token_for(register(per_minute=100000))}"}
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield headers
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_every_operation_keeps_its_contract(case: Any, bearer: dict[str, str]) -> None:
    case.call_and_validate(headers=bearer)
