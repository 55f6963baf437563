from django.urls import include, path

from garda.decisions import views as decisions_views

urlpatterns = [
    path("", include("garda.core.urls")),
    path("penyaringan/", include("garda.screening.urls")),
    path("laporan-mitra/", include("garda.intel.urls")),
    path("keputusan/", include("garda.decisions.urls")),
    path("statistik/", include("garda.stats.urls")),
    path("verifikasi/", decisions_views.verify, name="verify_letter"),
    path("pengaduan/", include("garda.whistle.urls_public")),
    path("wbs/", include("garda.whistle.urls")),
    path("pengawasan/", include("garda.oversight.urls")),
    path("mitra/", include("garda.partners.urls")),
    path("rujukan/", include("garda.partners.urls_staff")),
    path("desa-binaan/", include("garda.outreach.urls")),
    path("pelatihan/", include("garda.training.urls")),
    path("cari/", include("garda.search.urls")),
    path("publik/sertifikat/", include("garda.training.urls_public")),
    path("publik/statistik/", include("garda.stats.urls_public")),
    path("publik/", include("garda.public.urls")),
    path("", include("garda.partners.urls_api")),
]

handler403 = "garda.core.views.errors.forbidden"
handler404 = "garda.core.views.errors.not_found"
