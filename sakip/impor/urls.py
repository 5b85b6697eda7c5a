from django.urls import path

from sakip.impor import views

app_name = "impor"

urlpatterns = [
    path("", views.halaman, name="halaman"),
    path("templat/", views.templat, name="templat"),
    path("ekspor/", views.ekspor, name="ekspor"),
    path("unggah/", views.unggah, name="unggah"),
]
