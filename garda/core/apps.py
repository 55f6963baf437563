from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "garda.core"
    label = "core"
    verbose_name = "Garda core"

    def ready(self) -> None:
        from garda.core import signals  # noqa: F401  (connects login/lockout auditing)
