from django.urls import path

from sakip.perjanjian import views

app_name = "perjanjian"

urlpatterns = [
    path("", views.daftar, name="daftar"),
    path("buat/", views.buat, name="buat"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/target/<int:indikator>/", views.target, name="target"),
    path("<int:pk>/anggaran/", views.anggaran_tambah, name="anggaran-tambah"),
    path("<int:pk>/anggaran/<int:baris>/", views.anggaran, name="anggaran"),
    path("<int:pk>/anggaran/<int:baris>/hapus/", views.anggaran_hapus, name="anggaran-hapus"),
    path("<int:pk>/penandatangan/", views.penandatangan, name="penandatangan"),
    path("<int:pk>/tandatangani/", views.tandatangani, name="tandatangani"),
    path("<int:pk>/revisi/", views.revisi, name="revisi"),
    path("<int:pk>/cetak/", views.cetak, name="cetak"),
]
