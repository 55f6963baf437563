from django.db import migrations

from garda.decisions.triggers import CASE, migration_functions


class Migration(migrations.Migration):
    dependencies = [("decisions", "0001_initial")]
    operations = [migrations.RunPython(*migration_functions(CASE))]
