"""The audit log: who changed what in which record, for people's writes, read by site administrators."""

import pytest
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType

from porth.accounts.models import User
from porth.portfolio.models import Follow
from porth.testing import PASSWORD

pytestmark = pytest.mark.django_db


def test_a_write_through_a_page_is_logged_with_who_made_it(client, project, people):
    reader = people["partner"]
    client.force_login(reader)
    client.post(f"/follow/project/{project.pk}/")
    follow = Follow.objects.get(user=reader, project=project)
    entry = LogEntry.objects.get_for_object(follow).get()
    assert entry.actor == reader and entry.action == LogEntry.Action.CREATE


def test_a_change_records_the_fields_before_and_after_but_never_a_password(client, people):
    owner = people["owner"]
    client.force_login(owner)
    client.post("/account/", {"full_name": "Owner Renamed", "preferred_language": "cy"})
    entry = LogEntry.objects.get_for_object(owner).filter(action=LogEntry.Action.UPDATE).latest("timestamp")
    assert entry.actor == owner
    assert entry.changes_dict["full_name"][1] == "Owner Renamed"
    owner.set_password("another long password here")
    owner.save()
    for entry in LogEntry.objects.get_for_object(owner):
        assert "password" not in (entry.changes_dict or {})
        assert PASSWORD not in str(entry.changes)


def test_loading_the_shipped_facts_writes_no_audit_entries(reference):
    from porth.directory.models import Organisation

    assert not LogEntry.objects.filter(content_type=ContentType.objects.get_for_model(Organisation)).exists()


def test_site_administrators_read_the_log_in_the_admin_and_others_cannot(client, project, people):
    admin = User.objects.create_superuser("site-admin@porth.example", PASSWORD)
    client.force_login(admin)
    response = client.get("/admin/auditlog/logentry/")
    assert response.status_code == 200
    client.force_login(people["org_admin"])  # an organisation's administrator is not a site administrator
    assert client.get("/admin/auditlog/logentry/").status_code == 302
