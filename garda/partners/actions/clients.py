"""Registering a partner system as an OAuth2 client (`garda partners client add ORG --scope …`): the secret is
shown once and stored hashed by django-oauth-toolkit; revoking keeps the record for the audit trail."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from oauth2_provider.generators import generate_client_secret
from oauth2_provider.models import get_application_model

from garda.core import audit
from garda.core.models import Organisation
from garda.partners.models import SCOPES, ApiClient


@dataclass(frozen=True)
class RegisteredClient:
    client: ApiClient
    client_id: str
    client_secret: str  # in clear only here, once


def do_register_client(
    organisation_code: str, *, scopes: list[str], created_by: str, requests_per_minute: int = 60
) -> RegisteredClient:
    organisation = Organisation.objects.filter(code__iexact=organisation_code).first()
    if organisation is None:
        raise ValidationError({"organisation": f"instansi {organisation_code!r} tidak dikenal"})
    unknown = [s for s in scopes if s not in SCOPES]
    if unknown or not scopes:
        raise ValidationError({"scope": f"cakupan tidak dikenal: {', '.join(unknown) or '(kosong)'}; "
                               f"yang sah: {', '.join(SCOPES)}"})  # fmt: skip
    outside = [s for s in scopes if s not in (organisation.agreement_scope or [])]
    if outside:
        raise ValidationError({"scope": f"di luar perjanjian {organisation.code}: {', '.join(outside)}"})
    if not organisation.agreement_in_force():
        raise ValidationError({"organisation": f"perjanjian {organisation.code} tidak berlaku"})
    secret = generate_client_secret()
    application_model = get_application_model()
    with transaction.atomic():
        application = application_model.objects.create(
            name=f"{organisation.code} API",
            client_type=application_model.CLIENT_CONFIDENTIAL,
            authorization_grant_type=application_model.GRANT_CLIENT_CREDENTIALS,
            client_secret=secret,
            hash_client_secret=True,
        )
        client = ApiClient.objects.create(
            application=application,
            organisation=organisation,
            scopes=sorted(set(scopes)),
            requests_per_minute=requests_per_minute,
            created_at=timezone.now(),
            created_by=created_by,
        )
        audit.record(
            "partner_client.register",
            actor_username=created_by,
            obj=client,
            summary=f"Klien API {organisation.code} didaftarkan ({', '.join(client.scopes)})",
            after={"client_id": application.client_id, "scopes": client.scopes, "organisation": organisation.code},
        )
    return RegisteredClient(client, application.client_id, secret)


def do_revoke_client(client: ApiClient, *, revoked_by: str) -> ApiClient:
    with transaction.atomic():
        client.revoked_at = timezone.now()
        client.save(update_fields=["revoked_at"])
        client.application.accesstoken_set.all().delete()
        audit.record(
            "partner_client.revoke",
            actor_username=revoked_by,
            obj=client,
            summary=f"Klien API {client.application.client_id} dicabut",
        )
    return client
