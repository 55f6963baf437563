from django.urls import path
from django.views.i18n import set_language

from garda.core.middleware import public
from garda.core.views import auth, staff
from garda.core.views import public as public_views

app_name = "core"

urlpatterns = [
    path("", public_views.public_home, name="public_home"),
    path("healthz", public_views.healthz, name="healthz"),
    path("i18n/bahasa/", public(set_language), name="set_language"),
    path("masuk/", auth.login_view, name="login"),
    path("masuk/2fa/", auth.two_factor_view, name="two_factor"),
    path("masuk/daftar-2fa/", auth.enrol_view, name="enrol"),
    path("keluar/", auth.logout_view, name="logout"),
    path("beranda/", staff.home, name="home"),
    path("akun/", staff.account, name="account"),
    path("kantor/", staff.office_list, name="office_list"),
    path("kantor/baru/", staff.office_edit, name="office_create"),
    path("kantor/<str:code>/ubah/", staff.office_edit, name="office_edit"),
    path("pengguna/", staff.user_list, name="user_list"),
    path("pengguna/baru/", staff.user_create, name="user_create"),
    path("pengguna/<int:pk>/", staff.user_detail, name="user_detail"),
    path("pengguna/persetujuan-peran/", staff.role_grants, name="role_grants"),
    path("pengguna/persetujuan-peran/<int:pk>/", staff.role_grant_decide, name="role_grant_decide"),
    path("pengguna/<int:pk>/peran/", staff.user_change_role, name="user_change_role"),
    path("pengguna/<int:pk>/aktif/<int:active>/", staff.user_set_active, name="user_set_active"),
    path("pengguna/<int:pk>/atur-ulang-2fa/", staff.user_reset_2fa, name="user_reset_2fa"),
    path("pengguna/<int:pk>/kata-sandi/", staff.user_set_password, name="user_set_password"),
    path("pengguna/<int:pk>/buka-kunci/", staff.user_unlock, name="user_unlock"),
    path("audit/", staff.audit_list, name="audit_list"),
    path("audit/periksa/", staff.audit_verify, name="audit_verify"),
    path("audit/<int:seq>/", staff.audit_detail, name="audit_detail"),
    path("referensi/", staff.reference_index, name="reference_index"),
    path("referensi/<slug:key>/", staff.reference_detail, name="reference_detail"),
    path("referensi/<slug:key>/v<int:version>/", staff.reference_detail, name="reference_version"),
    path("referensi/<slug:key>/revisi/", staff.reference_revise, name="reference_revise"),
]
