import datetime
import html

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


@pytest.mark.parametrize("years_ahead", [1, 300])
def test_team_page_with_a_future_date_says_the_date_must_be_today_or_in_the_past(
    client, reference, years_ahead
):
    future = datetime.date.today() + datetime.timedelta(days=366 * years_ahead)
    when = {"as_of_0": future.day, "as_of_1": future.month, "as_of_2": future.year}
    content = html.unescape(client.get("/teams/wlga-digital-team/", when).content.decode())
    assert "The date must be today or in the past" in content and "Enter a real date" not in content
    assert "Lindsey Phillips" in content.split("Led by", 1)[1].split("</ul>", 1)[0]  # today, as it says
    welsh = html.unescape(client.get("/cy/teams/wlga-digital-team/", when).content.decode())
    assert "Rhaid i'r dyddiad fod heddiw neu yn y gorffennol" in welsh


@pytest.mark.parametrize("year", ["1900", "1066"])
def test_team_page_before_the_team_existed_says_so_instead_of_an_empty_programme(client, reference, year):
    content = html.unescape(
        client.get("/teams/cdps/", {"as_of_0": "1", "as_of_1": "1", "as_of_2": year}).content.decode()
    )
    assert "There is a problem" not in content
    assert f"This team did not exist yet on 1 January {year}. Our records of it start in 2020." in content
    assert "No programme items were in force on this date." not in content and "Led by" not in content
    welsh = html.unescape(
        client.get("/cy/teams/cdps/", {"as_of_0": "1", "as_of_1": "1", "as_of_2": year}).content.decode()
    )
    assert f"Nid oedd y tîm hwn yn bod eto ar 1 Ionawr {year}." in welsh


def test_team_page_on_a_past_date_says_the_portfolio_is_today_s(client, reference):
    today = html.unescape(client.get("/teams/wlga-digital-team/").content.decode())
    assert "These are the team's projects today" not in today
    content = html.unescape(
        client.get(
            "/teams/wlga-digital-team/", {"as_of_0": "1", "as_of_1": "6", "as_of_2": "2021"}
        ).content.decode()
    )
    portfolio = content.split('id="portfolio"', 1)[1]
    assert "These are the team's projects today, not on 1 June 2021" in portfolio
    assert "The other sections of the page do not change with it." in content


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


def test_a_team_that_is_its_own_organisation_does_not_say_it_hosts_itself(client, reference):
    content = client.get("/teams/cdps/").content.decode()
    assert "Hosted by" not in content
    assert 'href="/organisations/centre-for-digital-public-services/"' in content
    welsh = client.get("/cy/teams/cdps/").content.decode()
    assert "Cynhelir gan" not in welsh


def test_a_team_hosted_by_another_body_says_so(client, reference):
    content = client.get("/teams/wlga-digital-team/").content.decode()
    assert "Hosted by" in content and "Welsh Local Government Association" in content
