from django.apps import AppConfig


class PublicConfig(AppConfig):
    name = "garda.public"
    label = "public"
    verbose_name = "Portal publik"
