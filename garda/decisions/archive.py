"""The office's records archive: every letter issued in a period, as PDF, with a manifest (number, kind, date,
verification code, SHA-256 of the file) — what `garda decisions letters` writes."""

import csv
import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from django.utils import timezone

from garda.core.models import Office
from garda.decisions.letters import render_pdf
from garda.decisions.models import Letter

MANIFEST_FIELDS = ["file", "number", "kind", "kind_label", "issued_at", "verification_code", "case", "sha256"]


@dataclass
class Archived:
    written: int
    manifest: Path


def export_letters(office: Office, start: date, end: date, output: Path) -> Archived:
    """Days are the office's own (both ends inclusive). The manifest is written last, in CSV and JSON, so that a
    directory with a manifest is complete."""
    zone = ZoneInfo(office.time_zone)
    since = datetime.combine(start, time.min, tzinfo=zone)
    until = datetime.combine(end + timedelta(days=1), time.min, tzinfo=zone)
    letters = (
        Letter.objects.filter(office=office, issued_at__gte=since, issued_at__lt=until)
        .select_related("case", "office", "office__parent", "case__decided_by", "case__application", "issued_by")
        .order_by("issued_at", "sequence")
    )
    output.mkdir(parents=True, exist_ok=True)
    rows = []
    for letter in letters:
        name = f"{letter.number.replace('/', '-')}.pdf"
        pdf = render_pdf(letter)
        (output / name).write_bytes(pdf)
        rows.append(
            {
                "file": name,
                "number": letter.number,
                "kind": letter.kind,
                "kind_label": str(letter.get_kind_display()),
                "issued_at": timezone.localtime(letter.issued_at, zone).isoformat(timespec="seconds"),
                "verification_code": letter.verification_code,
                "case": letter.case_id,
                "sha256": hashlib.sha256(pdf).hexdigest(),
            }
        )
    with open(output / "manifest.csv", "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=MANIFEST_FIELDS)
        writer.writeheader()
        writer.writerows(rows)
    manifest = output / "manifest.json"
    manifest.write_text(
        json.dumps(
            {"office": office.code, "from": start.isoformat(), "to": end.isoformat(), "letters": rows},
            ensure_ascii=False,
            indent=1,
        ),
        encoding="utf-8",
    )
    return Archived(written=len(rows), manifest=manifest)
