"""The accounts' shipped reference data: the e-mail domains each organisation's people use
(data/organisation_domains.csv, with a source and a status per row; see
data/organisation_domains_README.md)."""

from pathlib import Path

from porth.directory.models import Organisation
from porth.directory.reference import LoadReport, read_csv, upsert

from .models import OrganisationDomain

DATA_DIR = Path(__file__).resolve().parent / "data"
DATA_FILES = {"organisation_domains": DATA_DIR / "organisation_domains.csv"}


def accounts_reference_load(*, report: LoadReport, files: dict[str, Path] | None = None) -> None:
    """Load the organisations' e-mail domains (after the directory's organisations). A domain the file no
    longer lists for an organisation is removed: it must not keep letting people in."""
    files = {**DATA_FILES, **(files or {})}
    organisations = {o.code: o for o in Organisation.objects.all()}
    kept: set[int] = set()
    for row in read_csv(files["organisation_domains"]):
        code = row.require("code")
        organisation = organisations.get(code)
        if organisation is None:
            raise row.error(f"code {code!r} is not an organisation in organisations.csv")
        domain = row.require("domain").strip().lower().lstrip("@")
        if "." not in domain or "@" in domain or " " in domain:
            raise row.error(f"{domain!r} is not an e-mail domain")
        shared = row.text("shared").lower()
        if shared not in {"yes", "no"}:
            raise row.error("the field 'shared' should be yes or no")
        source = row.require("source_url")
        if not source.startswith(("http://", "https://")):
            raise row.error("'source_url' should be a web address")
        values = {
            "shared": shared == "yes",
            "sources": [source],
            "verification": row.verification(),
            "notes": row.text("notes"),
        }
        instance = upsert(
            OrganisationDomain,
            {"organisation": organisation, "domain": domain},
            values,
            report,
            f"e-mail domain {domain} of {code}",
        )
        kept.add(instance.pk)
    for gone in OrganisationDomain.objects.exclude(pk__in=kept).select_related("organisation"):
        report.changed.append(f"e-mail domain {gone.domain} of {gone.organisation.code}: removed")
        gone.delete()
