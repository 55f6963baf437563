from django.apps import AppConfig


class ScreeningConfig(AppConfig):
    name = "garda.screening"
    label = "screening"
    verbose_name = "Garda screening"

    def ready(self) -> None:
        # The lists that are screening's rules are refused when screening could not read them.
        from garda.core.reflists import register_check
        from garda.screening.rulebook import CHECKS

        for key, check in CHECKS.items():
            register_check(key, check)

        # Intelligence (below screening) announces new reports and registries through a core signal.
        from garda.screening import receivers

        receivers.connect()
        from garda.core import inbox
        from garda.screening.inbox import screening_items

        inbox.register(screening_items)
        inbox.register_page("screening.application", "screening:detail")
