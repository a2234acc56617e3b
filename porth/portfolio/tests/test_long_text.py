"""Long text is never cut short: the limit is said and counted before sending, and over-long text is refused
with a clear message, keeping every character that was typed so nothing is lost."""

import re

import pytest

from porth.frontdoor.models import HelpRequest
from porth.portfolio.models import Project
from porth.testing import ANSWERS, NEW_PROJECT, page_text

pytestmark = pytest.mark.django_db


def _counted(page, name):
    """The character count around field `name`: its data-maxlength, and whether the input has maxlength."""
    match = re.search(
        rf'<div class="govuk-form-group govuk-character-count[^"]*" data-module="govuk-character-count" '
        rf'data-maxlength="(\d+)"[^>]*>(?:(?!</div>\s*</div>).)*?name="{name}"(.*?)>',
        page,
        re.S,
    )
    assert match, f"{name} is not a character count"
    return int(match.group(1)), "maxlength" in match.group(2)


@pytest.mark.parametrize(
    ("prefix", "limit_text"),
    [("", "You can enter up to 200 characters"), ("/cy", "Gallwch roi hyd at 200 nod")],
)
def test_the_project_form_says_each_limit_and_counts_in_the_readers_language(
    client, people, prefix, limit_text
):
    client.force_login(people["owner"])
    page = page_text(client.get(f"{prefix}/projects/new/"))
    for name, limit in [("title_en", 200), ("title_cy", 200), ("summary_en", 5000), ("summary_cy", 5000)]:
        assert _counted(page, name) == (limit, False)  # no maxlength: the browser must not cut pasted text
    assert limit_text in page
    remaining = "Mae gennych %{count} nod ar ôl" if prefix else "You have %{count} characters remaining"
    assert remaining in page


def test_an_over_long_project_title_is_refused_and_kept_whole(client, people):
    client.force_login(people["owner"])
    title = "Cais am fathodyn glas " + "a" * 200
    page = page_text(client.post("/projects/new/", {**NEW_PROJECT, "title_cy": title}))
    assert f"Shorten this to 200 characters or fewer (it has {len(title)})" in page
    assert title in page  # what was typed is shown again in full, not cut to 200
    assert not Project.objects.exists()


def test_an_over_long_project_summary_is_refused_in_welsh(client, people):
    client.force_login(people["owner"])
    page = page_text(client.post("/cy/projects/new/", {**NEW_PROJECT, "summary_cy": "b" * 5001}))
    assert "Byrhewch hwn i 5000 nod neu lai (mae ganddo 5001)" in page
    assert not Project.objects.exists()


def test_an_over_long_update_is_refused_and_the_project_keeps_its_last_update(client, people, project):
    client.force_login(people["colleague"])
    long = "The supplier missed a deadline. " * 100  # 3,200 characters
    page = page_text(
        client.post(f"/projects/{project.pk}/update/", {"status": "at_risk", "what_happened": long})
    )
    assert "Keep it to 3,000 characters or fewer" in page and long.strip() in page
    assert not project.updates.exists()
    assert _counted(page, "what_happened") == (3000, False)


def test_the_front_door_says_its_limits_and_refuses_an_over_long_description_without_cutting_it(
    client, submitter
):
    client.force_login(submitter)
    for slug, data in ANSWERS.items():
        if slug == "title":
            break
        client.post(f"/ask/{slug}/", data)
    assert _counted(page_text(client.get("/ask/title/")), "title") == (150, False)
    title = "t" * 151
    assert "The name must be 150 characters or fewer" in page_text(
        client.post("/ask/title/", {"title": title})
    )
    client.post("/ask/title/", ANSWERS["title"])
    description = "Nobody can book a visit online. " * 160  # 5,120 characters
    page = page_text(client.post("/ask/problem/", {"description": description}))
    assert "The description must be 5,000 characters or fewer" in page and description.strip() in page
    assert _counted(page, "description") == (5000, False)
    assert not HelpRequest.objects.exists()


def test_a_tag_longer_than_a_tag_can_be_is_refused_not_cut(client, people):
    client.force_login(people["owner"])
    tag = "cynllun archebu slotiau canolfannau ailgylchu ar draws y sir gyfan"  # 67 characters
    page = page_text(client.post("/cy/projects/new/", {**NEW_PROJECT, "tags": f"booking, {tag}"}))
    assert f"Byrhewch y tag “{tag}” i 60 nod neu lai" in page
    assert not Project.objects.exists()
