from django.urls import include, path

urlpatterns = [
    path("", include("garda.core.urls")),
    path("penyaringan/", include("garda.screening.urls")),
    path("laporan-mitra/", include("garda.intel.urls")),
]

handler403 = "garda.core.views.errors.forbidden"
handler404 = "garda.core.views.errors.not_found"
