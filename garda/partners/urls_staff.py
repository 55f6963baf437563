from django.urls import path

from garda.partners.views import staff

app_name = "referrals"

urlpatterns = [
    path("", staff.referral_list, name="list"),
    path("permohonan/<int:pk>/", staff.refer, name="refer"),
    path("<str:number>/", staff.detail, name="detail"),
    path("<str:number>/paket.json", staff.packet_json, name="packet_json"),
    path("<str:number>/paket.pdf", staff.packet_pdf, name="packet_pdf"),
    path("<str:number>/<str:action>/", staff.act, name="act"),
]
