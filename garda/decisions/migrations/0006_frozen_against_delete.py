"""Decided cases and issued letters refuse DELETE too (and TRUNCATE on PostgreSQL): the triggers of 0002 and 0003
refused UPDATE only, so a decided case or an issued letter could be erased."""

from django.db import migrations

from garda.decisions.triggers import CASE, LETTER, migration_functions


class Migration(migrations.Migration):
    dependencies = [("decisions", "0005_decision_deadlines")]

    operations = [
        migrations.RunPython(*migration_functions(CASE)),
        migrations.RunPython(*migration_functions(LETTER)),
    ]
