"""Figures are expensive to work out over 100,000 projects and requests, so each is kept in the shared cache
(settings.CACHES["default"], shared by every process) with the figures version it was worked out under. Any
write to the records they read bumps the version (see signals.py).

Two ways to read them: `figures_cached` for what is cheap to work out again (a page's body that is never
older than the last write), and `figures_kept` for what takes seconds (the dashboards' counts), where the
last figures are served while a background task works out the new ones, so no reader waits after a write."""

import logging
import time
from collections.abc import Callable
from typing import Any

from django.core.cache import cache
from django.db import DatabaseError

VERSION_KEY = "insight:figures-version"
TIMEOUT = 24 * 60 * 60  # a day; a write makes them stale sooner
# How long one refresh of a key may run before another reader may ask for one again (a refresh whose task was
# lost is asked for again after this).
REFRESH_CLAIM = 10 * 60
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


def _kept_key(key: str) -> str:
    return f"insight:kept:{key}"


def figures_keep(key: str, compute: Callable[[], Any]) -> Any:
    """Work the figures out now and keep them under the version read before they were worked out: a write
    during the work leaves them marked stale, to be refreshed again."""
    version = figures_version()
    value = compute()
    if version:
        try:
            cache.set(_kept_key(key), (version, value), TIMEOUT)
        except DatabaseError as error:
            logger.warning("The figures cache cannot be written (%s).", error)
    return value


def figures_kept(key: str, compute: Callable[[], Any], refresh: Callable[[], Any]) -> Any:
    """The last figures worked out for key, even when a write has made them stale: then `refresh` is called
    (it queues a task that calls figures_keep) once per key and version, and the kept ones are served
    meanwhile. With none kept yet, they are worked out now."""
    version = figures_version()
    if not version:
        return compute()
    kept = cache.get(_kept_key(key))
    if kept is None:
        return figures_keep(key, compute)
    kept_version, value = kept
    if kept_version != version and cache.add(f"insight:refresh:{key}:{version}", True, REFRESH_CLAIM):
        refresh()
        # A task backend that runs tasks at once (as in the tests) has kept the new figures by now.
        kept_version, value = cache.get(_kept_key(key), kept)
    return value
