from django.urls import path

from garda.stats import views

app_name = "stats"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("laporan/", views.reports, name="reports"),
    path("laporan/<int:pk>/unduh/", views.report_file, name="report_file"),
    path("keputusan/", views.decisions, name="decisions"),
    path("pengawasan/", views.oversight, name="oversight"),
]
