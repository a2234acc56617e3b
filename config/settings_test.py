"""Test settings: the real settings with fast password hashing and plain static storage.

The database is still SQLite (or PostgreSQL when DATABASE_URL is set), so the same suite runs on both.
"""

import tempfile
from pathlib import Path

from .settings import *  # noqa: F403

# Strong hashing costs ~0.1 s per hash; tests hash many passwords and test nothing about the cost.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# The manifest needs collectstatic; tests serve static files straight from the build folder.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tasks run at once in tests, in the same transaction-aware way (after commit).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Serve static files from the build folder through the finders, with no collectstatic step.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Similar projects: each test run has its own snapshot folder, a question brings the snapshot up to date
# itself (in production the background worker does), and every question looks for a newer one.
# Rate-limit counts live in this process's memory, and each test starts with none (see conftest.py).
CACHES = {
    **CACHES,  # noqa: F405
    "limits": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "limits"},
}
SIMILARITY_DIR = Path(tempfile.mkdtemp(prefix="porth-similarity-"))
SIMILARITY_BUILD_ON_QUESTION = True
SIMILARITY_LOOK_EVERY = 0.0
