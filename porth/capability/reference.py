"""Load the pool's reference data shipped in porth/capability/data/ (DDaT roles, skills, the pools and the
teams that run them), with the directory's loading tools. Composed by porth.site.reference."""

from pathlib import Path

from porth.directory.models import LeadershipTeam, ProgrammeItem
from porth.directory.reference import LoadReport, read_yaml, upsert

from .models import DdatRole, Pool, RoleFamily, Skill

DATA_DIR = Path(__file__).resolve().parent / "data"
DATA_FILES = {
    "capability_roles": DATA_DIR / "roles.yaml",
    "capability_skills": DATA_DIR / "skills.yaml",
    "capability_pools": DATA_DIR / "pools.yaml",
}


def capability_reference_load(*, report: LoadReport, files: dict[str, Path] | None = None) -> None:
    files = {**DATA_FILES, **(files or {})}
    for position, record in enumerate(read_yaml(files["capability_roles"]).records("roles"), start=1):
        slug = record.require("slug")
        values = {
            "family": record.choice("family", RoleFamily),
            "name_en": record.require("name_en"),
            "name_cy": record.require("name_cy"),
            "position": position,
        }
        upsert(DdatRole, {"slug": slug}, values, report, f"DDaT role {slug}")
    for record in read_yaml(files["capability_skills"]).records("skills"):
        slug = record.require("slug")
        values = {"name_en": record.require("name_en"), "name_cy": record.require("name_cy")}
        upsert(Skill, {"slug": slug}, values, report, f"skill {slug}")
    for record in read_yaml(files["capability_pools"]).records("pools"):
        slug = record.require("slug")
        team = LeadershipTeam.objects.filter(slug=record.require("team")).first()
        if team is None:
            raise record.error(f"the team {record.data['team']!r} is not a leadership team in the directory")
        item = None
        if record.data.get("programme_item") is not None:
            item = ProgrammeItem.objects.filter(
                programme__team=team, number=record.data["programme_item"]
            ).first()
            if item is None:
                raise record.error(
                    f"the team {team.slug} has no programme item {record.data['programme_item']}"
                )
        values = {
            "team": team,
            "programme_item": item,
            "position": record.data.get("position") or 0,
            "name_en": record.require("name_en"),
            "name_cy": record.text("name_cy"),
            "summary_en": record.text("summary_en"),
            "summary_cy": record.text("summary_cy"),
        }
        upsert(Pool, {"slug": slug}, values, report, f"pool {slug}")
