import pytest
from django.utils import translation

from porth.directory.reference import reference_load
from porth.frontdoor.services import rule_set_ensure_shipped


@pytest.fixture
def reference(db):
    """The shipped reference facts (organisations, teams, standards, well-being goals) and the shipped
    routing rules, loaded for real."""
    report = reference_load()
    rule_set_ensure_shipped()
    return report


@pytest.fixture(autouse=True)
def english_by_default():
    """Each test starts in English: a Welsh page in an earlier test must not leave Welsh switched on."""
    translation.activate("en")
    yield
    translation.deactivate()
