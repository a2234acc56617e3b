"""The knowledge hub: the library, a whole self-review, a peer review, and who may do what."""

import datetime

import pytest
from django.core import mail

from porth.standards import services
from porth.standards.models import Action, Framework, Rating, Review, Standard
from porth.standards.permissions import review_access, reviews_visible_to
from porth.testing import make_busy_project, make_project, page_text, person

pytestmark = pytest.mark.django_db

DSS = "digital-service-standards-wales"


@pytest.fixture
def people(reference):
    return {
        "owner": person("owner@cardiff.example", "W06000015"),
        "colleague": person("colleague@cardiff.example", "W06000015"),
        "reviewer": person(
            "reviewer@wlga.example", "welsh-local-government-association", team="wlga-digital-team"
        ),
        "other_team": person(
            "reviewer@nhs.example", "digital-health-and-care-wales", team="nhs-wales-digital"
        ),
        "other_org": person("someone@swansea.example", "W06000011"),
    }


@pytest.fixture
def project(people):
    return make_project(people["owner"])


def answer_all(client, review, rating="met"):
    for standard in review.framework.standards.all():
        response = client.post(
            f"/reviews/{review.pk}/standards/{standard.number}/",
            {"rating": rating, "evidence": f"Evidence for {standard.number}."},
        )
        assert response.status_code == 302, page_text(response)[:500]


def test_library_lists_frameworks_and_searches_in_both_languages(client, reference):
    page = page_text(client.get("/standards/"))
    assert "Digital Service Standards for Wales" in page
    assert "Work in the open" in page_text(client.get("/standards/", {"q": "open"}))
    welsh = page_text(client.get("/cy/standards/", {"q": "Gymraeg"}))
    assert "Hyrwyddo'r Gymraeg" in welsh


def test_standard_page_shows_guidance_prompts_and_projects_that_reviewed(client, people, project):
    page = page_text(client.get(f"/standards/{DSS}/3/"))
    assert "Understand users and their needs" in page and "Discovery" in page
    review = services.review_start(
        project=project, framework=Framework.objects.get(slug=DSS), phase="alpha", user=people["owner"]
    )
    services.answer_save(
        review=review,
        standard=Standard.objects.get(framework__slug=DSS, number=3),
        user=people["owner"],
        rating="met",
        not_applicable_reason="",
        evidence="",
        evidence_links=[],
        actions=[],
    )
    assert project.title_en in page_text(client.get(f"/standards/{DSS}/3/"))


def test_a_whole_self_review_saves_as_it_goes_and_anyone_in_the_team_can_resume(client, people, project):
    client.force_login(people["owner"])
    response = client.post(
        f"/projects/{project.pk}/reviews/",
        {"framework": Framework.objects.get(slug=DSS).pk, "phase": "alpha"},
    )
    review = Review.objects.get()
    assert response.url == f"/reviews/{review.pk}/"
    client.post(
        f"/reviews/{review.pk}/standards/1/",
        {
            "rating": "partly",
            "evidence": "We map our work to the goals.",
            "link_1_title": "Research notes",
            "link_1_url": "https://example.gov.wales/notes",
            "action_1_what": "Write a well-being statement",
            "action_1_who": "Service owner",
            "action_1_due_0": "1",
            "action_1_due_1": "3",
            "action_1_due_2": "2027",
        },
    )
    assert "You have answered 1 of 12 standards." in page_text(client.get(review.get_absolute_url()))
    client.force_login(people["colleague"])
    answer_all(client, review)
    assert "You have answered 12 of 12 standards." in page_text(client.get(review.get_absolute_url()))
    assert Action.objects.count() == 0, "saving standard 1 again replaced its open action"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Choose a rating"),
        ({"rating": "not_applicable"}, "Say why the standard does not apply"),
        ({"rating": "met", "action_1_what": "Something"}, "An action needs what, who and by when"),
        ({"rating": "met", "link_1_url": "not a url"}, "Enter a web address"),
        ({"rating": "brilliant"}, "Choose from the list"),
    ],
)
def test_answers_explain_what_is_wrong(client, people, project, data, message):
    client.force_login(people["owner"])
    review = services.review_start(
        project=project, framework=Framework.objects.get(slug=DSS), phase="beta", user=people["owner"]
    )
    page = page_text(client.post(f"/reviews/{review.pk}/standards/2/", data))
    assert "There is a problem" in page and message in page


@pytest.mark.django_db(transaction=True)
def test_peer_review_by_the_lead_team_and_the_team_sees_the_outcome(client, people, project):
    client.force_login(people["owner"])
    review = services.review_start(
        project=project, framework=Framework.objects.get(slug=DSS), phase="alpha", user=people["owner"]
    )
    answer_all(client, review)
    client.post(f"/reviews/{review.pk}/send/")
    review.refresh_from_db()
    assert review.state == "submitted"
    assert [m.to for m in mail.outbox] == [[people["reviewer"].email]]
    client.force_login(people["reviewer"])
    assert "Comment on every standard first." in page_text(client.get(f"/reviews/{review.pk}/peer/finish/"))
    for standard in review.framework.standards.all():
        rating = "partly" if standard.number == 9 else "met"
        client.post(
            f"/reviews/{review.pk}/peer/{standard.number}/",
            {"reviewer_rating": rating, "reviewer_comment": f"Good work on {standard.number}."},
        )
    client.post(f"/reviews/{review.pk}/peer/finish/", {"summary": "A strong alpha."})
    review.refresh_from_db()
    assert review.state == "reviewed" and review.reviewer == people["reviewer"]
    assert mail.outbox[-1].to == [people["owner"].email]
    client.force_login(people["owner"])
    summary = page_text(client.get(f"/reviews/{review.pk}/summary/"))
    assert "A strong alpha." in summary and "Good work on 9." in summary and "The team said: Met" in summary


@pytest.mark.parametrize(
    ("who", "start", "see", "peer"),
    [
        ("owner", True, True, False),
        ("colleague", True, True, False),
        ("reviewer", False, True, True),
        ("other_team", False, False, False),
        ("other_org", False, False, False),
        (None, False, False, False),
    ],
)
def test_who_may_start_see_and_peer_review(client, people, project, who, start, see, peer):
    review = services.review_start(
        project=project, framework=Framework.objects.get(slug=DSS), phase="alpha", user=people["owner"]
    )
    for standard in review.framework.standards.all():
        services.answer_save(
            review=review,
            standard=standard,
            user=people["owner"],
            rating=Rating.MET,
            not_applicable_reason="",
            evidence="",
            evidence_links=[],
            actions=[],
        )
    services.review_submit(review=review, user=people["owner"])
    if who:
        client.force_login(people[who])
    response = client.post(
        f"/projects/{project.pk}/reviews/", {"framework": review.framework.pk, "phase": "beta"}
    )
    assert (Review.objects.count() == 2) is start
    assert (client.get(review.get_absolute_url()).status_code == 200) is see
    client.post(f"/reviews/{review.pk}/peer/1/", {"reviewer_rating": "met", "reviewer_comment": "Fine."})
    assert (review.answers.get(standard__number=1).reviewer_comment == "Fine.") is peer
    assert response.status_code in (200, 302, 403, 404)


def test_the_reviews_listed_for_someone_are_the_ones_they_may_open(people, project):
    from django.contrib.auth.models import AnonymousUser, Permission

    private = make_project(people["owner"], visibility="private", title_en="Private pilot")
    framework = Framework.objects.get(slug=DSS)
    reviews = [
        services.review_start(project=p, framework=framework, phase="alpha", user=people["owner"])
        for p in (project, private)
    ]
    partner = person("partner@vale.example", "W06000014")
    editor, everything = person("editor@porth.example"), person("everything@porth.example")
    editor.user_permissions.add(Permission.objects.get(codename="change_project"))
    everything.user_permissions.add(Permission.objects.get(codename="see_every_project"))
    expected = {
        "owner": reviews,
        "colleague": reviews,
        "reviewer": reviews,  # the lead team
        "other_team": [],
        "other_org": [],
        "partner": reviews,
        "editor": reviews[:1],  # may change any project, sees no private ones
        "everything": reviews,
        "anonymous": [],
    }
    users = {
        **people,
        "partner": partner,
        "editor": editor,
        "everything": everything,
        "anonymous": AnonymousUser(),
    }
    for who, seen in expected.items():
        listed = set(reviews_visible_to(users[who]))
        assert listed == {r for r in Review.objects.all() if review_access(users[who], r).view}, who
        assert listed == set(seen), who


def test_a_sent_review_cannot_be_changed_by_the_team(client, people, project):
    client.force_login(people["owner"])
    review = services.review_start(
        project=project, framework=Framework.objects.get(slug=DSS), phase="alpha", user=people["owner"]
    )
    answer_all(client, review)
    client.post(f"/reviews/{review.pk}/send/")
    assert client.post(f"/reviews/{review.pk}/standards/1/", {"rating": "not_met"}).status_code == 403


@pytest.mark.parametrize("who", ["owner", "reviewer"])
def test_a_link_to_a_standard_of_a_sent_review_shows_the_answer_read_only_with_the_reason(
    client, people, project, who
):
    client.force_login(people["owner"])
    review = services.review_start(
        project=project, framework=Framework.objects.get(slug=DSS), phase="alpha", user=people["owner"]
    )
    answer_all(client, review)
    client.post(f"/reviews/{review.pk}/send/")
    client.force_login(people[who])
    response = client.get(f"/reviews/{review.pk}/standards/1/")
    assert response.status_code == 200
    page = page_text(response)
    assert "Evidence for 1." in page and 'name="rating"' not in page
    assert "so its answers cannot be changed while the lead team reviews it" in page
    assert (f"/reviews/{review.pk}/peer/1/" in page) is (who == "reviewer")
    welsh = page_text(client.get(f"/cy/reviews/{review.pk}/standards/1/"))
    assert "adolygiad gan gymheiriaid" in welsh
    client.force_login(people["other_team"])
    assert client.get(f"/reviews/{review.pk}/standards/1/").status_code == 404


def test_overdue_actions_show_on_the_project_and_the_teams_view(client, people, project):
    review = services.review_start(
        project=project, framework=Framework.objects.get(slug=DSS), phase="alpha", user=people["owner"]
    )
    services.answer_save(
        review=review,
        standard=Standard.objects.get(framework__slug=DSS, number=5),
        user=people["owner"],
        rating="partly",
        not_applicable_reason="",
        evidence="",
        evidence_links=[],
        actions=[{"what": "Test with screen readers", "who": "Alys", "due_on": datetime.date(2020, 1, 1)}],
    )
    client.force_login(people["owner"])
    page = page_text(client.get(project.get_absolute_url()))
    assert "Test with screen readers" in page and "Overdue" in page
    client.force_login(people["reviewer"])
    assert "Test with screen readers" in page_text(client.get("/teams/wlga-digital-team/actions/"))
    client.force_login(people["owner"])
    action = Action.objects.get()
    client.post(f"/actions/{action.pk}/done/", {"next": project.get_absolute_url()})
    action.refresh_from_db()
    assert action.done_at is not None


def test_progress_reads_the_same_number_of_queries_however_many_reviews_and_answers(client, people):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    projects = [make_busy_project(people["owner"], n) for n in (1, 3)]
    client.force_login(people["owner"])
    counts = []
    for project in projects:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"/projects/{project.pk}/reviews/").status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], [q["sql"] for q in queries]


def test_history_shows_progress_phase_by_phase(client, people, project):
    dss = Framework.objects.get(slug=DSS)
    for phase, rating in (("alpha", "partly"), ("beta", "met")):
        review = services.review_start(project=project, framework=dss, phase=phase, user=people["owner"])
        services.answer_save(
            review=review,
            standard=dss.standards.get(number=3),
            user=people["owner"],
            rating=rating,
            not_applicable_reason="",
            evidence="",
            evidence_links=[],
            actions=[],
        )
    client.force_login(people["owner"])
    page = page_text(client.get(f"/projects/{project.pk}/reviews/"))
    assert "Progress over time" in page and "Partly met" in page and "Met" in page


def test_a_reworded_standard_in_a_new_version_keeps_old_reviews_readable(client, people, project):
    """A new version of the framework rewords standard 2; the old review still reads the old wording."""
    old = Framework.objects.get(slug=DSS)
    review = services.review_start(project=project, framework=old, phase="alpha", user=people["owner"])
    services.answer_save(
        review=review,
        standard=old.standards.get(number=2),
        user=people["owner"],
        rating="met",
        not_applicable_reason="",
        evidence="Bilingual from the start.",
        evidence_links=[],
        actions=[],
    )
    new = Framework.objects.create(
        slug=DSS,
        version="2025",
        name_en=old.name_en,
        name_cy=old.name_cy,
        published_on=datetime.date(2025, 1, 1),
    )
    for group in old.groups.all():
        new_group = new.groups.create(
            slug=group.slug, number=group.number, name_en=group.name_en, name_cy=group.name_cy
        )
        for standard in group.standards.all():
            title = "Design services in Welsh and English" if standard.number == 2 else standard.title_en
            new.standards.create(
                group=new_group, number=standard.number, title_en=title, title_cy=standard.title_cy
            )
    client.force_login(people["owner"])
    summary = page_text(client.get(f"/reviews/{review.pk}/summary/"))
    assert "Promote the Welsh language" in summary and "Design services in Welsh and English" not in summary
    assert "Design services in Welsh and English" in page_text(client.get(f"/standards/{DSS}/2/"))
    new_review = client.post(f"/projects/{project.pk}/reviews/", {"framework": new.pk, "phase": "beta"})
    assert Review.objects.get(pk=int(new_review.url.strip("/").split("/")[-1])).framework == new


def test_only_people_who_see_a_review_see_its_open_actions_on_the_project_page(client, people, project):
    review = services.review_start(
        project=project, framework=Framework.objects.get(slug=DSS), phase="alpha", user=people["owner"]
    )
    services.answer_save(
        review=review,
        standard=Standard.objects.get(framework__slug=DSS, number=3),
        user=people["owner"],
        rating="partly",
        not_applicable_reason="",
        evidence="",
        evidence_links=[],
        actions=[{"what": "Interview twelve residents", "who": "Alys", "due_on": datetime.date(2027, 1, 1)}],
    )
    for who, sees in [("owner", True), ("reviewer", True), ("other_org", False), ("other_team", False)]:
        client.force_login(people[who])
        assert ("Interview twelve residents" in page_text(client.get(project.get_absolute_url()))) is sees, (
            who
        )
    client.logout()
    assert "Interview twelve residents" not in page_text(client.get(project.get_absolute_url()))


def test_only_the_project_s_people_mark_an_action_done(client, people, project):
    review = services.review_start(
        project=project, framework=Framework.objects.get(slug=DSS), phase="alpha", user=people["owner"]
    )
    services.answer_save(
        review=review,
        standard=Standard.objects.get(framework__slug=DSS, number=3),
        user=people["owner"],
        rating="partly",
        not_applicable_reason="",
        evidence="",
        evidence_links=[],
        actions=[{"what": "Test the form", "who": "Alys", "due_on": datetime.date(2027, 1, 1)}],
    )
    action = Action.objects.get()
    client.force_login(people["reviewer"])  # sees the review, but is not one of the project's people
    assert client.post(f"/actions/{action.pk}/done/").status_code == 403
    client.force_login(people["colleague"])
    assert client.post(f"/actions/{action.pk}/done/").status_code == 302
    action.refresh_from_db()
    assert action.done_at is not None


def test_a_peer_review_completes_only_with_a_comment_on_every_standard_whoever_calls(client, people, project):
    """The rule lives in the service, so the page, the admin or any later API all keep it."""
    client.force_login(people["owner"])
    review = services.review_start(
        project=project, framework=Framework.objects.get(slug=DSS), phase="alpha", user=people["owner"]
    )
    answer_all(client, review)
    client.post(f"/reviews/{review.pk}/send/")
    first = review.answers.select_related("standard").first()
    services.peer_answer_save(
        answer=first, user=people["reviewer"], reviewer_rating="met", reviewer_comment="Ok."
    )
    with pytest.raises(services.StandardsWithoutComment) as raised:
        services.review_complete(review=review, user=people["reviewer"], summary="Done")
    assert len(raised.value.answers) == review.answers.count() - 1
    client.force_login(people["reviewer"])
    response = client.post(f"/cy/reviews/{review.pk}/peer/finish/", {"summary": "Wedi gorffen"})
    assert response.status_code == 200
    review.refresh_from_db()
    assert review.state == "submitted"
