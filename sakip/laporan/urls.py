from django.urls import path

from sakip.laporan import views

app_name = "laporan"

urlpatterns = [
    path("", views.daftar, name="daftar"),
    path("permintaan/<int:pk>/", views.status, name="status"),
    path("permintaan/<int:pk>/unduh/", views.unduh, name="unduh"),
    path("final/<int:pk>/unduh/", views.unduh_final, name="unduh-final"),
    path("periksa-dokumen/", views.periksa_dokumen, name="periksa-dokumen"),
    path("<slug:unit>/<int:tahun>/", views.halaman, name="halaman"),
    path("<slug:unit>/<int:tahun>/periksa/", views.periksa, name="periksa"),
    path("<slug:unit>/<int:tahun>/periksa/terima/", views.periksa_terima, name="periksa-terima"),
    path(
        "<slug:unit>/<int:tahun>/periksa/unduh.<slug:format>",
        views.periksa_unduh,
        name="periksa-unduh",
    ),
    path("<slug:unit>/<int:tahun>/buat/", views.buat, name="buat"),
    path("<slug:unit>/<int:tahun>/pratinjau/", views.pratinjau, name="pratinjau"),
    path("<slug:unit>/<int:tahun>/final/", views.final, name="final"),
    path("<slug:unit>/<int:tahun>/templat/", views.templat, name="templat"),
]
