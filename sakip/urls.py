from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.generic import RedirectView

from sakip.core import views as core

admin.site.site_header = "sakip — e-SAKIP"
admin.site.site_title = "sakip"
admin.site.index_title = "Administrasi"

urlpatterns = [
    path("", core.beranda, name="beranda"),
    path("masuk/", core.Masuk.as_view(), name="masuk"),
    path("keluar/", auth_views.LogoutView.as_view(), name="keluar"),
    path("akun/sandi/", core.GantiSandi.as_view(), name="ganti-sandi"),
    path("akun/unit/", core.pilih_unit, name="pilih-unit"),
    path("akun/dua-langkah/", core.dua_langkah, name="dua-langkah"),
    path("riwayat/<slug:jenis>/<int:pk>/", core.halaman_riwayat, name="riwayat"),
    path("laporan/", include("sakip.laporan.urls")),
    path("", include("sakip.pengukuran.urls")),
    path("perencanaan/", include("sakip.perencanaan.urls")),
    path("pk/", include("sakip.perjanjian.urls")),
    path("impor/", include("sakip.impor.urls")),
    path("dasbor/", include("sakip.dasbor.urls")),
    path("publik/", include("sakip.publik.urls")),
    path("evaluasi/", include("sakip.evaluasi.urls")),
    path("survei/", include("sakip.survei.urls")),
    # One sign-in for everyone, so the admin cannot be entered without the two-step code.
    path("admin/login/", RedirectView.as_view(pattern_name="masuk", query_string=True)),
    path("admin/", admin.site.urls),
]
