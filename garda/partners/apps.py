from django.apps import AppConfig


class PartnersConfig(AppConfig):
    name = "garda.partners"
    label = "partners"
    verbose_name = "Kerja sama instansi mitra"

    def ready(self) -> None:
        from garda.core import panels
        from garda.partners.views.portal import report_files_panel
        from garda.partners.views.staff import application_panel

        panels.register(panels.APPLICATION, application_panel)
        panels.register(panels.AGENCY_REPORT, report_files_panel)
        from garda.core import inbox
        from garda.partners.inbox import referral_items

        inbox.register(referral_items)
