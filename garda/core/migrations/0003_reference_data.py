from django.db import migrations

from garda.core.referencedata import load_all


def load(apps, schema_editor):
    load_all(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("core", "0002_append_only_triggers")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
