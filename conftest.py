import pytest

from porth.directory.reference import reference_load


@pytest.fixture
def reference(db):
    """The shipped reference facts (organisations, teams, standards, well-being goals), loaded for real."""
    return reference_load()
