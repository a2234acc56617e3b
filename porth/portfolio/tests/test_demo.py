import pytest
from django.db import transaction
from django.db.models import Count, Max, Q
from django.test import override_settings

from porth.accounts.demo import demo_users_load
from porth.accounts.models import OrganisationMembership
from porth.core.phases import Phase
from porth.directory.models import OrganisationKind, Service
from porth.portfolio.demo import Content, demo_projects_clear, demo_projects_load, projects_load_scale
from porth.portfolio.models import CollaborationRequest, Project, ProjectUpdate
from porth.routing.services import project_teams
from porth.site.reference import reference_load_all

pytestmark = [pytest.mark.django_db, pytest.mark.demo]


@pytest.fixture(scope="module")
def demo_loaded(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo portfolio, loaded once for the module (it takes half a minute or more) inside a transaction
    rolled back at the end. Each test runs in a savepoint inside it, rolled back after the test, so no test
    sees another's changes."""
    # The demo people's details are kept under VAR_DIR, which the loads read again: one folder for the module.
    with (
        django_db_blocker.unblock(),
        override_settings(VAR_DIR=tmp_path_factory.mktemp("demo")),
        transaction.atomic(),
    ):
        reference_load_all()
        demo_users_load()
        yield demo_projects_load()
        transaction.set_rollback(True)


@pytest.fixture
def demo_portfolio(demo_loaded, db):
    return demo_loaded


@pytest.fixture
def demo_users(demo_loaded, db):
    """The demo people and the reference facts, without the demo projects."""
    demo_projects_clear()


def test_demo_load_makes_about_300_demo_projects_each_with_an_owner(demo_portfolio):
    assert 280 <= demo_portfolio <= 320
    assert Project.objects.count() == demo_portfolio
    assert not Project.objects.filter(is_demo=False).exists()
    assert not Project.objects.annotate(n=Count("owners")).filter(n=0).exists()


def test_demo_projects_are_mostly_bilingual_with_some_in_one_language_only(demo_portfolio):
    english_only = Project.objects.filter(title_cy="").count()
    welsh_only = Project.objects.filter(title_en="").count()
    assert english_only and welsh_only
    assert 0.08 <= (english_only + welsh_only) / demo_portfolio <= 0.25
    assert Project.objects.filter(title_cy="Archebu slot mewn canolfan ailgylchu").exists()


def test_the_same_work_appears_at_several_councils(demo_portfolio):
    recycling = Project.objects.filter(summary_en__contains="household recycling centre")
    recycling |= Project.objects.filter(summary_cy__contains="canolfan ailgylchu gwastraff cartref")
    assert recycling.values("owner_organisation").distinct().count() >= 5


def test_about_one_in_seven_live_demo_projects_is_stale(demo_portfolio):
    not_retired = Project.objects.exclude(phase=Phase.RETIRED).count()
    assert 0.07 <= Project.objects.stale().count() / not_retired <= 0.25


def test_demo_projects_use_every_phase(demo_portfolio):
    assert set(Project.objects.values_list("phase", flat=True)) == set(Phase.values)


def test_last_update_is_the_latest_update_and_the_project_was_added_before_it(demo_portfolio):
    assert ProjectUpdate.objects.count() > demo_portfolio
    projects = Project.objects.annotate(latest=Max("updates__created_at")).filter(latest__isnull=False)
    for project in projects:
        assert project.last_update_at == project.latest
        assert project.created_at < project.updates.earliest("created_at").created_at


def test_council_work_is_led_by_the_wlga_team_and_health_board_work_by_nhs_wales_or_they_support(
    demo_portfolio,
):
    # Work shared across sectors may be led by another team (whatever the routing rules say), but the
    # owner's own team still supports it.
    for kind, slug in [
        (OrganisationKind.LOCAL_AUTHORITY, "wlga-digital-team"),
        (OrganisationKind.HEALTH_BOARD, "nhs-wales-digital"),
    ]:
        projects = Project.objects.filter(owner_organisation__kind=kind).select_related(
            "owner_organisation", "lead_team"
        )
        own_sector = [
            p
            for p in projects.prefetch_related("partner_organisations")
            if all(o.sector == p.owner_organisation.sector for o in p.partner_organisations.all())
        ]
        assert len(own_sector) > 40
        assert {p.lead_team.slug for p in own_sector} == {slug}
        involved = projects.filter(Q(lead_team__slug=slug) | Q(supporting_teams__slug=slug)).distinct()
        assert involved.count() == projects.count()


def test_demo_projects_lead_and_supporting_teams_are_what_the_routing_rules_say(demo_portfolio):
    # A partner who joined through an accepted request came after the project was routed.
    joined = CollaborationRequest.objects.filter(
        state=CollaborationRequest.State.ACCEPTED, kind=CollaborationRequest.Kind.PARTNER
    ).values("project")
    projects = Project.objects.exclude(pk__in=joined).select_related("owner_organisation", "lead_team")
    assert projects.count() > 280
    for project in projects.prefetch_related("partner_organisations", "supporting_teams"):
        lead, support = project_teams(
            owner=project.owner_organisation, partners=list(project.partner_organisations.all())
        )
        assert project.lead_team.slug == lead
        assert {t.slug for t in project.supporting_teams.all()} == set(support)


def test_demo_projects_are_added_and_reported_by_their_owners_through_the_services(demo_portfolio):
    added = Project.history.filter(history_type="+")
    assert added.count() == demo_portfolio
    for record in added.select_related("history_user"):
        assert record.history_user in record.instance.owners.all()
    assert not ProjectUpdate.objects.filter(author__isnull=True).exists()


def test_demo_projects_have_partners_tags_goals_and_requests(demo_portfolio):
    assert Project.objects.filter(partner_organisations__isnull=False).distinct().count() > 50
    assert not Project.objects.annotate(n=Count("tags")).filter(n=0).exists()
    assert not Project.objects.annotate(n=Count("wellbeing_goals")).filter(n=0).exists()
    states = set(CollaborationRequest.objects.values_list("state", flat=True))
    assert states == set(CollaborationRequest.State.values)


def test_demo_requests_are_asked_after_the_project_was_added_and_answered_after_they_were_asked(
    demo_portfolio,
):
    asks = CollaborationRequest.objects.select_related("project")
    assert asks.count() >= 10
    for ask in asks:
        assert ask.project.created_at <= ask.created_at
        assert ask.decided_at is None or ask.created_at <= ask.decided_at


def test_only_council_projects_name_council_services(demo_portfolio):
    with_services = Project.objects.filter(services__isnull=False).distinct()
    assert with_services.exists()
    assert set(with_services.values_list("owner_organisation__kind", flat=True)) == {
        OrganisationKind.LOCAL_AUTHORITY
    }


def test_demo_load_works_without_the_council_service_list(demo_users):
    Service.objects.all().delete()
    assert demo_projects_load() > 280
    assert not Project.objects.filter(services__isnull=False).exists()


def test_loading_the_demo_projects_again_makes_nothing(demo_portfolio):
    assert demo_projects_load() == 0
    assert Project.objects.count() == demo_portfolio


def test_clearing_the_demo_projects_removes_them_with_their_updates_and_history(demo_portfolio):
    assert demo_projects_clear() == demo_portfolio
    assert not Project.objects.exists()
    assert not ProjectUpdate.objects.exists()
    assert not CollaborationRequest.objects.exists()
    assert not Project.history.exists()
    for relation in Project.history.model._meta.related_objects:
        assert not relation.related_model.objects.exists()


def test_the_demo_projects_are_the_same_every_time(demo_portfolio):
    def fingerprint():
        return sorted(
            Project.objects.values_list(
                "title_en", "title_cy", "owner_organisation", "phase", "status", "lead_team", "started_on"
            )
        )

    # Loaded twice here, from the same state, rather than compared with the module's load: what earlier tests
    # did is rolled back in the database, not in every in-process cache.
    demo_projects_clear()
    demo_projects_load()
    first = fingerprint()
    demo_projects_clear()
    demo_projects_load()
    assert fingerprint() == first


def test_scale_load_makes_the_projects_asked_for_with_partners_and_tags(demo_users):
    seconds = projects_load_scale(2000, batch_size=500)
    assert seconds > 0
    assert Project.objects.filter(is_demo=True).count() == 2000
    with_partner = Project.objects.filter(partner_organisations__isnull=False).distinct().count()
    with_tag = Project.objects.filter(tags__isnull=False).distinct().count()
    assert 250 <= with_partner <= 550
    assert 250 <= with_tag <= 550
    assert Project.objects.filter(programme_items__isnull=False).exists()
    # A project's owner is one of its own organisation's people, never someone from elsewhere.
    owned = Project.objects.filter(owners__isnull=False).values_list("owner_organisation", "owners")
    assert owned.exists()
    members = set(OrganisationMembership.objects.values_list("organisation", "user"))
    assert set(owned) <= members


def test_every_demo_text_is_written_in_english_and_welsh():
    content = Content.read()
    assert len(content.themes) > 50
    pairs = [pair for theme in content.themes for pair in theme.titles]
    pairs += [(theme.summary_en, theme.summary_cy) for theme in content.themes]
    pairs += content.extra_sentences + content.contact_roles + content.link_titles
    pairs += content.scale_things + content.scale_objects
    assert all(en.strip() and cy.strip() for en, cy in pairs)
    for texts in (content.what_happened, content.whats_next, content.request_messages):
        assert set(texts) == {"en", "cy"} and all(texts.values())
    assert {language for _status, language in content.status_reasons} == {"en", "cy"}
