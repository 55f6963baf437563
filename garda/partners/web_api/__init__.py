"""The partners' API (django-ninja): OpenAPI 3.1 at /api/openapi.json, browsable at /api/docs, OAuth2 client
credentials (token at /o/token/), one error shape everywhere (`errors.py`), every call audited with the client."""

from garda.partners.web_api.app import api

__all__ = ["api"]
