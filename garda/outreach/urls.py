from django.urls import path

from garda.outreach import views

app_name = "outreach"

urlpatterns = [
    path("", views.village_list, name="villages"),
    path("desa/<int:pk>/", views.village, name="village"),
    path("desa/<int:pk>/kegiatan/", views.event_add, name="event_add"),
    path("desa/<int:pk>/peringatan/", views.warning_add, name="warning_add"),
    path("kegiatan/<str:number>/", views.event, name="event"),
    path("kegiatan/<str:number>/tindak-lanjut/", views.follow_up_add, name="follow_up_add"),
    path("kegiatan/<str:number>/tindak-lanjut/<int:pk>/", views.follow_up_done, name="follow_up_done"),
    path("kegiatan/<str:number>/foto/<int:pk>/", views.photo, name="photo"),
    path("laporan/<int:year>.pdf", views.year_report, name="year_report"),
]
