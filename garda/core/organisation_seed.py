"""The partner organisations Garda knows from the start (the domain brief: KP2MI/BP2MI, Polri, Kejaksaan, Kemlu,
Disnaker; and where a possible victim is referred: LPSK, social services, a shelter). Their agreements are entered
by an administrator: until then the scope is empty and nothing is shared. Made by migration 0009, and again after a
database flush (post_migrate), never overwriting what an administrator changed."""

from typing import Any

ORGANISATIONS = [
    ("KP2MI", "Kementerian Pelindungan Pekerja Migran Indonesia / BP2MI", "MigrantWorkerProtection", "KP2MI", True),
    ("POLRI", "Kepolisian Negara Republik Indonesia", "LawEnforcement", "POLRI", True),
    ("KEJAKSAAN", "Kejaksaan Republik Indonesia", "Prosecution", "KEJAKSAAN", False),
    ("KEMLU", "Kementerian Luar Negeri", "ForeignAffairs", "KEMLU", False),
    ("DISNAKER", "Dinas Tenaga Kerja", "LabourAuthority", "DISNAKER", False),
    ("LPSK", "Lembaga Perlindungan Saksi dan Korban", "VictimProtection", "OTHER", True),
    ("DINSOS", "Dinas Sosial", "SocialServices", "OTHER", True),
    ("RUMAH-AMAN", "Rumah perlindungan korban (shelter)", "Shelter", "OTHER", True),
]


def ensure(organisation_model: Any) -> None:
    for code, name, kind, report_code, referrals in ORGANISATIONS:
        organisation_model.objects.get_or_create(
            code=code,
            defaults={"name": name, "kind": kind, "report_code": report_code, "receives_referrals": referrals},
        )


def after_migrate(sender: Any, **kwargs: Any) -> None:
    from garda.core.models import Organisation

    ensure(Organisation)
