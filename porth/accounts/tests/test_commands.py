import pytest
from django.core.management import call_command

from porth.accounts.demo import LOCAL_ADMIN_EMAIL, demo_people, local_password
from porth.accounts.models import User

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("private_var_dir")]


def test_ensure_local_admin_creates_once_and_prints_how_to_sign_in(capsys):
    call_command("ensure_local_admin")
    call_command("ensure_local_admin")
    admin = User.objects.get(email=LOCAL_ADMIN_EMAIL)
    assert admin.is_superuser and admin.check_password(local_password())
    out = capsys.readouterr().out
    assert LOCAL_ADMIN_EMAIL in out and local_password() in out
    assert User.objects.filter(email=LOCAL_ADMIN_EMAIL).count() == 1
    for person in demo_people():
        assert f"{person.email}  ({person.full_name}), same password" in out
