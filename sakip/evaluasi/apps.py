from django.apps import AppConfig


class EvaluasiConfig(AppConfig):
    name = "sakip.evaluasi"
    verbose_name = "Evaluasi (AKIP, rekomendasi, temuan)"
