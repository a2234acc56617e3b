"""Searching the standards library: word forms in English and Welsh, ranked by where the words are."""

import pytest

from porth.standards.models import Framework, Standard, StandardGroup
from porth.standards.views import standards_search
from porth.testing import page_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def library():
    """A small framework of four standards, written for these tests."""
    framework = Framework.objects.create(slug="test-standards", version="1", name_en="Test standards")
    group = StandardGroup.objects.create(framework=framework, slug="all", number=1, name_en="All")
    rows = [
        (
            "Make the service accessible",
            "Sicrhau bod y gwasanaeth yn hygyrch",
            "Everyone can use it.",
            "Gall pawb ei ddefnyddio.",
            "Test with assistive technology.",
            "Profwch gyda thechnoleg gynorthwyol.",
        ),
        (
            "Have a multidisciplinary team",
            "Bod â thîm amlddisgyblaethol",
            "Skills the service needs.",
            "Y sgiliau sydd eu hangen ar y gwasanaeth.",
            "Publish an accessibility statement with the team's contact details.",
            "Cyhoeddwch ddatganiad hygyrchedd gyda manylion cyswllt y tîm.",
        ),
        (
            "Work in the open",
            "Gweithio yn agored",
            "Share what you learn with teams across Wales.",
            "Rhannwch yr hyn rydych yn ei ddysgu gyda thimau ledled Cymru.",
            "Blog about the work.",
            "Ysgrifennwch flog am y gwaith.",
        ),
        (
            "Promote the Welsh language",
            "Hyrwyddo'r Gymraeg",
            "Services in Welsh as good as in English.",
            "Gwasanaethau yn Gymraeg cystal ag yn Saesneg.",
            "Plan for Welsh from the start in Wales.",
            "Cynlluniwch ar gyfer y Gymraeg o'r dechrau yng Nghymru.",
        ),
    ]
    standards = []
    for number, (title_en, title_cy, summary_en, summary_cy, guidance_en, guidance_cy) in enumerate(rows, 1):
        standards.append(
            Standard.objects.create(
                framework=framework,
                group=group,
                number=number,
                title_en=title_en,
                title_cy=title_cy,
                summary_en=summary_en,
                summary_cy=summary_cy,
                guidance_en=guidance_en,
                guidance_cy=guidance_cy,
            )
        )
    return standards


def found(query):
    return [s.number for s in standards_search(Standard.objects.order_by("framework", "number"), query)]


@pytest.mark.parametrize(
    ("query", "numbers"),
    [
        ("accessibility", [1, 2]),  # "accessible" in 1's title, "accessibility" in 2's guidance
        ("accessible", [1, 2]),
        ("ACCESSIBLE", [1, 2]),
        ("access", [1, 2]),
        ("hygyrch", [1, 2]),  # as the start of a word: "hygyrchedd" too
        ("tîm", [2, 3]),  # "thîm" (aspirate mutation) in 2's title, "timau" (plural) in 3's summary
        ("tim", [2, 3]),
        ("timau", [2, 3]),
        ("Cymraeg", [4]),  # "Gymraeg", soft-mutated
        ("Cymru", [3, 4]),  # "Cymru" in 3, "Nghymru" (nasal mutation) in 4
        ("teams", [2, 3]),  # "team's" in 2's guidance, "teams" in 3's summary: 2's title ranks first
        ("team Wales", [3]),
        ("agored", [3]),
        ("gwasanaethau", [1, 2, 4]),
        ("nothing like this", []),
    ],
)
def test_words_are_found_in_their_other_forms(library, query, numbers):
    assert found(query) == numbers


def test_title_matches_come_first_then_summary_then_guidance(library):
    assert found("team") == [2, 3], "2 has it in its title; 3 in its summary only"
    assert found("Wales") == [3, 4], "3 has it in its summary, 4 in its guidance"
    assert found("Welsh") == [4]
    assert found("gwasanaeth") == [1, 2, 4], "title, then summary (2 and 4, in the library's order)"
    assert found("accessibility statement") == [2]


@pytest.mark.parametrize(
    "query", ["AND", "a OR b", "NOT team", '"', "<script>", "'; DROP TABLE x; --", "x" * 300]
)
def test_odd_queries_are_words_and_never_fail(client, library, query):
    assert client.get("/standards/", {"q": query}).status_code == 200
    assert found("team AND open") == [], "AND is a word: no standard has it"


def test_the_library_page_lists_matches_best_first_in_both_languages(client, library):
    page = page_text(client.get("/standards/", {"q": "accessible"}))
    assert "2 standards match" in page
    assert page.index("1. Make the service accessible") < page.index("2. Have a multidisciplinary team")
    welsh = page_text(client.get("/cy/standards/", {"q": "tîm"}))
    assert welsh.index("2. Bod â thîm amlddisgyblaethol") < welsh.index("3. Gweithio yn agored")


def test_the_shipped_standards_are_found_by_word_form(client, reference):
    """The real library: "accessible" finds the standard whose guidance says "accessibility"."""
    page = page_text(client.get("/standards/", {"q": "accessible"}))
    assert "Make sure everyone can use the service" in page
    assert "Work in the open" in page_text(client.get("/standards/", {"q": "open"}))
    assert "Hyrwyddo'r Gymraeg" in page_text(client.get("/cy/standards/", {"q": "Cymraeg"}))
