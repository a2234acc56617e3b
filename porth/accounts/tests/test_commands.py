import pytest
from django.core.management import call_command

from porth.accounts.demo import DEMO_PEOPLE, LOCAL_ADMIN_EMAIL, local_password
from porth.accounts.models import Role, TeamMembership, User

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def private_var_dir(settings, tmp_path):
    settings.VAR_DIR = tmp_path


def test_ensure_local_admin_creates_once_and_prints_how_to_sign_in(capsys):
    call_command("ensure_local_admin")
    call_command("ensure_local_admin")
    admin = User.objects.get(email=LOCAL_ADMIN_EMAIL)
    assert admin.is_superuser and admin.check_password(local_password())
    out = capsys.readouterr().out
    assert LOCAL_ADMIN_EMAIL in out and local_password() in out
    assert User.objects.filter(email=LOCAL_ADMIN_EMAIL).count() == 1


def test_demo_data_has_a_person_for_each_role_and_can_be_cleared(reference):
    call_command("load_demo")
    call_command("load_demo")
    assert User.objects.filter(is_demo=True).count() == len(DEMO_PEOPLE)
    assert TeamMembership.objects.filter(role=Role.ADMINISTRATOR, user__is_demo=True).exists()
    assert TeamMembership.objects.filter(role=Role.MEMBER, user__is_demo=True).exists()
    assert User.objects.filter(is_demo=True, organisation_memberships__role=Role.ADMINISTRATOR).exists()
    from porth.frontdoor.models import HelpRequest

    assert HelpRequest.objects.filter(submitted_by__is_demo=True).count() == 6
    from porth.portfolio.models import Project

    assert Project.objects.count() > 250
    call_command("load_demo", "--clear")
    assert not User.objects.filter(is_demo=True).exists()
    assert not HelpRequest.objects.exists()
