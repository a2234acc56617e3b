import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from porth.directory.models import Organisation

pytestmark = pytest.mark.django_db


def test_home_explains_each_team_with_leaders_now_and_in_2021(client, reference):
    content = client.get("/").content.decode()
    for name in (
        "Digital Team for Welsh Local Authorities",
        "Welsh Government Digital",
        "NHS Wales Digital",
        "Centre for Digital Public Services",
    ):
        assert name in content
    assert "Lindsey Phillips" in content and "Sam Hall" in content
    assert "Human-centred design" in content
    assert 'href="/organisations/"' in content


def test_home_in_welsh(client, reference):
    content = client.get("/cy/").content.decode()
    assert '<html lang="cy"' in content
    assert "Arweinyddiaeth ddigidol" in content
    assert 'href="/cy/organisations/"' in content


def test_home_says_so_when_no_teams_are_loaded(client):
    assert "No leadership teams have been loaded yet" in client.get("/").content.decode()


def test_team_page_shows_remit_history_programme_and_changes(client, reference):
    content = client.get("/teams/welsh-government-digital/").content.decode()
    assert "Glyn Jones" in content
    assert "Digital inclusion" in content
    assert "Digital Strategy for Wales" in content
    assert "Leadership history" in content and "Changes over time" in content


def test_team_page_as_of_a_date_shows_who_led_then(client, reference):
    content = client.get(
        "/teams/wlga-digital-team/", {"as_of_0": "1", "as_of_1": "6", "as_of_2": "2021"}
    ).content.decode()
    led_by = content.split("Led by", 1)[1].split("</ul>", 1)[0]
    assert "Sam Hall" in led_by and "Lindsey Phillips" not in led_by


def test_team_page_with_an_impossible_date_says_what_is_wrong_and_shows_today(client, reference):
    response = client.get(
        "/cy/teams/wlga-digital-team/", {"as_of_0": "31", "as_of_1": "2", "as_of_2": "2021"}
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert "Mae problem" in content
    assert "Rhowch ddyddiad go iawn" in content
    assert "Lindsey Phillips" in content.split("Dan arweiniad", 1)[1].split("</ul>", 1)[0]


def test_unknown_team_is_a_404_in_the_right_language(client, reference):
    response = client.get("/cy/teams/no-such-team/")
    assert response.status_code == 404
    assert "Heb ddod o hyd i'r dudalen" in response.content.decode()


def test_organisation_list_paginates(client, reference):
    first = client.get("/organisations/").content.decode()
    assert "56 organisations" in first
    assert 'aria-current="page"' in first and 'rel="next"' in first
    last = client.get("/organisations/", {"page": 3}).content.decode()
    assert 'rel="prev"' in last and 'rel="next"' not in last


def test_organisation_search_finds_welsh_and_english_names(client, reference):
    by_welsh = client.get("/organisations/", {"q": "Abertawe"}).content.decode()
    assert "Swansea" in by_welsh and "Cardiff" not in by_welsh
    by_english = client.get("/cy/organisations/", {"q": "Swansea"}).content.decode()
    assert "Abertawe" in by_english


def test_organisation_filters_by_kind_and_sector(client, reference):
    content = client.get("/organisations/", {"kind": "health_board"}).content.decode()
    assert "7 organisations" in content
    content = client.get("/organisations/", {"sector": "health_and_care", "q": "trust"}).content.decode()
    assert "Velindre" in content and "Cardiff" not in content


def test_organisation_filter_with_a_made_up_value_explains_the_problem(client, reference):
    content = client.get("/organisations/", {"kind": "castle"}).content.decode()
    assert "There is a problem" in content and "Choose a value from the list" in content


def test_organisation_search_with_no_match_says_what_to_try(client, reference):
    content = client.get("/organisations/", {"q": "Atlantis"}).content.decode()
    assert "0 organisations" in content and "No organisations match your search" in content


def test_organisation_list_query_count_does_not_grow_with_rows(
    client, reference, django_assert_max_num_queries
):
    with django_assert_max_num_queries(4):
        client.get("/organisations/")


def test_home_and_team_pages_have_a_fixed_number_of_queries(client, reference):
    with CaptureQueriesContext(connection) as home:
        client.get("/")
    with CaptureQueriesContext(connection) as team:
        client.get("/teams/cdps/")
    assert len(home) <= 6, [q["sql"] for q in home]
    # 9: the team page also shows the pools the team runs and their squad engagements (porth.capability).
    assert len(team) <= 9, [q["sql"] for q in team]


def test_organisation_page_in_both_languages(client, reference):
    english = client.get("/organisations/W06000015/").content.decode()
    assert "Cardiff" in english and "W06000015" in english and "Caerdydd" in english
    welsh = client.get("/cy/organisations/W06000015/").content.decode()
    assert "Caerdydd" in welsh and "Awdurdod lleol" in welsh


def test_organisation_without_a_welsh_name_says_so_on_the_welsh_page(client, reference):
    code = "welsh-ambulance-services-university-nhs-trust"
    welsh = client.get(f"/cy/organisations/{code}/").content.decode()
    assert f'<span lang="en">{Organisation.objects.get(code=code).name_en}</span>' in welsh
    assert "Heb ei gofnodi eto" in welsh


def test_edit_link_only_for_people_who_may_change_the_record(client, admin_user, reference):
    assert "administration pages" not in client.get("/organisations/W06000015/").content.decode()
    client.force_login(admin_user)
    assert "administration pages" in client.get("/organisations/W06000015/").content.decode()
