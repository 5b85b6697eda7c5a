from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.generic import RedirectView

admin.site.site_header = "sakip — e-SAKIP"
admin.site.site_title = "sakip"
admin.site.index_title = "Administrasi"

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="laporan:daftar", permanent=False)),
    path("masuk/", auth_views.LoginView.as_view(), name="masuk"),
    path("keluar/", auth_views.LogoutView.as_view(), name="keluar"),
    path("laporan/", include("sakip.laporan.urls")),
    path("admin/", admin.site.urls),
]
