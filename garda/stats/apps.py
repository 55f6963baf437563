from django.apps import AppConfig


class StatsConfig(AppConfig):
    name = "garda.stats"
    label = "stats"
    verbose_name = "Statistik"
