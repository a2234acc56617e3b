# Rule sets now belong to the routing app: the front door forgets its model (the table stays, owned by
# routing) and its decisions point at routing's rule sets.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("frontdoor", "0001_initial"),
        ("routing", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="decision",
                    name="rule_set",
                    field=models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="routing.ruleset",
                    ),
                ),
                migrations.DeleteModel(name="RuleSet"),
            ],
            database_operations=[],
        ),
    ]
