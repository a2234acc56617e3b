"""The routing pages read right in Welsh: each shipped version's "what changed" note in Welsh, however old the
database it was loaded into, and a version (fersiwn, feminine) "wedi'i chyhoeddi"."""

import pytest
from django.utils import translation

from porth.routing import services
from porth.routing.models import RuleSet

pytestmark = pytest.mark.django_db

V1_CY = "Y rhaniad gwaith a ddisgrifiwyd yn 2021, fel y cafodd ei ysgrifennu gyntaf yn Porth."


def welsh_list(client, admin_user) -> str:
    client.force_login(admin_user)
    return client.get("/cy/routing/").content.decode()


@pytest.mark.parametrize(
    "old_notes_en",
    ["The division of work described in 2021, as shipped with Porth.", "", "Rheolau 2021 / the 2021 rules"],
)
def test_version_1_loaded_before_welsh_notes_gets_its_welsh_note(client, admin_user, reference, old_notes_en):
    # A database from before the notes were bilingual: version 1 with English only (or nothing), maybe
    # without the key that says it is the shipped one.
    RuleSet.objects.filter(version=1).update(notes_en=old_notes_en, notes_cy="", shipped_as="")
    assert 'lang="en"' in welsh_list(client, admin_user) or not old_notes_en

    services.rule_sets_ensure_shipped()

    version_1 = RuleSet.objects.get(version=1)
    assert version_1.shipped_as == "1" and version_1.notes_cy == V1_CY
    assert version_1.notes_en == (old_notes_en or services.SHIPPED[0].notes_en)
    page = welsh_list(client, admin_user)
    assert V1_CY in page and "The division of work" not in page


def test_notes_someone_wrote_in_welsh_are_kept(reference):
    RuleSet.objects.filter(version=1).update(notes_cy="Nodyn a ysgrifennodd rhywun.")
    services.rule_sets_ensure_shipped()
    assert RuleSet.objects.get(version=1).notes_cy == "Nodyn a ysgrifennodd rhywun."


def test_a_published_version_is_wedi_i_chyhoeddi():
    with translation.override("cy"):
        assert str(RuleSet.Status.PUBLISHED.label) == "Wedi'i chyhoeddi"
        assert str(RuleSet.State.REPLACED.label) == "Wedi'i disodli"


def test_the_welsh_routing_pages_never_say_a_version_is_wedi_i_gyhoeddi(client, admin_user, reference):
    client.force_login(admin_user)
    for path in ("/cy/routing/", "/cy/routing/1/", "/cy/routing/2/"):
        assert "Wedi'i gyhoeddi" not in client.get(path).content.decode()
