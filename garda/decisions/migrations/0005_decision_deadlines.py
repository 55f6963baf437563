"""The decision deadlines as an editable reference list (version 1)."""

import json
from datetime import UTC, datetime

from django.db import migrations

ITEMS = [
    {"code": "review_working_days", "value": 2, "unit": "hari kerja", "uncertain": True,
     "title_id": "Pemeriksaan usulan (BAP) oleh Kepala Seksi sejak usulan diterima",
     "title_en": "Check of the proposal (BAP) by the section head after it is received"},
    {"code": "decide_working_days", "value": 1, "unit": "hari kerja", "uncertain": True,
     "title_id": "Keputusan Kepala Kantor sejak usulan diteruskan",
     "title_en": "Decision of the head of office after the proposal is forwarded"},
    {"code": "postponement_days", "value": 30, "unit": "hari", "uncertain": True,
     "title_id": "Jangka waktu penyerahan dokumen sebelum penundaan gugur",
     "title_en": "Time to bring the documents before a postponement lapses"},
    {"code": "suspension_min_months", "value": 6, "unit": "bulan", "uncertain": False,
     "title_id": "Penangguhan paling singkat", "title_en": "Shortest suspension"},
    {"code": "suspension_max_months", "value": 24, "unit": "bulan", "uncertain": False,
     "title_id": "Penangguhan paling lama", "title_en": "Longest suspension"},
]


def load(apps, schema_editor):
    now = datetime.now(UTC)
    now_value = now.replace(tzinfo=None).isoformat(sep=" ") if schema_editor.connection.vendor == "sqlite" else now
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM core_referencelist WHERE key = %s", ["decision_deadlines"])
        if cursor.fetchone():
            return
        cursor.execute(
            "INSERT INTO core_referencelist (key, kind, title_id, title_en, description_id, description_en) "
            "VALUES (%s, %s, %s, %s, %s, %s)",
            [
                "decision_deadlines",
                "parameters",
                "Tenggat dan jangka waktu keputusan",
                "Decision deadlines and periods",
                "Tenggat tiap langkah keputusan dan jangka waktu penundaan/penangguhan. Butir bertanda 'perlu "
                "verifikasi' berasal dari SOP yang belum dipastikan.",
                "Deadlines of each decision step and the periods of postponement and suspension. Items marked "
                "'to verify' come from an SOP not yet confirmed.",
            ],
        )
        cursor.execute(
            "INSERT INTO core_referencelistrevision (reference_list_id, version, items, source, note, "
            "effective_from, created_at, created_by_id, created_by_username) "
            "VALUES (%s, 1, %s, %s, %s, %s, %s, NULL, %s)",
            [
                "decision_deadlines",
                json.dumps(ITEMS, ensure_ascii=False),
                "Publikasi Kanim (Blitar, Surakarta, Jakarta Timur); SOP pembatalan (scribd, belum dipastikan).",
                "Versi awal yang dikirim bersama Garda.",
                "2022-09-29",
                now_value,
                "garda",
            ],
        )


class Migration(migrations.Migration):
    dependencies = [("decisions", "0004_follow_ups"), ("core", "0003_reference_data")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
