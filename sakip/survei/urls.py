from django.urls import path

from sakip.survei import views

app_name = "survei"

urlpatterns = [
    path("", views.awal, name="awal"),
    path("templat/", views.templat, name="templat"),
    path("<slug:slug>/<int:tahun>/", views.tabel, name="tabel"),
    path("<slug:slug>/<int:tahun>/xlsx/", views.tabel_xlsx, name="tabel-xlsx"),
    path("<slug:slug>/<int:tahun>/<str:periode>/", views.hasil, name="hasil"),
    path("<slug:slug>/<int:tahun>/<str:periode>/impor/", views.impor, name="impor"),
]
