"""Load the directory's reference facts (porth/directory/data/) into the database, and the tools other apps
use to load theirs: records that know their file and line, and an upsert that reports what changed.

Loading is all or nothing (porth.site.reference runs every app's load in one transaction), and a malformed
file stops it with the file, the line and the problem. Loading again changes nothing and says so; a fact
changed in a file updates its row, and the change is reported.
"""

import csv
import datetime
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from django.db import models

from porth.core.dates import parse_partial_date

from .models import (
    Appointment,
    LeadershipTeam,
    Organisation,
    OrganisationIdentifier,
    OrganisationKind,
    Programme,
    ProgrammeItem,
    Sector,
    Service,
    StructuralChange,
    TeamInbox,
    TeamRemit,
    Verification,
    WayOfWorking,
    WellbeingGoal,
)

DATA_DIR = Path(__file__).resolve().parent / "data"
DATA_FILES = {
    "organisations": DATA_DIR / "organisations.csv",
    "teams": DATA_DIR / "teams.yaml",
    "wellbeing": DATA_DIR / "wellbeing.yaml",
    "services": DATA_DIR / "lgsl.csv",
    "structure": DATA_DIR / "structure_changes.yaml",
    "identifiers": DATA_DIR / "organisation_identifiers.csv",
}


class ReferenceDataError(Exception):
    """A problem in a shipped data file, located by file and line."""

    def __init__(self, path: Path, line: int | None, problem: str):
        self.path, self.line, self.problem = path, line, problem
        where = f"{path}, line {line}" if line else str(path)
        super().__init__(f"{where}: {problem}")


@dataclass
class LoadReport:
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: int = 0

    @property
    def nothing_changed(self) -> bool:
        return not self.added and not self.changed

    def record(self, label: str, created: bool, changes: list[str]) -> None:
        if created:
            self.added.append(label)
        elif changes:
            self.changed.append(f"{label}: {'; '.join(changes)}")
        else:
            self.unchanged += 1


class Record:
    """One mapping from a data file, which knows its file and line so that errors can say where."""

    def __init__(self, data: dict, path: Path, line: int | None):
        self.data, self.path, self.line = data, path, line

    def error(self, problem: str) -> ReferenceDataError:
        return ReferenceDataError(self.path, self.line, problem)

    def require(self, key: str) -> Any:
        value = self.data.get(key)
        if value is None or value == "":
            raise self.error(f"the field '{key}' is missing or empty")
        return value

    def text(self, key: str) -> str:
        value = self.data.get(key)
        if value is None:
            return ""
        if not isinstance(value, str | int | float):
            raise self.error(f"the field '{key}' should be text")
        return str(value).strip()

    def flag(self, key: str) -> bool:
        value = self.data.get(key, False)
        if not isinstance(value, bool):
            raise self.error(f"the field '{key}' should be true or false")
        return value

    def partial_date(self, key: str, required: bool = False) -> tuple[datetime.date | None, str]:
        value = self.require(key) if required else self.data.get(key)
        if value in (None, ""):
            return None, "day"
        try:
            return parse_partial_date(str(value))
        except ValueError as error:
            raise self.error(f"the field '{key}': {error}") from error

    def choice(self, key: str, choices: type[models.TextChoices]) -> str:
        value = self.require(key)
        if value not in choices.values:
            raise self.error(f"the field '{key}' is {value!r}; expected one of {', '.join(choices.values)}")
        return value

    def sources(self) -> list[str]:
        value = self.data.get("sources") or []
        if isinstance(value, str):
            value = [value]
        if not all(isinstance(url, str) and url.startswith(("http://", "https://")) for url in value):
            raise self.error("'sources' should be a list of web addresses")
        return list(value)

    def verification(self) -> str:
        value = self.data.get("status", Verification.VERIFIED)
        if value not in Verification.values:
            raise self.error(
                f"the field 'status' is {value!r}; expected one of {', '.join(Verification.values)}"
            )
        return value

    def records(self, key: str) -> Iterator["Record"]:
        items = self.data.get(key) or []
        if not isinstance(items, list):
            raise self.error(f"'{key}' should be a list")
        for item in items:
            if not isinstance(item, dict):
                raise self.error(f"each entry of '{key}' should be a mapping of fields")
            yield Record(item, self.path, item.get("__line__"))


class _LineLoader(yaml.SafeLoader):
    """A safe YAML loader that remembers the line on which each mapping starts."""

    def construct_mapping(self, node, deep=False):
        mapping = super().construct_mapping(node, deep=deep)
        mapping["__line__"] = node.start_mark.line + 1
        return mapping


def read_yaml(path: Path) -> Record:
    try:
        with path.open(encoding="utf-8") as handle:
            data = yaml.load(handle, Loader=_LineLoader)
    except yaml.MarkedYAMLError as error:
        line = error.problem_mark.line + 1 if error.problem_mark else None
        raise ReferenceDataError(path, line, f"the file is not valid YAML: {error.problem}") from error
    except OSError as error:
        raise ReferenceDataError(path, None, f"the file cannot be read: {error.strerror}") from error
    if not isinstance(data, dict):
        raise ReferenceDataError(path, 1, "the file should hold a mapping of sections")
    return Record(data, path, 1)


def read_csv(path: Path) -> Iterator[Record]:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            for row in reader:
                if None in row or None in row.values():
                    raise ReferenceDataError(path, reader.line_num, "the row has the wrong number of columns")
                yield Record(row, path, reader.line_num)
    except csv.Error as error:
        raise ReferenceDataError(path, None, f"the file is not valid CSV: {error}") from error
    except OSError as error:
        raise ReferenceDataError(path, None, f"the file cannot be read: {error.strerror}") from error


def upsert(model: type[models.Model], lookup: dict, values: dict, report: LoadReport, label: str):
    """Create or update one row; record what was added or changed."""
    instance = model.objects.filter(**lookup).first()
    if instance is None:
        instance = model.objects.create(**lookup, **values)
        report.record(label, created=True, changes=[])
        return instance
    changes = []
    for name, value in values.items():
        current = getattr(instance, name)
        if current != value:
            changes.append(f"{name} {current!r} -> {value!r}")
            setattr(instance, name, value)
    if changes:
        instance.save()
    report.record(label, created=False, changes=changes)
    return instance


def _load_organisations(path: Path, report: LoadReport) -> dict[str, Organisation]:
    seen: dict[str, Organisation] = {}
    for row in read_csv(path):
        code = row.require("code")
        if code in seen:
            raise row.error(f"the code {code!r} appears twice")
        active_from, _ = row.partial_date("active_from")
        active_to, _ = row.partial_date("active_to")
        values = {
            "name_en": row.require("name_en"),
            "name_cy": row.text("name_cy"),
            "kind": row.choice("kind", OrganisationKind),
            "sector": row.choice("sector", Sector),
            "notes": row.text("notes"),
            "sources": [url.strip() for url in row.text("source_url").split(" ; ") if url.strip()],
            "active_from": active_from,
            "active_to": active_to,
        }
        seen[code] = upsert(Organisation, {"code": code}, values, report, f"organisation {code}")
    return seen


def _load_teams(path: Path, organisations: dict[str, Organisation], report: LoadReport) -> None:
    document = read_yaml(path)
    teams: dict[str, LeadershipTeam] = {}
    for position, record in enumerate(document.records("teams"), start=1):
        teams[record.require("slug")] = _load_team(record, position, organisations, report)
    for record in document.records("changes"):
        _load_change(record, teams, organisations, report)


def _load_team(record: Record, position: int, organisations: dict, report: LoadReport) -> LeadershipTeam:
    slug = record.require("slug")
    host_code = record.data.get("host_organisation")
    if host_code and host_code not in organisations:
        raise record.error(f"host_organisation {host_code!r} is not an organisation in organisations.csv")
    active_from, _ = record.partial_date("active_from")
    active_to, _ = record.partial_date("active_to")
    values = {
        **{key: record.text(key) for key in _team_text_fields()},
        "name_en": record.require("name_en"),
        "remit_en": record.require("remit_en"),
        "host_organisation": organisations.get(host_code) if host_code else None,
        "active_from": active_from,
        "active_to": active_to,
        "position": position,
        "serves_sectors": _sectors(record),
        "sources": record.sources(),
        "verification": record.verification(),
    }
    team = upsert(LeadershipTeam, {"slug": slug}, values, report, f"team {slug}")
    for appointment in record.records("appointments"):
        _load_appointment(appointment, team, report)
    programme = record.data.get("programme")
    if programme:
        _load_programme(Record(programme, record.path, programme.get("__line__")), team, report)
    return team


def _sectors(record: Record) -> list[str]:
    sectors = record.data.get("serves_sectors") or []
    unknown = [s for s in sectors if s not in Sector.values]
    if not isinstance(sectors, list) or unknown:
        raise record.error(f"'serves_sectors' should list sectors from {', '.join(Sector.values)}")
    return sectors


def _team_text_fields() -> list[str]:
    stems = ["name", "short_name", "remit", "summary", "routing_hint", "website"]
    return [f"{stem}_{language}" for stem in stems for language in ("en", "cy")]


def _load_appointment(record: Record, team: LeadershipTeam, report: LoadReport) -> None:
    started_on, start_precision = record.partial_date("started", required=True)
    ended_on, end_precision = record.partial_date("ended")
    person = record.text("person")
    vacant = record.flag("vacant")
    if not person and not vacant:
        raise record.error("an appointment needs a person, or 'vacant: true'")
    if ended_on and ended_on < started_on:
        raise record.error("the appointment ends before it starts")
    # A person's appointment is known by team, person and start: a corrected role title updates the row.
    lookup = {"team": team, "person": person, "started_on": started_on}
    values = {
        "role_title_en": record.require("role_title_en"),
        "role_title_cy": record.text("role_title_cy"),
        "is_interim": record.flag("interim"),
        "is_vacant": vacant,
        "start_precision": start_precision,
        "ended_on": ended_on,
        "end_precision": end_precision,
        "note_en": record.text("note_en"),
        "note_cy": record.text("note_cy"),
        "sources": record.sources(),
        "verification": record.verification(),
    }
    upsert(Appointment, lookup, values, report, f"appointment {team.slug}: {person or 'vacancy'}")


def _load_programme(record: Record, team: LeadershipTeam, report: LoadReport) -> None:
    values = {
        "name_en": record.require("name_en"),
        "name_cy": record.text("name_cy"),
        "kind": record.choice("kind", Programme.Kind),
        "sources": record.sources(),
        "verification": record.verification(),
    }
    programme = upsert(Programme, {"team": team}, values, report, f"programme of {team.slug}")
    numbers = set()
    for item in record.records("items"):
        number = item.require("number")
        if not isinstance(number, int) or number in numbers:
            raise item.error(f"'number' should be a whole number, different for each item (got {number!r})")
        numbers.add(number)
        active_from, _ = item.partial_date("active_from")
        active_to, _ = item.partial_date("active_to")
        values = {
            "title_en": item.require("title_en"),
            "title_cy": item.text("title_cy"),
            "summary_en": item.text("summary_en"),
            "summary_cy": item.text("summary_cy"),
            "cy_is_our_translation": item.flag("cy_is_our_translation"),
            "active_from": active_from,
            "active_to": active_to,
            "sources": item.sources(),
            "verification": item.verification(),
        }
        label = f"programme item {team.slug} {number}"
        upsert(ProgrammeItem, {"programme": programme, "number": number}, values, report, label)


def _load_change(record: Record, teams: dict, organisations: dict, report: LoadReport) -> None:
    key = record.require("key")
    happened_on, precision = record.partial_date("date", required=True)
    team_slug = record.data.get("team")
    if team_slug and team_slug not in teams:
        raise record.error(f"team {team_slug!r} is not a team in this file")
    organisation_code = record.data.get("organisation")
    if organisation_code and organisation_code not in organisations:
        raise record.error(f"organisation {organisation_code!r} is not in organisations.csv")
    values = {
        "happened_on": happened_on,
        "date_precision": precision,
        "date_is_evidence": record.flag("date_is_evidence"),
        "team": teams.get(team_slug),
        "organisation": organisations.get(organisation_code),
        "title_en": record.require("title_en"),
        "title_cy": record.text("title_cy"),
        "summary_en": record.require("summary_en"),
        "summary_cy": record.text("summary_cy"),
        "sources": record.sources(),
        "verification": record.verification(),
    }
    upsert(StructuralChange, {"key": key}, values, report, f"change {key}")


def _load_structure(path: Path, organisations: dict, report: LoadReport) -> None:
    """Changes since teams.yaml was compiled, remits over time, and the inboxes teams have published."""
    document = read_yaml(path)
    teams = {t.slug: t for t in LeadershipTeam.objects.all()}
    for record in document.records("changes"):
        _load_change(record, teams, organisations, report)
    for record in document.records("remits"):
        team = _team_of(record, teams)
        active_from, _ = record.partial_date("active_from", required=True)
        active_to, _ = record.partial_date("active_to")
        values = {
            "active_to": active_to,
            "remit_en": record.require("remit_en"),
            "remit_cy": record.text("remit_cy"),
            "sources": record.sources(),
            "verification": record.verification(),
        }
        lookup = {"team": team, "active_from": active_from}
        upsert(TeamRemit, lookup, values, report, f"remit {team.slug} from {active_from}")
    for record in document.records("inboxes"):
        team = _team_of(record, teams)
        seen_on, precision = record.partial_date("seen", required=True)
        values = {
            "seen_on": seen_on,
            "seen_precision": precision,
            "sources": record.sources(),
            "verification": record.verification(),
        }
        lookup = {"team": team, "email": record.require("email")}
        upsert(TeamInbox, lookup, values, report, f"inbox {team.slug} {lookup['email']}")


def _team_of(record: Record, teams: dict) -> LeadershipTeam:
    slug = record.require("team")
    if slug not in teams:
        raise record.error(f"team {slug!r} is not a team in teams.yaml")
    return teams[slug]


def _load_identifiers(path: Path, organisations: dict, report: LoadReport) -> None:
    """org-id.guide identifiers (GB-PLA, GB-NHS, GB-COH) for the bodies that have one."""
    for row in read_csv(path):
        code = row.require("code")
        if code not in organisations:
            raise row.error(f"organisation {code!r} is not in organisations.csv")
        scheme, value = row.require("scheme"), row.require("value")
        values = {
            "organisation": organisations[code],
            "sources": [url.strip() for url in row.text("sources").split(" ; ") if url.strip()],
            "verification": row.verification(),
        }
        upsert(
            OrganisationIdentifier, {"scheme": scheme, "value": value}, values, report, f"{scheme}-{value}"
        )


def _load_wellbeing(path: Path, report: LoadReport) -> None:
    document = read_yaml(path)
    for record in document.records("goals"):
        number = record.require("number")
        values = {
            "name_en": record.require("name_en"),
            "name_cy": record.require("name_cy"),
            "summary_en": record.require("summary_en"),
            "summary_cy": record.require("summary_cy"),
            "sources": record.sources(),
            "verification": record.verification(),
        }
        upsert(WellbeingGoal, {"number": number}, values, report, f"well-being goal {number}")
    for record in document.records("ways_of_working"):
        slug = record.require("slug")
        values = {
            "number": record.require("number"),
            "name_en": record.require("name_en"),
            "name_cy": record.require("name_cy"),
            "summary_en": record.require("summary_en"),
            "summary_cy": record.require("summary_cy"),
            "cy_is_our_translation": record.flag("cy_is_our_translation"),
            "sources": record.sources(),
            "verification": record.verification(),
        }
        upsert(WayOfWorking, {"slug": slug}, values, report, f"way of working {slug}")


def _load_services(path: Path, report: LoadReport) -> None:
    """The Local Government Service List: about 1,500 rows, so compared in memory and written in bulk."""
    existing = {s.lgsl_code: s for s in Service.objects.all()}
    new, changed = [], []
    for row in read_csv(path):
        try:
            code = int(row.require("lgsl_code"))
        except ValueError as error:
            raise row.error("'lgsl_code' should be a whole number") from error
        values = {
            "label": row.require("label"),
            "description": row.text("description"),
            "source": row.text("source"),
        }
        current = existing.get(code)
        if current is None:
            new.append(Service(lgsl_code=code, **values))
            report.record(f"service {code}", created=True, changes=[])
            continue
        changes = [
            f"{k} {getattr(current, k)!r} -> {v!r}" for k, v in values.items() if getattr(current, k) != v
        ]
        for key, value in values.items():
            setattr(current, key, value)
        if changes:
            changed.append(current)
        report.record(f"service {code}", created=False, changes=changes)
    Service.objects.bulk_create(new, batch_size=500)
    Service.objects.bulk_update(changed, ["label", "description", "source"], batch_size=500)


def directory_reference_load(*, report: LoadReport, files: dict[str, Path] | None = None) -> None:
    """Load the directory's own files (organisations, teams, well-being goals, council services).

    Call it inside a transaction (see porth.site.reference): on a problem it raises ReferenceDataError,
    and the caller's transaction writes nothing."""
    files = {**DATA_FILES, **(files or {})}
    organisations = _load_organisations(files["organisations"], report)
    _load_teams(files["teams"], organisations, report)
    _load_structure(files["structure"], organisations, report)
    _load_identifiers(files["identifiers"], organisations, report)
    _load_wellbeing(files["wellbeing"], report)
    _load_services(files["services"], report)
