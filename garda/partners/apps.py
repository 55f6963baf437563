from django.apps import AppConfig


class PartnersConfig(AppConfig):
    name = "garda.partners"
    label = "partners"
    verbose_name = "Kerja sama instansi mitra"

    def ready(self) -> None:
        from garda.core import panels
        from garda.partners.views.staff import application_panel

        panels.register(panels.APPLICATION, application_panel)
