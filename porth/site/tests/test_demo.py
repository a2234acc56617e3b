import pytest
from django.core.management import call_command

from porth.accounts.demo import demo_people
from porth.accounts.models import Role, TeamMembership, User
from porth.frontdoor.models import HelpRequest
from porth.portfolio import services as portfolio_services
from porth.portfolio.models import CollaborationRequest, Project, ProjectUpdate

pytestmark = [pytest.mark.django_db, pytest.mark.demo, pytest.mark.usefixtures("private_var_dir")]


def test_demo_data_has_a_person_for_each_role_and_can_be_cleared(reference, capsys):
    call_command("load_demo")
    call_command("load_demo")
    assert "added now: 0 requests and 0 projects" in capsys.readouterr().out
    assert User.objects.filter(is_demo=True).count() == len(demo_people())
    assert TeamMembership.objects.filter(role=Role.ADMINISTRATOR, user__is_demo=True).exists()
    assert TeamMembership.objects.filter(role=Role.MEMBER, user__is_demo=True).exists()
    assert User.objects.filter(is_demo=True, organisation_memberships__role=Role.ADMINISTRATOR).exists()
    assert HelpRequest.objects.filter(submitted_by__is_demo=True).count() == 6
    assert Project.objects.count() > 250
    call_command("load_demo", "--clear")
    assert not User.objects.filter(is_demo=True).exists()
    assert not HelpRequest.objects.exists()
    assert not Project.objects.exists() and not Project.history.exists()


def test_a_demo_load_that_fails_part_way_leaves_nothing_behind(reference, monkeypatch):
    report = portfolio_services.project_report
    reported = []

    def report_then_fail(**kwargs):
        if len(reported) == 100:
            raise RuntimeError("the disk is full")
        reported.append(report(**kwargs))
        return reported[-1]

    monkeypatch.setattr(portfolio_services, "project_report", report_then_fail)
    with pytest.raises(RuntimeError):
        call_command("load_demo")
    assert len(reported) == 100
    assert not User.objects.filter(is_demo=True).exists()
    assert not HelpRequest.objects.exists()
    assert not Project.objects.exists() and not Project.history.exists()
    assert not ProjectUpdate.objects.exists() and not CollaborationRequest.objects.exists()
