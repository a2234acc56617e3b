"""Welsh that reads right: Django's own strings in Welsh (through Porth's catalogue), the spelling of July,
one clock in both languages, counts written as digits with the unmutated noun, Welsh alphabetical order."""

import datetime
import gettext as gnu_gettext
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.password_validation import MinimumLengthValidator
from django.core.exceptions import ValidationError
from django.core.validators import ProhibitNullCharactersValidator
from django.template import Context, Template
from django.utils import formats, translation
from django.utils.translation import gettext, ngettext, pgettext

from porth.core.language import name_sort_key, welsh_sort_key

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "cy" / "LC_MESSAGES" / "django.mo"

# After a numeral written as digits Porth writes the radical (unmutated) singular: "6 cais", "2 diwrnod",
# "3 person". The mutations a numeral word would cause ("dau ddiwrnod", "tri chais", "chwe pherson") read
# oddly after digits. Each radical with its soft, aspirate and nasal forms (nouns that start with a letter
# that does not mutate, such as sesiwn, wythnos, sefydliad, awr, mis, are safe whatever comes before them).
MUTATED = {
    "cais": ("gais", "chais", "nghais"),
    "diwrnod": ("ddiwrnod", "niwrnod"),
    "prosiect": ("brosiect", "phrosiect", "mhrosiect"),
    "person": ("berson", "pherson", "mherson"),
    "cwrs": ("gwrs", "chwrs", "nghwrs"),
    "lle": ("le",),
    "tîm": ("dîm", "thîm", "nhîm"),
    "blwyddyn": ("flwyddyn", "mlwyddyn"),
    "blynedd": ("flynedd", "mlynedd"),
    "tudalen": ("dudalen", "thudalen", "nhudalen"),
    "cofnod": ("gofnod", "chofnod", "nghofnod"),
    "diweddariad": ("ddiweddariad", "niweddariad"),
    "canlyniad": ("ganlyniad", "chanlyniad", "nghanlyniad"),
    "pwynt": ("bwynt", "phwynt", "mhwynt"),
}
_MUTATED_FORMS = sorted({form for forms in MUTATED.values() for form in forms}, key=len, reverse=True)
DIGITS_THEN_MUTATED = re.compile(r"(%\(\w+\)[sd]|%[sd]) (" + "|".join(_MUTATED_FORMS) + r")\b")


def test_no_count_in_the_catalogue_puts_a_mutated_noun_after_digits():
    with CATALOGUE.open("rb") as compiled:
        catalogue = gnu_gettext.GNUTranslations(compiled)._catalog
    wrong = []
    for key, form in catalogue.items():
        # Plural entries are keyed (msgid, form number) in a compiled catalogue.
        if isinstance(key, tuple) and (match := DIGITS_THEN_MUTATED.search(form)):
            wrong.append(f"{key[0]!r}: {match.group(0)!r}")
    assert not wrong, "Write the radical after digits:\n" + "\n".join(wrong)


def test_the_scan_finds_a_mutated_noun_after_digits():
    assert DIGITS_THEN_MUTATED.search("%(counter)s chais yn aros")
    assert DIGITS_THEN_MUTATED.search("%(days)s ddiwrnod")
    assert not DIGITS_THEN_MUTATED.search("%(counter)s cais yn aros")
    assert not DIGITS_THEN_MUTATED.search("Mae gan %(counter)s o bobl le")


@pytest.mark.parametrize("count", [2, 3, 6, 11])
def test_counts_of_requests_and_days_use_the_radical_noun(count):
    with translation.override("cy"):
        assert ngettext("%(counter)s request", "%(counter)s requests", count) % {"counter": count} == (
            f"{count} cais"
        )
        assert ngettext("%(days)s day", "%(days)s days", count) % {"days": count} == f"{count} diwrnod"


def test_july_is_gorffennaf_in_every_form_django_uses():
    july = datetime.date(2026, 7, 14)
    with translation.override("cy"):
        assert formats.date_format(july, "DATE_FORMAT") == "14 Gorffennaf 2026"
        assert formats.date_format(july, "E") == "Gorffennaf"  # the month after a day (alt. month)
        assert formats.date_format(july, "N") == "Gorff."
        assert Template('{{ day|date:"j F Y" }}').render(Context({"day": july})) == "14 Gorffennaf 2026"
        assert gettext("July") == pgettext("alt. month", "July") == "Gorffennaf"


def test_a_july_date_on_a_welsh_page_is_spelt_gorffennaf(client, reference):
    from porth.routing.models import RuleSet

    RuleSet.objects.filter(version=2).update(effective_from=datetime.date(2026, 7, 1))
    from django.contrib.auth import get_user_model

    admin = get_user_model().objects.create_superuser(email="gweinydd@porth.example", password="x" * 20)
    client.force_login(admin)
    page = client.get("/cy/routing/").content.decode()
    assert "1 Gorffennaf 2026" in page and "Gorffenaf" not in page


def test_times_are_on_the_24_hour_clock_in_both_languages():
    moment = datetime.datetime(2026, 7, 14, 20, 14)
    for language in ("en", "cy"):
        with translation.override(language):
            assert formats.time_format(moment.time(), "TIME_FORMAT") == "20:14"
            assert formats.date_format(moment, "DATETIME_FORMAT").endswith("20:14")
            assert "y.h." not in formats.date_format(moment, "SHORT_DATETIME_FORMAT")


def test_djangos_null_character_message_is_in_welsh():
    with translation.override("cy"):
        with pytest.raises(ValidationError) as error:
            ProhibitNullCharactersValidator()("Caerdydd\x00")
        assert error.value.messages == ["Ni chaniateir nodau nwl."]


def test_a_null_character_typed_into_a_welsh_form_gets_a_welsh_answer(client, reference):
    response = client.post("/cy/sign-up/", {"email": "gwen\x00@cardiff.example"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "nod nwl" in page and "Null characters" not in page


def test_a_null_character_sent_to_the_api_in_welsh_gets_a_welsh_answer(client, reference):
    body = '{"organisation": "W06000015\\u0000", "description": "x"}'
    response = client.post("/api/v1/route", body, content_type="application/json", HTTP_ACCEPT_LANGUAGE="cy")
    assert "nod nwl" in response.json()["detail"]


@pytest.mark.parametrize(
    ("msgid", "welsh"),
    [
        ("View site", "Gweld y wefan"),
        ("Skip to main content", "Neidio i'r prif gynnwys"),
        ("Recent actions", "Gweithredoedd diweddar"),
        ("Save and view", "Cadw a gweld"),
        ("This password is too common.", "Mae'r cyfrinair hwn yn rhy gyffredin."),
        ("Password-based authentication", "Dilysu â chyfrinair"),
    ],
)
def test_the_admin_and_auth_strings_django_leaves_in_english_are_welsh(msgid, welsh):
    with translation.override("cy"):
        assert gettext(msgid) == welsh


def test_the_admin_pages_own_strings_are_welsh(client, reference):
    from django.contrib.auth import get_user_model

    admin = get_user_model().objects.create_superuser(email="gweinydd@porth.example", password="x" * 20)
    client.force_login(admin)
    page = client.get("/cy/admin/").content.decode()
    assert "Gweithredoedd diweddar" in page and "Recent actions" not in page
    assert "Gweld y wefan" in page and "View site" not in page


def test_the_admins_calendar_and_clock_are_welsh_and_keep_djangos_plural_rule(client, reference):
    """The admin's scripts read their words from /admin/jsi18n/: Django's Welsh leaves the months, the
    calendar's day letters and two clock shortcuts in English; the project's djangojs catalogue fills them."""
    from django.contrib.auth import get_user_model

    admin = get_user_model().objects.create_superuser(email="gweinydd@porth.example", password="x" * 20)
    client.force_login(admin)
    script = client.get("/cy/admin/jsi18n/").content.decode()
    for english, welsh in [
        ("July", "Gorffennaf"),
        ("Choose a Date", "Dewiswch ddyddiad"),
        ("6 p.m.", "18:00"),
    ]:
        assert f'"{english}": "{welsh}"' in script
    assert '"one letter Monday\\u0004M": "Ll"' in script
    assert '"Now": "Nawr"' in script  # Django's own Welsh is still there
    # The admin's plural forms are Django's four; the project's catalogue must not replace its rule.
    assert "(n==1) ? 0 : (n==2) ? 1 : (n != 8 && n != 11) ? 2 : 3" in script
    english = client.get("/admin/jsi18n/").content.decode()
    assert "Gorffennaf" not in english


def test_a_password_too_short_is_explained_in_welsh():
    with translation.override("cy"):
        with pytest.raises(ValidationError) as error:
            MinimumLengthValidator(12).validate("byr")
        assert error.value.messages == ["Mae'r cyfrinair hwn yn rhy fyr. Rhaid iddo gynnwys o leiaf 12 nod."]


def test_every_django_string_porth_translates_is_marked_so_make_messages_keeps_it():
    """`make messages` drops what no source marks (--no-obsolete): porth/core/django_welsh.py marks them."""
    source = (Path(settings.BASE_DIR) / "porth" / "core" / "django_welsh.py").read_text(encoding="utf-8")
    for msgid in ("Null characters are not allowed.", "July", "Recent actions", "entry"):
        assert f'"{msgid}"' in source


# Welsh alphabetical order -------------------------------------------------------------------------


def welsh_sorted(names):
    return sorted(names, key=welsh_sort_key)


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (["Llanelli", "Lyn", "Lewis"], ["Lewis", "Lyn", "Llanelli"]),  # ll is a letter after l
        (["Cymru", "Chwilog", "Caerdydd"], ["Caerdydd", "Cymru", "Chwilog"]),  # ch after c
        (["Dyfed", "Ddwyryd", "Dinbych"], ["Dinbych", "Dyfed", "Ddwyryd"]),  # dd after d
        (["Fflint", "Fyrnwy"], ["Fyrnwy", "Fflint"]),  # ff after f
        (["Rhondda", "Rhyl", "Ruthun"], ["Ruthun", "Rhondda", "Rhyl"]),  # rh after r
        (["Tywyn", "Thomas", "Treorci"], ["Treorci", "Tywyn", "Thomas"]),  # th after t
        (["Penarth", "Phillips", "Powys"], ["Penarth", "Powys", "Phillips"]),  # ph after p
        (["Nghaerdydd", "Nant", "Gwynedd"], ["Gwynedd", "Nghaerdydd", "Nant"]),  # ng after g, before h
        (["Ynys Môn", "Ysgol", "Yr Wyddgrug"], ["Ynys Môn", "Yr Wyddgrug", "Ysgol"]),  # accents aside
        (["Cyngor Sir Ceredigion", "Cyngor Gwynedd"], ["Cyngor Gwynedd", "Cyngor Sir Ceredigion"]),
        (["Llangollen", "Llanelli", "Llanfair"], ["Llanelli", "Llanfair", "Llangollen"]),  # Llan-g: n, g
        (["bwrdd iechyd", "Bwrdd Iechyd"], ["Bwrdd Iechyd", "bwrdd iechyd"]),  # case only breaks ties
    ],
)
def test_welsh_alphabetical_order(names, expected):
    assert welsh_sorted(names) == expected


def test_english_names_sort_letter_by_letter():
    names = ["Llanelli", "Lyn", "Chester", "Cymru"]
    assert sorted(names, key=lambda n: name_sort_key(n, "en")) == ["Chester", "Cymru", "Llanelli", "Lyn"]
    assert sorted(names, key=lambda n: name_sort_key(n, "cy")) == ["Cymru", "Chester", "Lyn", "Llanelli"]


# Names keep their capitals -------------------------------------------------------------------------


def test_no_template_lower_cases_what_it_prints():
    """Visually hidden link text and labels print names as written ("Newid Gwasanaeth Llywodraeth Cymru",
    never "llywodraeth cymru"): lower-casing in a template breaks proper nouns, Welsh ones above all."""
    roots = [Path(settings.BASE_DIR) / "templates", *Path(settings.BASE_DIR, "porth").glob("*/templates")]
    offenders = [
        str(path)
        for root in roots
        for path in root.rglob("*.html")
        if re.search(r"\|\s*lower\b", path.read_text(encoding="utf-8"))
    ]
    assert not offenders


def test_the_check_page_change_links_keep_the_case_of_their_labels():
    from porth.frontdoor.journey import STEPS

    with translation.override("cy"):
        labels = {step.slug: str(step.summary_label) for step in STEPS}
    assert labels["welsh-government"] == "Gwasanaeth Llywodraeth Cymru"
