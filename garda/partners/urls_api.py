"""The API's addresses: /api/ (django-ninja, OpenAPI at /api/openapi.json, docs at /api/docs) and the OAuth2 token
endpoint /o/token/. These are open to the network in the sense of the login middleware — they authenticate by
token, not by a staff session — and every operation but the key and the documents needs a token."""

from typing import Any

from django.urls import path
from oauth2_provider import views as oauth2_views

from garda.core.middleware import public
from garda.partners.web_api import api


def _public_patterns(patterns: list[Any]) -> list[Any]:
    for pattern in patterns:
        public(pattern.callback)
    return patterns


api_patterns, api_app, api_namespace = api.urls
urlpatterns = [
    path("api/", (_public_patterns(list(api_patterns)), api_app, api_namespace)),
    path("o/token/", public(oauth2_views.TokenView.as_view()), name="oauth2_token"),
]
