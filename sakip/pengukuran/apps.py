from django.apps import AppConfig


class PengukuranConfig(AppConfig):
    name = "sakip.pengukuran"
    verbose_name = "Pengukuran (realisasi, narasi, data dukung)"
