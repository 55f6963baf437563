from django.apps import AppConfig


class OutreachConfig(AppConfig):
    name = "garda.outreach"
    label = "outreach"
    verbose_name = "Program Desa Binaan"
