from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("routing", "0001_initial"),
        ("frontdoor", "0002_rule_sets_move_to_routing"),
    ]

    operations = [migrations.AlterModelTable(name="ruleset", table=None)]
