"""Writes that change a figure make every cached figure stale: one version, bumped on save and delete.

The figures are built only from what Porth already holds, so any write to those records may change them. The
bump is the only thing done here (no logic in signals): the next reader works the figures out again.
"""

from django.apps import apps
from django.db.models.signals import m2m_changed, post_delete, post_save

from .cache import figures_version_bump

# The records the figures read, by app label and model name; and apps every one of whose models counts
# (training and the pool: their figures read sessions, bookings, specialists and leave; the case studies).
WATCHED = [
    ("portfolio", "Project"),
    ("portfolio", "ProjectUpdate"),
    ("frontdoor", "HelpRequest"),
    ("frontdoor", "RequestEvent"),
    ("frontdoor", "Decision"),
    ("standards", "Review"),
    ("standards", "Action"),
    ("directory", "Organisation"),
    ("directory", "LeadershipTeam"),
    ("directory", "ProgrammeItem"),
    ("directory", "WellbeingGoal"),
    ("directory", "OrganisationIdentifier"),
    ("directory", "Appointment"),
    ("directory", "StructuralChange"),
    ("directory", "TeamRemit"),
    ("directory", "TeamInbox"),
    ("directory", "Programme"),
]
WATCHED_APPS = ["skills", "capability", "standards"]


def _bump(**kwargs):
    figures_version_bump()


def _watched_models():
    for label, name in WATCHED:
        yield apps.get_model(label, name)
    for label in WATCHED_APPS:
        config = apps.get_app_config(label)
        yield from (m for m in config.get_models() if (label, m.__name__) not in WATCHED)


def connect() -> None:
    for model in _watched_models():
        post_save.connect(_bump, sender=model, dispatch_uid=f"insight-save-{model._meta.label}")
        post_delete.connect(_bump, sender=model, dispatch_uid=f"insight-delete-{model._meta.label}")
        for field in model._meta.many_to_many:
            m2m_changed.connect(
                _bump,
                sender=field.remote_field.through,
                dispatch_uid=f"insight-m2m-{model._meta.label}-{field.name}",
            )
