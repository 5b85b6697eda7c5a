from django.apps import AppConfig


class ProfilConfig(AppConfig):
    name = "sakip.profil"
    verbose_name = "Profil instansi (SDM, sarana, isu, kebijakan)"
