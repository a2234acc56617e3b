"""The organisations list is in the reader's alphabetical order: by the Welsh names in Welsh alphabetical
order on /cy/ (ch, dd, ff, ng, ll, ph, rh, th are letters), by the English names on the English pages."""

import html
import re

import pytest
from django.utils import translation

from porth.core.forms import NamedMultipleChoiceField
from porth.core.language import name_sort_key, welsh_sort_key
from porth.directory.models import Organisation

pytestmark = pytest.mark.django_db

NAME_LINK = re.compile(
    r'<a class="govuk-link" href="(?:/cy)?/organisations/[^/"]+/">(?:<span lang="\w+">)?([^<]+)'
)


def names_listed(client, path: str) -> list[str]:
    names = []
    for page in (1, 2, 3):
        content = client.get(path, {"page": page}).content.decode()
        names += [html.unescape(name) for name in NAME_LINK.findall(content)]
    return names


def test_welsh_list_is_in_welsh_alphabetical_order_of_the_welsh_names(client, reference):
    listed = names_listed(client, "/cy/organisations/")
    with translation.override("cy"):
        expected = sorted((str(o.name) for o in Organisation.objects.all()), key=welsh_sort_key)
    assert listed == expected and len(listed) == Organisation.objects.count()
    # Welsh, not letter-by-letter, order: every "Ll" name after every other "L" name.
    l_names = [name for name in listed if name.startswith("L")]
    first_ll = next((i for i, name in enumerate(l_names) if name.startswith("Ll")), len(l_names))
    assert all(name.startswith("Ll") for name in l_names[first_ll:])
    assert listed != sorted(listed)  # a plain letter-by-letter sort would differ


def test_english_list_is_in_order_of_the_english_names(client, reference):
    listed = names_listed(client, "/organisations/")
    expected = sorted(
        Organisation.objects.values_list("name_en", flat=True), key=lambda n: name_sort_key(n, "en")
    )
    assert listed == expected


def test_the_project_filters_organisations_are_in_welsh_order_on_welsh_pages(client, reference):
    content = client.get("/cy/projects/").content.decode()
    label = r'<label class="govuk-label govuk-checkboxes__label" for="id_organisation_\d+">'
    labels = re.findall(label + r'(?:<span lang="\w+">)?([^<]+)', content)
    listed = [html.unescape(label).strip() for label in labels]
    assert len(listed) == Organisation.objects.count()
    assert listed == sorted(listed, key=welsh_sort_key)


OPTION = re.compile(r'<option value="[^"]+"[^>]*>([^<]+)</option>')


def test_the_front_doors_organisation_question_lists_them_in_the_readers_order(client, reference):
    welsh = [
        html.unescape(name) for name in OPTION.findall(client.get("/cy/ask/organisation/").content.decode())
    ]
    english = [
        html.unescape(name) for name in OPTION.findall(client.get("/ask/organisation/").content.decode())
    ]
    assert len(welsh) == len(english) == Organisation.objects.count()
    assert welsh == sorted(welsh, key=welsh_sort_key)
    assert welsh != sorted(welsh)  # letter by letter would file "Ll" among the "L"s
    assert english == sorted(english, key=lambda name: name_sort_key(name, "en"))
    with translation.override("cy"):
        assert set(welsh) == {str(o.name) for o in Organisation.objects.all()}


def test_a_choice_of_organisations_is_ordered_when_drawn_so_one_form_serves_both_languages(reference):
    field = NamedMultipleChoiceField(queryset=Organisation.objects.all(), to_field_name="code")
    with translation.override("en"):
        english = [label for _, label in field.choices]
    with translation.override("cy"):
        welsh = [label for _, label in field.choices]
    assert english == sorted(english, key=lambda name: name_sort_key(name, "en"))
    assert welsh == sorted(welsh, key=welsh_sort_key)
    assert english != welsh


def test_a_projects_partners_are_listed_in_the_readers_order(client, people, project):
    partners = list(Organisation.objects.exclude(pk=project.owner_organisation_id).order_by("code")[:8])
    project.partner_organisations.set(partners)
    content = client.get(f"/cy{project.get_absolute_url()}").content.decode()
    row = content.split("Partneriaid")[1].split("</dd>")[0]
    listed = [
        html.unescape(name) for name in re.findall(r'<a class="govuk-link" href="[^"]+">([^<]+)</a>', row)
    ]
    with translation.override("cy"):
        expected = sorted((str(o.name) for o in partners), key=welsh_sort_key)
    assert listed == expected
