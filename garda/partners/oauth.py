"""OAuth2 for partners' systems: client credentials only; a client gets at most the scopes it was registered with
that its organisation's agreement (in force) also allows; a revoked client, or one whose organisation's agreement
lapsed, gets no token at all."""

from typing import Any

from oauth2_provider.oauth2_validators import OAuth2Validator


def allowed_scopes(application: Any) -> list[str]:
    from garda.partners.models import ApiClient

    client = ApiClient.objects.select_related("organisation").filter(application=application).first()
    if client is None or client.revoked_at is not None or not client.organisation.agreement_in_force():
        return []
    return [scope for scope in client.scopes if client.organisation.allows(scope)]


class ClientValidator(OAuth2Validator):  # type: ignore[misc]  # untyped library
    def validate_grant_type(
        self, client_id: str, grant_type: str, client: Any, request: Any, *args: Any, **kwargs: Any
    ) -> bool:
        return (
            grant_type == "client_credentials"
            and bool(allowed_scopes(client))
            and bool(super().validate_grant_type(client_id, grant_type, client, request, *args, **kwargs))
        )

    def validate_scopes(
        self, client_id: str, scopes: list[str], client: Any, request: Any, *args: Any, **kwargs: Any
    ) -> bool:
        return set(scopes) <= set(allowed_scopes(client))

    def get_default_scopes(self, client_id: str, request: Any, *args: Any, **kwargs: Any) -> list[str]:
        """No scope asked for: every scope the client may have."""
        return allowed_scopes(request.client)
