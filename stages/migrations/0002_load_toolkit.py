"""Load the toolkit's four stages and seventeen tools, so every database has them."""

from django.db import migrations


def load(apps, schema_editor):
    from stages.toolkit import load_toolkit

    load_toolkit(apps.get_model("stages", "Stage"), apps.get_model("stages", "Tool"))


class Migration(migrations.Migration):
    dependencies = [("stages", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
