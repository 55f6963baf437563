from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _freeze(using: str = "default", **kwargs: Any) -> None:
    """The triggers that freeze decided cases and issued letters, made again after every migrate (and after a
    test database flush, which needs them out of the way): they are idempotent, and a database restored without
    them gets them back."""
    from django.db import connections

    from garda.decisions.triggers import FROZEN, create_statements, drop_statements

    connection = connections[using]
    if connection.vendor not in {"sqlite", "postgresql"}:
        return
    with connection.cursor() as cursor:
        for frozen in FROZEN:
            for statement in drop_statements(connection.vendor, frozen) + create_statements(connection.vendor, frozen):
                cursor.execute(statement)


class DecisionsConfig(AppConfig):
    name = "garda.decisions"
    label = "decisions"
    verbose_name = "Keputusan"

    def ready(self) -> None:
        from garda.core import panels
        from garda.decisions.panels import application_panel

        post_migrate.connect(_freeze, sender=self)
        panels.register(panels.APPLICATION, application_panel)
        from garda.core import inbox
        from garda.decisions.inbox import decision_items

        inbox.register(decision_items)
        inbox.register_page("decisions.case", "decisions:detail")
