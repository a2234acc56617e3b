"""Each vocabulary has one source (porth.core.vocabulary); the engine, models and API agree with it."""

import typing

from porth.core import vocabulary
from porth.core.phases import REQUEST_PHASES, Phase
from porth.directory.models import OrganisationKind, Sector
from porth.frontdoor import api as frontdoor_api
from porth.frontdoor.models import Timescale
from porth.routing import engine
from porth.routing.models import Help


def test_the_models_choices_are_the_vocabularies_in_order():
    assert tuple(OrganisationKind.values) == vocabulary.ORGANISATION_KINDS
    assert tuple(Sector.values) == vocabulary.SECTORS
    assert tuple(Help.values) == vocabulary.HELP_CODES
    assert tuple(Timescale.values) == vocabulary.TIMESCALES
    assert tuple(Phase.values) == vocabulary.PHASES
    assert tuple(value for value, _label in REQUEST_PHASES) == vocabulary.REQUEST_PHASES


def test_the_engine_routes_on_the_same_vocabularies():
    assert engine.ORGANISATION_KINDS is vocabulary.ORGANISATION_KINDS
    assert engine.SECTORS is vocabulary.SECTORS
    assert engine.HELP_CODES is vocabulary.HELP_CODES


def test_the_api_accepts_exactly_the_vocabularies():
    assert typing.get_args(frontdoor_api.HelpCode) == vocabulary.HELP_CODES
    assert typing.get_args(frontdoor_api.PhaseCode) == vocabulary.REQUEST_PHASES
    assert typing.get_args(frontdoor_api.TimescaleCode) == vocabulary.TIMESCALES
