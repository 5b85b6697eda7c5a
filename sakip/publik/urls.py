from django.urls import path  # noqa: F401

app_name = "publik"

urlpatterns: list[object] = []
