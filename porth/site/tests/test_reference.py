import shutil

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from porth.directory.models import Appointment, LeadershipTeam, Organisation, Service, StructuralChange
from porth.directory.reference import ReferenceDataError
from porth.site.reference import DATA_FILES
from porth.site.reference import reference_load_all as reference_load
from porth.standards.models import Framework, Standard

pytestmark = pytest.mark.django_db


@pytest.fixture
def data_copy(tmp_path):
    """A private copy of the shipped data files, which a test may break or change."""
    copies = {}
    for name, path in DATA_FILES.items():
        copies[name] = tmp_path / path.name
        shutil.copy(path, copies[name])
    return copies


def test_loads_every_shipped_fact():
    report = reference_load()
    assert Organisation.objects.count() == 56
    assert set(LeadershipTeam.objects.values_list("slug", flat=True)) == {
        "wlga-digital-team",
        "welsh-government-digital",
        "nhs-wales-digital",
        "cdps",
    }
    framework = Framework.objects.get(slug="digital-service-standards-wales")
    assert Standard.objects.filter(framework=framework).count() == 12
    assert StructuralChange.objects.exists()
    assert Service.objects.count() == 1519
    assert report.added and not report.changed


def test_loading_twice_changes_nothing_and_says_so(capsys):
    call_command("load_reference")
    before = {model: model.objects.count() for model in (Organisation, Appointment, StructuralChange)}
    call_command("load_reference")
    assert "nothing changed" in capsys.readouterr().out
    assert before == {model: model.objects.count() for model in before}


def test_a_changed_fact_updates_the_row_and_is_reported(data_copy):
    reference_load(files=data_copy)
    text = data_copy["organisations"].read_text(encoding="utf-8")
    data_copy["organisations"].write_text(
        text.replace(",Sir Benfro,", ",Sir Benfro (newydd),"), encoding="utf-8"
    )
    report = reference_load(files=data_copy)
    assert Organisation.objects.get(code="W06000009").name_cy == "Sir Benfro (newydd)"
    assert len(report.changed) == 1
    assert "organisation W06000009" in report.changed[0] and "Sir Benfro (newydd)" in report.changed[0]


def test_invalid_yaml_names_file_and_line_and_writes_nothing(data_copy):
    lines = data_copy["teams"].read_text(encoding="utf-8").splitlines()
    lines[9] = "  : - [unbalanced"
    data_copy["teams"].write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(ReferenceDataError) as error:
        reference_load(files=data_copy)
    assert error.value.path == data_copy["teams"]
    assert error.value.line is not None
    assert Organisation.objects.count() == 0, (
        "organisations were loaded before the error; nothing may be written"
    )


def test_an_unknown_kind_in_the_csv_names_the_line(data_copy):
    lines = data_copy["organisations"].read_text(encoding="utf-8").splitlines()
    lines[4] = lines[4].replace("local_authority", "parish_pump", 1)
    data_copy["organisations"].write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ReferenceDataError) as error:
        reference_load(files=data_copy)
    assert error.value.line == 5
    assert "parish_pump" in error.value.problem and "kind" in error.value.problem
    assert Organisation.objects.count() == 0


def test_a_missing_field_names_the_field_and_line(data_copy):
    text = data_copy["standards"].read_text(encoding="utf-8")
    data_copy["standards"].write_text(text.replace("title_en:", "titel_en:", 1), encoding="utf-8")
    with pytest.raises(ReferenceDataError) as error:
        reference_load(files=data_copy)
    assert "title_en" in error.value.problem
    assert error.value.line and error.value.line > 1
    assert Framework.objects.count() == 0


def test_the_command_fails_with_the_location_and_says_nothing_was_loaded(data_copy, monkeypatch):
    data_copy["wellbeing"].write_text("goals: [1, 2", encoding="utf-8")
    monkeypatch.setattr("porth.site.reference.DATA_FILES", data_copy)
    with pytest.raises(CommandError) as error:
        call_command("load_reference")
    assert "Nothing was loaded" in str(error.value)
    assert str(data_copy["wellbeing"]) in str(error.value) and "line" in str(error.value)
