import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

pytestmark = pytest.mark.django_db


def test_route_command_prints_the_decision_as_json(reference):
    out = StringIO()
    call_command(
        "route", "--org", "W06000015", "--with", "w11000028", "--health", "--title", "Care portal", stdout=out
    )
    decision = json.loads(out.getvalue())
    assert decision["lead"] == "nhs-wales-digital" and decision["title"] == "Care portal"
    assert decision["fired"][0] == "JOINT_HEALTH_AND_CARE"
    assert "wlga-digital-team" in [o["team"] for o in decision["could_also_lead"]]
    assert decision["could_also_lead"][0]["because_cy"]


def test_route_command_takes_helpers_and_work_asked_for_others(reference):
    out = StringIO()
    call_command(
        "route",
        "--org",
        "welsh-local-government-association",
        "--for-others",
        "--owner",
        "W06000015",
        "--helper",
        "centre-for-digital-public-services:deliver",
        "--work-kind",
        "skills",
        stdout=out,
    )
    decision = json.loads(out.getvalue())
    assert decision["lead"] == "wlga-digital-team" and "cdps" in decision["support"]
    assert decision["facts"]["helpers"][0]["role"] == "deliver"
    with pytest.raises(CommandError, match="CODE:ROLE"):
        call_command("route", "--org", "W06000015", "--helper", "W06000011")


def test_route_command_names_an_unknown_organisation(reference):
    with pytest.raises(CommandError, match="W00000000"):
        call_command("route", "--org", "W00000000")
