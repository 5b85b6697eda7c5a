from django.urls import path

from sakip.dasbor import views

app_name = "dasbor"

urlpatterns = [
    path("", views.awal, name="awal"),
    path("<slug:unit>/<int:tahun>/", views.unit, name="unit"),
]
