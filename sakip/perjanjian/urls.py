from django.urls import path  # noqa: F401

app_name = "perjanjian"

urlpatterns: list[object] = []
