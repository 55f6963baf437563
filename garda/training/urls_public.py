from django.urls import path

from garda.training import views

app_name = "training_public"

urlpatterns = [path("", views.verify, name="verify")]
