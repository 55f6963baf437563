from django.apps import AppConfig


class SyntheticConfig(AppConfig):
    """Installed only for its `garda demo` command; it has no models."""

    name = "garda.synthetic"
    label = "synthetic"
    verbose_name = "Garda synthetic data and demo"
