"""Projects through the web: adding, changing, reporting, history, following, working together."""

import re

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from porth.core.language import welsh_sort_key
from porth.directory.models import LeadershipTeam, Organisation
from porth.portfolio import services
from porth.portfolio.models import CollaborationRequest, Follow, Project
from porth.testing import NEW_PROJECT, make_busy_project, make_project, page_text

pytestmark = pytest.mark.django_db


def test_add_a_project_in_welsh_only_and_the_page_says_english_is_missing(client, people):
    client.force_login(people["owner"])
    response = client.post("/projects/new/", NEW_PROJECT)
    project = Project.objects.get()
    assert response.url == project.get_absolute_url()
    assert project.owners.get() == people["owner"]
    assert sorted(t.slug for t in project.tags.all()) == ["blue-badge", "parking"]
    page = page_text(client.get(project.get_absolute_url()))
    assert "This project has not been described in English yet." in page
    assert (
        '<span lang="cy">Cais am fathodyn glas</span>'
        in client.get(project.get_absolute_url()).content.decode()
    )
    assert "Cais am fathodyn glas" in page_text(client.get(f"/cy{project.get_absolute_url()}"))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"title_cy": "", "title_en": ""}, "Enter a title in English or in Welsh"),
        ({"summary_cy": ""}, "Enter a summary in English or in Welsh"),
        ({"owner_organisation": "W06000011"}, "Choose one of your organisations"),
        ({"partner_organisations": ["W06000015"]}, "The owner organisation cannot also be a partner"),
        (
            {"expected_end_on_0": "1", "expected_end_on_1": "1", "expected_end_on_2": "2025"},
            "The expected end date must be after the start date",
        ),
        ({"link_1_url": "not a url"}, "Enter a web address"),
        ({"contact_1_name": ""}, "Enter the contact's name"),
        ({"phase": "finished"}, "Choose from the list"),
        ({"title_en": "x" * 201}, "200"),
    ],
)
def test_bad_input_is_explained_and_keeps_what_was_typed(client, people, change, message):
    client.force_login(people["owner"])
    page = page_text(client.post("/projects/new/", {**NEW_PROJECT, **change}))
    assert "There is a problem" in page and message in page
    assert "Cais am fathodyn glas" in page or change.get("title_cy") == ""
    assert not Project.objects.exists()


def test_changes_are_kept_as_history(client, people, project):
    client.force_login(people["owner"])
    data = {**NEW_PROJECT, "title_en": "Booking a recycling slot", "title_cy": project.title_cy}
    client.post(f"/projects/{project.pk}/edit/", data)
    page = page_text(client.get(f"/projects/{project.pk}/history/"))
    assert "Booking a visit to a recycling centre" in page and "Booking a recycling slot" in page
    assert "Added to the portfolio." in page
    assert project.history.count() >= 2


def test_report_once_feeds_the_page_the_status_and_the_feed(client, people, project):
    client.force_login(people["colleague"])
    client.post(
        f"/projects/{project.pk}/update/",
        {
            "status": "at_risk",
            "status_reason": "Supplier late",
            "what_happened": "The supplier missed a deadline.",
            "whats_next": "A new plan by Friday.",
        },
    )
    project.refresh_from_db()
    assert project.status == "at_risk" and project.status_reason == "Supplier late"
    page = page_text(client.get(project.get_absolute_url()))
    assert "The supplier missed a deadline." in page and "A new plan by Friday." in page
    client.logout()
    feed = client.get(f"/projects/{project.pk}/feed/")
    assert feed["Content-Type"].startswith("application/atom+xml")
    assert "The supplier missed a deadline." in feed.content.decode()
    assert "The supplier missed a deadline." in client.get("/organisations/W06000015/feed/").content.decode()
    assert "The supplier missed a deadline." in client.get("/teams/wlga-digital-team/feed/").content.decode()


def test_reporting_an_update_can_move_the_project_to_another_phase_and_the_history_says_so(
    client, people, project
):
    client.force_login(people["colleague"])
    form = client.get(f"/projects/{project.pk}/update/").content.decode()
    assert re.search(
        r'<input(?=[^>]*name="phase")(?=[^>]*value="alpha")[^>]*checked', form
    )  # the phase it is in now
    client.post(
        f"/projects/{project.pk}/update/",
        {"status": "on_track", "phase": "live", "what_happened": "The service is live."},
    )
    project.refresh_from_db()
    assert project.phase == "live" and project.updates.count() == 1
    assert project.history.first().history_user == people["colleague"]
    page = page_text(client.get(f"/projects/{project.pk}/history/"))
    assert "Alpha" in page and "Live" in page and "alpha →" not in page
    assert "Byw" in page_text(client.get(f"/cy/projects/{project.pk}/history/"))


def test_an_update_without_a_phase_keeps_the_phase(client, people, project):
    client.force_login(people["owner"])
    client.post(f"/projects/{project.pk}/update/", {"status": "at_risk", "what_happened": "Late."})
    project.refresh_from_db()
    assert project.phase == "alpha" and project.status == "at_risk"


def test_an_update_refuses_a_phase_not_in_the_list(client, people, project):
    client.force_login(people["owner"])
    page = page_text(
        client.post(
            f"/projects/{project.pk}/update/",
            {"status": "at_risk", "phase": "finished", "what_happened": "Late."},
        )
    )
    assert "There is a problem" in page
    project.refresh_from_db()
    assert project.phase == "alpha" and not project.updates.exists()


def test_an_update_needs_what_happened(client, people, project):
    client.force_login(people["owner"])
    page = page_text(
        client.post(f"/projects/{project.pk}/update/", {"status": "on_track", "what_happened": ""})
    )
    assert "Say what has happened" in page


def test_private_projects_never_appear_in_feeds(client, people):
    private = make_project(people["owner"], visibility="private")
    services.project_report(
        project=private,
        user=people["owner"],
        status="on_track",
        status_reason="",
        what_happened="Secret progress.",
        whats_next="",
        language="en",
    )
    assert client.get(f"/projects/{private.pk}/feed/").status_code == 404
    assert "Secret progress." not in client.get("/organisations/W06000015/feed/").content.decode()


def test_follow_and_unfollow_a_project_an_organisation_and_a_team(client, people, project):
    client.force_login(people["other_org"])
    for path in (f"/follow/project/{project.pk}/", "/follow/organisation/W06000015/", "/follow/team/cdps/"):
        client.post(path)
    assert Follow.objects.filter(user=people["other_org"]).count() == 3
    assert "Booking a visit to a recycling centre" in page_text(client.get("/following/"))
    client.post(f"/follow/project/{project.pk}/")
    assert Follow.objects.filter(user=people["other_org"]).count() == 2


@pytest.mark.django_db(transaction=True)
def test_ask_to_join_then_the_owner_accepts_and_both_are_told(client, people, project):
    client.force_login(people["other_org"])
    client.post(
        f"/projects/{project.pk}/work-together/",
        {"kind": "partner", "organisation": "W06000011", "message": "We built the same last year."},
    )
    ask = CollaborationRequest.objects.get()
    assert [m.to for m in mail.outbox] == [[people["owner"].email]]
    client.force_login(people["owner"])
    assert "We built the same last year." in page_text(client.get(project.get_absolute_url()))
    client.post(
        f"/projects/{project.pk}/work-together/{ask.pk}/", {"decision": "accept", "reply": "Welcome!"}
    )
    assert project.partner_organisations.filter(code="W06000011").exists()
    assert mail.outbox[-1].to == [people["other_org"].email] and "Welcome!" in mail.outbox[-1].body
    swansea = page_text(client.get("/organisations/W06000011/"))
    assert "Projects it works on as a partner" in swansea and project.title_en in swansea
    assert project.title_en in page_text(client.get("/organisations/W06000015/"))


def test_an_ask_goes_to_the_owning_organisations_administrators_when_no_owner_is_left(
    client, people, project, django_capture_on_commit_callbacks
):
    people["owner"].is_active = False
    people["owner"].save()
    client.force_login(people["other_org"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/projects/{project.pk}/work-together/",
            {"kind": "partner", "organisation": "W06000011", "message": "Shall we share the code?"},
        )
    assert [m.to for m in mail.outbox] == [[people["org_admin"].email]]  # not the colleague: not an admin
    client.force_login(people["org_admin"])
    ask = CollaborationRequest.objects.get()
    client.post(f"/projects/{project.pk}/work-together/{ask.pk}/", {"decision": "accept", "reply": "Yes"})
    assert project.partner_organisations.filter(code="W06000011").exists()


def test_list_filters_search_sort_and_paginate(client, people):
    for n in range(25):
        make_project(people["owner"], title_en=f"Project number {n}", phase="beta" if n % 2 else "alpha")
    make_project(people["owner"], title_en="Chatbot dwyieithog", title_cy="Sgwrsfot dwyieithog", phase="live")
    page = page_text(client.get("/projects/"))
    assert "26 projects" in page and 'rel="next"' in page
    assert "13 projects" in page_text(client.get("/projects/", {"phase": "alpha"}))
    assert "1 project" in page_text(client.get("/projects/", {"q": "sgwrsfot"}))
    assert "Chatbot dwyieithog" in page_text(client.get("/projects/", {"q": "chatbot"}))
    assert "Choose a value from the list" in page_text(client.get("/projects/", {"phase": "finished"}))


def test_list_query_count_does_not_grow_with_projects(client, people, django_assert_max_num_queries):
    for n in range(30):
        make_project(people["owner"], title_en=f"Project {n}")
    client.force_login(people["partner"])
    with django_assert_max_num_queries(14):
        client.get("/projects/")


def test_stale_projects_are_marked_and_can_be_filtered(client, people, project):
    from django.utils import timezone

    Project.objects.filter(pk=project.pk).update(last_update_at=timezone.now() - timezone.timedelta(days=120))
    assert "Out of date" in page_text(client.get("/projects/"))
    assert "1 project" in page_text(client.get("/projects/", {"stale": "on"}))
    assert "may be out of date" in page_text(client.get(project.get_absolute_url()))


def test_the_team_page_shows_its_portfolio_by_phase_and_programme_item(client, people, project):
    from porth.directory.models import ProgrammeItem

    item = ProgrammeItem.objects.filter(programme__team__slug="wlga-digital-team").first()
    project.programme_items.add(item)
    page = page_text(client.get("/teams/wlga-digital-team/"))
    assert "By phase" in page and "By programme item" in page
    assert f"?programme_item={item.pk}" in page


def test_exports_stream_what_the_user_may_see(client, people, project):
    make_project(people["owner"], visibility="private", title_en="Hidden")
    response = client.get("/projects/export.csv")
    body = b"".join(response.streaming_content).decode()
    assert "Booking a visit to a recycling centre" in body and "Hidden" not in body
    assert "contacts" not in body.splitlines()[0], "the public get public fields only"
    client.force_login(people["owner"])
    data = b"".join(client.get("/projects/export.json").streaming_content).decode()
    import json

    rows = json.loads(data)
    assert {r["title_en"] for r in rows} == {"Booking a visit to a recycling centre", "Hidden"}
    assert "contacts" in rows[0]
    assert client.get("/projects/export.xml").status_code == 404


def test_a_request_accepted_at_the_front_door_becomes_a_project(client, people):
    from porth.frontdoor import services as frontdoor

    answers = frontdoor.Answers(
        organisation=Organisation.objects.get(code="W06000015"),
        others=[],
        title="Garden waste permits",
        description="Residents buy permits by phone.",
        health_or_social_care=False,
        welsh_government_service=False,
        help_wanted=["service_design"],
        phase="discovery",
        timescale="not_sure",
        contact_name="Owner",
        contact_email=people["owner"].email,
    )
    request = frontdoor.request_submit(user=people["owner"], answers=answers, language="en")
    client.force_login(people["team_member"])
    response = client.post(f"/requests/{request.reference}/make-project/")
    assert not Project.objects.exists(), "only an accepted request becomes a project"
    frontdoor.request_change_status(
        request=request, user=people["team_member"], team=request.lead_team, status="accepted"
    )
    response = client.post(f"/requests/{request.reference}/make-project/")
    project = Project.objects.get()
    assert response.url == project.get_absolute_url()
    assert project.help_request == request and project.title_en == "Garden waste permits"
    assert project.owners.get() == people["owner"] and project.lead_team == request.lead_team


def test_the_project_page_reads_the_same_number_of_queries_however_much_the_project_has(client, people):
    """Programme items, supporting teams, updates, reviews and followers: one of each, then three. Both
    projects exist before either page is counted, and a first visit lets the similar-projects index catch
    up with them, so that each page has the other as its similar project."""
    projects = [make_busy_project(people["owner"], n) for n in (1, 3)]
    client.force_login(people["owner"])
    client.get(projects[0].get_absolute_url())
    counts = []
    for project in projects:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(project.get_absolute_url()).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], [q["sql"] for q in queries]
    assert counts[1] <= 30, [q["sql"] for q in queries]


def test_an_answer_before_the_worker_runs_still_tells_the_owners_of_the_ask_and_the_asker_once(
    people, project, django_capture_on_commit_callbacks
):
    """The e-mails say what happened, not what the request looks like when the worker gets to them."""
    from porth.directory.models import Organisation
    from porth.portfolio import services

    with django_capture_on_commit_callbacks() as pending:
        ask = services.collaboration_ask(
            project=project,
            user=people["other_org"],
            organisation=Organisation.objects.get(code="W06000011"),
            kind="partner",
            message="Shall we?",
        )
        services.collaboration_decide(ask=ask, user=people["owner"], accept=True, reply="Yes")
    assert mail.outbox == []  # nothing sent yet: the worker has not run
    for callback in pending:
        callback()
    recipients = [m.to for m in mail.outbox]
    assert recipients.count([people["owner"].email]) == 1  # the owners hear of the ask
    assert recipients.count([people["other_org"].email]) == 1  # the asker hears of the answer, once


def test_feeds_carry_what_people_wrote_as_text_and_link_to_the_one_site_address(
    client, people, project, settings
):
    client.force_login(people["owner"])
    client.post(
        f"/projects/{project.pk}/update/",
        {"status": "on_track", "what_happened": "Moved <b>bold</b> & co's plan", "whats_next": "More."},
    )
    client.logout()
    feed = client.get(f"/cy/projects/{project.pk}/feed/", HTTP_HOST="localhost").content.decode()
    assert '<summary type="text">Moved &lt;b&gt;bold&lt;/b&gt; &amp; co\'s plan</summary>' in feed
    assert 'type="html"' not in feed
    links = re.findall(r'href="([^"]+)"', feed)
    assert links and all(link.startswith(settings.SITE_URL + "/cy/") for link in links), links


def test_history_says_what_changed_in_the_readers_language_with_named_teams(client, people, project):
    from porth.directory.models import LeadershipTeam
    from porth.portfolio import services

    services.project_update(
        project=project,
        user=people["owner"],
        fields={"status": "at_risk", "lead_team": LeadershipTeam.objects.get(slug="cdps")},
        related={},
        tags_text=None,
    )
    page = page_text(client.get(f"/cy/projects/{project.pk}/history/"))
    assert "Ar y trywydd iawn" in page and "Mewn perygl" in page
    assert "on_track" not in page and "at_risk" not in page
    assert str(LeadershipTeam.objects.get(slug="wlga-digital-team").name_cy) in page
    assert str(LeadershipTeam.objects.get(slug="cdps").name_cy) in page


def test_history_names_the_partners_before_and_after_and_leaves_out_saves_that_changed_nothing(
    client, people, project
):
    first, second = Organisation.objects.exclude(pk=project.owner_organisation_id).order_by("code")[:2]
    for partners in ([first], [first, second]):
        services.project_update(
            project=project,
            user=people["owner"],
            fields={},
            related={"partner_organisations": partners},
            tags_text=None,
        )
    project.save()  # a save that changes nothing the history shows
    # What a reader hears: the words without the tags (the "from" and "to" are for screen readers).
    page = " ".join(
        re.sub(r"<[^>]+>", " ", page_text(client.get(f"/cy/projects/{project.pk}/history/"))).split()
    )
    both = ", ".join(sorted([first.name_cy, second.name_cy], key=welsh_sort_key))
    assert f"Newidiwyd sefydliadau partner: o {first.name_cy} → i {both}" in page
    assert f"Newidiwyd sefydliadau partner: o – → i {first.name_cy}" in page
    cards = client.get(f"/cy/projects/{project.pk}/history/").content.decode().split('class="porth-card')[1:]
    assert cards and all("Newidiwyd" in card or "Wedi'i ychwanegu" in card for card in cards)


def test_history_reads_the_names_it_shows_once_per_kind_of_record_not_once_per_change(
    client, people, project
):
    organisations = list(Organisation.objects.exclude(pk=project.owner_organisation_id).order_by("code")[:6])
    url = f"/projects/{project.pk}/history/"

    def change_partners(times):
        for n in range(times):
            services.project_update(
                project=project,
                user=people["owner"],
                fields={"lead_team": LeadershipTeam.objects.order_by("pk")[n % 2]},
                related={"partner_organisations": organisations[: n + 1]},
                tags_text=None,
            )

    change_partners(2)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    change_partners(4)
    with CaptureQueriesContext(connection) as many:
        assert client.get(url).status_code == 200
    assert len(many.captured_queries) == len(few.captured_queries)


def test_history_of_a_project_with_no_recorded_changes_says_so(client, people, project):
    project.history.all().delete()
    response = client.get(f"/projects/{project.pk}/history/")
    assert response.status_code == 200
    assert "No changes have been recorded for this project yet." in page_text(response)


def test_a_project_one_can_no_longer_see_is_listed_without_its_title_and_can_be_unfollowed(client, people):
    from porth.portfolio.models import Follow

    secret = make_project(people["owner"], visibility="private", title_en="Secret restructure")
    colleague = people["colleague"]
    client.force_login(colleague)
    client.post(f"/follow/project/{secret.pk}/")
    assert "Secret restructure" in page_text(client.get("/following/"))
    # The colleague leaves Cardiff: the project is no longer theirs to see.
    colleague.organisation_memberships.all().delete()
    page = page_text(client.get("/cy/following/"))
    assert "Secret restructure" not in page
    follow = Follow.objects.get(user=colleague)
    client.post(f"/following/{follow.pk}/stop/")
    assert not Follow.objects.filter(user=colleague).exists()
    # Nobody can stop someone else's follow.
    client.force_login(people["owner"])
    client.post(f"/follow/project/{secret.pk}/")
    client.force_login(colleague)
    client.post(f"/following/{Follow.objects.get(user=people['owner']).pk}/stop/")
    assert Follow.objects.filter(user=people["owner"]).exists()
