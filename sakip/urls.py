from django.contrib import admin
from django.urls import path
from django.views.generic import RedirectView

admin.site.site_header = "sakip — e-SAKIP"
admin.site.site_title = "sakip"
admin.site.index_title = "Administrasi"

urlpatterns = [
    path("", RedirectView.as_view(url="/admin/", permanent=False)),
    path("admin/", admin.site.urls),
]
