"""Backing up and restoring the whole database, on either engine.

SQLite: the online backup API, which copies a consistent snapshot while Porth keeps running, and restores
the same way (every page replaced in one step). PostgreSQL: pg_dump's custom format, restored with
pg_restore --clean. A restore first checks the file is a backup of the right kind, so a wrong file cannot
half-replace the data."""

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.db import connection


class BackupError(Exception):
    """Something a person can act on: a missing tool, a file that is not a backup."""


def _postgres_env() -> dict:
    settings = connection.settings_dict
    env = {**os.environ}
    for key, name in (("PGHOST", "HOST"), ("PGPORT", "PORT"), ("PGUSER", "USER"), ("PGPASSWORD", "PASSWORD")):
        if settings.get(name):
            env[key] = str(settings[name])
    env["PGDATABASE"] = settings["NAME"]
    return env


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise BackupError(f"{name} is not installed; it comes with PostgreSQL's client tools.")
    return path


def backup_to(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        target = sqlite3.connect(path)
        try:
            connection.connection.backup(target)
        finally:
            target.close()
    elif connection.vendor == "postgresql":
        subprocess.run(
            [_tool("pg_dump"), "--format=custom", "--no-owner", f"--file={path}"],
            env=_postgres_env(),
            check=True,
            capture_output=True,
        )
    else:
        raise BackupError(f"backing up {connection.vendor} is not supported")
    return path


def _check_sqlite(path: Path) -> None:
    try:
        probe = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            (result,) = probe.execute("PRAGMA integrity_check").fetchone()
            probe.execute("SELECT 1 FROM django_migrations LIMIT 1")
        finally:
            probe.close()
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{path} is not a Porth SQLite backup ({error})") from None
    if result != "ok":
        raise BackupError(f"{path} is damaged: {result}")


def restore_from(path: Path) -> None:
    if not path.is_file():
        raise BackupError(f"{path} does not exist")
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        _check_sqlite(path)
        source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            source.backup(connection.connection)
        finally:
            source.close()
    elif connection.vendor == "postgresql":
        listing = subprocess.run([_tool("pg_restore"), "--list", str(path)], capture_output=True)
        if listing.returncode != 0:
            raise BackupError(f"{path} is not a PostgreSQL backup made by pg_dump --format=custom")
        connection.close()
        subprocess.run(
            [
                _tool("pg_restore"),
                "--clean",
                "--if-exists",
                "--no-owner",
                "--single-transaction",
                f"--dbname={connection.settings_dict['NAME']}",
                str(path),
            ],
            env=_postgres_env(),
            check=True,
            capture_output=True,
        )
    else:
        raise BackupError(f"restoring {connection.vendor} is not supported")
