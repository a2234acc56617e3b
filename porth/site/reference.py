"""Every app's shipped reference data, loaded in one transaction: the directory, the standards frameworks
and the routing rule sets. A problem in any file writes nothing at all."""

from pathlib import Path

from auditlog.context import disable_auditlog
from django.db import transaction

from porth.accounts import reference as accounts_reference
from porth.capability import reference as capability_reference
from porth.directory import reference as directory_reference
from porth.directory.reference import LoadReport
from porth.routing.services import rule_sets_ensure_shipped
from porth.standards import reference as standards_reference

DATA_FILES = {
    **directory_reference.DATA_FILES,
    **accounts_reference.DATA_FILES,
    **standards_reference.DATA_FILES,
    **capability_reference.DATA_FILES,
}


def reference_load_all(*, files: dict[str, Path] | None = None) -> LoadReport:
    """Load every reference file; raise ReferenceDataError (naming the file and line) and write nothing on a
    problem. Loading again changes nothing and says so."""
    files = {**DATA_FILES, **(files or {})}
    report = LoadReport()
    # Shipped facts are not anyone's edit: the audit log is for people's writes (the report says what the
    # load changed).
    with transaction.atomic(), disable_auditlog():
        directory_reference.directory_reference_load(report=report, files=files)
        accounts_reference.accounts_reference_load(report=report, files=files)
        standards_reference.standards_reference_load(report=report, files=files)
        capability_reference.capability_reference_load(report=report, files=files)
        for rule_set in rule_sets_ensure_shipped():
            report.record(f"routing rule set {rule_set.version}", created=True, changes=[])
    return report
