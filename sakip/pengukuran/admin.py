from django.contrib import admin

from sakip.organisasi.admin_base import UnitScopedAdmin
from sakip.pengukuran.models import Eviden, Narasi, PengajuanPeriode, Realisasi


@admin.register(Realisasi)
class RealisasiAdmin(UnitScopedAdmin):
    unit_path = "indikator__unit"
    list_display = ["indikator", "tahun", "periode", "nilai", "status"]
    list_filter = ["tahun", "periode", "status", "indikator__unit"]
    search_fields = ["indikator__nama", "indikator__kode"]
    raw_id_fields = ["indikator"]
    readonly_fields = ["versi"]


@admin.register(Narasi)
class NarasiAdmin(UnitScopedAdmin):
    unit_path = "indikator__unit"
    list_display = ["indikator", "tahun", "status"]
    list_filter = ["tahun", "status", "indikator__unit"]
    search_fields = ["indikator__nama"]
    raw_id_fields = ["indikator"]


@admin.register(Eviden)
class EvidenAdmin(UnitScopedAdmin):
    unit_path = "indikator__unit"
    list_display = ["judul", "indikator", "tahun", "periode", "status", "diunggah_pada"]
    list_filter = ["tahun", "periode", "status"]
    search_fields = ["judul", "indikator__nama"]
    raw_id_fields = ["indikator"]


@admin.register(PengajuanPeriode)
class PengajuanPeriodeAdmin(UnitScopedAdmin):
    list_display = ["unit", "tahun", "periode", "status", "diubah_oleh", "diubah_pada"]
    list_filter = ["tahun", "periode", "status", "unit"]
