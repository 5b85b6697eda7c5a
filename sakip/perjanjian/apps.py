from django.apps import AppConfig


class PerjanjianConfig(AppConfig):
    name = "sakip.perjanjian"
    verbose_name = "Perjanjian Kinerja"
