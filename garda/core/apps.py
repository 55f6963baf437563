from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "garda.core"
    label = "core"
    verbose_name = "Garda core"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from garda.core import signals  # noqa: F401  (connects login/lockout auditing)
        from garda.core.organisation_seed import after_migrate

        # The base partner organisations come back after a flush (a transactional test, `flush`).
        post_migrate.connect(after_migrate, sender=self)
