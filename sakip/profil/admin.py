from django.contrib import admin

from sakip.organisasi.admin_base import UnitScopedAdmin
from sakip.profil.models import IsuStrategis, Kebijakan, Pegawai, Sarana


@admin.register(Pegawai)
class PegawaiAdmin(UnitScopedAdmin):
    list_display = ["jabatan", "unit", "tahun", "kelompok", "pns", "p3k", "laki_laki", "perempuan"]
    list_filter = ["tahun", "kelompok", "unit"]


@admin.register(Sarana)
class SaranaAdmin(UnitScopedAdmin):
    list_display = ["uraian", "jumlah", "satuan", "unit", "tahun"]
    list_filter = ["tahun", "unit"]


@admin.register(IsuStrategis)
class IsuStrategisAdmin(UnitScopedAdmin):
    list_display = ["__str__", "unit", "tahun", "urutan"]
    list_filter = ["tahun", "unit"]
    search_fields = ["uraian"]


@admin.register(Kebijakan)
class KebijakanAdmin(UnitScopedAdmin):
    list_display = ["nomor", "__str__", "jenis", "diterapkan", "unit", "tahun"]
    list_filter = ["tahun", "diterapkan", "unit"]
    search_fields = ["uraian", "nomor"]
