from django.apps import AppConfig


class OutreachConfig(AppConfig):
    name = "garda.outreach"
    label = "outreach"
    verbose_name = "Program Desa Binaan"

    def ready(self) -> None:
        from garda.core import inbox
        from garda.outreach.inbox import outreach_items

        inbox.register(outreach_items)
        inbox.register_page("outreach.village", "outreach:village")
