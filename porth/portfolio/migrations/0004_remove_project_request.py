# The link to a front-door request now lives on the request (frontdoor 0003 copied it there first).
# On SQLite, removing a column rebuilds portfolio_project, which drops the search triggers of 0002_search:
# they are made again here, and the index is rebuilt from the table.

import importlib

from django.db import migrations

search = importlib.import_module("porth.portfolio.migrations.0002_search")


def search_triggers_restore(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    for sql in search.SQLITE_BACKWARDS[:3] + search.SQLITE_FORWARDS[1:]:
        schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [
        ("portfolio", "0003_list_indexes"),
        ("frontdoor", "0003_helprequest_project"),
    ]

    operations = [
        migrations.RemoveField(model_name="historicalproject", name="request"),
        migrations.RemoveField(model_name="project", name="request"),
        migrations.RunPython(search_triggers_restore, migrations.RunPython.noop),
    ]
