"""Load the standards frameworks shipped in porth/standards/data/ (the Digital Service Standards for Wales and
the well-being framework), with the directory's loading tools."""

from pathlib import Path

from porth.directory.reference import LoadReport, Record, read_yaml, upsert

from .models import Framework, Standard, StandardGroup

DATA_DIR = Path(__file__).resolve().parent / "data"
DATA_FILES = {
    "standards": DATA_DIR / "digital_service_standards.yaml",
    "wellbeing_framework": DATA_DIR / "wellbeing_framework.yaml",
}


def standards_reference_load(*, report: LoadReport, files: dict[str, Path] | None = None) -> None:
    files = {**DATA_FILES, **(files or {})}
    _load_standards(files["standards"], report)
    _load_standards(files["wellbeing_framework"], report)


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
