from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html

from sakip.laporan.models import LaporanFinal, NaskahLaporan, PermintaanLaporan, TemplatLaporan
from sakip.organisasi.admin_base import UnitScopedAdmin


@admin.register(NaskahLaporan)
class NaskahLaporanAdmin(UnitScopedAdmin):
    list_display = ["__str__", "unit", "tahun", "penandatangan_nama", "tanggal"]
    list_filter = ["tahun", "unit"]
    fieldsets = [
        (None, {"fields": ["unit", "tahun"]}),
        ("Kata Pengantar dan Ikhtisar", {"fields": ["kata_pengantar", "ikhtisar"]}),
        (
            "Bab I Pendahuluan",
            {
                "fields": [
                    "dasar_pembentukan",
                    "landasan_hukum",
                    "tugas_fungsi",
                    "struktur_organisasi",
                    "bagan_organisasi",
                    "aspek_strategis",
                ]
            },
        ),
        ("Bab IV Penutup", {"fields": ["kesimpulan", "saran"]}),
        (
            "Penandatangan",
            {
                "fields": [
                    "penandatangan_nama",
                    "penandatangan_nip",
                    "penandatangan_jabatan",
                    "tempat",
                    "tanggal",
                ]
            },
        ),
    ]


@admin.register(TemplatLaporan)
class TemplatLaporanAdmin(UnitScopedAdmin):
    list_display = ["__str__", "unit", "diunggah_pada"]


class HanyaBacaAdmin(UnitScopedAdmin):
    """Records the system writes itself: shown, never edited by hand."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(LaporanFinal)
class LaporanFinalAdmin(HanyaBacaAdmin):
    list_display = ["__str__", "unit", "tahun", "revisi", "data_pada", "sha256", "unduh"]
    list_filter = ["tahun", "unit"]
    exclude = ["isi"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        # The list shows the hash, not the document: leave the stored bytes unread.
        return super().get_queryset(request).defer("isi")

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # immutable (DESIGN.md); a correction is a new revision

    @admin.display(description="berkas")
    def unduh(self, obj: LaporanFinal) -> str:
        return format_html(
            '<a href="{}">{}</a>', reverse("laporan:unduh-final", args=[obj.pk]), obj.nama_berkas
        )


@admin.register(PermintaanLaporan)
class PermintaanLaporanAdmin(HanyaBacaAdmin):
    list_display = ["__str__", "unit", "tahun", "format", "status", "kemajuan", "diminta_oleh"]
    list_filter = ["status", "format", "tahun", "unit"]
