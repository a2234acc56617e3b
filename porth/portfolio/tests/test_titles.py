"""Every title a person types is refused when it holds hidden characters (porth.core.text)."""

import pytest

from porth.capability.forms import EngagementForm
from porth.core.text import validate_visible_text
from porth.frontdoor.forms import TitleForm
from porth.portfolio.forms import ProjectForm
from porth.portfolio.models import Project
from porth.skills.forms import CourseForm
from porth.standards.forms import CaseStudyForm
from porth.testing import NEW_PROJECT, page_text


@pytest.mark.parametrize(
    ("form", "field"),
    [
        (TitleForm, "title"),
        (ProjectForm, "title_en"),
        (ProjectForm, "title_cy"),
        (CourseForm, "title_en"),
        (CourseForm, "title_cy"),
        (CaseStudyForm, "title_en"),
        (CaseStudyForm, "title_cy"),
        (EngagementForm, "title_en"),
        (EngagementForm, "title_cy"),
    ],
)
def test_every_title_field_refuses_hidden_characters(form, field):
    assert validate_visible_text in form.base_fields[field].validators


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("prefix", "message"),
    [("", "Remove the hidden character U+2067"), ("/cy", "Tynnwch y nod cudd U+2067")],
)
def test_a_project_title_with_a_right_to_left_isolate_is_refused_and_nothing_is_saved(
    client, people, prefix, message
):
    client.force_login(people["owner"])
    response = client.post(
        f"{prefix}/projects/new/", {**NEW_PROJECT, "title_cy": "Cais am \u2067fathodyn glas"}
    )
    page = page_text(response)
    assert response.status_code == 200 and message in page
    assert not Project.objects.exists()
