from django.contrib import admin

from sakip.evaluasi.models import HasilEvaluasi, Rekomendasi, SkorKomponen, Temuan
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

    @admin.display(description="nilai")
    def tampil_nilai(self, obj: HasilEvaluasi) -> object:
        return obj.nilai()

    @admin.display(description="predikat")
    def tampil_predikat(self, obj: HasilEvaluasi) -> object:
        return obj.predikat()


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
