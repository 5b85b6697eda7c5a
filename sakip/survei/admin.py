from django.contrib import admin

from sakip.organisasi.admin_base import UnitScopedAdmin
from sakip.survei.models import HasilSurvei, TanggapanSurvei


@admin.register(HasilSurvei)
class HasilSurveiAdmin(UnitScopedAdmin):
    list_display = ["unit", "tahun", "periode", "nilai", "responden"]
    list_filter = ["tahun", "periode", "unit"]


@admin.register(TanggapanSurvei)
class TanggapanSurveiAdmin(UnitScopedAdmin):
    list_display = ["unit", "tahun", "periode", "nomor", "jenis_kelamin", "pendidikan", "pekerjaan"]
    list_filter = ["tahun", "periode", "unit"]
