from django.apps import AppConfig


class IntelConfig(AppConfig):
    name = "garda.intel"
    label = "intel"
    verbose_name = "Garda intelligence"
