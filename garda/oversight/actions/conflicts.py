"""Declaring a conflict of interest: once declared, the declarant is out of the case (or of every case about the
officer) — it leaves their lists, they can take no step, and their key to its evidence goes."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from nacl.public import PrivateKey

from garda.core import audit
from garda.core.access import has_capability
from garda.core.models import User
from garda.core.reasons import required_reason
from garda.core.roles import Capability, Role
from garda.oversight.access import investigations_for, may_see_investigation
from garda.oversight.actions.evidence import case_key_for, share_case_key
from garda.oversight.models import CaseKey, ConflictDeclaration, Investigation, Relation


def _may_declare(user: User) -> bool:
    return has_capability(user, Capability.INVESTIGATIONS) or has_capability(user, Capability.DISCIPLINE_DECIDE)


def do_declare_conflict(
    *,
    acting_user: User,
    relation: str,
    note: str,
    concerning: User | None = None,
    investigation: Investigation | None = None,
    private_key: PrivateKey | None = None,
) -> ConflictDeclaration:
    """A standing declaration about an officer, or one about a case. Before the declarant's keys go, the evidence
    they hold is passed on to the other investigators (with their opened key), so a case never loses its evidence
    because its only key holder stepped aside."""
    if not _may_declare(acting_user):
        raise PermissionDenied
    if (concerning is None) == (investigation is None):
        raise ValidationError({"concerning": "pilih satu petugas atau satu kasus"})
    if relation not in Relation.values:
        raise ValidationError({"relation": "pilih hubungan"})
    if concerning is not None and concerning.pk == acting_user.pk:
        raise ValidationError({"concerning": "pernyataan ini tentang orang lain"})
    if concerning is not None and concerning.role == Role.PARTNER:
        raise ValidationError({"concerning": "pernyataan ini tentang pegawai"})
    if investigation is not None and not may_see_investigation(acting_user, investigation):
        raise PermissionDenied
    note = required_reason(note, "note")
    affected = list(
        investigations_for(acting_user).filter(
            **({"pk": investigation.pk} if investigation is not None else {"subject": concerning})
        )
    )
    with transaction.atomic():
        declaration = ConflictDeclaration.objects.create(
            declarant=acting_user,
            concerning=concerning,
            investigation=investigation,
            relation=relation,
            note=note,
            declared_at=timezone.now(),
        )
        for case in affected:
            held = CaseKey.objects.filter(investigation=case, holder=acting_user)
            if not held.exists():
                continue
            case_key = case_key_for(case, acting_user, private_key)
            if case_key is not None:
                share_case_key(case, case_key)  # the declarant is no longer eligible: their box goes here too
            elif not CaseKey.objects.filter(investigation=case).exclude(holder=acting_user).exists():
                raise ValidationError(
                    {
                        "note": f"Anda satu-satunya pemegang kunci bukti {case.number}: buka kunci Anda dahulu agar "
                        "bukti diteruskan kepada penyidik lain"
                    }
                )
            held.delete()
        audit.record(
            "oversight.conflict_declared",
            actor=acting_user,
            obj=declaration,
            summary="Pernyataan benturan kepentingan",
            after={
                "relation": relation,
                "concerning": concerning.username if concerning else "",
                "investigation": investigation.number if investigation else "",
                "cases": [case.number for case in affected],
            },
            unscoped=True,
        )
    return declaration
