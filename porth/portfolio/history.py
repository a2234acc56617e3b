"""A project's recorded changes, told in the reader's language: labels, not codes ("On track → At risk"), and
named records, not ids ("Changed lead team: Welsh Government Digital → CDPS")."""

from collections import defaultdict
from dataclasses import dataclass, field

from porth.core.language import name_sort_key

from .models import Project

SHOWN = 50
# Fields short enough to show before and after; long text is only said to have changed.
BEFORE_AND_AFTER = {
    "title_en",
    "title_cy",
    "status",
    "phase",
    "visibility",
    "budget_band",
    "collaboration",
    "status_reason",
    "lead_team",
    "owner_organisation",
}
# Choices of several records, shown as the names before and after. The owners are people, and the page does
# not list people: it only says they changed.
NAMED_TOGETHER = {
    "partner_organisations",
    "supporting_teams",
    "programme_items",
    "wellbeing_goals",
    "services",
    "tags",
}


@dataclass
class Change:
    label: str
    before: str | None = None
    after: str | None = None

    @property
    def shows_values(self) -> bool:
        return self.before is not None or self.after is not None


@dataclass
class Entry:
    record: object
    created: bool
    changes: list[Change] = field(default_factory=list)


def _record_name(record) -> str:
    """Teams, organisations, goals and programme items by their names in the reader's language."""
    for attribute in ("name", "title"):
        if hasattr(record, attribute):
            return str(getattr(record, attribute))
    return str(record)


def _related_ids(change) -> list:
    """The ids of the records a change names, before and after (none for a plain value)."""
    model_field = Project._meta.get_field(change.field)
    if change.field in NAMED_TOGETHER:
        return [*change.old, *change.new]
    if change.field in BEFORE_AND_AFTER and model_field.is_relation:
        return [value for value in (change.old, change.new) if value not in (None, "")]
    return []


def _names_of(changes) -> dict:
    """{model: {id: name}} for every record the changes name, read once per model for the whole page (not
    once per change)."""
    wanted = defaultdict(set)
    for change in changes:
        ids = _related_ids(change)
        if ids:
            wanted[Project._meta.get_field(change.field).related_model].update(ids)
    return {
        model: {record.pk: _record_name(record) for record in model.objects.filter(pk__in=ids)}
        for model, ids in wanted.items()
    }


def _shown(model_field, value, names: dict) -> str:
    if value in (None, ""):
        return "–"
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if model_field.is_relation:
        return names[model_field.related_model].get(value, "–")  # "–" for a record since deleted
    return str(value)


def _shown_together(model_field, ids: list[int], names: dict) -> str:
    """The records a many-to-many field held, by name."""
    known = names.get(model_field.related_model, {})
    held = sorted((known[pk] for pk in ids if pk in known), key=name_sort_key)
    return ", ".join(held) or "–"


def _change(change, names: dict) -> Change:
    model_field = Project._meta.get_field(change.field)
    label = str(model_field.verbose_name)
    if change.field in BEFORE_AND_AFTER:
        return Change(label, _shown(model_field, change.old, names), _shown(model_field, change.new, names))
    if change.field in NAMED_TOGETHER:
        before = _shown_together(model_field, change.old, names)
        return Change(label, before, _shown_together(model_field, change.new, names))
    return Change(label)


@dataclass(frozen=True)
class _Diff:
    """One field's change: its values before and after (for a many-to-many field, the ids it held)."""

    field: str
    old: object
    new: object


def _diffs(records: list) -> list[tuple[object, list[_Diff] | None]]:
    """Each shown record with what changed from the one before it (None for the oldest of all). Plain fields
    are diffed by simple-history; the many-to-many choices here, from one query per field for the whole page,
    where simple-history's own diff reads two queries per field for every pair of records."""
    if not records:
        return []
    m2m_fields = [field.name for field in records[0]._history_m2m_fields]
    history_ids = [record.history_id for record in records]
    held = {}
    for name in m2m_fields:
        through = getattr(records[0], name).model
        key = Project._meta.get_field(name).m2m_reverse_field_name()
        by_record = defaultdict(set)
        for history_id, target in through.objects.filter(history_id__in=history_ids).values_list(
            "history_id", key
        ):
            by_record[history_id].add(target)
        held[name] = by_record
    diffs = []
    for index, newer in enumerate(records[:SHOWN]):
        if index + 1 == len(records):
            diffs.append((newer, None))
            continue
        older = records[index + 1]
        changes = [
            _Diff(change.field, change.old, change.new)
            for change in newer.diff_against(older, excluded_fields=m2m_fields).changes
        ]
        for name in m2m_fields:
            before, after = held[name][older.history_id], held[name][newer.history_id]
            if before != after:
                changes.append(_Diff(name, sorted(before), sorted(after)))
        diffs.append((newer, changes))
    return diffs


def project_history(project: Project) -> list[Entry]:
    """The newest SHOWN records, each with what changed from the one before. A record that changed nothing the
    page shows (a save of untracked fields) is left out. A project loaded in bulk may have no records at all:
    then the list is empty."""
    records = list(
        project.history.select_related("history_user").order_by("-history_date", "-history_id")[: SHOWN + 1]
    )
    diffs = _diffs(records)
    names = _names_of(change for _, changes in diffs for change in changes or ())
    entries = []
    for newer, changes in diffs:
        entry = Entry(record=newer, created=changes is None and len(records) <= SHOWN)
        entry.changes = [_change(change, names) for change in changes or ()]
        if entry.created or entry.changes:
            entries.append(entry)
    return entries
