from django.contrib import admin

from sakip.organisasi.admin_base import UnitScopedAdmin
from sakip.perencanaan.models import (
    Indikator,
    Kegiatan,
    Program,
    Renstra,
    Sasaran,
    SubKegiatan,
    Target,
    Tujuan,
)


class TujuanInline(admin.StackedInline):
    model = Tujuan
    extra = 0


@admin.register(Renstra)
class RenstraAdmin(UnitScopedAdmin):
    list_display = ["nama", "unit", "tahun_mulai", "tahun_selesai"]
    list_filter = ["unit", "tahun_mulai"]
    search_fields = ["nama", "kode"]
    inlines = [TujuanInline]


@admin.register(Tujuan)
class TujuanAdmin(UnitScopedAdmin):
    unit_path = "renstra__unit"
    list_display = ["kode", "uraian", "renstra"]
    list_filter = ["renstra"]
    search_fields = ["uraian"]


@admin.register(Sasaran)
class SasaranAdmin(UnitScopedAdmin):
    unit_path = "renstra__unit"
    list_display = ["kode", "uraian", "tujuan", "renstra"]
    list_filter = ["renstra"]
    search_fields = ["uraian"]


class KegiatanInline(admin.TabularInline):
    model = Kegiatan
    extra = 0
    fields = ["kode", "nama", "unit", "urutan"]


@admin.register(Program)
class ProgramAdmin(UnitScopedAdmin):
    list_display = ["kode", "nama", "unit", "renstra"]
    list_filter = ["renstra", "unit"]
    search_fields = ["kode", "nama"]
    filter_horizontal = ["sasaran"]
    inlines = [KegiatanInline]


class SubKegiatanInline(admin.TabularInline):
    model = SubKegiatan
    extra = 0
    fields = ["kode", "nama", "unit", "urutan"]


@admin.register(Kegiatan)
class KegiatanAdmin(UnitScopedAdmin):
    list_display = ["kode", "nama", "unit", "program"]
    list_filter = ["program__renstra", "unit"]
    search_fields = ["kode", "nama"]
    inlines = [SubKegiatanInline]


@admin.register(SubKegiatan)
class SubKegiatanAdmin(UnitScopedAdmin):
    list_display = ["kode", "nama", "unit", "kegiatan"]
    list_filter = ["kegiatan__program__renstra", "unit"]
    search_fields = ["kode", "nama"]


class TargetInline(admin.TabularInline):
    model = Target
    extra = 0


@admin.register(Indikator)
class IndikatorAdmin(UnitScopedAdmin):
    list_display = ["kode", "nama", "tingkat", "satuan", "polaritas", "iku", "unit"]
    list_filter = ["renstra", "tingkat", "iku", "polaritas", "sumber_realisasi", "unit"]
    search_fields = ["kode", "nama"]
    raw_id_fields = ["tujuan", "sasaran", "program", "kegiatan", "sub_kegiatan"]
    inlines = [TargetInline]


@admin.register(Target)
class TargetAdmin(UnitScopedAdmin):
    unit_path = "indikator__unit"
    list_display = ["indikator", "tahun", "periode", "nilai"]
    list_filter = ["tahun", "periode", "indikator__unit"]
    search_fields = ["indikator__nama", "indikator__kode"]
    raw_id_fields = ["indikator"]
