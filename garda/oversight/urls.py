from django.urls import path

from garda.oversight import views

app_name = "oversight"

urlpatterns = [
    path("investigasi/", views.investigation_list, name="list"),
    path("investigasi/<str:number>/", views.investigation_detail, name="detail"),
    path("investigasi/dari-pengaduan/<str:number>/", views.open_from_report, name="open_from_report"),
]
