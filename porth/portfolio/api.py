"""The portfolio's read API: the same filters as the list page, the same visibility rules."""

import datetime

from ninja import Query, Router, Schema
from ninja.errors import ValidationError
from ninja.pagination import paginate

from porth.accounts.api_auth import OPTIONAL_AUTH
from porth.accounts.permissions import works_in_public_sector
from porth.core.pagination import COUNT_LIMIT, Pages

from .exports import export_row
from .permissions import project_get_for_user, projects_visible_to
from .queries import ProjectFilterForm, projects_filtered

router = Router(tags=["Portfolio"])


class ProjectFilters(Schema):
    q: str = ""
    phase: list[str] = []
    status: list[str] = []
    stale: bool = False
    organisation: list[str] = []
    kind: str = ""
    lead_team: str = ""
    programme_item: str = ""
    goal: str = ""
    service: int | None = None
    tag: str = ""
    sort: str = ""


class ProjectOut(Schema):
    id: int
    url: str
    title_en: str
    title_cy: str
    summary_en: str
    summary_cy: str
    owner_code: str
    owner_name_en: str
    owner_name_cy: str
    partners: list[str]
    phase: str
    status: str
    started_on: datetime.date | None
    expected_end_on: datetime.date | None
    lead_team: str | None
    supporting_teams: list[str]
    tags: list[str]
    collaboration: str
    last_update_at: datetime.datetime
    stale: bool
    status_reason: str | None = None
    budget_band: str | None = None
    visibility: str | None = None
    contacts: list[dict] | None = None


@router.get("/projects", response=list[ProjectOut], auth=OPTIONAL_AUTH, summary="List and search projects")
@paginate(Pages, page_size=50)
def project_list(request, filters: Query[ProjectFilters]):
    """Projects you may see, with the same filters as the portfolio page. Without signing in: public projects
    and public fields only. The count stops at 1,001: more than 1,000 means "1,000 or more"; the CSV and
    JSON downloads at /projects/export.csv and /projects/export.json give every row."""
    data = {k: v for k, v in filters.dict().items() if v not in ("", None, [], False)}
    visible = projects_visible_to(request.user)
    form = ProjectFilterForm(data, visible=visible)
    if not form.is_valid():
        raise ValidationError(
            [
                {"loc": ["query", name], "msg": str(errors[0]), "type": "invalid"}
                for name, errors in form.errors.items()
            ]
        )
    projects = projects_filtered(
        visible.select_related("owner_organisation", "lead_team")
        .prefetch_related("partner_organisations", "supporting_teams", "tags")
        .defer("search_title", "search_body"),
        form.cleaned_data,
    )
    working = works_in_public_sector(request.user)
    return _RowList(projects, working)


@router.get("/projects/{project_id}", response=ProjectOut, auth=OPTIONAL_AUTH, summary="Read one project")
def project_detail(request, project_id: int):
    """One project you may see (a 404 for one you may not)."""
    project, _ = project_get_for_user(request.user, project_id)
    return export_row(project, works_in_public_sector(request.user))


class _RowList:
    """A lazy list for the paginator: it counts in the database and turns only one page into rows."""

    def __init__(self, queryset, working: bool):
        self.queryset, self.working = queryset, working

    def count(self):
        # As on the pages, counting stops past COUNT_LIMIT (the exports give every row).
        return self.queryset[: COUNT_LIMIT + 1].count()

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        page = self.queryset[index]
        return [export_row(project, self.working) for project in page]
