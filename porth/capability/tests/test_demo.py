"""The demo pools: specialists with bookings, requests in every state and squads past, present and planned,
all within capacity; loaded once, and removed by --clear."""

import pytest
from django.core.management import call_command

from porth.accounts.demo import demo_users_load
from porth.capability import capacity, services
from porth.capability.demo import demo_capability_clear, demo_capability_load
from porth.capability.models import Booking, Engagement, Leave, Specialist, SpecialistRequest

pytestmark = [pytest.mark.django_db, pytest.mark.demo]


@pytest.fixture
def demo(reference, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    demo_users_load()
    return demo_capability_load()


def test_the_demo_has_specialists_in_both_pools_and_requests_in_every_state(demo):
    assert demo == Specialist.objects.count() == 19
    assert set(Specialist.objects.values_list("pool__slug", flat=True)) == {
        "capability-model",
        "transformation-squad",
    }
    assert set(SpecialistRequest.objects.values_list("status", flat=True)) == {
        "open",
        "waiting",
        "offered",
        "booked",
    }
    assert set(Booking.objects.values_list("status", flat=True)) == {
        "confirmed",
        "waiting",
        "offered",
        "cancelled",
    }
    assert {e.state for e in Engagement.objects.all()} == {"planned", "under_way", "finished"}
    assert Specialist.objects.get(user__email="admin@cdps.demo.localhost").full_name == "Mared Owen"
    assert Leave.objects.exists()


def test_no_demo_specialist_is_booked_beyond_capacity(demo):
    for specialist in Specialist.objects.all():
        person, leave, held = services._whole(specialist)
        assert capacity.overbooked(person, leave, held) == [], specialist


def test_loading_again_adds_nothing_and_clear_removes_everything(demo):
    assert demo_capability_load() == 0
    assert demo_capability_clear() > 0
    for model in (Booking, Leave, SpecialistRequest, Engagement, Specialist):
        assert not model.objects.exists(), model


def test_load_demo_clear_removes_the_pool_s_demo_records_with_the_rest(demo, settings):
    call_command("load_demo", "--clear")
    assert not Specialist.objects.exists() and not Booking.objects.exists()
