"""The similar-projects panel on a Welsh page explains a match in Welsh: the words in common are the words the
person typed (never the English of the project that matched), under a Welsh heading, with Welsh labels."""

import html
import re

import pytest

from porth.similarity import service
from porth.testing import make_project

pytestmark = pytest.mark.django_db(transaction=True)

TYPED = "Trefnu slot amser i ymweld â'r ganolfan ailgylchu ar-lein, i drigolion"


@pytest.fixture(autouse=True)
def fresh_index():
    service.index_forget()
    yield
    service.index_forget()


@pytest.fixture
def english_only(reference):
    from porth.testing import person

    owner = person("owner@cardiff.example", "W06000015")
    return make_project(
        owner,
        title_en="Booking a time slot at the recycling centre",
        title_cy="",
        summary_en="Residents book a time slot online to visit the recycling centre instead of queueing.",
        summary_cy="",
    )


def test_words_in_common_are_the_welsh_words_typed_even_for_an_english_project(client, english_only):
    page = html.unescape(client.get("/cy/similar/", {"text": TYPED}).content.decode())
    assert "Booking a time slot at the recycling centre" in page
    assert "Geiriau yn gyffredin:" in page and "Words in common" not in page
    explanation = page[page.index("Geiriau yn gyffredin:") :].split("</p>", 1)[0]
    shared = re.findall(r"<strong>([^<]+)</strong>", explanation)
    typed = TYPED.lower()
    assert shared and all(word in typed for word in shared)
    assert not {"recycling", "centre", "booking", "residents", "online"} & set(" ".join(shared).split())
    assert "Alffa" in page or "alffa" in page.lower()  # the phase in Welsh, not "Alpha"


def words_in_common(page: str, heading: str) -> list[str]:
    explanation = page[page.index(heading) :].split("</p>", 1)[0]
    return re.findall(r"<strong>([^<]+)</strong>", explanation)


def test_a_bilingual_projects_similar_panel_explains_the_match_in_the_readers_language(client, english_only):
    from porth.testing import person

    bilingual = make_project(person("someone@swansea.example", "W06000011"))
    path = f"/projects/{bilingual.pk}/"
    welsh_words = words_in_common(
        html.unescape(client.get(f"/cy{path}").content.decode()),
        "Geiriau yn gyffredin:",
    )
    welsh_text = f"{bilingual.title_cy} {bilingual.summary_cy}".lower()
    assert welsh_words and all(word in welsh_text for word in welsh_words)
    english_words = words_in_common(html.unescape(client.get(path).content.decode()), "Words in common:")
    english_text = f"{bilingual.title_en} {bilingual.summary_en}".lower()
    assert english_words and all(word in english_text for word in english_words)
