"""Evidence files of an investigation: added by its investigators, encrypted like the channel's files, each reading
an audited event. See `models/evidence.py` for the keys."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone
from nacl.public import PrivateKey

from garda.core import audit, filestore
from garda.core.access import has_capability
from garda.core.models import User
from garda.core.models.offices import OfficeKind
from garda.core.roles import Capability, Role
from garda.oversight.access import may_see_investigation
from garda.oversight.actions.investigations import require_investigator
from garda.oversight.models import CaseKey, EvidenceFile, Investigation, InvestigationStatus
from garda.whistle import api as sealing

AREA = "oversight"


@dataclass(frozen=True)
class OpenedEvidence:
    item: EvidenceFile
    name: str
    content_type: str
    size: int
    description: str


def eligible_holders(investigation: Investigation) -> list[User]:
    """The investigators who may see the case now (of its office, or above it), with a key pair: never the officer,
    never one who declared a conflict, never anyone once a sealed case left their view."""
    candidates = User.objects.filter(
        Q(office=investigation.office) | ~Q(office__kind=OfficeKind.KANIM),
        role=Role.INVESTIGATOR,
        is_active=True,
    ).select_related("office", "whistle_key")
    return [
        user
        for user in candidates
        if sealing.holds_keys(user)
        and has_capability(user, Capability.INVESTIGATIONS)
        and may_see_investigation(user, investigation)
    ]


def case_key_for(investigation: Investigation, user: User, private_key: PrivateKey | None) -> bytes | None:
    """The case key, if the user holds a box sealed to the private key opened in their session."""
    if private_key is None:
        return None
    row = CaseKey.objects.filter(
        investigation=investigation, holder=user, public_key=sealing.public_bytes(private_key)
    ).first()
    return sealing.unseal(private_key, bytes(row.sealed_key)) if row is not None else None


def share_case_key(investigation: Investigation, case_key: bytes) -> int:
    """Seal the case key to every eligible holder's current key that has no box yet, and take it from those who
    are no longer eligible (a declared conflict, a sealed case). Returns how many boxes were made."""
    holders = eligible_holders(investigation)
    have = {(holder, bytes(public)) for holder, public in investigation.keys.values_list("holder_id", "public_key")}
    now = timezone.now()
    made = [
        CaseKey(
            investigation=investigation,
            holder=user,
            public_key=public,
            sealed_key=sealing.seal(public, case_key),
            created_at=now,
        )
        for user, public in sealing.public_keys(holders)
        if (user.pk, public) not in have
    ]
    CaseKey.objects.bulk_create(made)
    investigation.keys.exclude(holder__in=[user.pk for user in holders]).delete()
    return len(made)


def has_evidence_keys(investigation: Investigation) -> bool:
    return investigation.keys.exists()


def do_add_evidence(
    investigation: Investigation,
    *,
    acting_user: User,
    private_key: PrivateKey | None,
    uploads: list[sealing.Upload],
    description: str,
) -> list[EvidenceFile]:
    """Store the files encrypted; the first evidence of a case makes its case key."""
    require_investigator(acting_user, investigation)
    if investigation.status == InvestigationStatus.CLOSED:
        raise ValidationError({"files": "kasus sudah ditutup"})
    if not uploads:
        raise ValidationError({"files": "pilih paling sedikit satu berkas"})
    description = (description or "").strip()
    if not description:
        raise ValidationError({"description": "tulis keterangan bukti: apa, dari siapa, kapan diperoleh"})
    if private_key is None:
        raise ValidationError({"files": "buka kunci Anda dengan kata sandi lebih dahulu"})
    case_key = case_key_for(investigation, acting_user, private_key)
    if case_key is None:
        if has_evidence_keys(investigation):
            raise ValidationError(
                {
                    "files": "kunci Anda belum mendapat akses ke bukti kasus ini; akses diberikan saat penyidik lain "
                    "yang memegangnya membuka kasus ini"
                }
            )
        case_key = sealing.random_key()
    written: list[str] = []
    try:
        with transaction.atomic():
            start = (investigation.evidence.aggregate(top=Max("position"))["top"] or 0) + 1
            now = timezone.now()
            rows = []
            for offset, upload in enumerate(uploads):
                file_key = sealing.random_key()
                blob = filestore.new_name()
                filestore.write(AREA, blob, sealing.encrypt(file_key, upload.data))
                written.append(blob)
                rows.append(
                    EvidenceFile.objects.create(
                        investigation=investigation,
                        position=start + offset,
                        blob=blob,
                        file_key=sealing.encrypt(case_key, file_key, pad=False),
                        meta=sealing.encrypt_json(
                            file_key,
                            {
                                "name": upload.name[:200],
                                "type": upload.content_type,
                                "size": len(upload.data),
                                "description": description,
                            },
                        ),
                        digest=hashlib.sha256(upload.data).hexdigest(),
                        added_by=acting_user,
                        added_at=now,
                    )
                )
            share_case_key(investigation, case_key)
            audit.record(
                "investigation.evidence_add",
                actor=acting_user,
                obj=investigation,
                summary=f"{investigation.number}: {len(rows)} berkas bukti ditambahkan",
                after={"files": [{"position": r.position, "sha256": r.digest} for r in rows]},
                unscoped=True,
            )
    except BaseException:
        for blob in written:
            filestore.remove(AREA, blob)
        raise
    return rows


def opened_evidence(investigation: Investigation, case_key: bytes) -> list[OpenedEvidence]:
    """The list with names and descriptions (the files themselves are read one by one, audited)."""
    opened = []
    for item in investigation.evidence.select_related("added_by"):
        file_key = sealing.decrypt(case_key, bytes(item.file_key), pad=False)
        meta = sealing.decrypt_json(file_key, bytes(item.meta))
        opened.append(
            OpenedEvidence(item, meta["name"], meta["type"], int(meta["size"]), str(meta.get("description", "")))
        )
    return opened


def read_evidence(item: EvidenceFile, case_key: bytes, *, reader: User) -> tuple[OpenedEvidence, bytes]:
    """One file, decrypted; each reading is an audited event (unscoped, like every trace of a case)."""
    file_key = sealing.decrypt(case_key, bytes(item.file_key), pad=False)
    meta = sealing.decrypt_json(file_key, bytes(item.meta))
    data = sealing.decrypt(file_key, filestore.read(AREA, item.blob))
    with transaction.atomic():
        audit.record(
            "investigation.evidence_read",
            actor=reader,
            obj=item.investigation,
            summary=f"{item.investigation.number}: bukti {item.position} dibuka",
            after={"position": item.position, "sha256": item.digest},
            unscoped=True,
        )
    opened = OpenedEvidence(item, meta["name"], meta["type"], int(meta["size"]), str(meta.get("description", "")))
    return opened, data
