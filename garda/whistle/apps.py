from django.apps import AppConfig


class WhistleConfig(AppConfig):
    name = "garda.whistle"
    label = "whistle"
    verbose_name = "Saluran pengaduan"

    def ready(self) -> None:
        from garda.whistle import signals  # noqa: F401  (connects the receivers)
