from django.apps import AppConfig


class OversightConfig(AppConfig):
    name = "garda.oversight"
    label = "oversight"
    verbose_name = "Pengawasan internal"

    def ready(self) -> None:
        # Low defines, high registers: core's lists and the channel's report page know nothing of oversight.
        from garda.core import panels, visibility
        from garda.core.reflists import register_check
        from garda.oversight.access import case_investigation_events_to_holders, case_investigations_to_holders
        from garda.oversight.catalogue_checks import CHECKS
        from garda.oversight.views.investigations import open_from_report_panel
        from garda.oversight.views.summons import home_panel, superior_panel

        visibility.register(visibility.INVESTIGATIONS, case_investigations_to_holders)
        visibility.register(visibility.AUDIT_EVENTS, case_investigation_events_to_holders)
        panels.register(panels.WHISTLE_REPORT, open_from_report_panel)
        panels.register(panels.HOME, home_panel)
        panels.register(panels.HOME, superior_panel)
        from garda.core import inbox
        from garda.oversight.inbox import oversight_items

        inbox.register(oversight_items)
        inbox.register_page("oversight.integritysignal", "oversight:signal_detail")
        for key, check in CHECKS.items():
            register_check(key, check)
