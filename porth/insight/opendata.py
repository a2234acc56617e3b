"""Open data: each dataset Porth publishes, in CSV (RFC 4180), JSON and, where it fits, Atom, with a JSON
Schema,
a changelog and a DCAT catalogue in JSON-LD. Everything here is public: only public projects, and reference
facts with their sources. Licence: the Open Government Licence v3.0.
"""

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml
from django.contrib.syndication.views import Feed
from django.http import Http404, JsonResponse, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse

from porth.core.csvfiles import csv_response
from porth.core.feeds import PlainTextAtomFeed
from porth.core.language import absolute_url, active_language, localise
from porth.directory.models import Appointment, Organisation, StructuralChange
from porth.portfolio.exports import PUBLIC_FIELDS, export_rows
from porth.portfolio.models import Project, Visibility
from porth.skills.insight import sessions_open_data
from porth.skills.models import DeliveryLanguage, Mode
from porth.standards.insight import case_studies_open_data
from porth.standards.models import CaseStudyKind, Framework, Standard

LICENCE = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
DATA_FILE = Path(__file__).resolve().parent / "data" / "open_data.yaml"
MEDIA_TYPES = {"csv": "text/csv", "json": "application/json", "atom": "application/atom+xml"}
STRING, INTEGER, BOOLEAN = {"type": "string"}, {"type": "integer"}, {"type": "boolean"}
NULLABLE_STRING = {"type": ["string", "null"]}
STRINGS = {"type": "array", "items": {"type": "string"}}


@dataclass(frozen=True)
class Dataset:
    slug: str
    fields: dict[str, dict]  # name -> JSON Schema of the value
    rows: Callable[[], Iterator[dict]]
    formats: tuple[str, ...] = ("csv", "json")

    @property
    def words(self) -> dict:
        return _words()[self.slug]

    @property
    def title(self):
        return localise(self.words["title_en"], self.words["title_cy"])

    @property
    def description(self):
        return localise(self.words["description_en"], self.words["description_cy"])

    @property
    def changelog(self) -> list[dict]:
        return [
            {"date": e["date"], "text": localise(e["en"], e["cy"])} for e in self.words.get("changelog") or []
        ]

    def url(self, fmt: str) -> str:
        return reverse("insight:open-data-download", args=[self.slug, fmt])


@cache
def _words() -> dict:
    with DATA_FILE.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)["datasets"]


def _projects() -> Iterator[dict]:
    return export_rows(Project.objects.filter(visibility=Visibility.PUBLIC), working=False)


def _organisations() -> Iterator[dict]:
    for o in Organisation.objects.prefetch_related("identifiers").order_by("code"):
        yield {
            "code": o.code,
            "gss_code": o.code if o.has_gss_code else None,
            "org_ids": [i.org_id for i in o.identifiers.all()],
            "name_en": o.name_en,
            "name_cy": o.name_cy,
            "kind": o.kind,
            "sector": o.sector,
            "active_from": o.active_from.isoformat() if o.active_from else None,
            "active_to": o.active_to.isoformat() if o.active_to else None,
            "verification": o.verification,
            "sources": o.sources,
        }


def _leaders() -> Iterator[dict]:
    for a in Appointment.objects.select_related("team").order_by("team__position", "started_on", "person"):
        yield {
            "team": a.team.slug,
            "team_name_en": a.team.name_en,
            "team_name_cy": a.team.name_cy,
            "role_title_en": a.role_title_en,
            "role_title_cy": a.role_title_cy,
            "person": a.person or None,
            "interim": a.is_interim,
            "vacant": a.is_vacant,
            "started": a.started_on.isoformat(),
            "started_precision": a.start_precision,
            "ended": a.ended_on.isoformat() if a.ended_on else None,
            "ended_precision": a.end_precision if a.ended_on else None,
            "verification": a.verification,
            "sources": a.sources,
        }


def _changes() -> Iterator[dict]:
    for c in StructuralChange.objects.select_related("team", "organisation"):
        yield {
            "key": c.key,
            "date": c.happened_on.isoformat(),
            "date_precision": c.date_precision,
            "date_is_evidence": c.date_is_evidence,
            "team": c.team.slug if c.team else None,
            "organisation": c.organisation.code if c.organisation else None,
            "title_en": c.title_en,
            "title_cy": c.title_cy,
            "summary_en": c.summary_en,
            "summary_cy": c.summary_cy,
            "verification": c.verification,
            "sources": c.sources,
        }


def _standards() -> Iterator[dict]:
    current = Framework.objects.current()
    for s in Standard.objects.filter(framework__in=current).select_related("framework", "group"):
        yield {
            "framework": s.framework.slug,
            "version": s.framework.version,
            "number": s.number,
            "group_en": s.group.name_en,
            "group_cy": s.group.name_cy,
            "title_en": s.title_en,
            "title_cy": s.title_cy,
            "summary_en": s.summary_en,
            "summary_cy": s.summary_cy,
            "url": absolute_url(s.get_absolute_url(), "en"),
        }


PROJECT_FIELDS = {
    name: schema
    for name, schema in zip(
        PUBLIC_FIELDS,
        [
            INTEGER,
            STRING,
            STRING,
            STRING,
            STRING,
            STRING,
            STRING,
            STRING,
            STRING,
            STRINGS,
            STRING,
            STRING,
            NULLABLE_STRING,
            NULLABLE_STRING,
            NULLABLE_STRING,
            STRINGS,
            STRINGS,
            STRING,
            STRING,
            BOOLEAN,
        ],
        strict=True,
    )
}
VERIFIED = {"type": "string", "enum": ["verified", "partially_verified", "unverified"]}
DATASETS = {
    d.slug: d
    for d in [
        Dataset("projects", PROJECT_FIELDS, _projects, ("csv", "json", "atom")),
        Dataset(
            "organisations",
            {
                "code": STRING,
                "gss_code": NULLABLE_STRING,
                "org_ids": STRINGS,
                "name_en": STRING,
                "name_cy": STRING,
                "kind": STRING,
                "sector": STRING,
                "active_from": NULLABLE_STRING,
                "active_to": NULLABLE_STRING,
                "verification": VERIFIED,
                "sources": STRINGS,
            },
            _organisations,
        ),
        Dataset(
            "leaders",
            {
                "team": STRING,
                "team_name_en": STRING,
                "team_name_cy": STRING,
                "role_title_en": STRING,
                "role_title_cy": STRING,
                "person": NULLABLE_STRING,
                "interim": BOOLEAN,
                "vacant": BOOLEAN,
                "started": STRING,
                "started_precision": STRING,
                "ended": NULLABLE_STRING,
                "ended_precision": NULLABLE_STRING,
                "verification": VERIFIED,
                "sources": STRINGS,
            },
            _leaders,
        ),
        Dataset(
            "structural-changes",
            {
                "key": STRING,
                "date": STRING,
                "date_precision": STRING,
                "date_is_evidence": BOOLEAN,
                "team": NULLABLE_STRING,
                "organisation": NULLABLE_STRING,
                "title_en": STRING,
                "title_cy": STRING,
                "summary_en": STRING,
                "summary_cy": STRING,
                "verification": VERIFIED,
                "sources": STRINGS,
            },
            _changes,
            ("csv", "json", "atom"),
        ),
        Dataset(
            "standards",
            {
                "framework": STRING,
                "version": STRING,
                "number": INTEGER,
                "group_en": STRING,
                "group_cy": STRING,
                "title_en": STRING,
                "title_cy": STRING,
                "summary_en": STRING,
                "summary_cy": STRING,
                "url": STRING,
            },
            _standards,
        ),
        Dataset(
            "training-sessions",
            {
                "id": INTEGER,
                "url": STRING,
                "course_id": INTEGER,
                "course_title_en": STRING,
                "course_title_cy": STRING,
                "provider_team": NULLABLE_STRING,
                "provider_organisation": NULLABLE_STRING,
                "starts_at": STRING,
                "ends_at": STRING,
                "mode": {"type": "string", "enum": Mode.values},
                "place_en": STRING,
                "place_cy": STRING,
                "language": {"type": "string", "enum": DeliveryLanguage.values},
                "capacity": INTEGER,
                "cancelled": BOOLEAN,
            },
            sessions_open_data,
        ),
        Dataset(
            "case-studies",
            {
                "slug": STRING,
                "kind": {"type": "string", "enum": CaseStudyKind.values},
                "title_en": STRING,
                "title_cy": STRING,
                "summary_en": STRING,
                "summary_cy": STRING,
                "organisations": STRINGS,
                "standards": STRINGS,
                "tags": STRINGS,
                "published_on": NULLABLE_STRING,
                "sources": STRINGS,
                "url": STRING,
            },
            lambda: iter(case_studies_open_data()),
        ),
    ]
}


def _dataset(slug: str) -> Dataset:
    dataset = DATASETS.get(slug)
    if dataset is None:
        raise Http404
    return dataset


def _cell(value):
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else value


def _csv(dataset: Dataset, rows: Iterator[dict]) -> StreamingHttpResponse:
    names = list(dataset.fields)
    cells = ([_cell(row.get(name)) for name in names] for row in rows)
    return csv_response(names, cells, f"porth-{dataset.slug}.csv", bom=False)


def _json(dataset: Dataset, rows: Iterator[dict]) -> StreamingHttpResponse:
    def chunks():
        yield "["
        for index, row in enumerate(rows):
            yield ("," if index else "") + "\n" + json.dumps(row, ensure_ascii=False)
        yield "\n]\n"

    return StreamingHttpResponse(chunks(), content_type="application/json; charset=utf-8")


class _RowsFeed(Feed):
    """The newest rows of a dataset as an Atom feed: projects by their last update, changes by date."""

    feed_type = PlainTextAtomFeed

    def __init__(self, dataset: Dataset):
        super().__init__()
        self.dataset = dataset

    def title(self):
        return str(self.dataset.title)

    def link(self):
        return absolute_url(reverse("insight:open-data"), active_language())

    def description(self):
        return str(self.dataset.description)

    def items(self):
        if self.dataset.slug == "projects":
            return Project.objects.filter(visibility=Visibility.PUBLIC).order_by("-last_update_at")[:50]
        return StructuralChange.objects.order_by("-happened_on")[:50]

    def item_title(self, item):
        return str(item.title)

    def item_description(self, item):
        return str(item.summary)

    def item_link(self, item):
        path = (
            item.get_absolute_url()
            if isinstance(item, Project)
            else f"{reverse('insight:structure')}#timeline"
        )
        return absolute_url(path, active_language())

    def item_guid(self, item):
        return f"porth-{self.dataset.slug}-{item.pk}"

    item_guid_is_permalink = False

    def item_updateddate(self, item):
        return getattr(item, "last_update_at", None)


def dataset_download(request, dataset, fmt):
    dataset = _dataset(dataset)
    if fmt not in dataset.formats:
        raise Http404
    rows = dataset.rows()
    if fmt == "atom":
        return _RowsFeed(dataset)(request)
    return _csv(dataset, rows) if fmt == "csv" else _json(dataset, rows)


def dataset_schema_document(dataset: Dataset) -> dict:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": absolute_url(reverse("insight:open-data-schema", args=[dataset.slug]), "en"),
        "title": dataset.words["title_en"],
        "description": dataset.words["description_en"],
        "type": "array",
        "items": {
            "type": "object",
            "properties": dataset.fields,
            "required": list(dataset.fields),
            "additionalProperties": False,
        },
    }


def dataset_schema(request, dataset):
    dataset = _dataset(dataset)
    if not dataset.fields:
        raise Http404
    return JsonResponse(
        dataset_schema_document(dataset), json_dumps_params={"ensure_ascii": False, "indent": 2}
    )


def _texts(en: str, cy: str) -> list[dict]:
    return [{"@value": en, "@language": "en"}, {"@value": cy, "@language": "cy"}]


def catalogue_document() -> dict:
    datasets = []
    for d in DATASETS.values():
        words = d.words
        distributions = [
            {
                "@type": "dcat:Distribution",
                "dcat:downloadURL": {"@id": absolute_url(d.url(fmt), "en")},
                "dcat:mediaType": MEDIA_TYPES[fmt],
                "dct:license": {"@id": LICENCE},
                **(
                    {
                        "dct:conformsTo": {
                            "@id": absolute_url(reverse("insight:open-data-schema", args=[d.slug]), "en")
                        }
                    }
                    if fmt != "atom"
                    else {}
                ),
            }
            for fmt in d.formats
        ]
        modified = (words.get("changelog") or [{}])[0].get("date")
        datasets.append(
            {
                "@type": "dcat:Dataset",
                "@id": absolute_url(reverse("insight:open-data") + f"#{d.slug}", "en"),
                "dct:identifier": d.slug,
                "dct:title": _texts(words["title_en"], words["title_cy"]),
                "dct:description": _texts(words["description_en"], words["description_cy"]),
                "dct:license": {"@id": LICENCE},
                "dct:modified": modified,
                "dcat:distribution": distributions,
            }
        )
    return {
        "@context": {"dcat": "http://www.w3.org/ns/dcat#", "dct": "http://purl.org/dc/terms/"},
        "@id": absolute_url(reverse("insight:open-data-dcat"), "en"),
        "@type": "dcat:Catalog",
        "dct:title": _texts("Porth open data", "Data agored Porth"),
        "dct:license": {"@id": LICENCE},
        "dcat:dataset": datasets,
    }


def catalogue_dcat(request):
    response = JsonResponse(catalogue_document(), json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Content-Type"] = "application/ld+json; charset=utf-8"
    return response


def catalogue_page(request):
    context = {"datasets": list(DATASETS.values()), "licence": LICENCE, "language": active_language()}
    return render(request, "insight/open_data.html", context)
