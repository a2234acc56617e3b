"""Full-text search of projects: the same behaviour on SQLite (FTS5) and PostgreSQL (tsvector), through the
search itself, the list page, the exports and the API, in English and Welsh; and the filters by name."""

import datetime
import html
import importlib
import json

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.models import OuterRef, Subquery
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from porth.accounts.models import User
from porth.core.phases import Phase
from porth.directory.models import (
    LeadershipTeam,
    Organisation,
    Programme,
    ProgrammeItem,
    Service,
    WellbeingGoal,
)
from porth.portfolio import services
from porth.portfolio.models import Project
from porth.portfolio.search import (
    MAX_WORDS,
    project_search,
    project_search_rebuild,
    projects_search_refresh,
    search_terms,
)
from porth.testing import page_text

pytestmark = pytest.mark.django_db

LONG_QUERY = "recycling " * 100  # 1,000 characters: a paste, in an address short enough to reach the view
PASTED_QUERY = "recycling " * 2_000  # 20,000 characters: the address itself is refused before the view


def _organisation(code, name_en, name_cy, kind="local_authority"):
    return Organisation.objects.create(
        code=code, name_en=name_en, name_cy=name_cy, kind=kind, sector="local_government"
    )


@pytest.fixture
def org():
    return _organisation("W06000015", "Cardiff", "Caerdydd")


@pytest.fixture
def swansea():
    return _organisation("W06000011", "Swansea", "Abertawe")


@pytest.fixture
def anglesey():
    return _organisation("W06000001", "Isle of Anglesey", "Ynys Môn")


@pytest.fixture
def user():
    return User.objects.create_user("owner@cardiff.example", "a long test password")


@pytest.fixture
def add(org, user):
    """A project added through the portfolio's service, as the pages and the API add them."""

    def add(
        title_en="A project",
        summary_en="Details to follow.",
        title_cy="",
        summary_cy="",
        *,
        partners=(),
        tags="",
        **fields,
    ):
        texts = {
            "title_en": title_en,
            "summary_en": summary_en,
            "title_cy": title_cy,
            "summary_cy": summary_cy,
        }
        return services.project_create(
            user=user,
            fields={"owner_organisation": org, **texts, **fields},
            related={"partner_organisations": list(partners)},
            tags_text=tags,
        )

    return add


def search(text, queryset=None):
    return list(project_search(Project.objects.all() if queryset is None else queryset, text))


@pytest.fixture
def recycling(add):
    return add(
        title_en="Recycling collections app",
        title_cy="Ap casgliadau ailgylchu",
        summary_en="Residents book bulky waste collections online.",
        summary_cy="Mae trigolion yn trefnu casgliadau gwastraff swmpus ar-lein.",
    )


# ------------------------------------------------------------------------------------------- what matches


def test_an_english_word_finds_the_project(recycling, add):
    add(title_en="Parking permits")
    assert search("bulky") == [recycling]


def test_a_welsh_word_finds_the_project(recycling, add):
    add(title_en="Parking permits", title_cy="Trwyddedau parcio")
    assert search("trigolion") == [recycling]
    assert search("casgliadau gwastraff") == [recycling]


@pytest.mark.parametrize("text", ["recycl", "ailgylch", "casgl", "Res"])
def test_each_word_matches_as_the_start_of_a_word(recycling, text):
    assert search(text) == [recycling]


def test_a_word_does_not_match_in_the_middle_of_a_word(recycling):
    assert search("cycling") == []


@pytest.mark.parametrize("text", ["RECYCLING", "Ailgylchu", "bUlKy"])
def test_case_is_ignored(recycling, text):
    assert search(text) == [recycling]


@pytest.mark.parametrize(
    ("stored", "typed"),
    [
        ("Ap ffôn i dalu treth y cyngor", "ffon"),
        ("Ap ffon i dalu treth y cyngor", "ffôn"),
        ("Ap ffôn i dalu treth y cyngor", "FFÔN"),
        ("Ap ffôn i dalu treth y cyngor", "ffo\u0302n"),  # the accent typed as a combining character
        ("Ynni gwŷn ar doeon ysgolion", "gwyn"),
        ("Ynni gwyn ar doeon ysgolion", "Gwŷn"),
        ("Ŵyr: cofnodion gofal", "wyr"),
        ("Café data for Llandaff", "cafe"),
        ("Gwasanaethau llyfrgell Ynys Môn", "Ynys Mon"),
    ],
)
def test_accents_are_ignored_either_way(add, stored, typed):
    project = add(title_en="Council project", title_cy=stored)
    add(title_en="Something else entirely")
    assert search(typed) == [project]


@pytest.mark.parametrize(
    ("stored", "typed"),
    [
        # Welsh mutations (soft, aspirate, nasal) and plurals: one word, whatever its form.
        ("Trwsio tyllau yn y ffordd", "dyllau"),
        ("Trwsio tyllau yn y ffordd", "thyllau"),
        ("Adrodd am dyllau yn y ffordd", "tyllau"),
        ("Cofnod o'i thyllau hi", "tyllau"),
        ("Prydau bwyd am ddim i ysgolion", "ysgol"),
        ("Porth rhieni ar gyfer pob ysgol", "ysgolion"),
        ("Canolfan ailgylchu yng Ngheredigion", "Ceredigion"),
        ("Llyfrgell newydd ym Mangor", "Bangor"),
        ("Gwell gwasanaethau i drigolion", "gwasanaeth"),
        ("Cynnal a chadw'r ffyrdd", "ffordd"),
        # English word forms.
        ("Bookings for the recycling centre", "booking"),
        ("Booking a slot at the tip", "bookings"),
        ("Making the library accessible", "accessibility"),
        ("An accessibility audit of the website", "accessible"),
    ],
)
def test_a_word_finds_its_other_forms(add, stored, typed):
    project = add(title_en="Council project", title_cy=stored)
    add(title_en="Parking permits", title_cy="Trwyddedau parcio")
    assert search(typed) == [project]


def test_every_word_must_match(add):
    both = add(title_en="Food waste collections", summary_en="Weekly, from the kerb.")
    add(title_en="Garden waste collections")
    add(title_en="Food hygiene ratings")
    assert search("food waste") == [both]
    assert search("food kerb") == [both]
    assert search("food waste parking") == []


def test_each_word_may_match_any_of_its_forms(add):
    """(tyllau OR twll) AND (ffordd OR ...): each query word is the OR of its forms, the words ANDed."""
    roads = add(title_cy="Llenwi tyllau yn y ffyrdd")
    add(title_cy="Llenwi tyllau yn y parc")
    add(title_cy="Glanhau'r ffyrdd")
    assert search("twll ffordd") == [roads]
    assert search("dyllau ffyrdd") == [roads]
    assert search_terms("Tyllau") == [("tyllau", "twll")]


# ------------------------------------------------------------------------------ organisations and tags


@pytest.mark.parametrize("typed", ["Cardiff", "Caerdydd", "Nghaerdydd", "caerdydd"])
def test_the_owner_is_found_by_its_name_in_either_language(add, swansea, user, typed):
    cardiff_project = add(title_en="Housing repairs")
    services.project_create(
        user=user,
        fields={
            "owner_organisation": swansea,
            "title_en": "Housing repairs",
            "summary_en": "Details to follow.",
        },
        related={},
    )
    assert search(typed) == [cardiff_project]
    assert search(f"housing {typed}") == [cardiff_project]


@pytest.mark.parametrize("typed", ["Swansea", "Abertawe", "Ynys Mon", "Anglesey"])
def test_partners_are_found_by_their_names_in_either_language(add, swansea, anglesey, typed):
    shared = add(title_en="Shared library catalogue", partners=[swansea, anglesey])
    add(title_en="Library loans")
    assert search(typed) == [shared]


def test_tags_are_found(add):
    tagged = add(title_en="Ask the council", tags="chatbot, Welsh language")
    add(title_en="Parking permits", tags="parking")
    assert search("chatbot") == [tagged]
    assert search("welsh language") == [tagged]


def test_a_title_match_ranks_above_a_summary_only_match(add):
    for title in ("Parking permits", "Library loans", "School admissions", "Council tax"):
        add(title_en=title, summary_en="Nothing to do with bins.")
    in_summary = add(title_en="Street cleaning", summary_en="Includes the recycling of litter from bins.")
    in_title = add(title_en="Recycling centre bookings", summary_en="Book a slot at the tip.")
    in_summary.last_update_at = timezone.now() + datetime.timedelta(days=1)
    in_summary.save()
    found = search("recycling")
    assert found == [in_title, in_summary]
    assert found[0].search_rank > found[1].search_rank


def test_a_title_match_ranks_above_a_match_on_the_organisation(add, swansea):
    by_partner = add(title_en="Shared payroll", partners=[swansea])
    by_title = add(title_en="Swansea bay tourism map")
    by_partner.last_update_at = timezone.now() + datetime.timedelta(days=1)
    by_partner.save()
    assert search("swansea") == [by_title, by_partner]


def test_equally_good_matches_come_newest_first_then_latest_added_first(add):
    now = timezone.now()
    older = add(title_en="Bin app", last_update_at=now - datetime.timedelta(days=3))
    first, second = add(title_en="Bin app", last_update_at=now), add(title_en="Bin app", last_update_at=now)
    assert search("bin app") == [second, first, older]


def test_search_composes_with_filters_before_and_after(add, org, swansea, user):
    cardiff_alpha = add(title_en="Housing repairs", phase=Phase.ALPHA)
    cardiff_beta = add(title_en="Housing repairs online", phase=Phase.BETA)
    swansea_project = services.project_create(
        user=user,
        fields={
            "title_en": "Housing repairs",
            "summary_en": "Details to follow.",
            "owner_organisation": swansea,
            "phase": Phase.ALPHA,
        },
        related={},
    )
    assert set(search("housing", Project.objects.filter(owner_organisation=org))) == {
        cardiff_alpha,
        cardiff_beta,
    }
    found = project_search(Project.objects.all(), "housing").filter(phase=Phase.ALPHA)
    assert set(found) == {cardiff_alpha, swansea_project}
    assert project_search(Project.objects.all(), "housing").count() == 3
    assert project_search(Project.objects.exclude(pk=cardiff_beta.pk), "repairs").exists()


def test_search_works_inside_another_query(add, org):
    project = add(title_en="Recycling collections")
    add(title_en="Parking permits")
    inner = project_search(Project.objects.all(), "recycl")
    assert list(Project.objects.filter(pk__in=inner.values("pk"))) == [project]
    best = project_search(Project.objects.filter(owner_organisation=OuterRef("pk")), "recycl")
    annotated = Organisation.objects.annotate(best=Subquery(best.values("search_rank")[:1])).get(pk=org.pk)
    assert annotated.best > 0


# ---------------------------------------------------------------------------- keeping the words up to date


def test_the_service_writes_the_search_words_on_every_save(add, swansea, user):
    project = add(title_en="Parking permits", title_cy="Trwyddedau parcio", tags="parking")
    assert project.search_title == "parking park permits permit trwyddedau trwydded parcio"
    assert {"cardiff", "caerdydd", "parking"} <= set(project.search_body.split())
    services.project_update(
        project=project,
        user=user,
        fields={"title_en": "Resident parking permits"},
        related={"partner_organisations": [swansea]},
        tags_text=None,
    )
    assert search("residents") == [project]
    assert search("abertawe") == [project]
    assert search("parking") == [project], "the tags it had are kept"
    project.refresh_from_db()
    assert "abertawe" in project.search_body.split()


def test_the_search_words_are_not_kept_in_the_history(add, user):
    project = add(title_en="Parking permits")
    services.project_update(
        project=project, user=user, fields={"title_en": "Blue badges"}, related={}, tags_text=""
    )
    historical = {field.name for field in Project.history.model._meta.get_fields()}
    assert "search_title" not in historical and "search_body" not in historical


def test_writes_that_skip_the_service_are_found_after_a_refresh(add, org):
    project = add(title_en="Parking permits")
    Project.objects.filter(pk=project.pk).update(summary_cy="Trwyddedau parcio i drigolion")
    Project.objects.bulk_create(
        Project(
            title_en=f"Digital inclusion hub {n}",
            title_cy=f"Canolfan cynhwysiant digidol {n}",
            owner_organisation=org,
        )
        for n in range(5)
    )
    assert search("trwyddedau") == [] and search("cynhwysiant") == []
    assert projects_search_refresh(ids=[project.pk]) == 1
    assert search("trwyddedau") == [project]
    assert projects_search_refresh() == 6
    assert len(search("cynhwysiant")) == 5
    assert len(search("inclusion hub caerdydd")) == 5


def test_refresh_goes_in_batches(add, monkeypatch):
    from porth.portfolio import search as search_module

    monkeypatch.setattr(search_module, "REFRESH_BATCH", 2)
    made = [add(title_en=f"Project {n}") for n in range(5)]
    Project.objects.update(search_title="", search_body="")
    assert projects_search_refresh() == 5
    assert projects_search_refresh(ids=[p.pk for p in made[:3]]) == 3
    assert len(search("project")) == 5


def test_a_deleted_project_is_not_found(add):
    project = add(title_en="Recycling collections")
    other = add(title_en="Recycling centre")
    project.delete()
    assert search("recycling") == [other]
    Project.objects.filter(pk=other.pk).delete()
    assert search("recycling") == []


# ------------------------------------------------------------------------------ what people type is words


HOSTILE = [
    '"); DROP TABLE x; --',
    "'; DROP TABLE portfolio_project; --",
    "NEAR(",
    "NEAR(recycling collections, 2)",
    "*",
    "^recycling",
    "title:foo",
    "title_en:recycling",
    "search_title:recycling",
    "a AND OR NOT b",
    "recycling OR parking",
    "-recycling",
    '"recycling',
    "recycling & !parking | (x) <-> y:* 'z'",
    "{search_title search_body}: recycling",
    "\\ % _ %s %(x)s ? ?1 :name $1",
    "\x00recycling\x00",
    "🙂 ♻️ recycling",
    "<script>alert('x')</script>",
    "a" * 10_000,
    "recycling " * 1_000,
    " ".join(f"w{n}" for n in range(2_000)),
    "ail-greu parchg",  # Welsh lemmas with a hyphen and a full stop
]


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_text_never_raises_and_is_never_query_syntax(recycling, text):
    search(text)
    assert Project.objects.filter(pk=recycling.pk).exists()


def test_and_or_not_are_searched_as_words(recycling, add):
    assert search("recycling OR parking") == []
    assert search("collections OR parking") == [], "OR is a word, not an operator"
    assert search("recycling AND collections") == [], "AND is a word too: the project has no 'and'"
    assert search("NOT parking") == []
    assert search("title_en:recycling") == []
    assert search("collections -app") == [recycling]
    assert search('"recycling"') == [recycling]
    assert search("recycling*") == [recycling]
    bins = add(title_en="Bins and recycling")
    walk = add(title_en="Walk or cycle to school")
    rather = add(title_en="Not in my back yard: fly-tipping")
    assert search("bins AND recycling") == [bins]
    assert search("walk OR cycle") == [walk]
    assert search("NOT yard") == [rather]


@pytest.mark.parametrize("text", ["*", "!!!", '"', "-- ;", "()", "_"])
def test_text_with_no_words_finds_nothing(recycling, text):
    assert search(text) == []


@pytest.mark.parametrize("text", ["", "   ", "\n\t"])
def test_empty_text_leaves_the_queryset_as_it_is(recycling, add, text):
    other = add(title_en="Parking permits")
    queryset = Project.objects.filter(pk__in=[recycling.pk, other.pk])
    assert project_search(queryset, text) is queryset


def test_words_past_the_limit_are_ignored_and_repeats_do_not_count(recycling):
    matching = ["recycling"[:n] for n in range(1, 10)] + ["collections"[:n] for n in range(1, 8)]
    assert len(matching) == MAX_WORDS
    assert search(" ".join(matching)) == [recycling]
    assert search(" ".join([*matching, "parking"])) == [recycling]
    assert search(" ".join(["recycling"] * 50 + ["parking"])) == []


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=300))
def test_any_text_is_safe_to_search(text):
    org, _ = Organisation.objects.get_or_create(
        code="W06000015",
        defaults={"name_en": "Cardiff", "kind": "local_authority", "sector": "local_government"},
    )
    if not Project.objects.exists():
        user = User.objects.create_user("hypothesis@example.org", "a long test password")
        fields = {"title_en": "Ap ffôn", "summary_cy": "Ailgylchu", "owner_organisation": org}
        services.project_create(user=user, fields=fields, related={})
    found = project_search(Project.objects.all(), text)
    assert len(found) <= 1


# ------------------------------------------------------------------------------------------ the index itself


def test_the_search_index_is_in_place_after_every_migration():
    """A migration that rebuilds portfolio_project on SQLite drops its triggers: it must add them back."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'portfolio_project'"
            )
            names = {row[0] for row in cursor.fetchall()}
            assert names >= {f"portfolio_project_fts_{event}" for event in ("insert", "update", "delete")}
            cursor.execute("SELECT * FROM portfolio_project_fts LIMIT 0")
            assert [column[0] for column in cursor.description] == ["search_title", "search_body"]
        else:
            cursor.execute(
                "SELECT is_generated, generation_expression FROM information_schema.columns "
                "WHERE table_name = 'portfolio_project' AND column_name = 'search_vector'"
            )
            generated, expression = cursor.fetchone()
            assert generated == "ALWAYS" and "search_title" in expression and "title_en" not in expression


def test_the_sqlite_index_matches_the_table_after_every_kind_of_write(add, org):
    if connection.vendor != "sqlite":
        pytest.skip("PostgreSQL computes the generated column on every write.")
    project = add(title_en="Recycling", summary_cy="Ailgylchu")
    Project.objects.bulk_create([Project(title_en="Bins", owner_organisation=org, search_title="bins bin")])
    project.title_cy = "Ailgylchu"
    project.save()
    Project.objects.filter(title_en="Bins").update(search_body="wheelie bins")
    Project.objects.filter(title_en="Bins").update(search_body="wheelie bins")  # the same words again
    projects_search_refresh()
    add(title_en="Gone").delete()
    with connection.cursor() as cursor:
        # With rank 1, FTS5 also checks the index against the content table; a mismatch raises.
        cursor.execute(
            "INSERT INTO portfolio_project_fts(portfolio_project_fts, rank) VALUES ('integrity-check', 1)"
        )


def test_rebuild_search_puts_back_what_the_index_lost(recycling, capsys):
    Project.objects.update(search_title="", search_body="")
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            # The index loses the row too, as if written with the triggers gone.
            cursor.execute(
                "INSERT INTO portfolio_project_fts(portfolio_project_fts, rowid, search_title, search_body) "
                "SELECT 'delete', id, search_title, search_body FROM portfolio_project"
            )
    assert search("recycling") == []
    call_command("rebuild_search")
    assert search("recycling") == [recycling]
    out = capsys.readouterr().out
    assert "Wrote the search words of projects. Projects: 1." in out
    if connection.vendor == "sqlite":
        assert "Rebuilt the search index of projects. Projects indexed: 1." in out
    else:
        assert "Nothing more to rebuild" in out
    assert project_search_rebuild() is (connection.vendor == "sqlite")


@pytest.mark.django_db(transaction=True)
def test_the_migration_fills_the_words_and_goes_back_to_the_raw_index(add, swansea):
    """0006 forwards fills the columns from the texts (with porth.core.lemmas) and indexes them; backwards
    puts the index of 0002 over the raw texts back."""
    project = add(title_en="Shared library", title_cy="Llyfrgell ar y cyd", partners=[swansea])
    previous, current = ("portfolio", "0005_project_project_changed"), ("portfolio", "0006_search_forms")
    executor = MigrationExecutor(connection)
    try:
        executor.migrate([previous])
        with connection.cursor() as cursor:
            if connection.vendor == "sqlite":
                cursor.execute(
                    "SELECT rowid FROM portfolio_project_fts WHERE portfolio_project_fts MATCH 'llyfrgell'"
                )
            else:
                cursor.execute(
                    "SELECT id FROM portfolio_project "
                    "WHERE search_vector @@ to_tsquery('simple', 'llyfrgell')"
                )
            assert cursor.fetchall() == [(project.pk,)], "the raw index of 0002 is back"
    finally:
        # Back to the latest migration of every app: going back past 0006 also unapplied the migrations of
        # other apps that depend on it (the standards' case studies link to projects).
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
    assert current in MigrationExecutor(connection).loader.applied_migrations
    assert search("abertawe llyfrgelloedd") == [project]
    migration = importlib.import_module("porth.portfolio.migrations.0006_search_forms")
    assert migration._text("Llyfrgelloedd Abertawe") == "llyfrgelloedd llyfrgell abertawe abertaw"


# ---------------------------------------------------------------------------- the page, the export, the API


@pytest.mark.parametrize(
    ("prefix", "language", "message"),
    [
        ("", "en", "Your search must be 200 characters or fewer"),
        ("/cy", "cy", "Rhaid i'ch chwiliad fod yn 200 nod neu lai"),
    ],
)
def test_an_over_long_search_is_refused_clearly_everywhere(client, recycling, prefix, language, message):
    page = client.get(f"{prefix}/projects/", {"q": LONG_QUERY})
    assert page.status_code == 400 and message in page_text(page)
    assert recycling.title_en not in page_text(page)
    for fmt in ("csv", "json"):
        export = client.get(f"{prefix}/projects/export.{fmt}", {"q": LONG_QUERY})
        assert export.status_code == 400 and message in page_text(export)
    api = client.get("/api/v1/projects", {"q": LONG_QUERY}, HTTP_ACCEPT_LANGUAGE=language)
    assert api.status_code == 422
    assert api.json()["detail"] == [{"loc": ["query", "q"], "msg": message, "type": "invalid"}]


@pytest.mark.parametrize("prefix", ["", "/cy"])
@pytest.mark.parametrize(
    "path", ["/projects/", "/projects/export.csv", "/projects/export.json", "/api/v1/projects"]
)
def test_a_search_of_20000_characters_gets_a_clear_refusal_never_an_error(client, recycling, prefix, path):
    """Whichever layer refuses it (an address too long, or the form's limit), it is a 4xx with words."""
    response = client.get((prefix if path.startswith("/projects") else "") + path, {"q": PASTED_QUERY})
    assert response.status_code in {400, 414, 422}
    assert recycling.title_en not in page_text(response) and "Traceback" not in page_text(response)


def test_a_search_of_200_characters_is_fine(client, recycling):
    query = ("recycling " * 20)[:200]
    assert client.get("/projects/", {"q": query}).status_code == 200
    assert client.get("/api/v1/projects", {"q": query}).json()["count"] == 1


@pytest.mark.parametrize(
    "number", ["abc", "-1", "0", "2", "1.5", "1e9", "99999999999999999999", "9" * 1000, ""]
)
def test_any_page_number_on_the_list_gives_a_page(client, recycling, number):
    response = client.get("/projects/", {"page": number, "q": "recycling"})
    assert response.status_code == 200 and recycling.title_en in page_text(response)


@pytest.mark.parametrize(
    ("language", "message"),
    [("en", "Enter a page number from 1 to 10,000"), ("cy", "Rhowch rif tudalen o 1 i 10,000")],
)
@pytest.mark.parametrize("number", ["abc", "-1", "0", "1.5", "10001", "99999999999999999999", "9" * 1000])
def test_a_page_number_the_api_cannot_give_is_refused_clearly(client, recycling, number, language, message):
    response = client.get("/api/v1/projects", {"page": number}, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 422
    assert response.json()["detail"] == [{"loc": ["query", "page"], "msg": message, "type": "page_number"}]


def test_an_api_page_past_the_end_is_empty(client, recycling):
    assert client.get("/api/v1/projects", {"page": "2"}).json() == {"items": [], "count": 1}
    assert client.get("/api/v1/projects", {"page": "10000"}).json()["items"] == []
    assert client.get("/api/v1/projects", {"page": "1"}).json()["count"] == 1


@pytest.mark.parametrize(
    "query", ["<script>alert('x')</script>", '"><img src=x onerror=alert(1)>', "' OR 1=1 --"]
)
def test_markup_and_quotes_in_a_search_are_shown_as_text(client, recycling, query):
    response = client.get("/projects/", {"q": query})
    assert response.status_code == 200
    content = response.content.decode()
    assert "<script>alert(" not in content and "<img src=x" not in content
    assert client.get("/api/v1/projects", {"q": query}).status_code == 200
    assert client.get("/projects/export.csv", {"q": query}).status_code == 200


@pytest.mark.parametrize(
    ("prefix", "query", "title"),
    [("", "thyllau Caerdydd", "Fixing potholes"), ("/cy", "dyllau Cardiff", "Trwsio tyllau")],
)
def test_the_page_and_api_find_word_forms_and_organisations_in_either_language(
    client, add, prefix, query, title
):
    roads = add(title_en="Fixing potholes", title_cy="Trwsio tyllau")
    add(title_en="Parking permits", title_cy="Trwyddedau parcio")
    page = page_text(client.get(f"{prefix}/projects/", {"q": query}))
    assert title in page and "Parking permits" not in page and "Trwyddedau parcio" not in page
    items = client.get("/api/v1/projects", {"q": query}).json()["items"]
    assert [item["id"] for item in items] == [roads.pk]


def test_the_search_page_makes_as_many_queries_for_many_projects_as_for_few(client, add):
    def queries():
        with CaptureQueries() as captured:
            assert client.get("/projects/", {"q": "housing"}).status_code == 200
        return len(captured)

    for n in range(3):
        add(title_en=f"Housing repairs {n}", tags="housing")
    few = queries()
    for n in range(30):
        add(title_en=f"Housing advice {n}", tags=f"housing, advice {n}")
    assert queries() == few


class CaptureQueries:
    def __enter__(self):
        from django.test.utils import CaptureQueriesContext

        self.context = CaptureQueriesContext(connection)
        self.context.__enter__()
        return self.context

    def __exit__(self, *exc):
        return self.context.__exit__(*exc)


# ----------------------------------------------------------------------------------------- filters by name


def test_organisations_are_chosen_by_name_in_the_readers_language(client, org, swansea, anglesey):
    english, welsh = page_text(client.get("/projects/")), page_text(client.get("/cy/projects/"))
    for name in ("Cardiff", "Swansea", "Isle of Anglesey"):
        assert f">{name}</label>" in english
    for name in ("Caerdydd", "Abertawe", "Ynys Môn"):
        assert f">{name}</label>" in welsh
    assert english.index(">Cardiff<") < english.index(">Isle of Anglesey<") < english.index(">Swansea<")
    assert welsh.index(">Abertawe<") < welsh.index(">Caerdydd<") < welsh.index(">Ynys Môn<")
    assert 'name="organisation" type="checkbox" value="W06000015"' in english
    assert "W06000015" not in english.split('value="W06000015"')[1].split("</label>")[0], "no code shown"


def _checkbox(page: str, code: str) -> str:
    """The <input ...> of an organisation's checkbox, without its closing bracket, with a space after."""
    start = page.index(f'value="{code}"')
    return page[page.rindex("<input", 0, start) : page.index(">", start)] + " "


def test_each_organisation_carries_both_names_for_the_type_ahead(client, anglesey):
    page = client.get("/cy/projects/").content.decode()
    names = html.unescape(_checkbox(page, "W06000001").split('data-names="')[1].split('"')[0])
    assert json.loads(names) == {"en": "Isle of Anglesey", "cy": "Ynys Môn"}
    assert "porth-autocomplete.js" in page and "data-autocomplete-checkboxes" in page


def test_several_organisations_may_be_chosen_and_old_single_code_links_still_work(
    client, add, org, swansea, anglesey, user
):
    cardiff_project = add(title_en="Cardiff's own")
    shared = services.project_create(
        user=user,
        fields={"owner_organisation": anglesey, "title_en": "Anglesey with Swansea", "summary_en": "Shared."},
        related={"partner_organisations": [swansea]},
    )
    services.project_create(
        user=user,
        fields={"owner_organisation": anglesey, "title_en": "Anglesey alone", "summary_en": "Alone."},
        related={},
    )
    both = page_text(client.get("/projects/?organisation=W06000015&organisation=W06000011"))
    assert "Cardiff's own" in both and "Anglesey with Swansea" in both and "Anglesey alone" not in both
    assert "2 projects" in both
    assert all(" checked " in _checkbox(both, code) for code in ("W06000015", "W06000011"))
    assert " checked " not in _checkbox(both, "W06000001")
    for old_link in ("?organisation=W06000011", "?organisation=w06000011"):
        page = page_text(client.get(f"/projects/{old_link}"))
        assert "1 project" in page and shared.title_en in page
    api = client.get("/api/v1/projects", {"organisation": ["W06000015", "W06000011"]}).json()
    assert {item["id"] for item in api["items"]} == {cardiff_project.pk, shared.pk}
    exported = b"".join(client.get("/projects/export.csv?organisation=W06000011").streaming_content).decode()
    assert shared.title_en in exported and "Cardiff's own" not in exported


@pytest.mark.parametrize(
    ("prefix", "language", "message"),
    [("", "en", "Choose organisations from the list"), ("/cy", "cy", "Dewiswch sefydliadau o'r rhestr")],
)
def test_an_unknown_organisation_is_refused_clearly(client, org, prefix, language, message):
    page = client.get(f"{prefix}/projects/", {"organisation": "W99999999"})
    assert page.status_code == 400 and message in page_text(page)
    api = client.get("/api/v1/projects", {"organisation": "W99999999"}, HTTP_ACCEPT_LANGUAGE=language)
    assert api.status_code == 422 and api.json()["detail"][0]["msg"] == message


def test_programme_items_goals_services_and_tags_are_chosen_by_name(client, add):
    team = LeadershipTeam.objects.create(
        slug="cdps",
        name_en="Centre for Digital Public Services",
        short_name_en="CDPS",
        short_name_cy="CDPS",
        remit_en="Digital.",
    )
    programme = Programme.objects.create(team=team, name_en="Missions", kind=Programme.Kind.MISSION)
    item = ProgrammeItem.objects.create(
        programme=programme, number=3, title_en="Better data", title_cy="Data gwell"
    )
    goal = WellbeingGoal.objects.create(
        number=1, name_en="A prosperous Wales", name_cy="Cymru lewyrchus", summary_en="-", summary_cy="-"
    )
    service = Service.objects.create(lgsl_code=524, label="Waste collection")
    Service.objects.create(lgsl_code=1, label="Unused service")
    project = add(title_en="Tagged", tags="Chatbot")
    project.programme_items.add(item)
    project.wellbeing_goals.add(goal)
    project.services.add(service)
    add(title_en="Untagged")
    english, welsh = page_text(client.get("/projects/")), page_text(client.get("/cy/projects/"))
    assert f'<option value="{item.pk}">CDPS: 3. Better data</option>' in english
    assert f'<option value="{item.pk}">CDPS: 3. Data gwell</option>' in welsh
    assert '<option value="1">A prosperous Wales</option>' in english
    assert '<option value="1">Cymru lewyrchus</option>' in welsh
    assert '<option value="524">Waste collection</option>' in english and "Unused service" not in english
    assert '<option value="chatbot">Chatbot</option>' in english
    filters = {"programme_item": item.pk, "goal": 1, "service": 524, "tag": "chatbot"}
    for name, value in filters.items():
        filtered = page_text(client.get("/projects/", {name: value}))
        assert "1 project" in filtered and "Tagged" in filtered, name
        assert client.get("/api/v1/projects", {name: value}).json()["count"] == 1, name


def test_a_private_projects_tags_are_offered_only_to_those_who_see_it(client, add, user):
    add(title_en="Secret merger", visibility="private", tags="merger plans")
    add(title_en="Open data", tags="open data")
    anonymous = page_text(client.get("/projects/"))
    assert '<option value="open-data">' in anonymous and "merger plans" not in anonymous
    client.force_login(user)
    assert "merger plans" in page_text(client.get("/projects/"))
