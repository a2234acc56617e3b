"""A project's recorded changes, told in the reader's language: labels, not codes ("On track → At risk"), and
named records, not ids ("Changed lead team: Welsh Government Digital → CDPS")."""

from dataclasses import dataclass, field

from django.core.exceptions import ObjectDoesNotExist

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


def _shown(model_field, value) -> str:
    if value in (None, ""):
        return "–"
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if model_field.is_relation:
        try:
            record = model_field.related_model.objects.get(pk=value)
        except ObjectDoesNotExist:
            return "–"
        return _record_name(record)
    return str(value)


def _shown_together(model_field, rows: list[dict]) -> str:
    """The records a many-to-many field held, from simple-history's rows of its through table."""
    key = model_field.m2m_reverse_field_name()
    records = model_field.related_model.objects.filter(pk__in=[row[key] for row in rows])
    names = sorted((_record_name(record) for record in records), key=name_sort_key)
    return ", ".join(names) or "–"


def _change(change) -> Change:
    model_field = Project._meta.get_field(change.field)
    label = str(model_field.verbose_name)
    if change.field in BEFORE_AND_AFTER:
        return Change(label, _shown(model_field, change.old), _shown(model_field, change.new))
    if change.field in NAMED_TOGETHER:
        return Change(
            label, _shown_together(model_field, change.old), _shown_together(model_field, change.new)
        )
    return Change(label)


def project_history(project: Project) -> list[Entry]:
    """The newest SHOWN records, each with what changed from the one before. A record that changed nothing the
    page shows (a save of untracked fields) is left out. A project loaded in bulk may have no records at all:
    then the list is empty."""
    records = list(
        project.history.select_related("history_user").order_by("-history_date", "-history_id")[: SHOWN + 1]
    )
    entries = []
    for index, newer in enumerate(records[:SHOWN]):
        older = records[index + 1] if index + 1 < len(records) else None
        entry = Entry(record=newer, created=older is None and len(records) <= SHOWN)
        if older is not None:
            entry.changes = [_change(change) for change in newer.diff_against(older).changes]
        if entry.created or entry.changes:
            entries.append(entry)
    return entries
