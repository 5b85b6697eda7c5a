from django.contrib import admin

from sakip.organisasi.admin_base import UnitScopedAdmin
from sakip.perjanjian.models import PerjanjianKinerja, PKAnggaran, PKTarget


class PKTargetInline(admin.TabularInline):
    model = PKTarget
    extra = 0
    raw_id_fields = ["indikator"]
    fields = ["indikator", "target", "satuan", "polaritas"]


class PKAnggaranInline(admin.TabularInline):
    model = PKAnggaran
    extra = 0
    raw_id_fields = ["program", "kegiatan"]


@admin.register(PerjanjianKinerja)
class PerjanjianKinerjaAdmin(UnitScopedAdmin):
    list_display = ["__str__", "unit", "tahun", "revisi", "status", "tanggal"]
    list_filter = ["tahun", "status", "unit"]
    search_fields = ["unit__nama", "penandatangan"]
    inlines = [PKTargetInline, PKAnggaranInline]

    def get_readonly_fields(self, request, obj=None):  # type: ignore[no-untyped-def]
        # A signed PK is immutable: changes go into a new revision (DESIGN.md).
        if obj is not None and obj.terkunci:
            return [f.name for f in obj._meta.fields]
        return super().get_readonly_fields(request, obj)

    def has_delete_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        if obj is not None and obj.terkunci:
            return False
        return super().has_delete_permission(request, obj)
