"""OAuth2 client credentials for the operations: the token is checked by django-oauth-toolkit, the scope by the
operation, the client's organisation must still have an agreement in force, and each client has its own rate
limit (a 429 that names it, never a limit shared with other partners)."""

from typing import Any

from django.core.cache import cache
from django.http import HttpRequest
from django.utils import timezone
from ninja.security.base import AuthBase
from oauth2_provider.oauth2_backends import get_oauthlib_core

from garda.partners.models import SCOPES, ApiClient
from garda.partners.web_api.errors import ApiProblem

TOKEN_URL = "/o/token/"  # noqa: S105 (an address, not a secret)


class ClientCredentials(AuthBase):
    """The security scheme the OpenAPI document names (its `clientCredentials` flow gives the token URL)."""

    openapi_type = "oauth2"
    openapi_flows = {"clientCredentials": {"tokenUrl": TOKEN_URL, "scopes": {k: str(v) for k, v in SCOPES.items()}}}
    openapi_description = "OAuth2 client credentials; each operation names the scope it needs."

    def __init__(self, scope: str) -> None:
        self.scope = scope
        super().__init__()

    def __call__(self, request: HttpRequest) -> ApiClient | None:
        core = get_oauthlib_core()
        valid, oauth_request = core.verify_request(request, scopes=[])
        if not valid:
            return None
        client = (
            ApiClient.objects.select_related("organisation", "application")
            .filter(application=oauth_request.client)
            .first()
        )
        if client is None or client.revoked_at is not None:
            return None
        if not client.organisation.agreement_in_force():
            raise ApiProblem(403, "perjanjian berbagi data instansi ini tidak berlaku")
        granted = set((oauth_request.access_token.scope or "").split())
        if self.scope not in granted or not client.organisation.allows(self.scope):
            raise ApiProblem(403, f"token ini tidak memiliki cakupan {self.scope}")
        _count_call(client)
        request.garda_client = client  # type: ignore[attr-defined]
        return client


def _count_call(client: ApiClient) -> None:
    """A fixed window per minute per client; the count lives in the cache (per process, like the channel's)."""
    minute = timezone.now().strftime("%Y%m%d%H%M")
    key = f"api:rate:{client.pk}:{minute}"
    if cache.add(key, 1, timeout=70):
        count = 1
    else:
        try:
            count = int(cache.incr(key))
        except ValueError:
            cache.add(key, 1, timeout=70)
            count = 1
    if count > client.requests_per_minute:
        raise ApiProblem(429, f"batas {client.requests_per_minute} permintaan per menit untuk klien ini terlampaui")


def scope(name: str) -> Any:
    return ClientCredentials(name)
