"""The similar-project index: ranking across languages, the evidence rule, visibility masks, snapshots, the
exact check. Pure: no database."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from porth.similarity.index import LIKELY_SAME, BM25Index, Document, brute_force_top_k

RECYCLING_EN = 1
RECYCLING_CY = 2
BIN_CALENDAR = 3
ADMISSIONS_EN = 4
ADMISSIONS_CY = 5
SCHOOL_TRANSPORT = 6
BADGE_EN = 7
BADGE_CY = 8
SKILLS_EN = 13
SKILLS_CY = 14
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
    SKILLS_EN: "Digital skills training for senior leaders, with a community of practice afterwards.",
    SKILLS_CY: "Hyfforddiant sgiliau digidol i uwch arweinwyr, gyda chymuned ymarfer wedyn.",
}


def build(projects=PROJECTS) -> BM25Index:
    index = BM25Index()
    index.build([Document(key, text) for key, text in projects.items()])
    return index


@pytest.fixture(scope="module")
def index():
    return build()


def keys(matches) -> list[int]:
    return [match.key for match in matches]


def without(index: BM25Index, *hidden: int) -> np.ndarray:
    mask = np.ones(len(index), dtype=bool)
    for key in hidden:
        mask[index.slot_of(key)] = False
    return mask


def test_an_english_recycling_booking_finds_the_welsh_one_first(index):
    found = index.suggest(PROJECTS[RECYCLING_EN], 3, without(index, RECYCLING_EN))
    assert keys(found)[0] == RECYCLING_CY


def test_welsh_skills_training_finds_the_english_one_through_the_digital_work_glossary(index):
    found = index.suggest(PROJECTS[SKILLS_CY], 3, without(index, SKILLS_CY))
    assert keys(found)[:1] == [SKILLS_EN]
    assert set(found[0].shared_terms) & {"sgiliau", "hyfforddiant", "chymuned ymarfer", "arweinwyr"}


def test_a_near_miss_sharing_words_ranks_below_the_same_need(index):
    ranked = [key for key, _ in index.ranked(PROJECTS[ADMISSIONS_EN], 10, without(index, ADMISSIONS_EN))]
    assert ranked[0] == ADMISSIONS_CY
    assert SCHOOL_TRANSPORT not in ranked or ranked.index(ADMISSIONS_CY) < ranked.index(SCHOOL_TRANSPORT)


def test_scores_are_between_0_and_1_best_first_and_a_text_scores_1_against_itself(index):
    ranked = index.ranked(PROJECTS[BADGE_EN], 10)
    assert ranked[0] == (BADGE_EN, 1.0)
    scores = [score for _, score in ranked]
    assert scores == sorted(scores, reverse=True) and all(0 < s <= 1 for s in scores)


def test_shared_terms_are_the_questions_own_words(index):
    (best, *_rest) = index.suggest("Archebu slot yn y ganolfan ailgylchu", 3)
    assert best.key in (RECYCLING_CY, RECYCLING_EN)
    assert "ailgylchu" in best.shared_terms or "ganolfan ailgylchu" in best.shared_terms


def test_a_suggestion_needs_more_than_one_shared_word():
    index = build(
        {
            1: "Problems with potholes on the main road.",
            2: "Problems paying the council tax bill.",
            3: "Library opening hours.",
            4: "Flood alerts by text message.",
        }
    )
    assert keys(index.suggest("Problems with the school minibus", 5)) == []
    assert 1 in keys(index.suggest("Report potholes on the road", 5))


def test_the_mask_hides_projects_before_the_best_are_chosen(index):
    mask = without(index, RECYCLING_CY)
    assert RECYCLING_CY not in keys(index.suggest(PROJECTS[RECYCLING_EN], 5, mask))
    assert keys(index.suggest(PROJECTS[RECYCLING_EN], 5, np.zeros(len(index), dtype=bool))) == []


def test_likely_the_same_holds_for_a_copy_and_not_for_a_near_miss(index):
    copy = index.suggest(PROJECTS[BADGE_EN] + " Updated.", 3)
    assert copy[0].key == BADGE_EN and copy[0].likely_same
    near = {m.key: m for m in index.suggest(PROJECTS[SCHOOL_TRANSPORT], 5, without(index, SCHOOL_TRANSPORT))}
    assert ADMISSIONS_EN not in near or not near[ADMISSIONS_EN].likely_same


@pytest.mark.parametrize("text", ["", "   ", "the and of", "y mae yn ar", "Council digital online project"])
def test_an_empty_or_stop_word_question_gives_nothing(index, text):
    assert index.suggest(text, 5) == [] and index.ranked(text, 5) == []


def test_an_empty_index_answers_nothing():
    index = build({})
    assert index.suggest("recycling centre", 5) == [] and len(index) == 0


def test_a_snapshot_saved_and_opened_answers_the_same(index, tmp_path):
    index.save(tmp_path / "snapshot")
    opened = BM25Index.load(tmp_path / "snapshot")
    for text in PROJECTS.values():
        assert opened.ranked(text, 5) == index.ranked(text, 5)
        assert keys(opened.suggest(text, 5)) == keys(index.suggest(text, 5))
    assert isinstance(opened.keys, np.memmap)


def test_a_rebuild_with_a_cache_analyses_only_what_changed(monkeypatch):
    from porth.similarity import index as module

    calls = []
    analyse = module.analyse

    def counting(text):
        calls.append(text)
        return analyse(text)

    cache = {}
    first = BM25Index(analyser=counting)
    first.build([Document(k, t) for k, t in PROJECTS.items()], cache=cache)
    calls.clear()
    changed = {**PROJECTS, RECYCLING_EN: "Garden waste permits online."}
    second = BM25Index(analyser=counting)
    second.build([Document(k, t) for k, t in changed.items() if k != 9], cache=cache)
    assert calls == ["Garden waste permits online."]
    assert 9 not in cache and second.slot_of(9) is None


def test_pairs_among_finds_each_pair_once_with_the_smaller_key_first(index):
    pairs = index.pairs_among([RECYCLING_EN, RECYCLING_CY, BADGE_EN, BADGE_CY, 999], 0.05)
    assert all(a < b for a, b, _ in pairs)
    found = {(a, b) for a, b, _ in pairs}
    assert (BADGE_EN, BADGE_CY) in found and (RECYCLING_EN, RECYCLING_CY) in found
    assert all(score >= 0.05 for *_pair, score in pairs)
    assert index.pairs_among([BADGE_EN], LIKELY_SAME) == []


def test_the_fast_ranking_matches_the_exact_brute_force(index):
    for text in PROJECTS.values():
        assert index.ranked(text, 5) == brute_force_top_k(index, text, 5)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200), st.integers(min_value=-3, max_value=30))
def test_any_question_is_answered_safely(text, k):
    index = build()
    mask = np.asarray([key % 2 == 0 for key in index.keys])
    found = index.suggest(text, k, mask)
    assert len(found) <= max(k, 0)
    assert all(match.key in PROJECTS and match.key % 2 == 0 and match.score > 0 for match in found)


@pytest.mark.parametrize(
    "text",
    ["\x00" * 100, "<img src=x onerror=alert(1)> canolfan ailgylchu", "♻️" * 5000, "x" * 1_000_000],
)
def test_hostile_questions_are_answered(index, text):
    assert isinstance(index.suggest(text, 5), list)
