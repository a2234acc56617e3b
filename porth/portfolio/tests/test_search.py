"""Full-text search of projects: the same behaviour on SQLite (FTS5) and PostgreSQL (tsvector)."""

import datetime

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.models import OuterRef, Subquery
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from porth.core.phases import Phase
from porth.directory.models import Organisation
from porth.portfolio.models import Project
from porth.portfolio.search import MAX_WORDS, project_search, project_search_rebuild

pytestmark = pytest.mark.django_db


@pytest.fixture
def org():
    return Organisation.objects.create(
        code="W06000015", name_en="Cardiff Council", kind="local_authority", sector="local_government"
    )


@pytest.fixture
def add(org):
    def add(title_en="A project", summary_en="", title_cy="", summary_cy="", **fields):
        return Project.objects.create(
            title_en=title_en,
            summary_en=summary_en,
            title_cy=title_cy,
            summary_cy=summary_cy,
            owner_organisation=org,
            **fields,
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
    ],
)
def test_accents_are_ignored_either_way(add, stored, typed):
    project = add(title_en="Council project", title_cy=stored)
    add(title_en="Something else entirely")
    assert search(typed) == [project]


def test_every_word_must_match(add):
    both = add(title_en="Food waste collections", summary_en="Weekly, from the kerb.")
    add(title_en="Garden waste collections")
    add(title_en="Food hygiene ratings")
    assert search("food waste") == [both]
    assert search("food kerb") == [both]
    assert search("food waste parking") == []


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


def test_equally_good_matches_come_newest_first_then_latest_added_first(add):
    now = timezone.now()
    older = add(title_en="Bin app", last_update_at=now - datetime.timedelta(days=3))
    first, second = add(title_en="Bin app", last_update_at=now), add(title_en="Bin app", last_update_at=now)
    assert search("bin app") == [second, first, older]


def test_search_composes_with_filters_before_and_after(add, org):
    other = Organisation.objects.create(
        code="W06000011", name_en="Swansea Council", kind="local_authority", sector="local_government"
    )
    cardiff_alpha = add(title_en="Housing repairs", phase=Phase.ALPHA)
    cardiff_beta = add(title_en="Housing repairs online", phase=Phase.BETA)
    swansea = Project.objects.create(title_en="Housing repairs", owner_organisation=other, phase=Phase.ALPHA)

    assert set(search("housing", Project.objects.filter(owner_organisation=org))) == {
        cardiff_alpha,
        cardiff_beta,
    }
    found = project_search(Project.objects.all(), "housing").filter(phase=Phase.ALPHA)
    assert set(found) == {cardiff_alpha, swansea}
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


def test_a_changed_title_or_summary_is_found_at_once(add):
    project = add(title_en="Parking permits")
    project.title_en = "Resident parking permits"
    project.save()
    assert search("resident") == [project]
    Project.objects.filter(pk=project.pk).update(summary_cy="Trwyddedau parcio i drigolion")
    assert search("trwyddedau") == [project]
    Project.objects.filter(pk=project.pk).update(title_en="Blue badges")
    assert search("resident") == []
    assert search("blue badg") == [project]


def test_a_deleted_project_is_not_found(add):
    project = add(title_en="Recycling collections")
    other = add(title_en="Recycling centre")
    project.delete()
    assert search("recycling") == [other]
    Project.objects.filter(pk=other.pk).delete()
    assert search("recycling") == []


def test_bulk_created_projects_are_found(org):
    Project.objects.bulk_create(
        Project(
            title_en=f"Digital inclusion hub {n}",
            title_cy=f"Canolfan cynhwysiant digidol {n}",
            owner_organisation=org,
        )
        for n in range(5)
    )
    assert len(search("cynhwysiant")) == 5
    assert len(search("inclusion hub")) == 5


HOSTILE = [
    '"); DROP TABLE x; --',
    "'; DROP TABLE portfolio_project; --",
    "NEAR(",
    "NEAR(recycling collections, 2)",
    "*",
    "^recycling",
    "title:foo",
    "title_en:recycling",
    "a AND OR NOT b",
    "recycling OR parking",
    "-recycling",
    '"recycling',
    "recycling & !parking | (x) <-> y:* 'z'",
    "{title_en title_cy}: recycling",
    "\\ % _ %s %(x)s ? ?1 :name $1",
    "\x00recycling\x00",
    "🙂 ♻️ recycling",
    "a" * 10_000,
    "recycling " * 1_000,
    " ".join(f"w{n}" for n in range(2_000)),
]


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_text_never_raises_and_is_never_query_syntax(recycling, text):
    search(text)
    assert Project.objects.filter(pk=recycling.pk).exists()


def test_operators_are_searched_as_words(recycling):
    assert search("recycling OR parking") == []
    assert search("NOT recycling") == []
    assert search("title_en:recycling") == []
    assert search("collections -app") == [recycling]
    assert search('"recycling"') == [recycling]
    assert search("recycling*") == [recycling]


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
    Project.objects.get_or_create(title_en="Ap ffôn", summary_cy="Ailgylchu", owner_organisation=org)
    found = project_search(Project.objects.all(), text)
    assert len(found) <= 1


def test_the_search_index_is_in_place_after_every_migration():
    """A migration that rebuilds portfolio_project on SQLite drops its triggers: it must add them back."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'portfolio_project'"
            )
            names = {row[0] for row in cursor.fetchall()}
            assert names >= {f"portfolio_project_fts_{event}" for event in ("insert", "update", "delete")}
        else:
            cursor.execute(
                "SELECT is_generated FROM information_schema.columns "
                "WHERE table_name = 'portfolio_project' AND column_name = 'search_vector'"
            )
            assert cursor.fetchone() == ("ALWAYS",)


def test_the_sqlite_index_matches_the_table_after_every_kind_of_write(add, org):
    if connection.vendor != "sqlite":
        pytest.skip("PostgreSQL computes the generated column on every write.")
    project = add(title_en="Recycling", summary_cy="Ailgylchu")
    Project.objects.bulk_create([Project(title_en="Bins", owner_organisation=org)])
    project.title_cy = "Ailgylchu"
    project.save()
    Project.objects.filter(title_en="Bins").update(summary_en="Wheelie bins")
    add(title_en="Gone").delete()
    with connection.cursor() as cursor:
        # With rank 1, FTS5 also checks the index against the content table; a mismatch raises.
        cursor.execute(
            "INSERT INTO portfolio_project_fts(portfolio_project_fts, rank) VALUES ('integrity-check', 1)"
        )


def test_rebuild_search_puts_back_what_the_index_lost(recycling, capsys):
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            columns = "title_en, title_cy, summary_en, summary_cy"
            cursor.execute(
                f"INSERT INTO portfolio_project_fts(portfolio_project_fts, rowid, {columns}) "
                f"SELECT 'delete', id, {columns} FROM portfolio_project"
            )
        assert search("recycling") == []
    call_command("rebuild_search")
    assert search("recycling") == [recycling]
    out = capsys.readouterr().out
    if connection.vendor == "sqlite":
        assert "Rebuilt the search index of projects. Projects indexed: 1." in out
    else:
        assert "Nothing to rebuild" in out
    assert project_search_rebuild() is (connection.vendor == "sqlite")
