from django.urls import path

from garda.whistle import views_public

app_name = "whistle_public"

urlpatterns = [
    path("", views_public.report_form, name="report_form"),
    path("lanjut/", views_public.follow_up, name="follow_up"),
    path("kotak/", views_public.inbox, name="inbox"),
    path("keluar/", views_public.leave, name="leave"),
    path("bahasa/<str:code>/", views_public.language, name="language"),
]
