"""Opening an internal investigation (more steps come with the oversight work)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from garda.core import audit
from garda.core.access import has_capability
from garda.core.models import Office, User
from garda.core.models.offices import OfficeKind
from garda.core.numbering import next_number
from garda.core.roles import Capability
from garda.oversight.models import Investigation

MIN_ALLEGATION = 10


def do_open_investigation(
    *,
    acting_user: User,
    office: Office,
    subject: User | None,
    subject_description: str,
    allegation: str,
    source: str,
    source_ref: str = "",
) -> Investigation:
    if not has_capability(acting_user, Capability.INVESTIGATIONS):
        raise PermissionDenied
    allegation = (allegation or "").strip()
    if len(allegation) < MIN_ALLEGATION:
        raise ValidationError({"allegation": f"uraikan dugaan pelanggaran, paling sedikit {MIN_ALLEGATION} huruf"})
    if subject is not None and subject.pk == acting_user.pk:
        raise ValidationError({"subject": "Anda tidak dapat memeriksa diri sendiri"})
    if subject is not None and not (subject.office_id == office.pk or subject.office.kind == OfficeKind.NATIONAL):
        # A national reviewer may be the officer concerned in an office's case; another office's staff are
        # examined by their own office.
        raise ValidationError({"subject": "petugas ini bukan pegawai kantor tersebut atau pusat"})
    if subject is None and not subject_description.strip():
        raise ValidationError({"subject": "pilih petugas atau uraikan ciri-cirinya"})
    with transaction.atomic():
        now = timezone.now()
        investigation = Investigation.objects.create(
            number=next_number(Investigation.objects.all(), "number", f"INV-{now.year}-", 4),
            office=office,
            subject=subject,
            subject_description=subject_description.strip()[:300],
            allegation=allegation,
            source=source,
            source_ref=source_ref,
            opened_by=acting_user,
            opened_at=now,
        )
        # Unscoped: the office's own trail must not tell its staff that one of them is being examined.
        audit.record(
            "investigation.open",
            actor=acting_user,
            obj=investigation,
            summary=f"Pemeriksaan internal {investigation.number} dibuka",
            after={"source": source, "source_ref": source_ref},
            unscoped=True,
        )
    return investigation
