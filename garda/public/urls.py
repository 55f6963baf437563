from django.urls import path

from garda.public import views

app_name = "public"

urlpatterns = [
    path("perusahaan/", views.company, name="company"),
]
