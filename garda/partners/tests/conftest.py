"""Partners' fixtures: organisations with agreements in force, registered API clients, tokens."""

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from garda.core.models import Organisation
from garda.partners.actions import RegisteredClient, do_register_client
from garda.partners.models import SCOPES


@pytest.fixture
def agreements(db: None) -> dict[str, Organisation]:
    found = {}
    for code in ("KP2MI", "POLRI", "KEMLU", "LPSK"):
        organisation = Organisation.objects.get(code=code)
        organisation.agreement_scope = list(SCOPES)
        organisation.agreement_number = f"PKS-{code}-001/2025"
        organisation.agreement_basis = "UU 18/2017; Perpres 49/2023 (sintetis)"
        organisation.save()
        found[code] = organisation
    return found


@pytest.fixture
def register(agreements: dict[str, Organisation]) -> Callable[..., RegisteredClient]:
    def _register(code: str = "KP2MI", scopes: list[str] | None = None, per_minute: int = 60) -> RegisteredClient:
        return do_register_client(
            code, scopes=scopes or list(SCOPES), created_by="test", requests_per_minute=per_minute
        )

    return _register


def token_for(made: RegisteredClient, scope: str = "") -> str:
    data = {"grant_type": "client_credentials", "client_id": made.client_id, "client_secret": made.client_secret}
    if scope:
        data["scope"] = scope
    response = Client().post("/o/token/", data)
    assert response.status_code == 200, response.content
    token: str = response.json()["access_token"]
    return token


@pytest.fixture
def api(register: Callable[..., RegisteredClient]) -> Callable[..., Any]:
    """A client calling the API with a bearer token of a KP2MI client holding every scope."""
    made = register()
    bearer = token_for(made)

    def _call(method: str, path: str, body: Any = None, token: str | None = None) -> Any:
        client = Client()
        headers = {"HTTP_AUTHORIZATION": f"Bearer {token or bearer}"}
        if body is None:
            return getattr(client, method)(path, **headers)
        return getattr(client, method)(path, body, content_type="application/json", **headers)

    return _call
