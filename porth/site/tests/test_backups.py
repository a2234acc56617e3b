"""A backup made while Porth runs restores every record, on SQLite and (`make test-postgres`) PostgreSQL."""

import pytest
from django.core.management import CommandError, call_command

from porth.portfolio.models import Project

pytestmark = pytest.mark.django_db(transaction=True)


def test_backup_then_restore_brings_back_what_was_deleted(project, tmp_path):
    target = tmp_path / "porth.backup"
    call_command("backup", str(target))
    assert target.stat().st_size > 0
    title = project.title_en
    Project.objects.all().delete()
    assert not Project.objects.exists()
    call_command("restore", str(target), "--yes")
    assert Project.objects.get(pk=project.pk).title_en == title


def test_restore_refuses_a_file_that_is_not_a_backup_and_changes_nothing(project, tmp_path):
    bogus = tmp_path / "notes.txt"
    bogus.write_text("not a backup")
    with pytest.raises(CommandError, match="not a"):
        call_command("restore", str(bogus), "--yes")
    with pytest.raises(CommandError, match="does not exist"):
        call_command("restore", str(tmp_path / "missing"), "--yes")
    assert Project.objects.filter(pk=project.pk).exists()


def test_restore_asks_before_replacing_anything(project, tmp_path, monkeypatch):
    target = tmp_path / "porth.backup"
    call_command("backup", str(target))
    Project.objects.all().delete()
    monkeypatch.setattr("builtins.input", lambda prompt: "no")
    with pytest.raises(CommandError, match="Nothing was changed"):
        call_command("restore", str(target))
    assert not Project.objects.exists()
