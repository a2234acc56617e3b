"""The knowledge hub's read API: published good practice (case studies and reusable patterns), with the same
filters as the list page. Drafts never appear here; linked projects only as far as the reader may see them."""

import datetime

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema
from ninja.errors import ValidationError
from ninja.pagination import paginate

from porth.accounts.api_auth import OPTIONAL_AUTH
from porth.accounts.permissions import works_in_public_sector
from porth.core.language import absolute_url
from porth.core.pagination import COUNT_LIMIT, Pages
from porth.portfolio.models import Project
from porth.portfolio.permissions import projects_visible_to

from .forms import CaseStudyFilterForm, current_standards
from .models import CaseStudy

router = Router(tags=["Good practice"])


class CaseStudyFilters(Schema):
    kind: str = ""
    standard: str = ""
    organisation: str = ""


class CaseStudyOut(Schema):
    slug: str
    url: str
    kind: str
    title_en: str
    title_cy: str
    summary_en: str
    summary_cy: str
    body_en: str
    body_cy: str
    organisations: list[str]
    standards: list[str]
    programme_items: list[str]
    projects: list[int]
    tags: list[str]
    sources: list[str]
    published_on: datetime.date | None
    contact_name: str | None = None
    contact_email: str | None = None


def case_study_row(case_study: CaseStudy, working: bool) -> dict:
    row = {
        "slug": case_study.slug,
        "url": absolute_url(case_study.get_absolute_url(), "en"),
        "kind": case_study.kind,
        **{
            f"{stem}_{lang}": getattr(case_study, f"{stem}_{lang}")
            for stem in ("title", "summary", "body")
            for lang in ("en", "cy")
        },
        "organisations": [o.code for o in case_study.organisations.all()],
        "standards": [f"{s.framework.slug}:{s.number}" for s in case_study.standards.all()],
        "programme_items": [f"{i.programme.team.slug}:{i.number}" for i in case_study.programme_items.all()],
        "projects": [p.pk for p in case_study.visible_projects],
        "tags": case_study.tags,
        "sources": case_study.sources,
        "published_on": case_study.published_on,
    }
    if working:
        # As on the page: whom to ask is a working detail, for people signed in from a Welsh public body.
        row.update(contact_name=case_study.contact_name, contact_email=case_study.contact_email)
    return row


def _published(user):
    """Published case studies with their links, in a fixed number of queries per page."""
    visible = projects_visible_to(user, Project.objects.only("pk"))
    return CaseStudy.objects.published().prefetch_related(
        "organisations",
        "standards__framework",
        "programme_items__programme__team",
        Prefetch("projects", queryset=visible, to_attr="visible_projects"),
    )


@router.get(
    "/case-studies", response=list[CaseStudyOut], auth=OPTIONAL_AUTH, summary="List published good practice"
)
@paginate(Pages, page_size=50)
def case_study_list(request, filters: Query[CaseStudyFilters]):
    """Published case studies and reusable patterns, newest first, with the list page's filters: `kind`
    (case_study or pattern), `standard` (as the rows give it, "<framework>:<number>") and `organisation` (its
    code). Contacts are given to people signed in from a Welsh public body. The count stops at 1,001."""
    data = {k: v for k, v in filters.dict().items() if v not in ("", None)}
    if "standard" in data:
        data["standard"] = _standard_id(data["standard"])
    published = _published(request.user)
    form = CaseStudyFilterForm(data, visible=published)
    if not form.is_valid():
        raise ValidationError(
            [
                {"loc": ["query", name], "msg": str(errors[0]), "type": "invalid"}
                for name, errors in form.errors.items()
            ]
        )
    return _Rows(form.filter(published), works_in_public_sector(request.user))


@router.get(
    "/case-studies/{slug}",
    response=CaseStudyOut,
    auth=OPTIONAL_AUTH,
    summary="Read one piece of good practice",
)
def case_study_detail(request, slug: str):
    """One published case study or pattern (a 404 for a draft)."""
    case_study = get_object_or_404(_published(request.user), slug=slug)
    return case_study_row(case_study, works_in_public_sector(request.user))


def _standard_id(value: str) -> str:
    """The id the list page's form expects, for "<framework>:<number>"; anything else is left for the form to
    refuse, with its message in the reader's language."""
    framework, _, number = value.partition(":")
    found = current_standards().filter(
        framework__slug=framework, number=int(number) if number.isdigit() else -1
    )
    return str(found.values_list("pk", flat=True).first() or value)


class _Rows:
    """A lazy list for the paginator: it counts in the database and turns only one page into rows."""

    def __init__(self, queryset, working: bool):
        self.queryset, self.working = queryset, working

    def count(self):
        return self.queryset[: COUNT_LIMIT + 1].count()

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        return [case_study_row(case_study, self.working) for case_study in self.queryset[index]]
