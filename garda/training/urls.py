from django.urls import path

from garda.training import views

app_name = "training"

urlpatterns = [
    path("", views.index, name="index"),
    path("kursus/baru/", views.course_new, name="course_new"),
    path("kursus/<str:code>/", views.course, name="course"),
    path("sesi/<str:number>/", views.session, name="session"),
    path("sesi/<str:number>/peserta/", views.session_enrol, name="session_enrol"),
    path("sesi/<str:number>/kehadiran/", views.session_attendance, name="session_attendance"),
    path("sesi/<str:number>/jawaban/", views.session_answers, name="session_answers"),
    path("sesi/<str:number>/tutup/", views.session_close, name="session_close"),
    path("sesi/<str:number>/tes/<str:phase>/", views.take_test, name="take_test"),
    path("sertifikat/<str:code>.pdf", views.certificate, name="certificate"),
    path("cakupan/", views.coverage_page, name="coverage"),
]
