from django.apps import AppConfig


class WhistleConfig(AppConfig):
    name = "garda.whistle"
    label = "whistle"
    verbose_name = "Saluran pengaduan"

    def ready(self) -> None:
        from garda.whistle import checks, signals  # noqa: F401  (registers the checks, connects the receivers)
