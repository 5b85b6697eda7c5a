from django.contrib import admin
from django.http import HttpRequest

from sakip.evaluasi.models import (
    EvaluasiAKIP,
    HasilEvaluasi,
    KomponenLKE,
    KriteriaLKE,
    LembarKerja,
    Rekomendasi,
    SebaranPredikat,
    SkorKomponen,
    SubKomponenLKE,
    Temuan,
)
from sakip.organisasi.admin_base import UnitScopedAdmin


class SkorKomponenInline(admin.TabularInline):
    model = SkorKomponen
    extra = 0


@admin.register(HasilEvaluasi)
class HasilEvaluasiAdmin(UnitScopedAdmin):
    list_display = ["unit", "tahun", "model", "tampil_nilai", "tampil_predikat"]
    list_filter = ["tahun", "model", "unit__kluster"]
    search_fields = ["unit__nama"]
    inlines = [SkorKomponenInline]

    def has_change_permission(self, request: HttpRequest, obj: HasilEvaluasi | None = None) -> bool:
        """A result written by a locked LKE changes only through a new evaluation, not here."""
        if obj is not None and EvaluasiAKIP.objects.filter(hasil=obj, status="terkunci").exists():
            return False
        return super().has_change_permission(request, obj)

    @admin.display(description="nilai")
    def tampil_nilai(self, obj: HasilEvaluasi) -> object:
        return obj.nilai()

    @admin.display(description="predikat")
    def tampil_predikat(self, obj: HasilEvaluasi) -> object:
        return obj.predikat()


@admin.register(SebaranPredikat)
class SebaranPredikatAdmin(UnitScopedAdmin):
    list_display = ["unit", "tahun", "predikat", "jumlah", "catatan"]
    list_filter = ["tahun", "predikat"]


@admin.register(Rekomendasi)
class RekomendasiAdmin(UnitScopedAdmin):
    list_display = ["unit", "tahun", "komponen", "status", "batas_waktu"]
    list_filter = ["tahun", "status", "unit"]
    search_fields = ["rekomendasi", "tindak_lanjut"]


@admin.register(Temuan)
class TemuanAdmin(UnitScopedAdmin):
    list_display = ["unit", "tahun", "__str__", "status", "nilai"]
    list_filter = ["tahun", "status", "unit"]
    search_fields = ["temuan"]


# The LKE is configurable data: a new year's criteria are a new LembarKerja version.
class KriteriaLKEInline(admin.TabularInline):
    model = KriteriaLKE
    extra = 0


@admin.register(SubKomponenLKE)
class SubKomponenLKEAdmin(admin.ModelAdmin):
    list_display = ["__str__", "kode", "bobot", "urutan"]
    list_filter = ["komponen__lembar"]
    inlines = [KriteriaLKEInline]


class KomponenLKEInline(admin.TabularInline):
    model = KomponenLKE
    extra = 0
    show_change_link = True


@admin.register(KomponenLKE)
class KomponenLKEAdmin(admin.ModelAdmin):
    list_display = ["nama", "lembar", "kode", "bobot", "urutan"]
    list_filter = ["lembar"]


@admin.register(LembarKerja)
class LembarKerjaAdmin(admin.ModelAdmin):
    list_display = ["nama", "model", "tahun"]
    inlines = [KomponenLKEInline]


@admin.register(EvaluasiAKIP)
class EvaluasiAKIPAdmin(UnitScopedAdmin):
    list_display = ["unit", "tahun", "lembar", "status", "nomor_lhe"]
    list_filter = ["tahun", "status", "lembar"]
    readonly_fields = ["status", "dikunci_oleh", "dikunci_pada", "hasil"]

    def has_change_permission(self, request: HttpRequest, obj: EvaluasiAKIP | None = None) -> bool:
        """A worksheet locked by its LHE is read-only here too."""
        if obj is not None and obj.terkunci:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: EvaluasiAKIP | None = None) -> bool:
        if obj is not None and obj.terkunci:
            return False
        return super().has_delete_permission(request, obj)
