from django.contrib import admin

from sakip.anggaran.models import Anggaran, JenisBelanja, RealisasiAnggaran
from sakip.organisasi.admin_base import UnitScopedAdmin, kolom_rupiah


@admin.register(Anggaran)
class AnggaranAdmin(UnitScopedAdmin):
    unit_path = "sub_kegiatan__unit"
    list_display = [
        "sub_kegiatan",
        "tahun",
        kolom_rupiah("pagu", "pagu"),
        kolom_rupiah("pagu_murni", "pagu murni"),
    ]
    list_filter = ["tahun", "sub_kegiatan__unit"]
    search_fields = ["sub_kegiatan__nama", "sub_kegiatan__kode"]
    raw_id_fields = ["sub_kegiatan"]
    readonly_fields = ["versi"]


@admin.register(RealisasiAnggaran)
class RealisasiAnggaranAdmin(UnitScopedAdmin):
    unit_path = "sub_kegiatan__unit"
    list_display = [
        "sub_kegiatan",
        "tahun",
        "periode",
        kolom_rupiah("nilai", "realisasi"),
        "status",
    ]
    list_filter = ["tahun", "periode", "status", "sub_kegiatan__unit"]
    search_fields = ["sub_kegiatan__nama", "sub_kegiatan__kode"]
    raw_id_fields = ["sub_kegiatan"]
    readonly_fields = ["versi"]


@admin.register(JenisBelanja)
class JenisBelanjaAdmin(UnitScopedAdmin):
    list_display = [
        "kode",
        "nama",
        "unit",
        "tahun",
        kolom_rupiah("pagu", "pagu"),
        kolom_rupiah("realisasi", "realisasi"),
    ]
    list_filter = ["tahun", "unit"]
