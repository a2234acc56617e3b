import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext


@pytest.mark.django_db
def test_q(client, people, project):
    client.force_login(people["owner"])
    client.get(project.get_absolute_url())
    with CaptureQueriesContext(connection) as q:
        client.get(project.get_absolute_url())
    print("COUNT", len(q))
    for x in q:
        print("Q:", x["sql"][:110])
