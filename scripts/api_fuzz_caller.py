"""Make the caller the API fuzz run acts as (scripts/api-fuzz): a member of Cardiff council and of the WLGA
digital team, with one project of its own, and print its API token."""

import django

django.setup()

from porth.accounts.models import Role  # noqa: E402
from porth.accounts.services import api_token_create  # noqa: E402
from porth.testing import make_project, person  # noqa: E402

caller = person("fuzz@cardiff.example", "W06000015", role=Role.ADMINISTRATOR, team="wlga-digital-team")
make_project(caller)
_, key = api_token_create(user=caller, name="API fuzz run")
print(key)
