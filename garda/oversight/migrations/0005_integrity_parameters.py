"""The integrity signals' thresholds as an editable list (version 1)."""

from django.db import migrations

from garda.core.migration_helpers import add_reference_list


def p(code, value, unit, title_id, title_en, uncertain=True):
    return {"code": code, "value": value, "unit": unit, "title_id": title_id, "title_en": title_en,
            "uncertain": uncertain}


ITEMS = [
    p("min_reviews", 30, "permohonan", "Paling sedikit permohonan diproses sebelum sinyal dihitung",
      "Fewest applications processed before a signal is computed"),
    p("min_high_risk", 10, "permohonan", "Paling sedikit permohonan berisiko tinggi untuk sinyal pelolosan",
      "Fewest high-risk applications for the clearance signal"),
    p("min_proposals", 8, "usulan", "Paling sedikit usulan keputusan untuk sinyal pembatalan",
      "Fewest decision proposals for the reversal signal"),
    p("min_contact_applications", 5, "permohonan", "Satu pendamping atau nomor pada paling sedikit",
      "One companion or phone on at least"),
    p("fast_processing_minutes", 5, "menit", "Diproses sangat cepat: hasil dicatat kurang dari",
      "Processed very fast: outcome recorded within"),
    p("day_start_hour", 7, "jam", "Jam kerja mulai", "Working hours start", False),
    p("day_end_hour", 17, "jam", "Jam kerja selesai", "Working hours end", False),
]


def load(apps, schema_editor):
    add_reference_list(
        schema_editor,
        key="integrity_parameters",
        kind="parameters",
        titles=("Ambang sinyal integritas", "Integrity signal thresholds"),
        descriptions=(
            "Sinyal muncul bila batas bawah interval Wilson 95 % petugas melebihi batas atas rekan sekantor dan "
            "seperan; jumlah minimum mencegah sinyal dari angka kecil.",
            "A signal appears when an officer's Wilson 95 % lower bound exceeds the upper bound of the peers of "
            "the same office and role; the minimum counts keep small numbers from raising one.",
        ),
        items=ITEMS,
        source="Usulan Garda; perlu ditetapkan Direktorat Kepatuhan Internal.",
        note="Versi awal yang dikirim bersama Garda.",
        effective_from="2025-01-01",
    )


class Migration(migrations.Migration):
    dependencies = [("oversight", "0004_integrity_signals"), ("core", "0003_reference_data")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
