from django.urls import path

from garda.public import views

app_name = "public"

urlpatterns = [
    path("aman/", views.safe, name="safe"),
    path("perusahaan/", views.company, name="company"),
    path("tawaran-kerja/", views.offer_check, name="offer"),
    path("tawaran-kerja/laporkan/", views.offer_report, name="offer_report"),
]
