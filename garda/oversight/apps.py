from django.apps import AppConfig


class OversightConfig(AppConfig):
    name = "garda.oversight"
    label = "oversight"
    verbose_name = "Pengawasan internal"
