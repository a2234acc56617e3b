import pytest
from django.core.management import call_command

from porth.accounts.models import User
from porth.portfolio.models import Project

pytestmark = pytest.mark.django_db


def test_setup_local_prepares_everything_and_a_second_run_changes_nothing(settings, tmp_path, capsys):
    settings.VAR_DIR = tmp_path
    call_command("setup_local")
    first = capsys.readouterr().out
    assert "Reference data loaded" in first and "admin@porth.localhost" in first
    projects = Project.objects.count()
    assert projects > 250 and User.objects.filter(is_superuser=True).count() == 1
    call_command("setup_local")
    second = capsys.readouterr().out
    assert "nothing changed" in second and "added now: 0 requests and 0 projects" in second
    assert Project.objects.count() == projects
