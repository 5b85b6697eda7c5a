from django.urls import path

from sakip.publik import views

app_name = "publik"

urlpatterns = [
    path("", views.indeks, name="indeks"),
    path("<slug:pemda>/", views.pemda, name="pemda"),
    path("<slug:pemda>/lkjip/<int:pk>/", views.lkjip, name="lkjip"),
    path("<slug:pemda>/pk/<int:pk>/", views.pk, name="pk"),
    path("<slug:pemda>/pk/<int:pk>/xlsx/", views.pk_xlsx, name="pk-xlsx"),
    path("<slug:pemda>/iku/<slug:renstra>/", views.iku, name="iku"),
    path("<slug:pemda>/iku/<slug:renstra>/xlsx/", views.iku_xlsx, name="iku-xlsx"),
]
