"""The decision deadlines as an editable reference list (version 1)."""

from django.db import migrations

from garda.core.migration_helpers import add_reference_list

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
    add_reference_list(
        schema_editor,
        key="decision_deadlines",
        kind="parameters",
        titles=("Tenggat dan jangka waktu keputusan", "Decision deadlines and periods"),
        descriptions=(
            "Tenggat tiap langkah keputusan dan jangka waktu penundaan/penangguhan. Butir bertanda 'perlu "
            "verifikasi' berasal dari SOP yang belum dipastikan.",
            "Deadlines of each decision step and the periods of postponement and suspension. Items marked "
            "'to verify' come from an SOP not yet confirmed.",
        ),
        items=ITEMS,
        source="Publikasi Kanim (Blitar, Surakarta, Jakarta Timur); SOP pembatalan (scribd, belum dipastikan).",
        note="Versi awal yang dikirim bersama Garda.",
        effective_from="2022-09-29",
    )


class Migration(migrations.Migration):
    dependencies = [("decisions", "0004_follow_ups"), ("core", "0003_reference_data")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
