# Rule sets moved here from the front door (the table keeps its rows): the state moves first, then the table
# is renamed to this app's name.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("frontdoor", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="RuleSet",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("version", models.PositiveIntegerField(unique=True, verbose_name="version")),
                        (
                            "status",
                            models.CharField(
                                choices=[("draft", "Draft"), ("published", "Published"), ("retired", "Retired")],
                                default="draft",
                                max_length=10,
                                verbose_name="status",
                            ),
                        ),
                        ("data", models.JSONField(verbose_name="rules")),
                        ("notes", models.TextField(blank=True, verbose_name="what changed and why")),
                        ("effective_from", models.DateField(blank=True, null=True, verbose_name="in force from")),
                        ("retired_on", models.DateField(blank=True, null=True, verbose_name="retired on")),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        ("published_at", models.DateTimeField(blank=True, null=True)),
                        (
                            "based_on",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to="routing.ruleset",
                            ),
                        ),
                        (
                            "created_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "published_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "routing rule set",
                        "verbose_name_plural": "routing rule sets",
                        "ordering": ["-version"],
                        "db_table": "frontdoor_ruleset",
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
