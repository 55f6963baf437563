from django.urls import path

from garda.screening import views

app_name = "screening"

urlpatterns = [
    path("", views.queue, name="queue"),
    path("loket/", views.counter, name="counter"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/hasil/", views.review, name="review"),
    path("<int:pk>/konfirmasi/", views.confirm_clearance, name="confirm_clearance"),
    path("<int:pk>/saring-ulang/", views.rescreen, name="rescreen"),
]
