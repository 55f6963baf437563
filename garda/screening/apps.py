from django.apps import AppConfig


class ScreeningConfig(AppConfig):
    name = "garda.screening"
    label = "screening"
    verbose_name = "Garda screening"
