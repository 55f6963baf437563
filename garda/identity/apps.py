from django.apps import AppConfig


class IdentityConfig(AppConfig):
    name = "garda.identity"
    label = "identity"
    verbose_name = "Garda identity"
