"""Good practice for Porth's insight pages (porth.insight.sources): the case studies the site search shows a
reader, and one row per published case study for the open data."""

from porth.core.language import absolute_url

from .models import CaseStudy
from .permissions import case_studies_visible_to


def case_studies(*, user) -> list[CaseStudy]:
    """The case studies the reader may see: published ones, and drafts too for the people who publish them."""
    return list(case_studies_visible_to(user))


def case_studies_open_data() -> list[dict]:
    """One row per published case study. No contacts: the open data is for anyone, and people's names and
    addresses are working details (porth.standards.permissions)."""
    rows = []
    published = CaseStudy.objects.published().prefetch_related("organisations", "standards__framework")
    for case_study in published.order_by("published_on", "slug"):
        rows.append(
            {
                "slug": case_study.slug,
                "kind": case_study.kind,
                "title_en": case_study.title_en,
                "title_cy": case_study.title_cy,
                "summary_en": case_study.summary_en,
                "summary_cy": case_study.summary_cy,
                "organisations": [o.code for o in case_study.organisations.all()],
                "standards": [f"{s.framework.slug}:{s.number}" for s in case_study.standards.all()],
                "tags": list(case_study.tags),
                "published_on": case_study.published_on.isoformat() if case_study.published_on else None,
                "sources": list(case_study.sources),
                "url": absolute_url(case_study.get_absolute_url(), "en"),
            }
        )
    return rows
