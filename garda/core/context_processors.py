from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from garda.core.access import has_capability
from garda.core.roles import Capability

# (url name, label, capability or None for every verified user)
NAVIGATION: list[tuple[str, Any, Capability | None]] = [
    ("core:home", _("Beranda"), None),
    ("screening:queue", _("Antrean penyaringan"), Capability.SCREENING_VIEW),
    ("screening:counter", _("Loket"), Capability.SCREENING_INTAKE),
    ("intel:report_list", _("Laporan mitra"), Capability.SCREENING_VIEW),
    ("decisions:list", _("Keputusan"), Capability.SCREENING_VIEW),
    ("stats:dashboard", _("Statistik"), Capability.SCREENING_VIEW),
    ("stats:oversight", _("Statistik pengawasan"), Capability.DISCIPLINE_DECIDE),
    ("whistle:list", _("Pengaduan"), Capability.WHISTLE_HANDLE),
    ("whistle:reveal_queue", _("Permintaan identitas"), Capability.WHISTLE_CUSTODIAN),
    ("oversight:list", _("Pemeriksaan internal"), Capability.DISCIPLINE_DECIDE),
    ("oversight:signal_list", _("Sinyal integritas"), Capability.INVESTIGATIONS),
    ("oversight:conflicts", _("Benturan kepentingan"), Capability.DISCIPLINE_DECIDE),
    ("oversight:inspection_list", _("Inspeksi internal"), Capability.INSPECTIONS),
    ("oversight:finding_list", _("Temuan inspeksi"), Capability.FINDINGS_FOLLOW_UP),
    ("partners:home", _("Portal mitra"), Capability.PARTNER_PORTAL),
    ("referrals:list", _("Rujukan"), Capability.REFERRALS),
    ("outreach:villages", _("Desa Binaan"), Capability.OUTREACH),
    ("training:index", _("Pelatihan"), None),
    ("training:coverage", _("Cakupan pelatihan"), Capability.TRAINING_COVERAGE),
    ("partners:organisations", _("Instansi mitra"), Capability.ORGANISATIONS_MANAGE),
    ("core:office_list", _("Kantor"), Capability.OFFICES_VIEW),
    ("core:reference_index", _("Data referensi"), Capability.REFERENCE_VIEW),
    ("core:user_list", _("Pengguna"), Capability.USERS_MANAGE),
    ("core:role_grants", _("Persetujuan peran"), Capability.ROLES_APPROVE),
    ("core:audit_list", _("Jejak audit"), Capability.AUDIT_VIEW),
]


def navigation(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not user.is_verified():
        return {"nav_items": [], "can_search": False}
    match = getattr(request, "resolver_match", None)
    current = f"{match.namespace}:{match.url_name}" if match else ""
    items = [
        {"url_name": name, "label": label, "active": current == name}
        for name, label, cap in NAVIGATION
        if cap is None or has_capability(user, cap)
    ]
    # The find-anyone box (garda.search) is for those who read applications.
    return {"nav_items": items, "can_search": has_capability(user, Capability.SCREENING_VIEW)}
