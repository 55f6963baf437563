"""Every state change of Program Desa Binaan (pages call these; each records one audit event): fostering a
village, recording an event with its attendance and photos, following it up, and recording an early warning —
which is entered in intelligence as the office's own report, so the people it names reach screening."""

import hashlib
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import transaction

from garda.core import audit, filestore
from garda.core.models import Office, Region, User
from garda.core.models.reference import RegionLevel
from garda.core.numbering import next_number
from garda.intel.api import ReportError, do_enter_report, next_report_id
from garda.outreach.models import (
    AgeBand,
    Attendance,
    EarlyWarning,
    Event,
    FollowUp,
    Photo,
    Sex,
    Village,
    WarningKind,
)
from garda.whistle.api import SanitizeError, clean_isolated

PHOTO_AREA = "outreach"
PHOTO_TYPES = frozenset({"image/jpeg", "image/png", "image/webp"})

# What a village contact tells becomes the report category screening weighs.
WARNING_CATEGORY = {
    WarningKind.RECRUITER_SEEN: "suspected_recruiter",
    WarningKind.COMPANY_ACTIVE: "illegal_company",
    WarningKind.FAMILY_ASKING: "exploitation_risk",
    WarningKind.DEPARTURE_PLANNED: "exploitation_risk",
    WarningKind.RETURNEE: "suspected_victim",
    WarningKind.OTHER: "other",
}


@dataclass(frozen=True)
class NewPhoto:
    data: bytes
    content_type: str
    caption: str = ""


def do_add_village(*, acting_user: User, office: Office, region_code: str, officer: User, joined_on: date) -> Village:
    code = "".join(ch for ch in region_code if ch.isdigit())
    region = Region.objects.filter(code=code, level=RegionLevel.VILLAGE).first()
    if region is None:
        raise ValidationError({"region_code": f"{region_code}: bukan kode desa/kelurahan Kemendagri yang dikenal"})
    if officer.office_id != office.pk:
        raise ValidationError({"officer": "petugas PIMPASA harus pegawai kantor ini"})
    if Village.objects.filter(office=office, region_code=code).exists():
        raise ValidationError({"region_code": f"{region.name} sudah menjadi desa binaan kantor ini"})
    parents = {r.code: r.name for r in Region.objects.filter(code__in=[code[:6], code[:4]])}
    with transaction.atomic():
        village = Village.objects.create(
            office=office,
            region_code=code,
            name=region.name,
            district_code=code[:6],
            district_name=parents.get(code[:6], ""),
            regency_name=parents.get(code[:4], ""),
            officer=officer,
            joined_on=joined_on,
        )
        audit.record(
            "outreach.village_add",
            actor=acting_user,
            office=office,
            obj=village,
            summary=f"Desa binaan {village.name} ({village.dotted_code}), PIMPASA {officer.username}",
            after={"region_code": code, "officer": officer.username, "joined_on": joined_on.isoformat()},
        )
    return village


def do_set_officer(village: Village, officer: User, *, acting_user: User) -> Village:
    if officer.office_id != village.office_id:
        raise ValidationError({"officer": "petugas PIMPASA harus pegawai kantor ini"})
    before = village.officer.username
    with transaction.atomic():
        village.officer = officer
        village.save(update_fields=["officer"])
        audit.record(
            "outreach.officer_set",
            actor=acting_user,
            office=village.office,
            obj=village,
            summary=f"PIMPASA {village.name}: {before} → {officer.username}",
            before={"officer": before},
            after={"officer": officer.username},
        )
    return village


def _clean_photo(photo: NewPhoto, position: int) -> bytes:
    if photo.content_type not in PHOTO_TYPES:
        raise ValidationError({"photos": f"berkas ke-{position}: hanya foto JPEG, PNG atau WEBP"})
    try:
        return clean_isolated(photo.data, photo.content_type)
    except SanitizeError as exc:
        raise ValidationError({"photos": f"berkas ke-{position}: tidak dapat dibaca sebagai foto ({exc})"}) from exc


def do_record_event(
    *,
    acting_user: User,
    village: Village,
    held_on: date,
    place: str,
    title: str,
    speakers: list[dict[str, str]],
    topics: list[str],
    attendance: dict[tuple[str, str], int],
    notes: str = "",
    photos: list[NewPhoto] | None = None,
) -> Event:
    """Photos are redrawn from their pixels before anything is stored (no GPS, camera or time survives); a photo
    that cannot be read refuses the whole event, so nothing is half-recorded."""
    cells = {(s, b) for s in Sex.values for b in AgeBand.values}
    if any(key not in cells or count < 0 for key, count in attendance.items()):
        raise ValidationError({"attendance": "kehadiran hanya menurut jenis kelamin dan kelompok umur, tidak negatif"})
    cleaned = [(_clean_photo(p, i), p) for i, p in enumerate(photos or [], start=1)]
    with transaction.atomic():
        event = Event.objects.create(
            village=village,
            number=next_number(Event.objects.all(), "number", f"KDB-{held_on.year}-", 4),
            held_on=held_on,
            place=place,
            title=title,
            speakers=speakers,
            topics=topics,
            notes=notes,
            recorded_by=acting_user,
        )
        Attendance.objects.bulk_create(
            Attendance(event=event, sex=sex, band=band, count=count)
            for (sex, band), count in sorted(attendance.items())
            if count
        )
        for data, photo in cleaned:
            name = filestore.new_name()
            filestore.write(PHOTO_AREA, name, data)
            Photo.objects.create(
                event=event,
                stored_name=name,
                content_type=photo.content_type,
                sha256=hashlib.sha256(data).hexdigest(),
                caption=photo.caption,
                size=len(data),
            )
        audit.record(
            "outreach.event_record",
            actor=acting_user,
            office=village.office,
            obj=event,
            summary=f"{event.number} {village.name}: {title}, {sum(attendance.values())} hadir, {len(cleaned)} foto",
            after={"held_on": held_on.isoformat(), "topics": topics, "attendance": sum(attendance.values())},
        )
    return event


def do_add_follow_up(event: Event, *, acting_user: User, action: str, due_on: date, assigned_to: User) -> FollowUp:
    with transaction.atomic():
        follow_up = FollowUp.objects.create(event=event, action=action, due_on=due_on, assigned_to=assigned_to)
        audit.record(
            "outreach.follow_up_add",
            actor=acting_user,
            office=event.village.office,
            obj=event,
            summary=f"{event.number}: tindak lanjut '{action}' oleh {assigned_to.username}, batas {due_on}",
        )
    return follow_up


def do_complete_follow_up(follow_up: FollowUp, *, acting_user: User, done_on: date, outcome: str) -> FollowUp:
    if follow_up.done_on is not None:
        raise ValidationError("tindak lanjut ini sudah selesai")
    if not outcome.strip():
        raise ValidationError({"outcome": "tuliskan hasil tindak lanjut"})
    with transaction.atomic():
        follow_up.done_on, follow_up.outcome = done_on, outcome.strip()
        follow_up.save(update_fields=["done_on", "outcome"])
        audit.record(
            "outreach.follow_up_done",
            actor=acting_user,
            office=follow_up.event.village.office,
            obj=follow_up.event,
            summary=f"{follow_up.event.number}: tindak lanjut selesai {done_on}",
        )
    return follow_up


def do_record_warning(
    *,
    acting_user: User,
    village: Village,
    received_on: date,
    kind: str,
    contact_role: str,
    summary: str,
    subjects: list[dict[str, Any]],
    destination_country: str = "",
) -> EarlyWarning:
    """The warning is kept with its village and entered in intelligence (agency IMIGRASI, the office's own
    report) in one transaction: a report the contract refuses leaves no warning behind, and its problems are
    returned as the form's errors."""
    if not any(s.get("full_name") or s.get("nik") or s.get("phone") or s.get("organisation") for s in subjects):
        raise ValidationError({"subjects": "sebutkan paling sedikit satu nama, NIK, nomor telepon atau perusahaan"})
    zone = ZoneInfo(village.office.time_zone)
    with transaction.atomic():
        report_id = next_report_id("IMIGRASI", received_on)
        record: dict[str, Any] = {
            "id": report_id,
            "agency": "IMIGRASI",
            "reference": f"Desa Binaan {village.name} ({village.dotted_code})",
            "received_at": datetime.combine(received_on, time(12), tzinfo=zone).isoformat(),
            "category": WARNING_CATEGORY[WarningKind(kind)],
            "subjects": subjects,
            "summary": summary,
        }
        if destination_country:
            record["destination_country"] = destination_country
        try:
            report = do_enter_report(record, acting_user=acting_user)
        except ReportError as exc:
            raise ValidationError({"subjects": exc.problems}) from exc
        warning = EarlyWarning.objects.create(
            village=village,
            number=next_number(EarlyWarning.objects.all(), "number", f"PDB-{received_on.year}-", 4),
            received_on=received_on,
            kind=kind,
            contact_role=contact_role,
            summary=summary,
            report=report,
            recorded_by=acting_user,
        )
        audit.record(
            "outreach.warning_record",
            actor=acting_user,
            office=village.office,
            obj=warning,
            summary=f"{warning.number} {village.name}: {kind}, laporan intelijen IMIGRASI/{report_id}",
            after={"kind": kind, "report": report_id, "subjects": len(subjects)},
        )
    return warning
