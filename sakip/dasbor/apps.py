from django.apps import AppConfig


class DasborConfig(AppConfig):
    name = "sakip.dasbor"
    verbose_name = "Dasbor pimpinan"
    default_auto_field = "django.db.models.BigAutoField"
