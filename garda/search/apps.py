from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "garda.search"
    label = "search"
    verbose_name = "Cari orang"
