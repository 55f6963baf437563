"""The criminal track: referring a case pro justitia as a hash-sealed packet, following its court stages, and
proposing PTDH only after a final conviction that PP 11/2017 Pasal 250 names."""

import hashlib
import json
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from garda.core import audit
from garda.core.access import has_capability
from garda.core.models import User
from garda.core.numbering import next_number
from garda.core.reasons import required_reason
from garda.core.roles import Capability
from garda.oversight.access import may_see_investigation
from garda.oversight.actions.investigations import _step
from garda.oversight.models import (
    Agency,
    CourtStage,
    CrimeKind,
    CriminalReferral,
    Investigation,
    InvestigationStatus,
    PtdhGround,
    ReferralStage,
    StepKind,
    Verdict,
)

# The order court stages follow; "stopped" may come after any stage before a judgment.
ORDER = [
    CourtStage.REFERRED,
    CourtStage.INVESTIGATION,
    CourtStage.PROSECUTION,
    CourtStage.JUDGMENT,
    CourtStage.APPEAL,
    CourtStage.FINAL,
]
PTDH_MIN_MONTHS_PLANNED = 24


def canonical(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def packet_of(investigation: Investigation, *, agency: str, crime: str, summary: str, number: str) -> dict[str, Any]:
    """What the receiving agency needs to open its own file: the case, each step with its document, the evidence
    listed — never the whistleblower's identity, which the channel keeps."""
    subject = investigation.subject
    return {
        "referral": number,
        "to": agency,
        "crime": crime,
        "summary": summary,
        "office": {"code": investigation.office.code, "name": investigation.office.name},
        "case": {
            "number": investigation.number,
            "opened_at": investigation.opened_at.isoformat(),
            "source": investigation.source,
            "allegation": investigation.allegation,
            "outcome": investigation.outcome,
            "offence": investigation.offence,
            "level": investigation.level,
        },
        "officer": {
            "name": subject.full_name if subject else investigation.subject_description,
            "nip": subject.nip if subject else "",
            "position": subject.position if subject else "",
        },
        "evidence": [
            {"step": s.kind, "document": s.number, "date": s.on.isoformat(), "note": s.note}
            for s in investigation.steps.order_by("at", "id")
        ],
        # The encrypted evidence files by their SHA-256: the investigator hands the files over, and the receiving
        # agency checks each against this sealed list (names and contents stay out of the packet).
        "files": [
            {"position": f.position, "sha256": f.digest, "added_at": f.added_at.isoformat()}
            for f in investigation.evidence.order_by("position")
        ],
    }


def do_refer(
    investigation: Investigation, *, acting_user: User, agency: str, crime: str, summary: str
) -> CriminalReferral:
    """Internal compliance refers a case in parallel with discipline; the packet's SHA-256 is recorded in the audit
    chain, so the agency can show that what it received is what was sent."""
    if not (
        has_capability(acting_user, Capability.INVESTIGATIONS) and may_see_investigation(acting_user, investigation)
    ):
        raise PermissionDenied
    if investigation.subject_id == acting_user.pk:
        raise PermissionDenied
    if agency not in Agency.values:
        raise ValidationError({"agency": "pilih Kepolisian atau Kejaksaan"})
    if crime not in CrimeKind.values:
        raise ValidationError({"crime": "pilih dugaan tindak pidana"})
    if investigation.status in (InvestigationStatus.OPEN, InvestigationStatus.CLOSING, InvestigationStatus.CLOSED):
        raise ValidationError(
            {"summary": "rujukan dibuat setelah petugas diperiksa, dan bukan atas kasus yang ditutup"}
        )
    summary = required_reason(summary, "summary")
    with transaction.atomic():
        now = timezone.now()
        number = next_number(CriminalReferral.objects.all(), "number", f"RPJ-{now.year}-", 4)
        packet = packet_of(investigation, agency=agency, crime=crime, summary=summary, number=number)
        digest = hashlib.sha256(canonical(packet)).hexdigest()
        referral = CriminalReferral.objects.create(
            number=number,
            investigation=investigation,
            agency=agency,
            crime=crime,
            summary=summary,
            packet=packet,
            packet_sha256=digest,
            created_by=acting_user,
            created_at=now,
        )
        ReferralStage.objects.create(
            referral=referral, stage=CourtStage.REFERRED, on=now.date(), by=acting_user, at=now, note=summary
        )
        _step(
            investigation,
            StepKind.REFERRAL,
            acting_user,
            now.date(),
            number=number,
            note=f"{referral.get_agency_display()}: {referral.get_crime_display()}",
            data={"packet_sha256": digest},
            audit_extra={"packet_sha256": digest},
        )
    return referral


def do_record_court_stage(
    referral: CriminalReferral,
    *,
    acting_user: User,
    stage: str,
    on: date,
    note: str,
    verdict: str = "",
    sentence_months: int | None = None,
    related_to_position: bool = False,
    planned: bool = False,
) -> ReferralStage:
    if not (
        has_capability(acting_user, Capability.INVESTIGATIONS)
        and may_see_investigation(acting_user, referral.investigation)
    ):
        raise PermissionDenied
    if referral.stage in (CourtStage.FINAL, CourtStage.STOPPED):
        raise ValidationError({"stage": "perkara ini sudah selesai"})
    if stage == CourtStage.STOPPED:
        if ORDER.index(CourtStage(referral.stage)) >= ORDER.index(CourtStage.JUDGMENT):
            raise ValidationError({"stage": "perkara yang sudah diputus tidak dihentikan; catat banding atau inkracht"})
    elif stage not in ORDER or ORDER.index(CourtStage(stage)) <= ORDER.index(CourtStage(referral.stage)):
        raise ValidationError({"stage": "tahap harus maju dari tahap sebelumnya"})
    if stage in (CourtStage.JUDGMENT, CourtStage.FINAL) and verdict not in Verdict.values:
        raise ValidationError({"verdict": "putusan wajib diisi: dipidana atau bebas"})
    if verdict == Verdict.CONVICTED and not sentence_months:
        raise ValidationError({"sentence_months": "lama pidana penjara (bulan) wajib diisi"})
    note = required_reason(note, "note")
    with transaction.atomic():
        row = ReferralStage.objects.create(
            referral=referral, stage=stage, on=on, note=note, by=acting_user, at=timezone.now()
        )
        before = referral.stage
        referral.stage = stage
        if verdict:
            referral.verdict = verdict
            referral.sentence_months = sentence_months if verdict == Verdict.CONVICTED else None
            referral.related_to_position, referral.planned = related_to_position, planned
        referral.save(update_fields=["stage", "verdict", "sentence_months", "related_to_position", "planned"])
        audit.record(
            "referral.stage",
            actor=acting_user,
            obj=referral,
            summary=f"{referral.number}: {row.get_stage_display()}",
            before={"stage": before},
            after={"stage": stage, "verdict": referral.verdict},
            unscoped=True,
        )
    return row


def ptdh_grounds(referral: CriminalReferral) -> list[str]:
    """The Pasal 250 grounds the final judgment meets (none unless it is final and a conviction)."""
    if referral.stage != CourtStage.FINAL or referral.verdict != Verdict.CONVICTED:
        return []
    grounds = []
    if referral.related_to_position:
        grounds.append(PtdhGround.POSITION_CRIME.value)
    if referral.planned and (referral.sentence_months or 0) >= PTDH_MIN_MONTHS_PLANNED:
        grounds.append(PtdhGround.PLANNED_CRIME.value)
    return grounds


def do_propose_ptdh(referral: CriminalReferral, *, acting_user: User, ground: str, reason: str) -> CriminalReferral:
    """PTDH is not a disciplinary sanction: it follows a final judgment, on a ground the judgment meets."""
    if not (
        has_capability(acting_user, Capability.DISCIPLINE_DECIDE)
        and may_see_investigation(acting_user, referral.investigation)
    ):
        raise PermissionDenied
    if referral.ptdh_ground:
        raise ValidationError({"ground": "PTDH sudah diusulkan"})
    if ground not in ptdh_grounds(referral):
        raise ValidationError({"ground": "putusan ini tidak memenuhi alasan PTDH yang dipilih (PP 11/2017 Pasal 250)"})
    reason = required_reason(reason)
    with transaction.atomic():
        referral.ptdh_ground = ground
        referral.ptdh_proposed_by, referral.ptdh_proposed_at = acting_user, timezone.now()
        referral.save(update_fields=["ptdh_ground", "ptdh_proposed_by", "ptdh_proposed_at"])
        audit.record(
            "referral.ptdh",
            actor=acting_user,
            obj=referral,
            summary=f"{referral.number}: PTDH diusulkan (Pasal 250 huruf {ground})",
            after={"ground": ground, "reason": reason},
            unscoped=True,
        )
    return referral
