"""Cheap guards against whole classes of mistakes: forgotten migrations, an incomplete Welsh catalogue."""

import shutil
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

BASE = Path(settings.BASE_DIR)


@pytest.mark.django_db
def test_no_model_change_is_missing_a_migration():
    out = StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=out)
    except SystemExit:
        pytest.fail(f"A model change has no migration:\n{out.getvalue()}")


def _statistics(po_file: Path) -> str:
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(po_file)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stderr.strip()


def test_welsh_catalogue_is_complete_for_every_string_in_the_source(tmp_path):
    """Extract the strings afresh from a copy of the source and check every one has a Welsh translation.

    The settings and catalogue are copied (so the copy's catalogue is the one written to); the code and
    templates are linked.
    """
    for name in ("porth", "templates"):
        (tmp_path / name).symlink_to(BASE / name)
    shutil.copytree(BASE / "config", tmp_path / "config", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(BASE / "locale", tmp_path / "locale")
    shutil.copy(BASE / "manage.py", tmp_path / "manage.py")
    extract = [sys.executable, "manage.py", "makemessages", "-l", "cy", "--symlinks", "--no-obsolete"]
    extract += ["--no-location", "-v", "0"]
    subprocess.run(extract, cwd=tmp_path, check=True)
    # The scripts' catalogue as `make messages` makes it (the compiled front-end assets are not source).
    subprocess.run([*extract, "-d", "djangojs", "--ignore=static"], cwd=tmp_path, check=True)
    for catalogue in ("django.po", "djangojs.po"):
        statistics = _statistics(tmp_path / "locale" / "cy" / "LC_MESSAGES" / catalogue)
        assert "untranslated" not in statistics and "fuzzy" not in statistics, (
            f"The Welsh catalogue {catalogue} is incomplete ({statistics}). "
            "Run `make messages` and translate the new strings."
        )
        assert " 0 translated" not in f" {statistics}"


@pytest.mark.parametrize("catalogue", ["django.po", "djangojs.po"])
def test_shipped_welsh_catalogue_compiles_without_fuzzy_or_missing_entries(catalogue):
    statistics = _statistics(BASE / "locale" / "cy" / "LC_MESSAGES" / catalogue)
    assert "untranslated" not in statistics and "fuzzy" not in statistics, statistics


@pytest.mark.django_db
def test_welsh_pages_render_welsh(client):
    response = client.get("/cy/cookies/")
    assert response.status_code == 200
    content = response.content.decode()
    assert '<html lang="cy"' in content
    assert "Cwcis ar Porth" in content
    assert "Neidio i'r prif gynnwys" in content
