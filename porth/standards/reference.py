"""Load the standards frameworks shipped in porth/standards/data/ (the Digital Service Standards for Wales and
the well-being framework) and the good-practice case studies that illustrate them, with the directory's
loading tools."""

from pathlib import Path

from django.core.exceptions import ValidationError

from porth.directory.models import Organisation, ProgrammeItem
from porth.directory.reference import LoadReport, Record, read_yaml, upsert

from .models import CaseStudy, CaseStudyKind, Framework, Standard, StandardGroup

DATA_DIR = Path(__file__).resolve().parent / "data"
DATA_FILES = {
    "standards": DATA_DIR / "digital_service_standards.yaml",
    "wellbeing_framework": DATA_DIR / "wellbeing_framework.yaml",
    "case_studies": DATA_DIR / "case_studies.yaml",
}


def standards_reference_load(*, report: LoadReport, files: dict[str, Path] | None = None) -> None:
    files = {**DATA_FILES, **(files or {})}
    _load_standards(files["standards"], report)
    _load_standards(files["wellbeing_framework"], report)
    _load_case_studies(files["case_studies"], report)


def _load_standards(path: Path, report: LoadReport) -> None:
    document = read_yaml(path)
    meta = document.data.get("framework")
    if not isinstance(meta, dict):
        raise document.error("the file needs a 'framework' section")
    meta = Record(meta, path, meta.get("__line__"))
    lookup = {"slug": meta.require("slug"), "version": str(meta.require("version"))}
    values = {
        key: meta.text(key)
        for stem in ("name", "owner", "description")
        for key in (f"{stem}_en", f"{stem}_cy")
    }
    published_on, _ = meta.partial_date("published")
    values.update(sources=meta.sources(), verification=meta.verification(), published_on=published_on)
    framework = upsert(Framework, lookup, values, report, f"framework {lookup['slug']} {lookup['version']}")
    groups = {}
    for record in document.records("groups"):
        slug = record.require("slug")
        values = {
            "number": record.require("number"),
            "name_en": record.require("name_en"),
            "name_cy": record.text("name_cy"),
        }
        groups[slug] = upsert(
            StandardGroup, {"framework": framework, "slug": slug}, values, report, f"group {slug}"
        )
    for record in document.records("standards"):
        number = record.require("number")
        group = groups.get(record.require("group"))
        if group is None:
            raise record.error(f"group {record.data['group']!r} is not one of this file's groups")
        values = {
            "group": group,
            "title_en": record.require("title_en"),
            "title_cy": record.text("title_cy"),
            "summary_en": record.text("summary_en"),
            "summary_cy": record.text("summary_cy"),
            "guidance_en": record.text("guidance_en"),
            "guidance_cy": record.text("guidance_cy"),
            "prompts": _prompts(record),
            "links": _links(record),
            "sources": record.sources(),
            "verification": record.verification(),
        }
        label = f"standard {lookup['slug']} {number}"
        upsert(Standard, {"framework": framework, "number": number}, values, report, label)


def _prompts(record: Record) -> dict:
    prompts = record.data.get("prompts") or {}
    if not isinstance(prompts, dict):
        raise record.error("'prompts' should map each phase to its English and Welsh text")
    cleaned = {}
    for phase, texts in prompts.items():
        if phase == "__line__":
            continue
        if phase not in ("discovery", "alpha", "beta", "live") or not isinstance(texts, dict):
            raise record.error(f"the prompt for {phase!r} should be a phase with 'en' and 'cy' texts")
        cleaned[phase] = {"en": str(texts.get("en") or "").strip(), "cy": str(texts.get("cy") or "").strip()}
    return cleaned


def _links(record: Record) -> list[dict]:
    links = []
    for link in record.records("links"):
        url = link.require("url")
        if not str(url).startswith(("http://", "https://")):
            raise link.error("a link's 'url' should be a web address")
        links.append({"title_en": link.text("title_en"), "title_cy": link.text("title_cy"), "url": url})
    return links


CASE_STUDY_TEXTS = ("title_en", "title_cy", "summary_en", "summary_cy", "body_en", "body_cy")


def _load_case_studies(path: Path, report: LoadReport) -> None:
    """The shipped good practice, published, linked to the standards they illustrate (by number, in the
    file's framework), the organisations involved (by code) and programme items ("team-slug:number")."""
    document = read_yaml(path)
    framework_slug = document.require("framework")
    framework = next((f for f in Framework.objects.current() if f.slug == framework_slug), None)
    if framework is None:
        raise document.error(f"the framework {framework_slug!r} has not been loaded")
    standards = {s.number: s for s in framework.standards.all()}
    organisations = {o.code: o for o in Organisation.objects.all()}
    items = {
        f"{i.programme.team.slug}:{i.number}": i
        for i in ProgrammeItem.objects.select_related("programme__team")
    }
    for record in document.records("case_studies"):
        slug = record.require("slug")
        published_on, _ = record.partial_date("published", required=True)
        values = {
            "kind": record.choice("kind", CaseStudyKind),
            **{key: record.text(key) for key in CASE_STUDY_TEXTS},
            "tags": [str(tag) for tag in _list(record, "tags")],
            "contact_name": record.text("contact_name"),
            "contact_email": record.text("contact_email"),
            "is_published": True,
            "published_on": published_on,
            "sources": record.sources(),
            "verification": record.verification(),
        }
        links = {
            "standards": [_find(record, standards, n, "standard") for n in _list(record, "standards")],
            "organisations": [
                _find(record, organisations, c, "organisation") for c in _list(record, "organisations")
            ],
            "programme_items": [
                _find(record, items, k, "programme item") for k in _list(record, "programme_items")
            ],
        }
        try:
            CaseStudy(
                **values
            ).clean()  # the page's rules: a title, summary and story in one language at least
        except ValidationError as error:
            raise record.error("; ".join(str(m) for m in error.messages)) from error
        _case_study_upsert(slug, values, links, report)


def _list(record: Record, key: str) -> list:
    value = record.data.get(key) or []
    if not isinstance(value, list):
        raise record.error(f"'{key}' should be a list")
    return value


def _find(record: Record, known: dict, key, what: str):
    if key not in known:
        raise record.error(f"{what} {key!r} is not in the reference data")
    return known[key]


def _case_study_upsert(slug: str, values: dict, links: dict, report: LoadReport) -> None:
    """As the directory's upsert, and the links too: loading again changes nothing and says so."""
    case_study = CaseStudy.objects.filter(slug=slug).first()
    created = case_study is None
    case_study = case_study or CaseStudy(slug=slug)
    changes = []
    for name, value in values.items():
        if getattr(case_study, name) != value:
            if not created:
                changes.append(f"{name} {getattr(case_study, name)!r} -> {value!r}")
            setattr(case_study, name, value)
    if created or changes:
        case_study.save()
    for name, wanted in links.items():
        current = set() if created else set(getattr(case_study, name).values_list("pk", flat=True))
        if current != {obj.pk for obj in wanted}:
            getattr(case_study, name).set(wanted)
            if not created:
                changes.append(f"{name} changed")
    report.record(f"case study {slug}", created=created, changes=changes)
