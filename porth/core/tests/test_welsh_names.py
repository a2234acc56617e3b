"""Names in Welsh sentences: no name is put straight after a word that would mutate it.

Welsh mutates the first letter of a word after many prepositions, conjunctions and possessives: "gan Dîm
Digidol", "i Gaerdydd", "â Chyngor", "yng Nghanolfan", and "ag" for "â" before a vowel. Porth cannot mutate
a name it inserts (it stores each name once, in its radical form), so the Welsh catalogue words its sentences
so that no name follows such a word: the name goes after a colon ("Darparwr: %(name)s"), first in the sentence
("%(team)s sy'n ei rhedeg"), after a noun that takes the mutation itself ("i'r gronfa %(pool)s"), as the
second noun of a genitive ("Pobl %(organisation)s"), or after a preposition that mutates nothing ("ar gyfer",
"yn erbyn", "yn ôl").
"""

import re
import subprocess
from gettext import GNUTranslations
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext

PO_FILE = Path(settings.BASE_DIR) / "locale" / "cy" / "LC_MESSAGES" / "django.po"

# The placeholders in the catalogue that hold names, titles or other words Welsh would mutate: people (name,
# person, who), organisations, teams, pools and suppliers, titles of projects, courses, programme items and
# goals, frameworks, sign-in providers, and the names of roles and role families (common nouns, which mutate
# as well). {name}, {teams} and {names} are the brace-style ones. Placeholders for numbers, dates, times,
# e-mail addresses, web addresses, references and codes are left out: digits, addresses and codes do not
# mutate (every date Porth writes starts with the day's number).
# fmt: off
NAMES = (
    "asked", "family", "framework", "goal", "item", "name", "names", "organisation", "person", "pool",
    "pools", "project", "provider", "role", "supplier", "team", "teams", "title", "who",
)
# fmt: on

# The words after which a name would mutate. Soft: am, ar, at, gan, heb, i, o, dan, tan, dros, tros, drwy,
# trwy, wrth, hyd, rhag, neu, pan, dyma, dyna, dacw, dau, dwy, dy, ei (his), yn before a noun or adjective.
# Aspirate: â, a, gyda, tua, na, tri, chwe, ei (her). Nasal: yn (in) and its forms yng and ym, fy. Also the
# forms used before a vowel (ag, ac, gydag, nag, nac), which are wrong before a name that starts with a
# consonant, and eu, ein, eich, which put h before a vowel.
# The article (y, yr and 'r, as in "i'r" or "o'r") is a trigger too: it mutates a feminine noun ("y
# Ganolfan"), and a name written after it would read as a common noun anyway, so "i'r %(team)s" is as wrong
# as "i %(team)s"; "i'r gronfa %(pool)s" is right, because the article governs "cronfa", not the name.
# The same goes for the other short forms joined by an apostrophe: 'i and 'w (his, her, their: "i'w",
# "o'i"), 'th and 'm (your, my) and 'n ("mae'n", predicative yn).
# Not triggers: "Annwyl" in a letter's greeting (personal names stay unmutated after it by convention, and
# "Annwyl %(name)s," is how a Welsh letter opens), "ar gyfer", "yn erbyn" and "yn ôl" (their last word mutates
# nothing), and a verb: the subject after an inflected verb does not mutate ("Mae %(name)s", "Gall %(pool)s"),
# nor the object of a verb-noun or of an impersonal form ("Tynnu %(person)s", "Dilëwyd %(name)s").
# A name in quotation marks ('am "%(title)s"', "ar “%(title)s”") is quoted as written, unmutated, so the scan
# lets a quotation mark stand between the word and the name.
# fmt: off
TRIGGERS = (
    "am", "ar", "at", "gan", "heb", "i", "o", "dan", "tan", "dros", "tros", "drwy", "trwy", "wrth", "hyd",
    "rhag", "neu", "pan", "dyma", "dyna", "dacw", "dau", "dwy", "dy", "ei", "yn", "â", "a", "gyda", "tua",
    "na", "tri", "chwe", "yng", "ym", "fy", "ag", "ac", "gydag", "nag", "nac", "eu", "ein", "eich", "y",
    "yr",
)
# fmt: on
SHORT_FORMS = ("r", "i", "w", "th", "m", "n", "u")

_APOSTROPHE = "['’]"
_WORD = "|".join(sorted(TRIGGERS, key=len, reverse=True))
_SHORT = "|".join(sorted(SHORT_FORMS, key=len, reverse=True))
_PLACEHOLDER = "|".join(NAMES)
NAME_AFTER_TRIGGER = re.compile(
    rf"(?<![\w'’])(?:{_WORD}|\w*{_APOSTROPHE}(?:{_SHORT}))\s+"
    rf"(?:%\((?:{_PLACEHOLDER})\)[sd]|\{{(?:{_PLACEHOLDER})\}})",
    re.IGNORECASE,
)
_TAG = re.compile(r"<[^>]*>")


def name_after_trigger(text: str) -> str | None:
    """The first name placeholder that follows a mutating word, with that word; tags are read through."""
    match = NAME_AFTER_TRIGGER.search(_TAG.sub("", text))
    return match.group(0) if match else None


@pytest.fixture(scope="module")
def welsh_catalogue(tmp_path_factory):
    """Every Welsh string in the catalogue's source, singular and plural forms alike, as msgfmt reads it."""
    compiled = tmp_path_factory.mktemp("welsh") / "django.mo"
    subprocess.run(["msgfmt", "-o", str(compiled), str(PO_FILE)], check=True)
    with compiled.open("rb") as mo:
        return GNUTranslations(mo)._catalog


def test_no_welsh_string_puts_a_name_straight_after_a_word_that_would_mutate_it(welsh_catalogue):
    wrong = []
    for key, welsh in welsh_catalogue.items():
        msgid = key[0] if isinstance(key, tuple) else key  # plural forms are keyed (msgid, form number)
        if msgid and (found := name_after_trigger(welsh)):
            wrong.append(f"{msgid!r}: {found!r}")
    assert not wrong, (
        "A name would need a mutation Porth cannot make. Word the Welsh so that the name follows a colon, "
        "leads the sentence or follows a noun:\n" + "\n".join(sorted(set(wrong)))
    )


def test_the_catalogue_holds_strings_with_names_to_check(welsh_catalogue):
    assert sum("%(team)s" in welsh for welsh in welsh_catalogue.values()) > 10


@pytest.mark.parametrize(
    "welsh",
    [
        "Yn cael ei rhedeg gan %(team)s",
        "Cysylltu â %(name)s",
        "Pobl yn %(organisation)s",
        "Rydych chi'n aelod o %(organisation)s.",
        "Mewngofnodi gyda %(name)s",
        "Rhagor am %(team)s, gyda'i ffynonellau",
        "Ceisiadau i %(pool)s",
        "Newidiadau i {name}",
        "Yn cael ei rhedeg gan <strong>%(team)s</strong>",
        "YN CAEL EI RHEDEG GAN %(team)s",
        "wedi gofyn i'r %(team)s",
        "wedi gofyn i’r %(team)s",
        "Mae'n %(person)s",
        "Tynnu %(person)s o\n%(organisation)s?",
    ],
)
def test_the_scan_finds_a_name_after_a_mutating_word(welsh):
    assert name_after_trigger(welsh)


@pytest.mark.parametrize(
    "welsh",
    [
        "Darparwr: %(name)s. Archebwch ar ei wefan.",
        "%(team)s sy'n ei rhedeg",
        "Mae %(organisation)s wedi gofyn i'r gronfa %(pool)s am rywun",
        "Pobl %(organisation)s",
        "Mae'r archeb ar gyfer %(name)s wedi'i chanslo.",
        "yn erbyn %(framework)s",
        "yn ôl %(name)s",
        "Annwyl %(name)s,",
        'Mae eich lle ar "%(title)s" wedi\'i archebu',
        "Rhowch berchnogaeth ar “%(title)s” i rywun arall.",
        "Daeth archebu i ben ar %(date)s.",
        "Mae %(counter)s yn aros i %(count)s",
        "Anfonwch e-bost at %(email)s.",
        "Tynnu %(person)s?",
    ],
)
def test_the_scan_lets_through_names_nothing_mutates(welsh):
    assert name_after_trigger(welsh) is None


@pytest.mark.parametrize(
    ("msgid", "values", "never"),
    [
        # The audit's examples: what the old wording gave, with the mutation it lacked.
        ("Run by %(team)s", {"team": "Tîm Digidol CLlLC"}, "gan Tîm"),  # should have been "gan Dîm"
        ("Contact %(name)s", {"name": "Alaw Jones"}, "â Alaw"),  # should have been "ag Alaw"
        ("People in %(organisation)s", {"organisation": "Cyngor Caerdydd"}, "yn Cyngor"),  # "yng Nghyngor"
        (
            "About %(team)s",
            {"team": "Canolfan Gwasanaethau Cyhoeddus Digidol"},
            "Am Canolfan",
        ),  # "Am Ganolfan"
        ("Sign in with %(name)s", {"name": "Cyngor Caerdydd"}, "gyda Cyngor"),  # "gyda Chyngor"
        ("Requests for %(pool)s", {"pool": "Model gallu"}, "i Model"),  # "i Fodel"
        ("Updates on %(project)s", {"project": "Porth"}, "am Porth"),  # "am Borth"
        ("%(name)s already has a place on this session.", {"name": "Dafydd Rees"}, "gan Dafydd"),
        ("Your answer to %(organisation)s", {"organisation": "Powys"}, "i Powys"),  # "i Bowys"
        ("You are now a member of %(organisation)s in Porth", {"organisation": "Cyngor Gwynedd"}, "o Cyngor"),
    ],
)
def test_a_name_in_a_welsh_sentence_is_written_as_it_is_stored(msgid, values, never):
    with translation.override("cy"):
        welsh = gettext(msgid) % values
    assert welsh != msgid % values, "The Welsh catalogue was not used"
    assert never not in welsh
    assert all(value in welsh for value in values.values()), welsh
