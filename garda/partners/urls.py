from django.urls import path

from garda.partners.views import organisations, portal

app_name = "partners"

urlpatterns = [
    path("", portal.home, name="home"),
    path("laporan/baru/", portal.new_report, name="new_report"),
    path("laporan/<str:report_id>/", portal.report, name="report"),
    path("lampiran/<int:pk>/", portal.report_file, name="file"),
    path("rujukan/baru/", portal.new_referral, name="new_referral"),
    path("rujukan/<str:number>/", portal.referral, name="referral"),
    path("rujukan/<str:number>/<str:act>/", portal.referral_act, name="referral_act"),
    path("instansi/", organisations.organisation_list, name="organisations"),
    path("instansi/baru/", organisations.organisation_edit, name="organisation_new"),
    path("instansi/<str:code>/", organisations.organisation_edit, name="organisation_edit"),
]
