"""Open data: the portfolio as CSV or JSON, streamed row by row so that large downloads start at once.

Everyone gets the public fields of the projects they may see; people signed in from a public body also get
the working fields (status reasons, budget band, contacts, visibility).
"""

import json
from collections.abc import Iterator

from django.http import StreamingHttpResponse

from porth.core.csvfiles import csv_response as csv_download
from porth.core.language import absolute_url

from .models import Project

PUBLIC_FIELDS = [
    "id",
    "url",
    "title_en",
    "title_cy",
    "summary_en",
    "summary_cy",
    "owner_code",
    "owner_name_en",
    "owner_name_cy",
    "partners",
    "phase",
    "status",
    "started_on",
    "expected_end_on",
    "lead_team",
    "supporting_teams",
    "tags",
    "collaboration",
    "last_update_at",
    "stale",
]
WORKING_FIELDS = ["status_reason", "budget_band", "visibility", "contacts"]
CHUNK = 2000


def export_row(project: Project, working: bool) -> dict:
    row = {
        "id": project.pk,
        "url": absolute_url(project.get_absolute_url(), "en"),
        "title_en": project.title_en,
        "title_cy": project.title_cy,
        "summary_en": project.summary_en,
        "summary_cy": project.summary_cy,
        "owner_code": project.owner_organisation.code,
        "owner_name_en": project.owner_organisation.name_en,
        "owner_name_cy": project.owner_organisation.name_cy,
        "partners": [o.code for o in project.partner_organisations.all()],
        "phase": project.phase,
        "status": project.status,
        "started_on": project.started_on.isoformat() if project.started_on else None,
        "expected_end_on": project.expected_end_on.isoformat() if project.expected_end_on else None,
        "lead_team": project.lead_team.slug if project.lead_team else None,
        "supporting_teams": [t.slug for t in project.supporting_teams.all()],
        "tags": [t.slug for t in project.tags.all()],
        "collaboration": project.collaboration,
        "last_update_at": project.last_update_at.isoformat(),
        "stale": project.is_stale,
    }
    if working:
        row.update(
            status_reason=project.status_reason,
            budget_band=project.budget_band,
            visibility=project.visibility,
            contacts=project.contacts,
        )
    return row


def export_rows(queryset, *, working: bool) -> Iterator[dict]:
    queryset = queryset.select_related("owner_organisation", "lead_team").prefetch_related(
        "partner_organisations", "supporting_teams", "tags"
    )
    # Page through by id so memory stays flat however many rows there are, and prefetching still works.
    last_id = 0
    while True:
        chunk = list(queryset.filter(pk__gt=last_id).order_by("pk")[:CHUNK])
        if not chunk:
            return
        for project in chunk:
            yield export_row(project, working)
        last_id = chunk[-1].pk


def _cell(value):
    """Lists of codes become 'a; b'; lists of records (contacts) become JSON; the rest stays as it is."""
    if isinstance(value, list):
        if all(isinstance(item, str) for item in value):
            return "; ".join(value)
        return json.dumps(value, ensure_ascii=False)
    return value


def csv_response(rows: Iterator[dict], fields: list[str], filename: str) -> StreamingHttpResponse:
    return csv_download(fields, ([_cell(row[field]) for field in fields] for row in rows), filename)


def json_response(rows: Iterator[dict], filename: str) -> StreamingHttpResponse:
    def chunks():
        yield "["
        for i, row in enumerate(rows):
            yield ("," if i else "") + "\n" + json.dumps(row, ensure_ascii=False)
        yield "\n]\n"

    response = StreamingHttpResponse(chunks(), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
