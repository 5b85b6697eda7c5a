from django.contrib import admin

from sakip.organisasi.admin_base import UnitScopedAdmin
from sakip.periksa.models import PenerimaanTemuan


@admin.register(PenerimaanTemuan)
class PenerimaanTemuanAdmin(UnitScopedAdmin):
    unit_path = "unit"
    list_display = ["kode", "unit", "tahun", "alasan", "diterima_oleh", "diterima_pada"]
    list_filter = ["tahun", "kode"]
    search_fields = ["kode", "alasan", "pesan", "unit__nama"]
    raw_id_fields = ["unit", "diterima_oleh"]
