"""Good practice in the knowledge hub: the shipped case studies, the pages, who may write them, the search,
the project page, the review prompts, the API and the insight sources."""

import html
import json

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext

from porth.accounts.models import User
from porth.directory.models import Organisation
from porth.directory.reference import ReferenceDataError
from porth.site.reference import reference_load_all
from porth.standards import insight, services
from porth.standards.models import CaseStudy, Framework, Standard
from porth.standards.permissions import case_studies_visible_to
from porth.standards.reference import DATA_FILES
from porth.testing import PASSWORD, make_project, page_text

pytestmark = pytest.mark.django_db

DSS = "digital-service-standards-wales"
SHIPPED = "sport-wales-community-grants"


def standard(number):
    return Standard.objects.get(framework__slug=DSS, number=number)


@pytest.fixture
def staff(reference):
    """Site staff, in no organisation or team, given the admin's permission to change case studies."""
    user = User.objects.create_user("staff@porth.example", PASSWORD, full_name="Staff Member", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="change_casestudy"))
    return user


@pytest.fixture
def roles(people, staff):
    return {
        "anonymous": None,
        "no_org": people["no_org"],
        "org_member": people["owner"],
        "team_member": people["team_member"],
        "staff": staff,
    }


def sign_in(client, user):
    client.logout()
    if user is not None:
        client.force_login(user)


def make_case_study(user, *, published=True, **fields):
    values = {
        "kind": "case_study",
        "title_en": "Booking recycling visits online",
        "title_cy": "Trefnu ymweliadau ailgylchu ar-lein",
        "summary_en": "Residents book a slot instead of queueing.",
        "summary_cy": "Mae trigolion yn trefnu slot yn lle ciwio.",
        "body_en": "What happened, and what others can learn from it.",
        "body_cy": "Beth ddigwyddodd, a beth y gall eraill ei ddysgu.",
        "contact_name": "Alys Morgan",
        "contact_email": "alys@cardiff.example",
        "is_published": published,
        **fields,
    }
    related = {"standards": [standard(3)], "organisations": [Organisation.objects.get(code="W06000015")]}
    return services.case_study_create(user=user, fields=values, related=related)


FORM = {
    "kind": "pattern",
    "title_en": "Show and tell every fortnight",
    "title_cy": "Dangos a dweud bob pythefnos",
    "summary_en": "Teams show their work to anyone who is interested.",
    "summary_cy": "Mae timau'n dangos eu gwaith i unrhyw un sydd â diddordeb.",
    "body_en": "Every other Thursday the team shows what it made.",
    "body_cy": "Bob yn ail ddydd Iau mae'r tîm yn dangos yr hyn a wnaeth.",
    "tags": "working in the open, Show and tell, working in the open",
    "contact_name": "Siân",
    "contact_email": "sian@wlga.example",
    "is_published": "on",
}


# ------------------------------------------------------------------------------------------- reference data


def test_the_shipped_case_studies_are_published_real_and_linked(reference):
    shipped = CaseStudy.objects.all()
    assert 8 <= shipped.count() <= 12
    for case_study in shipped:
        assert case_study.is_published and case_study.published_on
        assert case_study.sources and all(url.startswith("https://") for url in case_study.sources)
        assert all(
            getattr(case_study, f"{stem}_{lang}")
            for stem in ("title", "summary", "body")
            for lang in ["en", "cy"]
        )
        assert case_study.standards.exists() and case_study.organisations.exists()
    sport = CaseStudy.objects.get(slug=SHIPPED)
    assert sorted(s.number for s in sport.standards.all()) == [3, 5, 8]
    assert {o.code for o in sport.organisations.all()} == {
        "sport-wales",
        "centre-for-digital-public-services",
    }
    assert [f"{i.programme.team.slug}:{i.number}" for i in sport.programme_items.all()] == ["cdps:1"]


def test_loading_the_reference_again_changes_nothing_and_a_change_is_put_back_and_reported(reference):
    again = reference_load_all()
    assert not [label for label in again.added + again.changed if label.startswith("case study")]
    sport = CaseStudy.objects.get(slug=SHIPPED)
    sport.title_en = "Changed by hand"
    sport.save()
    sport.standards.set([standard(1)])
    report = reference_load_all()
    changed = [label for label in report.changed if label.startswith(f"case study {SHIPPED}")]
    assert len(changed) == 1 and "title_en" in changed[0] and "standards changed" in changed[0]
    sport.refresh_from_db()
    assert sport.title_en.startswith("Making Sport Wales")
    assert sorted(s.number for s in sport.standards.all()) == [3, 5, 8]


def test_a_case_study_naming_an_unknown_standard_stops_the_load_with_its_line(reference, tmp_path):
    bad = tmp_path / "case_studies.yaml"
    source = DATA_FILES["case_studies"].read_text(encoding="utf-8")
    bad.write_text(source.replace("standards: [3, 5, 8]", "standards: [3, 5, 99]"), encoding="utf-8")
    with pytest.raises(ReferenceDataError) as raised:
        reference_load_all(files={"case_studies": bad})
    assert "standard 99" in str(raised.value) and raised.value.line
    assert sorted(s.number for s in CaseStudy.objects.get(slug=SHIPPED).standards.all()) == [3, 5, 8]


# ------------------------------------------------------------------------------------------ who may write


@pytest.mark.parametrize(
    ("role", "status"),
    [("anonymous", 302), ("no_org", 403), ("org_member", 403), ("team_member", 200), ("staff", 200)],
)
def test_only_leadership_team_members_and_site_staff_may_add_good_practice(client, roles, role, status):
    sign_in(client, roles[role])
    assert client.get("/good-practice/add/").status_code == status
    response = client.post("/good-practice/add/", FORM)
    assert response.status_code == (302 if status == 200 else status)
    assert CaseStudy.objects.filter(title_en=FORM["title_en"]).exists() == (status == 200)
    page = page_text(client.get("/good-practice/"))
    assert ("Add good practice" in page) == (status == 200)


@pytest.mark.parametrize(
    ("role", "may_change"),
    [("anonymous", False), ("no_org", False), ("org_member", False), ("team_member", True), ("staff", True)],
)
def test_only_publishers_may_change_good_practice(client, roles, role, may_change):
    case_study = make_case_study(roles["team_member"])
    sign_in(client, roles[role])
    changed = {**FORM, "title_en": "A better title"}
    response = client.post(f"/good-practice/{case_study.slug}/edit/", changed)
    case_study.refresh_from_db()
    assert (case_study.title_en == "A better title") == may_change
    if may_change:
        assert response.url == case_study.get_absolute_url()
    else:
        assert response.status_code in (302, 403) and (role != "anonymous" or "/sign-in" in response.url)
    assert ("Change the good practice" in page_text(client.get(case_study.get_absolute_url()))) == may_change


def test_adding_good_practice_publishes_it_with_a_date_tags_and_an_address(client, people):
    client.force_login(people["team_member"])
    response = client.post(
        "/good-practice/add/", {**FORM, "standards": [standard(9).pk], "source_url": "www.wlga.wales/blog"}
    )
    case_study = CaseStudy.objects.get(title_en=FORM["title_en"])
    assert response.url == "/good-practice/show-and-tell-every-fortnight/"
    assert case_study.is_published and case_study.published_on is not None
    assert case_study.tags == ["working in the open", "Show and tell"]
    assert case_study.sources == ["https://www.wlga.wales/blog"]
    assert case_study.created_by == people["team_member"] == case_study.updated_by
    assert list(case_study.standards.all()) == [standard(9)]
    # The same title again gets its own address; "add" is never one.
    client.post("/good-practice/add/", FORM)
    assert CaseStudy.objects.filter(slug="show-and-tell-every-fortnight-2").exists()
    client.post("/good-practice/add/", {**FORM, "title_en": "Add", "title_cy": ""})
    assert (
        CaseStudy.objects.filter(slug="add-2").exists() and not CaseStudy.objects.filter(slug="add").exists()
    )


def test_a_draft_is_seen_only_by_the_people_who_may_publish(client, roles):
    draft = make_case_study(roles["team_member"], published=False, title_en="Secret draft")
    assert draft.published_on is None
    for role, sees in [("anonymous", False), ("org_member", False), ("team_member", True), ("staff", True)]:
        sign_in(client, roles[role])
        assert client.get(draft.get_absolute_url()).status_code == (200 if sees else 404), role
        assert ("Secret draft" in page_text(client.get("/good-practice/"))) == sees, role
        assert client.get(f"{draft.get_absolute_url()}edit/").status_code in ((200,) if sees else (302, 404))


def test_an_unpublished_case_study_is_for_the_permission_not_for_being_staff(client, roles, reference):
    draft = make_case_study(roles["team_member"], published=False, title_en="Secret draft")
    bare_staff = User.objects.create_user(
        "admin-only@porth.example", PASSWORD, full_name="Bare", is_staff=True
    )
    editor = User.objects.create_user("editor@porth.example", PASSWORD, full_name="Editor")
    editor.user_permissions.add(Permission.objects.get(codename="change_casestudy"))
    for user, sees in [(bare_staff, False), (editor, True)]:
        sign_in(client, user)
        assert client.get(draft.get_absolute_url()).status_code == (200 if sees else 404), user
        assert ("Secret draft" in page_text(client.get("/good-practice/"))) == sees, user
        assert (draft in case_studies_visible_to(user)) == sees, user


def test_editing_keeps_the_address_and_the_projects_the_editor_cannot_see(client, people, staff):
    hidden = make_project(people["owner"], visibility="private", title_en="Private pilot")
    case_study = make_case_study(people["owner"])
    case_study.projects.set([hidden])
    client.force_login(staff)  # staff without the permission to see every project
    form = client.get(f"/good-practice/{case_study.slug}/edit/").context["form"]
    assert form.initial["projects"] == ""
    client.post(f"/good-practice/{case_study.slug}/edit/", {**FORM, "title_en": "Renamed"})
    case_study.refresh_from_db()
    assert case_study.slug == "booking-recycling-visits-online"
    assert list(case_study.projects.all()) == [hidden]


# -------------------------------------------------------------------------------------------- validation


def test_validation_names_each_problem_and_keeps_what_was_typed(client, people):
    client.force_login(people["team_member"])
    typed = {
        "kind": "case_study",
        "title_en": "",
        "title_cy": "",
        "summary_en": "",
        "body_en": "A long story that must not be lost.",
        "contact_email": "not-an-address",
        "projects": "12, forty",
    }
    response = client.post("/good-practice/add/", typed)
    page = page_text(response)
    assert response.status_code == 200
    assert "There is a problem" in page
    assert "Enter project numbers separated by commas, like 12, 40" in page
    assert "Enter an e-mail address in the right format, like name@example.gov.wales" in page
    assert "A long story that must not be lost." in page
    assert not CaseStudy.objects.filter(body_en__startswith="A long story").exists()
    response = client.post("/good-practice/add/", {**typed, "contact_email": "", "projects": ""})
    page = page_text(response)
    assert "Enter a title in English or in Welsh" in page
    assert "Enter a summary in English or in Welsh" in page
    assert "A long story that must not be lost." in page


def test_the_rules_are_the_model_s_whoever_writes(people):
    """The page, the admin and the reference loader all keep CaseStudy.clean()."""
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as raised:
        make_case_study(people["team_member"], body_en="", body_cy="", contact_name="")
    assert set(raised.value.message_dict) == {"body_en", "contact_name"}


def test_validation_messages_are_in_the_reader_s_language(client, people):
    client.force_login(people["team_member"])
    page = page_text(client.post("/cy/good-practice/add/", {"kind": "case_study", "body_en": "Stori"}))
    assert "Rhowch deitl yn Saesneg neu yn Gymraeg" in page
    assert "Enter a title in English or in Welsh" not in page


def test_a_project_is_linked_only_if_the_writer_may_see_it(client, people, staff):
    private = make_project(people["owner"], visibility="private", title_en="Private pilot")
    public = make_project(people["owner"], title_en="Public pilot")
    client.force_login(staff)  # staff without the permission to see every project
    response = client.post("/good-practice/add/", {**FORM, "projects": f"{public.pk}, {private.pk}"})
    assert f"There is no project numbered {private.pk} that you can see" in page_text(response)
    response = client.post("/good-practice/add/", {**FORM, "projects": str(public.pk)})
    assert list(CaseStudy.objects.get(title_en=FORM["title_en"]).projects.all()) == [public]


# ----------------------------------------------------------------------------------------- list and detail


def test_the_list_filters_by_kind_standard_and_organisation(client, reference):
    def slugs(**query):
        return {c.slug for c in client.get("/good-practice/", query).context["page_obj"]}

    everything = slugs()
    assert SHIPPED in everything and "communities-of-practice" in everything
    patterns = slugs(kind="pattern")
    assert "communities-of-practice" in patterns and SHIPPED not in patterns
    assert patterns == {c.slug for c in CaseStudy.objects.filter(kind="pattern")}
    assert slugs(standard=standard(12).pk) == {"choosing-council-services-to-improve-first"}
    assert slugs(organisation="W06000019") == {"adult-social-care-discovery-three-councils"}
    assert slugs(kind="case_study", organisation="digital-health-and-care-wales") == {
        "welsh-nursing-care-record",
        "nhs-wales-app",
    }
    response = client.get("/good-practice/", {"organisation": "W06000015"})  # Cardiff has none to show
    assert response.status_code == 400 and "Choose one of the options in the list" in page_text(response)


def test_the_list_pages_and_says_when_there_is_nothing(client, people):
    CaseStudy.objects.all().delete()
    assert "No good practice has been published yet." in page_text(client.get("/good-practice/"))
    for n in range(23):
        make_case_study(people["team_member"], title_en=f"Story {n:02}")
    first, second = client.get("/good-practice/"), client.get("/good-practice/", {"page": 2})
    assert len(first.context["page_obj"]) == 20 and len(second.context["page_obj"]) == 3
    assert "23 case studies and patterns" in page_text(first)
    assert "No good practice matches these filters" in page_text(
        client.get("/good-practice/", {"kind": "pattern"})
    )


def test_the_list_query_count_does_not_grow_with_case_studies(
    client, reference, django_assert_max_num_queries
):
    with django_assert_max_num_queries(8):
        client.get("/good-practice/")


def test_the_detail_page_shows_the_story_links_and_contact_to_public_servants(client, people):
    private = make_project(people["owner"], visibility="private", title_en="Private pilot")
    public = make_project(people["owner"], title_en="Public pilot")
    case_study = make_case_study(
        people["team_member"], body_en="First paragraph.\n\n<b>Second</b> paragraph."
    )
    case_study.projects.set([private, public])
    raw = client.get(case_study.get_absolute_url()).content.decode()
    assert "<b>Second</b>" not in raw and "<p>&lt;b&gt;Second&lt;/b&gt; paragraph.</p>" in raw
    page = html.unescape(raw)
    assert "Public pilot" in page and "Private pilot" not in page
    assert "Cardiff" in page and "3. Understand users and their needs" in page
    assert "alys@cardiff.example" not in page and "Sign in from a Welsh public body" in page
    client.force_login(people["owner"])
    page = page_text(client.get(case_study.get_absolute_url()))
    assert "Private pilot" in page and "alys@cardiff.example" in page


def test_a_welsh_page_is_in_welsh(client, reference):
    page = page_text(client.get(f"/cy/good-practice/{SHIPPED}/"))
    assert "Ei gwneud yn haws gwneud cais am grantiau cymunedol Chwaraeon Cymru" in page
    assert "Arfer da" in page and "Good practice" not in page
    assert "Deall defnyddwyr a'u hanghenion" in page
    listing = page_text(client.get("/cy/good-practice/"))
    assert "Cofnodion nyrsio'n mynd yn ddigidol wrth erchwyn y gwely" in listing


def test_a_case_study_written_only_in_english_says_so_in_welsh(client, people):
    case_study = make_case_study(people["team_member"], title_cy="", summary_cy="", body_cy="")
    raw = client.get(f"/cy{case_study.get_absolute_url()}").content.decode()
    assert '<h1 class="govuk-heading-xl"><span lang="en">Booking recycling visits online</span></h1>' in raw
    assert "Nid yw'r arfer da hwn wedi'i ysgrifennu'n llawn yn Gymraeg eto." in html.unescape(raw)


# ------------------------------------------------------------------------------- search, projects, reviews


def test_the_library_search_finds_case_studies_as_well_as_standards(client, people):
    make_case_study(people["team_member"], published=False, title_en="Nursing draft", title_cy="")
    page = page_text(client.get("/standards/", {"q": "nursing"}))
    assert "Nursing records go digital at the bedside" in page
    assert "Nursing draft" not in page
    assert "1 case study or pattern matches" in page
    welsh = page_text(client.get("/cy/standards/", {"q": "nyrsio"}))
    assert "Cofnodion nyrsio'n mynd yn ddigidol wrth erchwyn y gwely" in welsh
    client.force_login(people["team_member"])
    assert "Nursing draft" in page_text(client.get("/standards/", {"q": "nursing"}))


def test_the_project_page_lists_its_published_good_practice_in_one_query(client, people):
    project = make_project(people["owner"])
    published = make_case_study(people["team_member"], title_en="Published from the project")
    draft = make_case_study(people["team_member"], published=False, title_en="Draft from the project")
    published.projects.add(project)
    draft.projects.add(project)
    with CaptureQueriesContext(connection) as queries:
        page = page_text(client.get(project.get_absolute_url()))
    assert "Good practice from this project" in page and "Published from the project" in page
    assert "Draft from the project" not in page
    assert len([q for q in queries if "standards_casestudy" in q["sql"]]) == 1
    other = make_project(people["owner"], title_en="Another project")
    assert "Good practice from this project" not in page_text(client.get(other.get_absolute_url()))


def test_answering_a_standard_points_to_good_practice_for_it(client, people):
    project = make_project(people["owner"])
    make_case_study(people["team_member"], published=False, title_en="Unpublished users story")
    client.force_login(people["owner"])
    review = services.review_start(
        project=project, framework=Framework.objects.get(slug=DSS), phase="alpha", user=people["owner"]
    )
    page = page_text(client.get(f"/reviews/{review.pk}/standards/3/"))
    assert "How others have met this standard" in page
    assert "Making Sport Wales community grants easier to apply for" in page  # it illustrates standard 3
    assert "Unpublished users story" not in page
    assert "Choosing which council services to improve first" not in page  # standards 4 and 12
    standard_page = page_text(client.get(f"/standards/{DSS}/12/"))
    assert "Choosing which council services to improve first" in standard_page


# --------------------------------------------------------------------------------------------------- API


def test_the_api_lists_published_good_practice_with_filters(client, people):
    draft = make_case_study(people["team_member"], published=False)
    body = client.get("/api/v1/case-studies").json()
    slugs = {row["slug"] for row in body["items"]}
    assert body["count"] == CaseStudy.objects.published().count() and draft.slug not in slugs
    sport = next(row for row in body["items"] if row["slug"] == SHIPPED)
    assert sport["standards"] == [f"{DSS}:3", f"{DSS}:5", f"{DSS}:8"]
    assert set(sport["organisations"]) == {"sport-wales", "centre-for-digital-public-services"}
    assert sport["title_cy"].startswith("Ei gwneud") and sport["url"].endswith(f"/good-practice/{SHIPPED}/")
    patterns = client.get("/api/v1/case-studies?kind=pattern").json()["items"]
    assert patterns and all(row["kind"] == "pattern" for row in patterns)
    by_standard = client.get(f"/api/v1/case-studies?standard={DSS}:12").json()["items"]
    assert [row["slug"] for row in by_standard] == ["choosing-council-services-to-improve-first"]
    unknown = client.get(f"/api/v1/case-studies?standard={DSS}:99")
    assert unknown.status_code == 422 and unknown.json()["detail"][0]["loc"] == ["query", "standard"]
    wrong = client.get("/api/v1/case-studies?kind=novel", headers={"accept-language": "cy"})
    assert wrong.status_code == 422 and wrong.json()["detail"][0]["loc"] == ["query", "kind"]
    assert client.get(f"/api/v1/case-studies/{draft.slug}").status_code == 404
    assert client.get(f"/api/v1/case-studies/{SHIPPED}").json()["slug"] == SHIPPED


def test_the_api_gives_contacts_and_private_projects_only_to_those_who_may_see_them(client, people):
    private = make_project(people["owner"], visibility="private")
    case_study = make_case_study(people["team_member"])
    case_study.projects.set([private])
    row = client.get(f"/api/v1/case-studies/{case_study.slug}").json()
    assert row["contact_email"] is None and row["projects"] == []
    client.force_login(people["owner"])
    row = client.get(f"/api/v1/case-studies/{case_study.slug}").json()
    assert row["contact_email"] == "alys@cardiff.example" and row["projects"] == [private.pk]


def test_the_openapi_document_has_the_good_practice_endpoints(client, reference):
    paths = json.loads(client.get("/api/v1/openapi.json").content)["paths"]
    assert "/api/v1/case-studies" in paths and "/api/v1/case-studies/{slug}" in paths


# ----------------------------------------------------------------------------------------------- insight


def test_insight_sees_what_the_reader_may_see_and_opens_only_published_data(people):
    draft = make_case_study(people["team_member"], published=False)
    anonymous = type("Anonymous", (), {"is_authenticated": False, "is_active": False, "is_staff": False})()
    assert draft not in insight.case_studies(user=anonymous)
    assert draft in insight.case_studies(user=people["team_member"])
    rows = insight.case_studies_open_data()
    assert len(rows) == CaseStudy.objects.published().count()
    assert all("contact_email" not in row and "contact_name" not in row for row in rows)
    sport = next(row for row in rows if row["slug"] == SHIPPED)
    assert sport["published_on"] == "2022-08-01" and sport["standards"] == [
        f"{DSS}:3",
        f"{DSS}:5",
        f"{DSS}:8",
    ]
    assert (records := insight.case_studies(user=anonymous)) and all(
        hasattr(r, "title_cy") and r.get_absolute_url().startswith("/good-practice/") for r in records
    )


def test_site_administrators_manage_good_practice_in_the_admin_under_the_same_rules(client, reference):
    admin = User.objects.create_superuser("admin@porth.example", PASSWORD, full_name="Admin")
    client.force_login(admin)
    assert client.get("/admin/standards/casestudy/").status_code == 200
    response = client.post(
        "/admin/standards/casestudy/add/",
        {
            "slug": "admin-story",
            "kind": "pattern",
            "title_en": "",
            "title_cy": "",
            "tags": "[]",
            "sources": "[]",
        },
    )
    assert response.status_code == 200 and "Enter a title in English or in Welsh" in page_text(response)
    assert not CaseStudy.objects.filter(slug="admin-story").exists()


def test_a_tag_too_long_to_keep_is_refused_whole_not_cut(client, roles):
    sign_in(client, roles["staff"])
    tag = "a tag that goes on and on about the many things the work touched, far too long"
    page = page_text(client.post("/cy/good-practice/add/", {**FORM, "tags": f"booking, {tag}"}))
    assert "Byrhewch" in page and tag in page
    assert not CaseStudy.objects.filter(title_en=FORM["title_en"]).exists()
