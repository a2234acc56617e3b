"""The similar-project index: ranking, the threshold, changes, visibility filtering. Pure: no database."""

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from porth.similarity import index as index_module
from porth.similarity.index import LIKELY_SAME, Document, LexicalIndex, Match, brute_force_top_k

RECYCLING_EN = 1
RECYCLING_CY = 2
BIN_CALENDAR = 3
ADMISSIONS_EN = 4
ADMISSIONS_CY = 5
SCHOOL_TRANSPORT = 6
BADGE_EN = 7
BADGE_CY = 8
PROJECTS = {
    RECYCLING_EN: "Book a slot at the recycling centre. Residents book a time to visit the household waste "
    "recycling centre, so queues stop.",
    RECYCLING_CY: "Trefnu slot mewn canolfan ailgylchu. Bydd trigolion yn dewis amser i ymweld â'r ganolfan "
    "ailgylchu.",
    BIN_CALENDAR: "Bin collection calendar. Enter your postcode to see which day your recycling and waste "
    "bins are collected.",
    ADMISSIONS_EN: "School admissions. Parents apply for a school place for their child online.",
    ADMISSIONS_CY: "Derbyniadau ysgol. Rhieni yn gwneud cais am le mewn ysgol i'w plentyn.",
    SCHOOL_TRANSPORT: "School transport. Check whether your child can get free transport to school and apply "
    "for a bus pass.",
    BADGE_EN: "Blue Badge applications. Disabled people apply for or renew a Blue Badge for parking.",
    BADGE_CY: "Cais am Fathodyn Glas. Pobl anabl yn gwneud cais am fathodyn glas neu ei adnewyddu.",
    9: "Library e-books. Borrow e-books and audiobooks free with your library card.",
    10: "E-lyfrau llyfrgell. Benthyg e-lyfrau am ddim gyda'ch cerdyn llyfrgell.",
    11: "Nurse rostering. Electronic rota for ward nurses with bank shifts.",
    12: "Rhybuddion llifogydd. Cofrestru i gael rhybudd am lifogydd drwy neges destun.",
}


def build(projects=PROJECTS) -> LexicalIndex:
    index = LexicalIndex()
    index.build(Document(key, text) for key, text in projects.items())
    return index


@pytest.fixture
def index():
    return build()


def keys(matches: list[Match]) -> list[int]:
    return [match.key for match in matches]


def score_of(matches: list[Match], key: int) -> float:
    return next((match.score for match in matches if match.key == key), 0.0)


def test_an_english_recycling_booking_finds_the_welsh_one(index):
    found = index.query("Recycling centre booking", k=3)
    assert RECYCLING_CY in keys(found)[:2]


def test_a_near_miss_sharing_words_ranks_below_the_same_need(index):
    found = index.similar_to(RECYCLING_EN, k=5)
    assert keys(found)[0] == RECYCLING_CY
    assert score_of(found, BIN_CALENDAR) < score_of(found, RECYCLING_CY)


def test_school_transport_ranks_below_admissions_in_the_other_language(index):
    found = index.similar_to(ADMISSIONS_EN, k=5)
    assert keys(found)[0] == ADMISSIONS_CY
    assert score_of(found, SCHOOL_TRANSPORT) < score_of(found, ADMISSIONS_CY)


@pytest.mark.parametrize(
    "first, second", [(RECYCLING_EN, RECYCLING_CY), (ADMISSIONS_EN, ADMISSIONS_CY), (BADGE_EN, BADGE_CY)]
)
def test_the_same_need_across_languages_is_likely_the_same(index, first, second):
    assert score_of(index.similar_to(first, k=5), second) >= LIKELY_SAME


@pytest.mark.parametrize(
    "first, second", [(RECYCLING_EN, BIN_CALENDAR), (RECYCLING_CY, BIN_CALENDAR), (BADGE_EN, ADMISSIONS_EN)]
)
def test_a_near_miss_is_not_likely_the_same(index, first, second):
    assert score_of(index.similar_to(first, k=20), second) < LIKELY_SAME


def test_scores_are_between_0_and_1_best_first(index):
    found = index.similar_to(RECYCLING_EN, k=20)
    scores = [match.score for match in found]
    assert scores == sorted(scores, reverse=True)
    assert all(0 < score <= 1 for score in scores)
    assert index.query(PROJECTS[BADGE_CY], k=1)[0].score == pytest.approx(1.0, abs=1e-5)


def test_shared_terms_are_the_documents_own_words(index):
    match = index.query("Recycling centre booking with a slot", k=1, exclude=(RECYCLING_EN,))[0]
    assert match.key == RECYCLING_CY
    assert "canolfan ailgylchu" in match.shared_terms
    assert "slot" in match.shared_terms
    assert len(match.shared_terms) <= 6


def test_allowed_never_returns_a_hidden_project_even_the_best(index):
    hidden = {RECYCLING_CY, 9}
    found = index.query("Trefnu slot mewn canolfan ailgylchu", k=10, allowed=lambda key: key not in hidden)
    assert found
    assert not hidden & set(keys(found))


def test_allowed_filters_before_the_top_k_is_chosen(index):
    found = index.similar_to(RECYCLING_EN, k=2, allowed=lambda key: key != RECYCLING_CY)
    assert len(found) == 2
    assert RECYCLING_CY not in keys(found)


def test_allowed_hiding_everything_gives_nothing(index):
    assert index.query("recycling", k=5, allowed=lambda key: False) == []


def test_allowed_is_asked_only_about_candidates(index):
    asked = []
    index.query("Blue badge", k=1, allowed=lambda key: asked.append(key) or True)
    assert set(asked) <= set(PROJECTS)
    assert 0 < len(asked) < len(PROJECTS)


def test_exclude_leaves_projects_out(index):
    found = index.query(PROJECTS[RECYCLING_EN], k=5, exclude=(RECYCLING_EN, RECYCLING_CY))
    assert not {RECYCLING_EN, RECYCLING_CY} & set(keys(found))


def test_similar_to_never_returns_itself(index):
    for key in PROJECTS:
        assert key not in keys(index.similar_to(key, k=20))


def test_add_makes_a_project_findable_without_a_rebuild(index):
    index.add(Document(100, "Archebu slot yn y ganolfan ailgylchu"))
    assert len(index) == len(PROJECTS) + 1
    assert 100 in keys(index.similar_to(RECYCLING_EN, k=3))


def test_add_replaces_a_project_saved_again(index):
    index.add(Document(RECYCLING_CY, "Rota electronig i nyrsys ar y wardiau"))
    assert len(index) == len(PROJECTS)
    assert RECYCLING_CY not in keys(index.similar_to(RECYCLING_EN, k=3))
    assert keys(index.similar_to(11, k=1)) == [RECYCLING_CY]


def test_remove_forgets_a_project(index):
    index.remove(RECYCLING_CY)
    index.remove(12345)  # unknown: ignored
    assert len(index) == len(PROJECTS) - 1
    assert RECYCLING_CY not in keys(index.query("canolfan ailgylchu", k=10))
    assert index.similar_to(RECYCLING_CY) == []


def test_added_then_removed_projects_go(index):
    index.add(Document(100, "Archebu slot yn y ganolfan ailgylchu"))
    index.remove(100)
    assert 100 not in keys(index.query("canolfan ailgylchu", k=10))
    assert len(index) == len(PROJECTS)


def test_changes_survive_a_merge_of_the_side_segment(index, monkeypatch):
    monkeypatch.setattr(index_module, "MERGE_AT", 2)
    monkeypatch.setattr(index_module, "REFIT_UNDER", 0)
    index.remove(BADGE_CY)
    for n in range(5):
        index.add(Document(200 + n, f"Archebu slot yn y ganolfan ailgylchu rhif {n}"))
    index.add(Document(202, "Rota electronig i nyrsys"))
    index.remove(203)
    assert len(index) == len(PROJECTS) - 1 + 4
    found = keys(index.query("canolfan ailgylchu", k=20))
    assert {200, 201, 204} <= set(found)
    assert not {202, 203, BADGE_CY} & set(found)
    assert keys(index.similar_to(11, k=1)) == [202]


def test_drift_counts_changes_since_the_build(index, monkeypatch):
    monkeypatch.setattr(index_module, "REFIT_UNDER", 0)
    assert index.drift == 0
    index.add(Document(100, "Archebu slot"))
    assert index.drift == pytest.approx(1 / len(PROJECTS))
    index.build(Document(key, text) for key, text in PROJECTS.items())
    assert index.drift == 0


def test_an_empty_index_answers_nothing():
    empty = LexicalIndex()
    assert len(empty) == 0
    assert empty.query("recycling centre booking") == []
    assert empty.similar_to(1) == []


def test_a_small_index_refits_itself_as_projects_arrive():
    index = LexicalIndex()
    index.build([])
    index.add(Document(1, "Recycling centre booking"))
    index.add(Document(2, "Archebu slot yn y ganolfan ailgylchu"))
    assert keys(index.similar_to(1)) == [2]
    assert index.drift == 0


def test_a_large_index_keeps_its_vocabulary_until_rebuilt(monkeypatch):
    monkeypatch.setattr(index_module, "REFIT_UNDER", 0)
    index = build()
    index.add(Document(100, "Zygomorphic quokka"))
    assert index.query("quokka") == []  # a word unseen at build carries no weight
    assert index.drift > 0
    index.build(Document(key, text) for key, text in {**PROJECTS, 100: "Zygomorphic quokka"}.items())
    assert keys(index.query("quokka")) == [100]


@pytest.mark.parametrize("text", ["", "   ", "the and of", "y mae yn ar", "Council digital online project"])
def test_an_empty_or_stop_word_query_gives_nothing(index, text):
    assert index.query(text) == []


def test_k_of_zero_gives_nothing(index):
    assert index.query("recycling", k=0) == []


def test_build_keeps_the_last_text_of_a_repeated_key():
    index = LexicalIndex()
    index.build([Document(1, "Nurse rostering"), Document(2, "Blue badge"), Document(1, "Library e-books")])
    assert len(index) == 2
    assert keys(index.query("library", k=5)) == [1]


def test_results_do_not_depend_on_the_order_projects_were_built_in():
    items = list(PROJECTS.items())
    random.Random(3).shuffle(items)
    shuffled = build(dict(items))
    original = build()
    for key in PROJECTS:
        assert shuffled.similar_to(key, k=5) == original.similar_to(key, k=5)


def test_pairs_among_finds_the_likely_same_pairs(index):
    index.add(Document(100, PROJECTS[BADGE_EN]))
    pairs = index.pairs_among([RECYCLING_EN, RECYCLING_CY, BIN_CALENDAR, BADGE_CY, 100, 999], LIKELY_SAME)
    assert [(a, b) for a, b, _ in pairs] == [(BADGE_CY, 100), (RECYCLING_EN, RECYCLING_CY)]
    assert pairs[1][2] == pytest.approx(score_of(index.similar_to(RECYCLING_EN), RECYCLING_CY), abs=1e-5)


def test_search_matches_brute_force_over_the_same_vectors(index):
    index.add(Document(100, "Archebu slot yn y ganolfan ailgylchu"))
    index.remove(BADGE_EN)
    matrix_keys, matrix = index.matrix()
    for text in PROJECTS.values():
        vector = index.vectorise(text)
        assert index.search(vector, 5) == brute_force_top_k(matrix, matrix_keys, vector, 5)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200), st.integers(min_value=-3, max_value=30))
def test_any_query_is_answered_safely(text, k):
    index = build()
    found = index.query(text, k=k, allowed=lambda key: key % 2 == 0)
    assert len(found) <= max(k, 0)
    assert all(match.key in PROJECTS and match.key % 2 == 0 and 0 < match.score <= 1 for match in found)


@pytest.mark.parametrize(
    "text",
    ["\x00" * 100, "<img src=x onerror=alert(1)> canolfan ailgylchu", "♻️" * 5000, "x" * 1_000_000],
)
def test_hostile_queries_are_answered(index, text):
    assert isinstance(index.query(text, k=5), list)
