"""The structure then and now, the open data, the site-wide search and asking a team by name."""

import csv
import datetime
import io
import json

import pytest
from django.utils import timezone

from porth.directory.models import LeadershipTeam, OrganisationIdentifier, StructuralChange, TeamInbox
from porth.frontdoor.models import HelpRequest
from porth.insight.opendata import DATASETS
from porth.site.reference import reference_load_all
from porth.skills import services as skills
from porth.skills.models import Session
from porth.testing import ANSWERS, answer_all, make_project, page_text, person

pytestmark = pytest.mark.django_db


def test_structure_page_sets_2021_beside_now_and_marks_what_is_not_confirmed(client, reference):
    response = client.get("/structure/")
    page = page_text(response)
    rows = {row["now"].team.slug: row for row in response.context["rows"]}
    nhs = rows["nhs-wales-digital"]
    assert [a.is_vacant for a in nhs["then"].leaders] == [True]  # the 2021 post says it was yet to be filled
    assert nhs["now"].leaders == []  # now: not known, never "vacant"
    assert "Not known: no source Porth holds says who led the team on this date." in page
    wlga_now = rows["wlga-digital-team"]["now"].leaders
    assert [(a.person, a.is_interim) for a in wlga_now] == [("Lindsey Phillips", True)]
    cdps = rows["cdps"]
    assert "narrower remit" in str(cdps["now"].remit.remit) and "whole Welsh public sector" in str(
        cdps["then"].remit.remit
    )
    keys = [c.key for c in cdps["changes"]]
    assert "2025-09-cdps-into-welsh-government" in keys and "2026-04-cdps-merger-due" in keys
    assert "CDPS due to join the Welsh Government: completion not confirmed" in page
    assert "Not confirmed" in page and "acting or interim" in page
    welsh = page_text(client.get("/cy/structure/"))
    assert "Nid yw'n hysbys" in welsh


def test_shipped_updates_carry_sources_and_how_sure_they_are(reference):
    level3 = StructuralChange.objects.get(key="2025-03-dhcw-level-3")
    assert level3.happened_on == datetime.date(2025, 3, 11) and level3.verification == "verified"
    assert any("gov.wales" in url for url in level3.sources)
    assert StructuralChange.objects.get(key="2026-04-dhcw-level-4-reported").verification == "unverified"
    assert StructuralChange.objects.get(
        key="2025-09-cdps-into-welsh-government"
    ).happened_on == datetime.date(2025, 9, 18)
    assert OrganisationIdentifier.objects.get(organisation__code="W06000015").org_id == "GB-PLA-CRF"
    assert OrganisationIdentifier.objects.get(organisation__code="W11000028").org_id == "GB-NHS-7A6"
    assert TeamInbox.objects.get(team__slug="wlga-digital-team").email == "digitalteam@wlga.gov.uk"
    assert reference_load_all().nothing_changed  # loading again changes nothing


def test_team_page_offers_ask_this_team_and_its_inbox(client, reference):
    page = page_text(client.get("/teams/wlga-digital-team/"))
    assert 'href="/ask/?team=wlga-digital-team"' in page and "Ask this team" in page
    assert "mailto:digitalteam@wlga.gov.uk" in page
    assert "mailto:" not in page_text(client.get("/teams/cdps/"))  # no inbox is published for it


def test_asking_a_team_by_name_notes_it_on_the_request(client, submitter):
    client.force_login(submitter)
    start = page_text(client.get("/ask/?team=cdps"))
    assert "You are asking Centre for Digital Public Services." in start
    answer_all(client)
    response = client.post("/ask/check/")
    assert response.status_code == 302
    request = HelpRequest.objects.get()
    assert request.asked_team.slug == "cdps"
    assert request.lead_team.slug == "nhs-wales-digital"  # the rules still decide who leads
    assert "Team they chose to ask" in page_text(client.get(request.get_absolute_url()))


def test_an_unknown_team_is_not_noted(client, submitter):
    client.force_login(submitter)
    client.get("/ask/?team=no-such-team")
    answer_all(client, answers=ANSWERS)
    client.post("/ask/check/")
    assert HelpRequest.objects.get().asked_team is None


def test_open_data_lists_every_dataset_with_licence_formats_and_changelog(client, reference):
    page = page_text(client.get("/open-data/"))
    assert "Open Government Licence v3.0" in page
    for slug in ["projects", "organisations", "leaders", "standards", "training-sessions", "case-studies"]:
        assert f'id="{slug}"' in page
    assert 'href="/open-data/training-sessions.csv"' in page
    assert "First published." in page


def test_open_data_has_only_public_projects_and_follows_its_schema(client, people):
    public = make_project(people["owner"])
    make_project(people["owner"], visibility="private", title_en="Secret plan", title_cy="Cynllun cudd")
    make_project(
        people["owner"], visibility="public_sector", title_en="Internal plan", title_cy="Cynllun mewnol"
    )
    rows = json.loads(b"".join(client.get("/open-data/projects.json").streaming_content))
    assert [row["id"] for row in rows] == [public.pk]
    schema = json.loads(client.get("/open-data/projects.schema.json").content)
    assert schema["$schema"].endswith("2020-12/schema")
    assert set(rows[0]) == set(schema["items"]["properties"]) == set(schema["items"]["required"])
    kinds = {"string": str, "integer": int, "boolean": bool, "array": list}
    for name, value in rows[0].items():
        allowed = schema["items"]["properties"][name]["type"]
        allowed = allowed if isinstance(allowed, list) else [allowed]
        assert any(value is None if kind == "null" else isinstance(value, kinds[kind]) for kind in allowed), (
            name
        )
    body = b"".join(client.get("/open-data/projects.csv").streaming_content).decode()
    assert body.startswith("id,url,title_en,") and "\r\n" in body and "Secret plan" not in body
    assert "Secret plan" not in client.get("/open-data/projects.atom").content.decode()


def test_organisations_carry_org_ids_beside_gss_codes(client, reference):
    body = b"".join(client.get("/open-data/organisations.csv").streaming_content).decode()
    rows = {row["code"]: row for row in csv.DictReader(io.StringIO(body))}
    assert rows["W06000015"]["gss_code"] == "W06000015" and rows["W06000015"]["org_ids"] == "GB-PLA-CRF"
    assert rows["centre-for-digital-public-services"]["org_ids"] == "GB-COH-09341679"
    assert rows["centre-for-digital-public-services"]["gss_code"] == ""


def test_dcat_catalogue_describes_the_available_datasets(client, reference):
    response = client.get("/open-data/catalogue.jsonld")
    assert response["Content-Type"].startswith("application/ld+json")
    catalogue = json.loads(response.content)
    assert catalogue["@type"] == "dcat:Catalog"
    identifiers = {d["dct:identifier"] for d in catalogue["dcat:dataset"]}
    assert identifiers == set(DATASETS)
    projects = next(d for d in catalogue["dcat:dataset"] if d["dct:identifier"] == "projects")
    assert {x["dcat:mediaType"] for x in projects["dcat:distribution"]} == {
        "text/csv",
        "application/json",
        "application/atom+xml",
    }
    assert "open-government-licence/version/3" in projects["dct:license"]["@id"]
    assert "training-sessions" in identifiers
    assert client.get("/open-data/training-sessions.atom").status_code == 404  # no feed for sessions


def test_search_finds_teams_organisations_projects_and_standards_in_either_language(client, people):
    make_project(people["owner"])
    results = {s.slug: s for s in client.get("/search/", {"q": "ailgylchu"}).context["sections"]}
    assert len(results["projects"].results) == 1
    welsh = {s.slug: s for s in client.get("/cy/search/", {"q": "Abertawe"}).context["sections"]}
    assert "W06000011" in [o.code for o in welsh["organisations"].results]
    teams = {s.slug: s for s in client.get("/search/", {"q": "Canolfan Gwasanaethau"}).context["sections"]}
    assert [t.slug for t in teams["teams"].results] == ["cdps"]
    standards = {s.slug: s for s in client.get("/search/", {"q": "open"}).context["sections"]}
    assert standards["standards"].results
    assert standards["courses"].results == []


@pytest.fixture
def course(reference):
    cdps = LeadershipTeam.objects.get(slug="cdps")
    member = person("mared@cdps.example", "centre-for-digital-public-services", team="cdps")
    course = skills.course_create(
        user=member,
        fields={
            "title_en": "Digital leadership for senior leaders",
            "title_cy": "Arweinyddiaeth ddigidol i uwch arweinwyr",
            "summary_en": "What modern digital services need from the people who lead them.",
            "summary_cy": "Yr hyn sydd ei angen ar wasanaethau digidol modern gan y bobl sy'n eu harwain.",
            "provider_team": cdps,
        },
        audiences=["senior_leaders"],
    )
    starts = timezone.now() + datetime.timedelta(days=20)
    for language in ("cy", "en"):
        skills.session_create(
            course=course,
            user=member,
            fields={
                "starts_at": starts,
                "ends_at": starts + datetime.timedelta(hours=2),
                "language": language,
                "capacity": 12,
                "booking_closes_at": starts - datetime.timedelta(days=1),
                "online_link": "https://meet.example.gov.wales/secret",
            },
        )
    return course


def test_search_finds_courses_in_either_language(client, course):
    for path, words in (("/search/", "senior leaders"), ("/cy/search/", "arweinyddiaeth")):
        sections = {s.slug: s for s in client.get(path, {"q": words}).context["sections"]}
        assert sections["courses"].results == [course]
    page = page_text(client.get("/cy/search/", {"q": "arweinyddiaeth"}))
    assert f'href="{course.get_absolute_url()}">Arweinyddiaeth ddigidol i uwch arweinwyr</a>' in page


def test_training_sessions_are_open_data_that_follow_their_schema(client, course):
    Session.objects.filter(language="en").update(state="cancelled")
    rows = json.loads(b"".join(client.get("/open-data/training-sessions.json").streaming_content))
    assert [(r["course_id"], r["language"], r["cancelled"]) for r in rows] == [
        (course.pk, "cy", False),
        (course.pk, "en", True),
    ]
    schema = json.loads(client.get("/open-data/training-sessions.schema.json").content)
    assert set(rows[0]) == set(schema["items"]["properties"]) == set(schema["items"]["required"])
    assert rows[0]["course_title_cy"] == "Arweinyddiaeth ddigidol i uwch arweinwyr"
    assert rows[0]["provider_team"] == "cdps" and rows[0]["provider_organisation"] is None
    body = b"".join(client.get("/open-data/training-sessions.csv").streaming_content).decode()
    assert body.startswith("id,url,course_id,") and "meet.example" not in body  # no joining links
    assert len(list(csv.DictReader(io.StringIO(body)))) == 2


def test_search_respects_what_the_reader_may_see(client, people):
    make_project(people["owner"], visibility="private", title_en="Hidden kiosk", title_cy="Ciosg cudd")

    def found(user):
        if user:
            client.force_login(user)
        sections = {s.slug: s for s in client.get("/search/", {"q": "kiosk"}).context["sections"]}
        return len(sections["projects"].results)

    assert found(None) == 0
    assert found(people["other_org"]) == 0
    assert found(people["colleague"]) == 1


def test_search_says_what_is_wrong_in_the_readers_language(client, reference):
    response = client.get("/cy/search/", {"q": "x" * 201})
    assert response.status_code == 400
    assert "Rhaid i'ch chwiliad fod yn 200 nod neu lai" in page_text(response)
    assert "Rhowch yr hyn rydych yn chwilio amdano" in page_text(client.get("/cy/search/", {"q": ""}))


__all__ = ["LeadershipTeam", "person"]


def test_the_case_studies_data_has_its_columns_and_follows_its_schema(client, reference):
    rows = json.loads(b"".join(client.get("/open-data/case-studies.json").streaming_content))
    schema = json.loads(client.get("/open-data/case-studies.schema.json").content)
    assert rows, "the shipped case studies are published"
    assert all(set(row) == set(schema["items"]["properties"]) for row in rows)
    assert all("contact_email" not in row for row in rows)
    body = b"".join(client.get("/open-data/case-studies.csv").streaming_content).decode()
    assert body.startswith("slug,kind,title_en,title_cy,")
    assert len(body.splitlines()) == len(rows) + 1
