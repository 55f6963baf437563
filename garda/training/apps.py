from django.apps import AppConfig


class TrainingConfig(AppConfig):
    name = "garda.training"
    label = "training"
    verbose_name = "Pelatihan anti-TPPO"
