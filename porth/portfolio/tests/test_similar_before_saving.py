"""Adding a project without JavaScript: its similar projects are shown on a page of their own before it is
saved, as the front door does; with JavaScript the form shows them as the person types and saves at once."""

import pytest

from porth.directory.models import Organisation
from porth.portfolio.models import Project
from porth.testing import make_project, page_text

# The similar projects are looked up in an index the test settings build on the question, outside the test's
# transaction, as the similarity app's own view tests do.
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("fresh_index")]

RECYCLING = {
    "title_cy": "Archebu slot yn y ganolfan ailgylchu",
    "summary_cy": "Rydym am i drigolion drefnu amser yn y ganolfan ailgylchu ar-lein.",
    "owner_organisation": "W06000015",
    "phase": "discovery",
    "status": "on_track",
    "budget_band": "unknown",
    "collaboration": "sharing_ideas",
    "visibility": "public",
}
HEADING = {"": "Similar projects", "/cy": "Prosiectau tebyg"}
# The similar project's title, in the page's language.
SWANSEA = {"": "Booking a visit to a recycling centre", "/cy": "Trefnu ymweliad â chanolfan ailgylchu"}
SAVE = {"": "Save the project anyway", "/cy": "Cadw'r prosiect beth bynnag"}


@pytest.fixture
def swansea_project(people):
    return make_project(people["other_org"], owner_organisation=Organisation.objects.get(code="W06000011"))


def mine():
    return Project.objects.filter(owner_organisation__code="W06000015")


@pytest.mark.parametrize("prefix", ["", "/cy"])
def test_without_javascript_the_similar_projects_are_shown_and_nothing_is_saved(
    client, people, swansea_project, prefix
):
    client.force_login(people["owner"])
    response = client.post(f"{prefix}/projects/new/", RECYCLING)
    assert response.url == f"{prefix}/projects/new/similar/"
    page = client.get(response.url)
    assert f'<h1 class="govuk-heading-l">{HEADING[prefix]}</h1>' in page.content.decode()
    assert SAVE[prefix] in page_text(page)
    assert SWANSEA[prefix] in page_text(page)
    assert not mine().exists()


@pytest.mark.parametrize("prefix", ["", "/cy"])
def test_saving_anyway_saves_the_project_once(client, people, swansea_project, prefix):
    client.force_login(people["owner"])
    client.post(f"{prefix}/projects/new/", RECYCLING)
    response = client.post(f"{prefix}/projects/new/similar/")
    project = mine().get()
    assert response.url == project.get_absolute_url()
    assert project.title_cy == RECYCLING["title_cy"]
    # Sent again (a second click, the browser's back button), nothing more is saved: the form is shown.
    again = client.post(f"{prefix}/projects/new/similar/")
    assert again.url == f"{prefix}/projects/new/?draft=1"
    assert mine().count() == 1


def test_with_javascript_the_project_is_saved_at_once(client, people, swansea_project):
    client.force_login(people["owner"])
    response = client.post("/cy/projects/new/", {**RECYCLING, "similar_seen": "True"})
    assert response.url == mine().get().get_absolute_url()


def test_with_no_similar_projects_it_is_saved_straight_away(client, people):
    client.force_login(people["owner"])
    response = client.post("/cy/projects/new/", RECYCLING)
    assert client.get(response.url).url == mine().get().get_absolute_url()


@pytest.mark.parametrize("prefix", ["", "/cy"])
def test_going_back_keeps_the_answers(client, people, swansea_project, prefix):
    client.force_login(people["owner"])
    client.post(f"{prefix}/projects/new/", {**RECYCLING, "tags": "gwastraff, archebu"})
    form = page_text(client.get(f"{prefix}/projects/new/?draft=1"))
    assert 'value="Archebu slot yn y ganolfan ailgylchu"' in form
    assert RECYCLING["summary_cy"] in form
    assert 'value="gwastraff, archebu"' in form
    assert not mine().exists()


def test_validation_errors_still_show_on_the_form(client, people, swansea_project):
    client.force_login(people["owner"])
    response = client.post("/cy/projects/new/", {**RECYCLING, "phase": ""})
    assert response.status_code == 200
    assert "Dewiswch y cam" in page_text(response)
    assert not mine().exists()
