"""Each vocabulary has one source (porth.core.vocabulary); the engine, models and API agree with it."""

import typing

import pytest
from django.utils import translation

from porth.core import vocabulary
from porth.core.phases import REQUEST_PHASES, Phase
from porth.directory.models import OrganisationKind, Sector
from porth.frontdoor import api as frontdoor_api
from porth.frontdoor import forms as frontdoor_forms
from porth.frontdoor.models import Timescale
from porth.routing import engine, explain
from porth.routing.models import Help, HelperRole, WorkKind


def test_the_models_choices_are_the_vocabularies_in_order():
    assert tuple(OrganisationKind.values) == vocabulary.ORGANISATION_KINDS
    assert tuple(Sector.values) == vocabulary.SECTORS
    assert tuple(Help.values) == vocabulary.HELP_CODES
    assert tuple(Timescale.values) == vocabulary.TIMESCALES
    assert tuple(WorkKind.values) == vocabulary.WORK_KINDS
    assert tuple(HelperRole.values) == vocabulary.HELPER_ROLES
    assert tuple(Phase.values) == vocabulary.PHASES
    assert tuple(value for value, _label in REQUEST_PHASES) == vocabulary.REQUEST_PHASES


def test_the_engine_routes_on_the_same_vocabularies():
    assert engine.ORGANISATION_KINDS is vocabulary.ORGANISATION_KINDS
    assert engine.SECTORS is vocabulary.SECTORS
    assert engine.HELP_CODES is vocabulary.HELP_CODES
    assert engine.WORK_KINDS is vocabulary.WORK_KINDS
    assert engine.HELPER_ROLES is vocabulary.HELPER_ROLES


def test_the_api_accepts_exactly_the_vocabularies():
    assert typing.get_args(frontdoor_api.HelpCode) == vocabulary.HELP_CODES
    assert typing.get_args(frontdoor_api.PhaseCode) == vocabulary.REQUEST_PHASES
    assert typing.get_args(frontdoor_api.TimescaleCode) == vocabulary.TIMESCALES
    assert typing.get_args(frontdoor_api.HelperIn.model_fields["role"].annotation) == vocabulary.HELPER_ROLES
    work_kind = frontdoor_api.FactsIn.model_fields["work_kind"].annotation
    assert typing.get_args(typing.get_args(work_kind)[0]) == vocabulary.WORK_KINDS


def test_the_journey_offers_the_helper_roles_of_the_vocabulary_with_their_translated_labels():
    codes = [code for code, _label in frontdoor_forms.ROLE_CHOICES]
    assert codes == ["owner", *vocabulary.HELPER_ROLES]
    # The labels are the helper roles' own: one source, not a copy that could drift from it.
    assert all(
        dict(frontdoor_forms.ROLE_CHOICES)[role] == HelperRole(role).label for role in HelperRole.values
    )
    with translation.override("cy"):
        labels = dict(frontdoor_forms.ROLE_CHOICES)
        assert str(labels["deliver"]) == "Maen nhw'n ei gyflawni (er enghraifft cyflenwr, neu sgwad)"
        assert str(labels["advise"]) == "Maen nhw'n cynghori"


@pytest.mark.parametrize(
    ("phrases", "vocabulary_codes"),
    [
        (explain._kinds, vocabulary.ORGANISATION_KINDS),
        (explain._sectors, vocabulary.SECTORS),
        (explain._work_kinds, vocabulary.WORK_KINDS),
        *[
            (lambda p=position: explain._help(p), vocabulary.HELP_CODES)
            for position in ("first", "middle", "or", "nor")
        ],
    ],
)
def test_the_explanations_have_a_phrase_for_every_code_and_none_besides(phrases, vocabulary_codes):
    assert set(phrases()) == set(vocabulary_codes)
