from django.urls import path

from sakip.perencanaan import views

app_name = "perencanaan"

urlpatterns = [
    path("", views.daftar, name="daftar"),
    path("<slug:kode>/", views.renstra, name="renstra"),
    path("<slug:kode>/tujuan/tambah/", views.tujuan, name="tujuan-tambah"),
    path("<slug:kode>/tujuan/<int:pk>/", views.tujuan, name="tujuan-ubah"),
    path("<slug:kode>/sasaran/tambah/", views.sasaran, name="sasaran-tambah"),
    path("<slug:kode>/sasaran/<int:pk>/", views.sasaran, name="sasaran-ubah"),
    path("<slug:kode>/indikator/tambah/", views.indikator, name="indikator-tambah"),
    path("<slug:kode>/indikator/<int:pk>/", views.indikator, name="indikator-ubah"),
    path("<slug:kode>/indikator/<int:pk>/target/", views.target, name="target"),
]
