"""Matching ranks people by role, skills, Welsh and free capacity, and says why (pure Python)."""

import datetime
from decimal import Decimal

import pytest

from porth.capability.matching import Candidate, Need, match, rank

WEEKS = tuple(datetime.date(2026, 3, 2) + datetime.timedelta(weeks=n) for n in range(4))
NEED = Need(
    role="user-researcher",
    family="user_centred_design",
    skills=frozenset({"accessibility-testing", "research-welsh-speakers"}),
    welsh_needed=True,
    days=Decimal(2),
    weeks=WEEKS,
)


def candidate(key=1, role="user-researcher", family="user_centred_design", skills=(), welsh=5, free="2"):
    frees = free if isinstance(free, list) else [free] * len(WEEKS)
    return Candidate(
        key, role, family, frozenset(skills), welsh, dict(zip(WEEKS, map(Decimal, frees), strict=True))
    )


@pytest.mark.parametrize(
    ("kwargs", "score", "codes"),
    [
        (
            {"skills": ["accessibility-testing", "research-welsh-speakers"]},
            100,
            ["role_same", "skills_all", "welsh_yes", "free_all"],
        ),
        (
            {"role": "service-designer"},
            15 + 0 + 15 + 20,
            ["role_family", "skills_none", "welsh_yes", "free_all"],
        ),
        (
            {"role": "data-analyst", "family": "data"},
            0 + 0 + 15 + 20,
            ["role_other", "skills_none", "welsh_yes", "free_all"],
        ),
        (
            {"skills": ["accessibility-testing"], "welsh": 2},
            40 + 12 + 0 + 20,
            ["role_same", "skills_some", "welsh_no", "free_all"],
        ),
        (
            {"free": ["2", "1", "2", "0"]},
            40 + 0 + 15 + 10,
            ["role_same", "skills_none", "welsh_yes", "free_some"],
        ),
        ({"free": "1.5"}, 40 + 0 + 15 + 0, ["role_same", "skills_none", "welsh_yes", "free_none"]),
    ],
)
def test_each_part_of_the_score_comes_with_its_reason(kwargs, score, codes):
    found = match(NEED, candidate(**kwargs))
    assert found.score == score
    assert [r.code for r in found.reasons] == codes


def test_welsh_level_3_is_enough_to_work_in_welsh_and_2_is_not():
    assert match(NEED, candidate(welsh=3)).reasons[2].code == "welsh_yes"
    assert match(NEED, candidate(welsh=2)).reasons[2].code == "welsh_no"


def test_when_welsh_is_not_needed_it_does_not_change_the_order():
    need = Need(NEED.role, NEED.family, NEED.skills, False, NEED.days, NEED.weeks)
    assert match(need, candidate(welsh=0)).score == match(need, candidate(welsh=5)).score
    assert "welsh_yes" not in [r.code for r in match(need, candidate()).reasons]


def test_the_reason_for_partial_capacity_names_the_first_week_short():
    found = match(NEED, candidate(free=["2", "2", "1", "0"]))
    assert found.reasons[-1].facts == {"free": 2, "count": 4, "first_short": WEEKS[2]}
    assert not found.fits


def test_only_someone_free_in_every_week_fits():
    assert match(NEED, candidate(free="2")).fits
    assert not match(NEED, candidate(free=["2", "2", "2", "1.5"])).fits


def test_rank_puts_the_best_match_first_and_keeps_the_given_order_for_equals():
    people = [
        candidate(1, role="data-analyst", family="data"),
        candidate(2, skills=["accessibility-testing"]),
        candidate(3, skills=["accessibility-testing"]),
        candidate(4, skills=["accessibility-testing", "research-welsh-speakers"], free="0"),
        candidate(5, skills=["accessibility-testing", "research-welsh-speakers"]),
    ]
    # 5 has everything (100); 2 and 3 half the skills but free (87); 4 every skill but no days free (80).
    assert [m.key for m in rank(NEED, people)] == [5, 2, 3, 4, 1]


def test_no_skills_asked_for_scores_the_skills_in_full_for_everyone():
    need = Need(NEED.role, NEED.family, frozenset(), NEED.welsh_needed, NEED.days, NEED.weeks)
    assert match(need, candidate()).score == 100
    assert match(need, candidate()).reasons[1].code == "skills_none_asked"
