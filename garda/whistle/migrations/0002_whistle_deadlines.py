"""The channel's deadlines as an editable reference list (version 1)."""

from django.db import migrations

from garda.core.migration_helpers import add_reference_list

ITEMS = [
    {"code": "acknowledge_working_days", "value": 3, "unit": "hari kerja", "uncertain": True,
     "title_id": "Tanggapan pertama (verifikasi) sejak laporan diterima",
     "title_en": "First acknowledgement (verification) after a report is received"},
    {"code": "first_response_days", "value": 14, "unit": "hari", "uncertain": False,
     "title_id": "Jawaban pertama kepada pelapor sejak laporan diterima (WBS Kemenkumham)",
     "title_en": "First answer to the reporter after a report is received (ministry WBS)"},
]


def load(apps, schema_editor):
    add_reference_list(
        schema_editor,
        key="whistle_deadlines",
        kind="parameters",
        titles=("Tenggat saluran pengaduan", "Reporting channel deadlines"),
        descriptions=(
            "Tenggat tanggapan dan jawaban pertama atas laporan pengaduan (LAPOR! 3 hari kerja; WBS 14 hari).",
            "Deadlines for acknowledging and first answering a report (LAPOR! 3 working days; WBS 14 days).",
        ),
        items=ITEMS,
        source="Permenkumham 57/2016 (WBS, 14 hari); Perpres 76/2013 dan LAPOR! SP4N (3 hari kerja).",
        note="Versi awal yang dikirim bersama Garda.",
        effective_from="2016-12-01",
    )


class Migration(migrations.Migration):
    dependencies = [("whistle", "0001_initial"), ("core", "0004_custodian_role")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
