from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "sakip.core"
    verbose_name = "Inti"
