"""Figures are expensive to work out over 100,000 projects and requests, so each is kept in the shared cache
(settings.CACHES["default"], shared by every process) under the current figures version. Any write to the
records they read bumps the version (see signals.py), so a figure is never older than the last write."""

import logging
import time
from collections.abc import Callable
from typing import Any

from django.core.cache import cache
from django.db import DatabaseError

VERSION_KEY = "insight:figures-version"
TIMEOUT = 24 * 60 * 60  # a day; a write makes them stale sooner
logger = logging.getLogger(__name__)


def figures_version() -> str:
    try:
        version = cache.get(VERSION_KEY)
        if version is None:
            version = str(time.time_ns())
            cache.add(VERSION_KEY, version, None)
            version = cache.get(VERSION_KEY, version)
        return str(version)
    except DatabaseError as error:  # the cache table is missing: work the figures out every time, but say so
        logger.warning("The figures cache cannot be read (%s); run `manage.py createcachetable`.", error)
        return ""


def figures_version_bump() -> None:
    try:
        cache.set(VERSION_KEY, str(time.time_ns()), None)
    except DatabaseError as error:
        # Before the cache table exists (loading reference data into a new database) there is nothing to make
        # stale: nothing to say either.
        logger.debug("The figures version cannot be written (%s).", error)


def figures_cached(key: str, compute: Callable[[], Any]) -> Any:
    """The value kept for key under the current version, worked out (and kept) when there is none."""
    version = figures_version()
    if not version:
        return compute()
    full_key = f"insight:{version}:{key}"
    value = cache.get(full_key)
    if value is None:
        value = compute()
        try:
            cache.set(full_key, value, TIMEOUT)
        except DatabaseError as error:
            logger.warning("The figures cache cannot be written (%s).", error)
    return value
