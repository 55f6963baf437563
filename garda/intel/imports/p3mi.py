"""`garda import p3mi FILE.csv`: a new snapshot of the licensed P3MI registry (the previous ones are kept).

Columns `name,license_number,valid_until,address,province`; `valid_until` an ISO date or empty (no expiry known).
"""

import csv
import hashlib
import io
from datetime import date
from pathlib import Path

from django.db import transaction

from garda.core import audit
from garda.core.imports import ImportSummary, UnreadableFile, read_bytes
from garda.core.signals import screening_context_changed
from garda.intel.models import P3MICompany, P3MISnapshot
from garda.intel.registry import company_key, current_registry

COLUMNS = ["name", "license_number", "valid_until", "address", "province"]


def import_p3mi(path: Path) -> ImportSummary:
    text = read_bytes(path).decode("utf-8", errors="replace").removeprefix("\ufeff")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if reader.fieldnames is None or [f.strip() for f in reader.fieldnames] != COLUMNS:
        raise UnreadableFile(f"{path}: baris judul harus {','.join(COLUMNS)}, tertulis {reader.fieldnames}")
    summary = ImportSummary()
    rows: list[P3MICompany] = []
    next_start = 2
    for row in reader:
        start, next_start = next_start, reader.line_num + 1
        summary.read += 1
        problems = []
        if row.get(None):
            problems.append(f"terlalu banyak kolom ({len(COLUMNS) + len(row[None])} dari {len(COLUMNS)})")
        name = (row.get("name") or "").strip()
        if not name:
            problems.append("name: wajib diisi")
        valid_until = None
        if text_date := (row.get("valid_until") or "").strip():
            try:
                valid_until = date.fromisoformat(text_date)
            except ValueError:
                problems.append(f"valid_until: {text_date!r} bukan tanggal ISO (YYYY-MM-DD)")
        values = "".join(v or "" for v in row.values() if isinstance(v, str))
        if "\ufffd" in values:
            problems.append("baris bukan teks UTF-8 yang sah")
        if "\x00" in values:  # PostgreSQL keeps no NUL in text
            problems.append("baris memuat karakter NUL (U+0000) yang tidak dapat disimpan")
        if problems:
            summary.rejected += 1
            summary.errors.extend(f"{path}:{start}: {p}" for p in problems)
            continue
        rows.append(
            P3MICompany(
                name=name[:200],
                name_key=company_key(name)[:200],
                license_number=(row.get("license_number") or "").strip()[:100],
                valid_until=valid_until,
                address=(row.get("address") or "").strip(),
                province=(row.get("province") or "").strip()[:100],
            )
        )
    digest = hashlib.sha256(
        "\n".join(
            sorted(f"{r.name}|{r.license_number}|{r.valid_until}|{r.address}|{r.province}" for r in rows)
        ).encode()
    ).hexdigest()
    current = current_registry()
    if current is not None and current.content_hash == digest:
        summary.unchanged = len(rows)
        return summary
    with transaction.atomic():
        snapshot = P3MISnapshot.objects.create(file_name=path.name[:255], content_hash=digest, entries=len(rows))
        for company in rows:
            company.snapshot = snapshot
        P3MICompany.objects.bulk_create(rows, batch_size=2000)
        screening_context_changed.send(sender=P3MISnapshot, reason="p3mi_registry")
        audit.record(
            "p3mi.import",
            actor_username="system",
            obj=snapshot,
            summary=f"Registri P3MI baru dari {path.name}: {len(rows)} perusahaan, {summary.rejected} ditolak",
            before={"snapshot": current.pk if current else None, "entries": current.entries if current else 0},
            after={"snapshot": snapshot.pk, "entries": len(rows)},
        )
    summary.stored = len(rows)
    return summary
