import html

import pytest

from porth.similarity import service
from porth.similarity.models import Judgement
from porth.testing import make_project

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def fresh_index():
    service.index_forget()
    yield
    service.index_forget()


@pytest.fixture
def pair(people):
    from porth.directory.models import Organisation

    english = make_project(people["owner"])
    welsh = make_project(
        people["other_org"],
        owner_organisation=Organisation.objects.get(code="W06000011"),
        title_en="",
        summary_en="",
        title_cy="Trefnu slot mewn canolfan ailgylchu",
        summary_cy="Mae trigolion yn trefnu amser i ymweld â'r ganolfan ailgylchu ar-lein.",
    )
    return english, welsh


@pytest.fixture
def people(reference):
    from porth.testing import person

    return {
        "owner": person("owner@cardiff.example", "W06000015"),
        "other_org": person("someone@swansea.example", "W06000011"),
        "team_member": person(
            "triage@wlga.example", "welsh-local-government-association", team="wlga-digital-team"
        ),
        "no_org": person("nobody@example.org"),
    }


def test_project_page_shows_similar_projects_with_the_words_in_common(client, pair):
    english, _welsh = pair
    page = html.unescape(client.get(english.get_absolute_url()).content.decode())
    assert "Similar projects" in page and "Trefnu slot mewn canolfan ailgylchu" in page
    assert "Words in common:" in page


def test_fragment_for_text_being_written_in_welsh(client, pair):
    page = html.unescape(
        client.get("/cy/similar/", {"text": "archebu amser yn y ganolfan ailgylchu"}).content.decode()
    )
    assert "Trefnu slot mewn canolfan ailgylchu" in page


@pytest.mark.parametrize(("who", "allowed"), [("owner", True), ("team_member", True), ("no_org", False)])
def test_who_may_judge_a_pair(client, pair, people, who, allowed):
    english, welsh = pair
    client.force_login(people[who])
    response = client.post(f"/projects/{english.pk}/similar/{welsh.pk}/", {"verdict": "unrelated"})
    assert Judgement.objects.exists() is allowed
    if not allowed:
        assert response.status_code == 403


def test_anonymous_people_cannot_judge(client, pair):
    english, welsh = pair
    client.post(f"/projects/{english.pk}/similar/{welsh.pk}/", {"verdict": "same"})
    assert not Judgement.objects.exists()


def test_team_duplicates_page_is_for_team_members(client, pair, people):
    client.force_login(people["owner"])
    assert client.get("/teams/wlga-digital-team/duplicates/").status_code == 403
    client.force_login(people["team_member"])
    assert client.get("/teams/wlga-digital-team/duplicates/").status_code == 200


def test_the_journey_shows_similar_projects_as_a_step_without_javascript(client, pair, people):
    client.force_login(people["owner"])
    client.post("/ask/organisation/", {"organisation": "W06000015"})
    client.post("/ask/others/", {})
    client.post("/ask/own-work/", {"asker_owns": "yes"})
    client.post("/ask/work-kind/", {"work_kind": "own_service"})
    client.post("/ask/title/", {"title": "Recycling centre booking"})
    response = client.post(
        "/ask/problem/", {"description": "We want residents to book a slot at the recycling centre."}
    )
    assert response.url == "/ask/similar/"
    page = html.unescape(client.get("/ask/similar/").content.decode())
    assert "Trefnu slot mewn canolfan ailgylchu" in page
    assert client.post("/ask/similar/", {"similar_seen": "True"}).url == "/ask/health/"


def test_the_step_is_skipped_when_the_page_showed_them_as_the_person_typed(client, pair):
    client.post("/ask/organisation/", {"organisation": "W06000015"})
    client.post("/ask/others/", {})
    client.post("/ask/own-work/", {"asker_owns": "yes"})
    client.post("/ask/work-kind/", {"work_kind": "not_sure"})
    client.post("/ask/title/", {"title": "Recycling centre booking"})
    response = client.post(
        "/ask/problem/", {"description": "Book a slot at the recycling centre.", "similar_seen": "True"}
    )
    assert response.url == "/ask/health/"
