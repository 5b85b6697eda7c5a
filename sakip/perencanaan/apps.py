from django.apps import AppConfig


class PerencanaanConfig(AppConfig):
    name = "sakip.perencanaan"
    verbose_name = "Perencanaan (Renstra, IKU)"
