"""A project's recorded changes, told in the reader's language: labels, not codes ("On track → At risk"), and
named records, not ids ("Changed lead team: Welsh Government Digital → CDPS")."""

from dataclasses import dataclass, field

from django.core.exceptions import ObjectDoesNotExist

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
        return str(getattr(record, "name", record))  # teams and organisations: named in the reader's language
    return str(value)


def project_history(project: Project) -> list[Entry]:
    """The newest SHOWN records, each with what changed from the one before. A project loaded in bulk may have
    no records at all: then the list is empty."""
    records = list(
        project.history.select_related("history_user").order_by("-history_date", "-history_id")[: SHOWN + 1]
    )
    entries = []
    for index, newer in enumerate(records[:SHOWN]):
        older = records[index + 1] if index + 1 < len(records) else None
        entry = Entry(record=newer, created=older is None and len(records) <= SHOWN)
        if older is not None:
            for change in newer.diff_against(older).changes:
                model_field = Project._meta.get_field(change.field)
                label = str(model_field.verbose_name)
                if change.field in BEFORE_AND_AFTER:
                    entry.changes.append(
                        Change(label, _shown(model_field, change.old), _shown(model_field, change.new))
                    )
                else:
                    entry.changes.append(Change(label))
        entries.append(entry)
    return entries
