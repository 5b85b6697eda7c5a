from django.urls import path

from sakip.pengukuran import views

app_name = "pengukuran"

_TW = "<slug:unit>/<int:tahun>/<str:periode>"

urlpatterns = [
    path("isian/", views.isian_awal, name="isian-awal"),
    path(f"isian/{_TW}/", views.isian, name="isian"),
    path(f"isian/{_TW}/indikator/<int:pk>/", views.simpan_indikator, name="isian-indikator"),
    path(f"isian/{_TW}/anggaran/<int:pk>/", views.simpan_anggaran, name="isian-anggaran"),
    path(f"isian/{_TW}/narasi/<int:pk>/", views.simpan_narasi_indikator, name="isian-narasi"),
    path(f"isian/{_TW}/eviden/<int:pk>/", views.unggah_eviden_indikator, name="isian-eviden"),
    path(f"isian/{_TW}/ajukan/", views.ajukan, name="isian-ajukan"),
    path("eviden/<int:pk>/unduh/", views.unduh_eviden, name="eviden-unduh"),
    path("verifikasi/", views.verifikasi, name="verifikasi"),
    path(f"verifikasi/{_TW}/", views.tinjau, name="tinjau"),
    path(f"verifikasi/{_TW}/verifikasi/", views.tinjau_verifikasi, name="tinjau-verifikasi"),
    path(f"verifikasi/{_TW}/kembalikan/", views.tinjau_kembalikan, name="tinjau-kembalikan"),
    path("kelengkapan/", views.kelengkapan_awal, name="kelengkapan-awal"),
    path("kelengkapan/<int:tahun>/<str:periode>/", views.kelengkapan, name="kelengkapan"),
]
