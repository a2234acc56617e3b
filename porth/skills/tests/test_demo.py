"""The demo training loads through the services, shows every state a journey needs, and clears."""

import pytest

from porth.accounts.demo import demo_users_load
from porth.skills.demo import demo_training_clear, demo_training_load, training_load_scale
from porth.skills.models import Attendance, Booking, BookingState, Course, Session, SessionState

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("private_var_dir")]


def test_the_demo_has_every_state_and_loads_once(reference):
    demo_users_load()
    assert demo_training_load() == 11
    assert demo_training_load() == 0
    assert Course.objects.filter(external_url__startswith="https://academi.gov.wales").count() == 2
    languages = set(Session.objects.values_list("language", flat=True))
    assert languages == {"cy", "en", "bilingual"}
    assert Session.objects.filter(state=SessionState.CANCELLED).count() == 1
    alys = Booking.objects.filter(person__email="member@cardiff.demo.localhost")
    assert alys.filter(state=BookingState.OFFERED).count() == 1
    assert alys.filter(attendance=Attendance.PRESENT).count() == 2
    assert Booking.objects.filter(state=BookingState.WAITING).count() == 1
    assert Booking.objects.filter(attendance=Attendance.ABSENT).exists()
    assert demo_training_clear() > 0
    assert not Course.objects.exists() and not Booking.objects.exists()


def test_benchmark_data_comes_in_bulk(reference):
    training_load_scale(courses=20, sessions=100, bookings=1000, people=50)
    assert Course.objects.count() == 20 and Session.objects.count() == 100
    assert 900 <= Booking.objects.count() <= 1000
    # A session's places are never overbooked, even in bulk.
    for session in Session.objects.with_places():
        assert session.taken <= session.capacity
