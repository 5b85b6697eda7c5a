from django.contrib import admin

from sakip.organisasi.admin_base import UnitScopedAdmin
from sakip.organisasi.models import Keanggotaan, Pengaturan, Unit


class KeanggotaanInline(admin.TabularInline):
    model = Keanggotaan
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Unit)
class UnitAdmin(UnitScopedAdmin):
    unit_path = "pk"
    list_display = ["nama", "slug", "jenis", "induk", "kluster"]
    list_filter = ["jenis", "kluster"]
    search_fields = ["nama", "slug", "singkatan"]
    autocomplete_fields = ["induk"]
    inlines = [KeanggotaanInline]

    def get_queryset(self, request):  # type: ignore[no-untyped-def]
        from sakip.organisasi.akses import unit_ids_untuk

        qs = super(UnitScopedAdmin, self).get_queryset(request)
        ids = unit_ids_untuk(request.user, "view")
        return qs if ids is None else qs.filter(pk__in=ids)

    def _boleh_ubah(self, request, obj):  # type: ignore[no-untyped-def]
        from sakip.organisasi.akses import boleh

        return obj is None or boleh(request.user, obj.pk, "change")


@admin.register(Pengaturan)
class PengaturanAdmin(UnitScopedAdmin):
    list_display = ["unit", "skala", "rumus_negatif", "metode_rollup", "metode_serapan"]
    autocomplete_fields = ["unit"]


@admin.register(Keanggotaan)
class KeanggotaanAdmin(UnitScopedAdmin):
    list_display = ["user", "unit", "peran"]
    list_filter = ["peran", "unit"]
    search_fields = ["user__username", "unit__nama"]
    autocomplete_fields = ["user", "unit"]
