"""Fill a benchmark database with N synthetic projects, in bulk, and print what the benchmark needs.

Run by bench/portfolio.py with the benchmark's environment: `python bench/seed_portfolio.py 100000`.
Prints one JSON line: a signed-in session for a person from a council, one project id, and the seconds taken.
"""

import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django

django.setup()

from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: E402
from django.contrib.sessions.backends.db import SessionStore  # noqa: E402

from porth.accounts.demo import demo_users_load  # noqa: E402
from porth.accounts.models import User  # noqa: E402
from porth.portfolio.demo import projects_load_scale  # noqa: E402
from porth.portfolio.models import Project, Visibility  # noqa: E402


def seed(count: int) -> dict:
    demo_users_load()
    seconds = projects_load_scale(count)
    user = User.objects.get(email="member@cardiff.demo.localhost")
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    project = Project.objects.filter(visibility=Visibility.PUBLIC).order_by("-id").first()
    return {"session": session.session_key, "project": project.pk, "seconds": round(seconds, 1)}


if __name__ == "__main__":
    print(json.dumps(seed(int(sys.argv[1]))))
