from django.urls import path

from garda.stats import views

app_name = "stats"

urlpatterns = [
    path("keputusan/", views.decisions, name="decisions"),
    path("pengawasan/", views.oversight, name="oversight"),
]
