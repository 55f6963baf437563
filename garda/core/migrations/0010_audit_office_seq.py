"""An office's audit trail newest first, read in the index's order: the list showed a sorted copy of the office's
events (a million a year at a large office) to print fifty. The table is unmanaged (append-only, made by SQL)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("core", "0009_partner_organisations")]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS audit_office_seq ON core_auditevent (office_code, seq)",
            "DROP INDEX IF EXISTS audit_office_seq",
        )
    ]
