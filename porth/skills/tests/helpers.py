"""Small helpers the training tests share."""

import datetime

from django.utils import timezone

from porth.directory.models import Organisation
from porth.skills import services
from porth.skills.models import LONDON

# Every kind of person the permission tests try.
WHO = [
    "anonymous",
    "learner",
    "colleague",
    "org_admin",
    "other_org_admin",
    "trainer",
    "team_member",
    "other_team",
    "site_staff",
    "no_org",
]


def in_days(days: int, hour: int = 10, minute: int = 0) -> datetime.datetime:
    """A time on the clocks in Wales, `days` from today."""
    day = timezone.localdate() + datetime.timedelta(days=days)
    return datetime.datetime.combine(day, datetime.time(hour, minute)).replace(tzinfo=LONDON)


def login(client, who, name):
    if name != "anonymous":
        client.force_login(who[name])


def book(session, user, **kwargs):
    """Book `user` a place (or the waiting list, with join_waiting_list=True) as the organisation they
    belong to."""
    organisation = (
        kwargs.pop("organisation", None) or Organisation.objects.filter(memberships__user=user).first()
    )
    return services.booking_create(
        session=session,
        person=user,
        booked_by=kwargs.pop("booked_by", user),
        organisation=organisation,
        audience=kwargs.pop("audience", "staff"),
        **kwargs,
    )


# A course's answers on the course form, and a session's on the session form.
COURSE = {
    "title_en": "Data for decision makers",
    "summary_en": "Using data well when you decide.",
    "provider": "team:cdps",
    "audiences": ["senior_leaders"],
    "level": "awareness",
    "role_family": "data",
}


def session_post(days=20, **changes):
    day = timezone.localdate() + datetime.timedelta(days=days)
    closes = day - datetime.timedelta(days=1)
    return {
        "date_0": day.day,
        "date_1": day.month,
        "date_2": day.year,
        "start_time": "10:00",
        "end_time": "12:00",
        "mode": "online",
        "language": "cy",
        "capacity": "12",
        "closes_on_0": closes.day,
        "closes_on_1": closes.month,
        "closes_on_2": closes.year,
        "offer_hours": "48",
        "trainer_email": "trainer@vale.example",
        **changes,
    }
