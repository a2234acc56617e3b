"""Production settings come from the environment: `check --deploy` is clean with them, and a missing secret
stops the service from starting instead of writing one to disk."""

import os
import subprocess
import sys

from django.conf import settings

PRODUCTION = {
    "PORTH_DEPLOYMENT": "production",
    "SECRET_KEY": "x7#" + "k2m9Qv8pL4rT6wZ1yB3nC5dF0gH" * 3,
    "SITE_URL": "https://porth.example.wales",
    "ALLOWED_HOSTS": "porth.example.wales",
    "DJANGO_SETTINGS_MODULE": "config.settings",
}


def _manage(*args, env):
    # Not the test run's own settings either: the browser tests allow Django's ORM beside Playwright's event
    # loop (DJANGO_ALLOW_ASYNC_UNSAFE), which a deployment must never do.
    leave_out = {"SECRET_KEY", "SITE_URL", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    clean = {k: v for k, v in os.environ.items() if k not in leave_out}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env={**clean, **env},
        capture_output=True,
        text=True,
    )


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    result = _manage(
        "check", "--deploy", "--fail-level", "WARNING", env={**PRODUCTION, "PORTH_VAR_DIR": str(tmp_path)}
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key_and_writes_none(tmp_path):
    env = {**PRODUCTION, "PORTH_VAR_DIR": str(tmp_path)}
    del env["SECRET_KEY"]
    result = _manage("check", env=env)
    assert result.returncode != 0
    assert "needs SECRET_KEY" in result.stderr
    assert not (tmp_path / "secret_key").exists()
