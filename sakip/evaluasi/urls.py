from django.urls import path

from sakip.evaluasi import views

app_name = "evaluasi"

urlpatterns = [
    path("", views.awal, name="awal"),
    path("buat/", views.buat, name="buat"),
    path("<int:pk>/", views.lembar, name="lembar"),
    path("<int:pk>/simpan/<str:pihak>/", views.simpan, name="simpan"),
    path("<int:pk>/kunci/", views.kunci, name="kunci"),
    path("riwayat/<slug:unit>/", views.riwayat, name="riwayat"),
    path("riwayat/<slug:unit>/xlsx/", views.riwayat_xlsx, name="riwayat-xlsx"),
    path("rekap/<slug:pemda>/<int:tahun>/", views.rekap, name="rekap"),
    path("rekap/<slug:pemda>/<int:tahun>/xlsx/", views.rekap_xlsx, name="rekap-xlsx"),
    path("rekomendasi/", views.terbuka, name="terbuka"),
    path("rekomendasi/<slug:unit>/", views.rekomendasi, name="rekomendasi"),
    path("rekomendasi/<slug:unit>/tambah/", views.rekomendasi_tambah, name="rekomendasi-tambah"),
    path("tindak-lanjut/<int:pk>/", views.tindak_lanjut, name="tindak-lanjut"),
]
