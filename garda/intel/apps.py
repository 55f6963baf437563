from django.apps import AppConfig


class IntelConfig(AppConfig):
    name = "garda.intel"
    label = "intel"
    verbose_name = "Garda intelligence"

    def ready(self) -> None:
        from garda.core import inbox

        inbox.register_page("intel.agencyreport", "intel:report_detail")
