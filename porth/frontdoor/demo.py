"""Demo requests for the front door, sent by the demo accounts, so that queues are not empty locally.

The requests are data (data/demo_requests.yaml), read when they are loaded, and sent through the front door's
own service, so that they are routed by the rules in force like any other request.
"""

from pathlib import Path

import yaml
from django.db import transaction

from porth.accounts.models import User
from porth.directory.models import Organisation

from . import services
from .models import HelpRequest

DATA_FILE = Path(__file__).resolve().parent / "data" / "demo_requests.yaml"


@transaction.atomic
def demo_requests_load() -> int:
    """Send the demo requests once; return how many were sent now."""
    if HelpRequest.objects.filter(submitted_by__is_demo=True).exists():
        return 0
    requests = yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))["requests"]
    users = {u.email: u for u in User.objects.filter(is_demo=True)}
    organisations = {o.code: o for o in Organisation.objects.all()}
    for request in requests:
        user = users[request["submitted_by"]]
        answers = services.Answers(
            organisation=organisations[request["organisation"]],
            others=[organisations[code] for code in request["others"]],
            title=request["title"],
            description=request["description"],
            health_or_social_care=request["health_or_social_care"],
            welsh_government_service=request["welsh_government_service"],
            help_wanted=request["help_wanted"],
            phase=request["phase"],
            timescale=request["timescale"],
            contact_name=user.full_name,
            contact_email=user.email,
        )
        services.request_submit(user=user, answers=answers, language=user.preferred_language)
    return len(requests)


def demo_requests_clear() -> int:
    deleted, _ = HelpRequest.objects.filter(submitted_by__is_demo=True).delete()
    return deleted
