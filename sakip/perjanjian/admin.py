from typing import Any

from django.contrib import admin, messages
from django.http import HttpRequest
from django.utils import timezone

from sakip.organisasi.admin_base import UnitScopedAdmin
from sakip.pengukuran.services import DitolakError
from sakip.perjanjian.models import PerjanjianKinerja, PKAnggaran, PKTarget
from sakip.perjanjian.services import revisi_baru, tanda_tangani


class _TerkunciBersamaInduk:
    """Rows of a signed PK are as locked as the PK itself."""

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return (obj is None or not obj.terkunci) and super().has_add_permission(request, obj)  # type: ignore[misc]

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return (obj is None or not obj.terkunci) and super().has_change_permission(request, obj)  # type: ignore[misc]

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return (obj is None or not obj.terkunci) and super().has_delete_permission(request, obj)  # type: ignore[misc]


class PKTargetInline(_TerkunciBersamaInduk, admin.TabularInline):
    model = PKTarget
    extra = 0
    raw_id_fields = ["indikator"]
    fields = ["indikator", "target", "satuan", "polaritas"]


class PKAnggaranInline(_TerkunciBersamaInduk, admin.TabularInline):
    model = PKAnggaran
    extra = 0
    raw_id_fields = ["program", "kegiatan"]


@admin.register(PerjanjianKinerja)
class PerjanjianKinerjaAdmin(UnitScopedAdmin):
    list_display = ["__str__", "unit", "tahun", "revisi", "status", "tanggal"]
    list_filter = ["tahun", "status", "unit"]
    search_fields = ["unit__nama", "penandatangan"]
    inlines = [PKTargetInline, PKAnggaranInline]
    actions = ["tandatangani", "buat_revisi"]

    def _jalankan(self, request: HttpRequest, queryset: Any, aksi: Any, pesan: str) -> None:
        for pk in queryset:
            if not self.has_change_permission(request, pk):
                self.message_user(request, f"{pk}: di luar wewenang Anda.", messages.ERROR)
                continue
            try:
                hasil = aksi(pk)
            except DitolakError as exc:
                self.message_user(request, str(exc), messages.ERROR)
            else:
                self.message_user(request, f"{hasil}: {pesan}", messages.SUCCESS)

    @admin.action(description="Tandatangani dan kunci PK terpilih (tanggal hari ini)")
    def tandatangani(self, request: HttpRequest, queryset: Any) -> None:
        hari_ini = timezone.localdate()
        self._jalankan(request, queryset, lambda pk: tanda_tangani(pk, hari_ini), "ditandatangani")

    @admin.action(description="Buat revisi baru dari PK terpilih")
    def buat_revisi(self, request: HttpRequest, queryset: Any) -> None:
        self._jalankan(request, queryset, revisi_baru, "revisi baru dibuat (draf)")

    def get_readonly_fields(self, request, obj=None):  # type: ignore[no-untyped-def]
        # A signed PK is immutable: changes go into a new revision (DESIGN.md).
        if obj is not None and obj.terkunci:
            return [f.name for f in obj._meta.fields]
        return super().get_readonly_fields(request, obj)

    def has_delete_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        if obj is not None and obj.terkunci:
            return False
        return super().has_delete_permission(request, obj)
