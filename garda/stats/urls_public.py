from django.urls import path

from garda.stats import views_public

app_name = "public_stats"

urlpatterns = [path("", views_public.index, name="index")]
