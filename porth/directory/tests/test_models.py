import datetime

import pytest
from django.utils import translation

from porth.directory.models import LeadershipTeam, Organisation

pytestmark = pytest.mark.django_db


def _leader_names(team, day):
    return sorted(a.person or "vacant" for a in team.leaders_on(day))


def test_leaders_follow_the_dates(reference):
    wlga = LeadershipTeam.objects.get(slug="wlga-digital-team")
    assert _leader_names(wlga, datetime.date(2021, 6, 30)) == ["Sam Hall"]
    assert _leader_names(wlga, datetime.date(2025, 6, 1)) == ["Lindsey Phillips"]
    assert _leader_names(wlga, datetime.date(2019, 1, 1)) == []


def test_a_month_precise_end_date_covers_the_whole_month(reference):
    cdps = LeadershipTeam.objects.get(slug="cdps")
    # Sally Meecham's interim role is recorded as ending in January 2022, and the joint CEOs started then.
    in_january = _leader_names(cdps, datetime.date(2022, 1, 20))
    assert "Sally Meecham" in in_january and "Harriet Green" in in_january
    assert _leader_names(cdps, datetime.date(2022, 2, 1)) == ["Harriet Green", "Myra Hunt"]


def test_vacant_role_is_a_leader_entry_without_a_person(reference):
    nhs = LeadershipTeam.objects.get(slug="nhs-wales-digital")
    (vacancy,) = nhs.leaders_on(datetime.date(2021, 6, 30))
    assert vacancy.is_vacant and vacancy.person == ""


def test_names_follow_the_active_language_and_say_when_missing(reference):
    swansea = Organisation.objects.get(code="W06000011")
    with translation.override("cy"):
        assert str(swansea.name) == "Abertawe" and not swansea.name.missing
    ambulance = Organisation.objects.get(code="welsh-ambulance-services-university-nhs-trust")
    with translation.override("cy"):
        assert ambulance.name.missing
        assert ambulance.name.lang == "en"
        assert 'lang="en"' in ambulance.name.__html__()


def test_effective_dated_queries_leave_out_retired_rows(reference):
    cdps = LeadershipTeam.objects.get(slug="cdps")
    cdps.active_to = datetime.date(2026, 4, 1)
    cdps.save()
    active = LeadershipTeam.objects.active_on(datetime.date(2026, 11, 25))
    assert "cdps" not in active.values_list("slug", flat=True)
    assert "cdps" in LeadershipTeam.objects.active_on(datetime.date(2025, 1, 1)).values_list(
        "slug", flat=True
    )
