# The link between a request and the project it became moves to the request (the front door knows the
# portfolio; the portfolio need not know the front door). Existing links are copied before the old field goes.

import django.db.models.deletion
from django.db import migrations, models


def copy_links(apps, schema_editor):
    Project = apps.get_model("portfolio", "Project")
    HelpRequest = apps.get_model("frontdoor", "HelpRequest")
    for project_id, request_id in Project.objects.filter(request__isnull=False).values_list("pk", "request_id"):
        HelpRequest.objects.filter(pk=request_id).update(project_id=project_id)


def copy_links_back(apps, schema_editor):
    Project = apps.get_model("portfolio", "Project")
    HelpRequest = apps.get_model("frontdoor", "HelpRequest")
    for request_id, project_id in HelpRequest.objects.filter(project__isnull=False).values_list("pk", "project_id"):
        Project.objects.filter(pk=project_id).update(request_id=request_id)


class Migration(migrations.Migration):
    dependencies = [
        ("frontdoor", "0002_rule_sets_move_to_routing"),
        ("portfolio", "0003_list_indexes"),
    ]

    operations = [
        migrations.AddField(
            model_name="helprequest",
            name="project",
            field=models.OneToOneField(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="help_request",
                to="portfolio.project",
                verbose_name="the project it became",
            ),
        ),
        migrations.RunPython(copy_links, copy_links_back),
    ]
