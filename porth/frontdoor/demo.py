"""Demo requests for the front door, sent by the demo accounts, so that queues are not empty locally."""

from porth.accounts.models import User
from porth.directory.models import Organisation

from . import services
from .models import HelpRequest

# (submitter, asking organisation, others, title, description, health, WG service, help, phase, timescale)
DEMO_REQUESTS = [
    (
        "member@cardiff.demo.localhost",
        "W06000015",
        ["W11000029"],
        "Adult social care front door",
        "People who need care and support wait too long to hear back. We want one simple way to ask.",
        True,
        False,
        ["service_design", "data"],
        "discovery",
        "within_6_months",
    ),
    (
        "member@cardiff.demo.localhost",
        "W06000015",
        [],
        "Booking a visit to a recycling centre",
        "Queues at our recycling centres are long at weekends. Residents want to book a time slot online.",
        False,
        False,
        ["service_design", "technology"],
        "alpha",
        "within_3_months",
    ),
    (
        "admin@cardiff.demo.localhost",
        "W06000015",
        ["W06000014", "W06000016"],
        "Shared school admissions",
        "Three councils run separate school admissions systems that parents find confusing.",
        False,
        False,
        ["data", "specialists"],
        "pre_discovery",
        "within_a_year",
    ),
    (
        "member@abuhb.demo.localhost",
        "W11000028",
        [],
        "Outpatient appointment letters",
        "Letters often arrive after the appointment. Patients want reminders by text and e-mail.",
        True,
        False,
        ["technology", "assurance"],
        "beta",
        "within_3_months",
    ),
    (
        "member@abuhb.demo.localhost",
        "W11000028",
        ["W06000022", "natural-resources-wales"],
        "Green social prescribing",
        "GPs want to refer patients to outdoor activities run by the council and Natural Resources Wales.",
        True,
        False,
        ["data", "inclusion"],
        "discovery",
        "within_a_year",
    ),
    (
        "triage@wg.demo.localhost",
        "welsh-government",
        [],
        "Applying for a fishing licence",
        "Our licence service is paper-based. We want to move it online without leaving anyone behind.",
        False,
        True,
        ["service_design", "inclusion"],
        "alpha",
        "within_6_months",
    ),
]


def demo_requests_load() -> int:
    """Send the demo requests once; return how many were sent now."""
    if HelpRequest.objects.filter(submitted_by__is_demo=True).exists():
        return 0
    users = {u.email: u for u in User.objects.filter(is_demo=True)}
    organisations = {o.code: o for o in Organisation.objects.all()}
    sent = 0
    for email, org, others, title, description, health, wg, help_wanted, phase, timescale in DEMO_REQUESTS:
        user = users[email]
        answers = services.Answers(
            organisation=organisations[org],
            others=[organisations[code] for code in others],
            title=title,
            description=description,
            health_or_social_care=health,
            welsh_government_service=wg,
            help_wanted=help_wanted,
            phase=phase,
            timescale=timescale,
            contact_name=user.full_name,
            contact_email=user.email,
        )
        services.request_submit(user=user, answers=answers, language=user.preferred_language)
        sent += 1
    return sent


def demo_requests_clear() -> int:
    deleted, _ = HelpRequest.objects.filter(submitted_by__is_demo=True).delete()
    return deleted
