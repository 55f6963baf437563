from django.apps import AppConfig


class DecisionsConfig(AppConfig):
    name = "garda.decisions"
    label = "decisions"
    verbose_name = "Keputusan"
