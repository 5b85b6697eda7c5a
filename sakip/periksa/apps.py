from django.apps import AppConfig


class PeriksaConfig(AppConfig):
    name = "sakip.periksa"
    verbose_name = "Pemeriksaan konsistensi"
