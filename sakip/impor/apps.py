from django.apps import AppConfig


class ImporConfig(AppConfig):
    name = "sakip.impor"
    verbose_name = "Impor/ekspor"
