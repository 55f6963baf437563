from django.urls import path

from garda.whistle import views

app_name = "whistle"

urlpatterns = [
    path("", views.report_list, name="list"),
    path("buka-kunci/", views.unlock, name="unlock"),
    path("identitas/", views.reveal_queue, name="reveal_queue"),
    path("identitas/<int:pk>/putuskan/", views.decide_reveal, name="decide_reveal"),
    path("<str:number>/", views.report_detail, name="detail"),
    path("<str:number>/balas/", views.reply, name="reply"),
    path("<str:number>/status/", views.change_status, name="status"),
    path("<str:number>/tutup/", views.confirm_close, name="confirm_close"),
    path("<str:number>/akses/", views.grant, name="grant"),
    path("<str:number>/keluarkan/", views.exclude, name="exclude"),
    path("<str:number>/lampiran/<int:pk>/", views.attachment, name="attachment"),
    path("<str:number>/minta-identitas/", views.request_reveal, name="request_reveal"),
    path("<str:number>/identitas/", views.show_identity, name="identity"),
    path("<str:number>/intelijen/", views.intel_record, name="intel_record"),
]
