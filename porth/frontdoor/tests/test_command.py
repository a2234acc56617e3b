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
    assert decision["fired"][0] == "HEALTH_AND_CARE"


def test_route_command_names_an_unknown_organisation(reference):
    with pytest.raises(CommandError, match="W00000000"):
        call_command("route", "--org", "W00000000")
