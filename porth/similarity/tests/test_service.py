"""Similar projects through Django: kept in step with saves, never leaking what a viewer may not see."""

import html
import re

import pytest

from porth.portfolio.models import Project
from porth.similarity import service
from porth.similarity.models import Judgement
from porth.testing import make_project

pytestmark = pytest.mark.django_db

RECYCLING_CY = {
    "title_en": "",
    "title_cy": "Trefnu slot mewn canolfan ailgylchu",
    "summary_en": "",
    "summary_cy": "Mae trigolion yn trefnu amser i ymweld â'r ganolfan ailgylchu ar-lein, heb giwio.",
}


@pytest.fixture(autouse=True)
def fresh_index():
    service.index_forget()
    yield
    service.index_forget()


@pytest.fixture
def people(reference):
    from porth.accounts.models import Role
    from porth.testing import person

    return {
        "owner": person("owner@cardiff.example", "W06000015"),
        "swansea": person("someone@swansea.example", "W06000011"),
        "gwynedd": person("someone@gwynedd.example", "W06000002", role=Role.ADMINISTRATOR),
        "public": person("nobody@example.org"),
    }


def test_the_index_reads_a_project_s_titles_summaries_and_tags(people):
    project = make_project(people["owner"])
    text = service.document_text(project)
    assert "recycling" in text and "ailgylchu" in text and "booking" in text


def test_a_save_reaches_an_index_already_built(people):
    project = make_project(people["owner"])
    question = "school admission appeals for parents"
    assert service.similar_to_text(people["public"], question) == []
    project.title_en, project.summary_en = "School admission appeals", "Parents appeal a school admission."
    project.save()
    found = service.similar_to_text(people["public"], question)
    assert [s.project for s in found] == [project]


def test_an_english_project_finds_the_welsh_one_with_the_words_in_common(people):
    english = make_project(people["owner"])
    welsh = make_project(people["gwynedd"], owner_organisation=_org("W06000002"), **RECYCLING_CY)
    make_project(
        people["owner"],
        title_en="Council tax single person discount",
        summary_en="Apply online for the single person discount on council tax.",
        title_cy="",
        summary_cy="",
    )
    suggestions = service.similar_to_project(people["swansea"], english)
    assert suggestions and suggestions[0].project == welsh
    assert suggestions[0].shared_terms


def test_suggestions_while_writing(people):
    target = make_project(people["gwynedd"], owner_organisation=_org("W06000002"), **RECYCLING_CY)
    found = service.similar_to_text(
        people["swansea"], "Book a slot to visit the recycling centre (canolfan ailgylchu)"
    )
    assert [s.project for s in found][:1] == [target]
    assert service.similar_to_text(people["swansea"], "   ") == []


def test_private_projects_never_leak_through_suggestions(people):
    secret = make_project(
        people["gwynedd"], owner_organisation=_org("W06000002"), visibility="private", **RECYCLING_CY
    )
    english = make_project(people["owner"])
    assert secret not in [s.project for s in service.similar_to_project(people["swansea"], english)]
    assert secret not in [
        s.project for s in service.similar_to_text(people["public"], "recycling centre ailgylchu")
    ]
    assert secret in [s.project for s in service.similar_to_project(people["gwynedd"], english)]


def test_a_project_made_private_stops_showing_at_once(people):
    target = make_project(people["gwynedd"], owner_organisation=_org("W06000002"), **RECYCLING_CY)
    english = make_project(people["owner"])
    assert target in [s.project for s in service.similar_to_project(people["swansea"], english)]
    Project.objects.filter(pk=target.pk).update(visibility="private")  # no task has run: the database decides
    assert target not in [s.project for s in service.similar_to_project(people["swansea"], english)]


def test_a_judged_pair_is_not_suggested_again_and_the_judgement_shows(people):
    english = make_project(people["owner"])
    welsh = make_project(people["gwynedd"], owner_organisation=_org("W06000002"), **RECYCLING_CY)
    service.judgement_record(
        user=people["owner"], project=english, other=welsh, verdict=Judgement.Verdict.SAME
    )
    assert welsh not in [s.project for s in service.similar_to_project(people["swansea"], english)]
    ((judgement, other),) = service.judgements_for(people["swansea"], english)
    assert other == welsh and judgement.verdict == "same"


def test_what_people_have_said_names_whose_project_the_other_one_is(client, people):
    english = make_project(people["owner"])
    welsh = make_project(people["gwynedd"], owner_organisation=_org("W06000002"), **RECYCLING_CY)
    service.judgement_record(
        user=people["owner"], project=english, other=welsh, verdict=Judgement.Verdict.SAME
    )
    client.force_login(people["swansea"])
    page = html.unescape(client.get(english.get_absolute_url()).content.decode())
    said = re.sub(r"<[^>]+>", "", page.split("What people have said", 1)[1])
    assert f"{welsh.title_cy} ({_org('W06000002').name_en}): The same project" in said
    welsh_page = html.unescape(client.get(f"/cy{english.get_absolute_url()}").content.decode())
    assert f"({_org('W06000002').name_cy}): Yr un prosiect" in re.sub(r"<[^>]+>", "", welsh_page)


def test_team_clusters_group_likely_duplicates_across_organisations(people):
    english = make_project(people["owner"])
    welsh = make_project(people["gwynedd"], owner_organisation=_org("W06000002"), **RECYCLING_CY)
    swansea = make_project(
        people["swansea"],
        owner_organisation=_org("W06000011"),
        title_en="Recycling centre booking",
        title_cy="",
        summary_en="Book a time to visit the recycling centre online, no queues.",
        summary_cy="",
    )
    make_project(
        people["owner"], title_en="Library e-books", title_cy="", summary_en="Borrow e-books.", summary_cy=""
    )
    from porth.directory.models import LeadershipTeam

    clusters = service.team_clusters(people["swansea"], LeadershipTeam.objects.get(slug="wlga-digital-team"))
    assert clusters and {english, swansea} <= set(clusters[0])
    assert welsh in clusters[0] or len(clusters[0]) >= 2
    service.judgement_record(user=people["owner"], project=english, other=swansea, verdict="unrelated")


def test_rebuild_command_indexes_every_project(people, capsys):
    from django.core.management import call_command

    make_project(people["owner"])
    call_command("rebuild_similarity")
    assert "Indexed 1 project(s)" in capsys.readouterr().out


def _org(code):
    from porth.directory.models import Organisation

    return Organisation.objects.get(code=code)


def test_no_question_builds_the_index_outside_tests(people, settings, tmp_path):
    """In production a question only opens the snapshot the background worker wrote; with none, nothing."""
    settings.SIMILARITY_BUILD_ON_QUESTION = False
    settings.SIMILARITY_DIR = tmp_path / "similarity"
    service.index_forget()
    target = make_project(people["owner"])
    question = "Book a slot at the recycling centre"
    assert service.similar_to_text(people["public"], question) == []
    assert not settings.SIMILARITY_DIR.exists(), "a question must not write a snapshot"
    assert service.snapshot_refresh() == 1
    assert [s.project for s in service.similar_to_text(people["public"], question)] == [target]
    assert service.snapshot_refresh() is None, "nothing changed, nothing rebuilt"
    assert len(list(settings.SIMILARITY_DIR.glob("snapshot-*"))) == 1


def test_a_snapshot_analysed_the_old_way_is_rebuilt(people, settings, tmp_path, monkeypatch):
    """An upgrade that changes how texts are analysed (ANALYSIS_VERSION) makes the worker rebuild the
    snapshot, though no project changed: its keys would no longer meet a question's."""
    settings.SIMILARITY_DIR = tmp_path / "similarity"
    service.index_forget()
    make_project(people["owner"])
    assert service.snapshot_refresh() == 1
    assert service.snapshot_refresh() is None
    monkeypatch.setattr(service, "ANALYSIS_VERSION", service.ANALYSIS_VERSION + 1)
    assert service.snapshot_refresh() == 1
