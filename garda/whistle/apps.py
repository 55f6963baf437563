from django.apps import AppConfig


class WhistleConfig(AppConfig):
    name = "garda.whistle"
    label = "whistle"
    verbose_name = "Saluran pengaduan"

    def ready(self) -> None:
        from garda.core import visibility
        from garda.whistle import checks, signals  # noqa: F401  (registers the checks, connects the receivers)
        from garda.whistle.access import case_events_to_holders

        visibility.register(visibility.AUDIT_EVENTS, case_events_to_holders)
        from garda.core import inbox
        from garda.whistle.inbox import whistle_items

        inbox.register(whistle_items)
