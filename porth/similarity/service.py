"""Similar projects for the pages: the index snapshot every process shares, kept current by the background
worker, and the questions the pages ask of it. Every suggestion respects what the viewer may see: private
projects never leak.

The background worker (`manage.py run_worker`, and `manage.py rebuild_similarity`) writes a snapshot of the
index to `SIMILARITY_DIR` whenever projects have changed (`snapshot_refresh`), and points the `current` file
at it. Web processes open the current snapshot memory-mapped (the operating system shares its pages between
them) and look again at most once a second. No web request builds the index: with no snapshot yet, pages
simply show no suggestions. (The test settings let a question build one, as tasks run at once in tests.)
"""

import json
import os
import shutil
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from django.conf import settings
from django.db.models import Count, Max
from django.utils import timezone

from porth.accounts.permissions import memberships, sees_every_project, works_in_public_sector
from porth.core.language import active_language
from porth.portfolio.models import Project, Visibility
from porth.portfolio.permissions import private_project_ids, projects_visible_to

from .index import LIKELY_SAME, BM25Index, Document
from .models import Judgement
from .text import ANALYSIS_VERSION

# The visibility of each project, kept in the snapshot as a small number.
LABELS = {Visibility.PUBLIC: 0, Visibility.PUBLIC_SECTOR: 1, Visibility.PRIVATE: 2}
# Snapshots kept on disk besides the current one (a process may still have an older one open).
KEEP = 2


def _directory() -> Path:
    return Path(settings.SIMILARITY_DIR)


def document_text(project: Project) -> str:
    parts = [project.title_en, project.title_cy, project.summary_en, project.summary_cy]
    parts += [tag.name for tag in project.tags.all()]
    return "\n".join(part for part in parts if part)


def document_text_in(project: Project, language: str) -> str:
    """The project's own words in one language (title and summary), for explaining a match in it."""
    parts = [getattr(project, f"title_{language}"), getattr(project, f"summary_{language}")]
    return "\n".join(part for part in parts if part)


# Writing snapshots (the background worker) -----------------------------------------------------------


def _state_of_projects() -> dict:
    """What a snapshot must match to be current: how many projects there are, the latest change, and the way
    texts are analysed (a snapshot made before an upgrade of the analysis is rebuilt)."""
    found = Project.objects.aggregate(count=Count("pk"), changed=Max("updated_at"))
    changed = found["changed"].isoformat() if found["changed"] else ""
    return {"count": found["count"], "changed": changed, "analysis": ANALYSIS_VERSION}


def snapshot_refresh(*, force: bool = False, cache: dict | None = None) -> int | None:
    """Write a new snapshot if projects changed since the current one (or `force`); return how many projects
    it holds, or None when nothing needed doing. `cache` (kept by a long-running worker) saves analysing
    texts that have not changed."""
    state = _state_of_projects()
    current = _current_meta()
    if not force and current is not None and current.get("projects") == state:
        return None
    documents, labels = [], []
    for project in Project.objects.prefetch_related("tags").order_by("pk").iterator(chunk_size=5000):
        documents.append(Document(project.pk, document_text(project)))
        labels.append(LABELS[project.visibility])
    index = BM25Index()
    index.build(documents, labels=labels, meta={"projects": state}, cache=cache)
    _install(index)
    return len(documents)


def _install(index: BM25Index) -> None:
    """Save the snapshot beside the others and point `current` at it in one rename, then tidy old ones."""
    directory = _directory()
    directory.mkdir(parents=True, exist_ok=True)
    name = f"snapshot-{time.time_ns()}"
    building = directory / f".{name}.building"
    index.save(building)
    building.rename(directory / name)
    pointer = directory / f".current.{os.getpid()}"
    pointer.write_text(name, encoding="utf-8")
    pointer.replace(directory / "current")
    old = sorted(p for p in directory.glob("snapshot-*") if p.name != name)
    for stale in old[:-KEEP] if len(old) > KEEP else []:
        shutil.rmtree(stale, ignore_errors=True)


def _current_name() -> str | None:
    try:
        return (_directory() / "current").read_text(encoding="utf-8").strip() or None
    except FileNotFoundError:
        return None


def _current_meta() -> dict | None:
    name = _current_name()
    if name is None:
        return None
    try:
        return json.loads((_directory() / name / "meta.json").read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None


# Reading snapshots (every process) -------------------------------------------------------------------


class _Open:
    lock = threading.Lock()
    index: BM25Index | None = None
    name: str | None = None
    looked_at = 0.0


def current_index() -> BM25Index | None:
    """The snapshot in force for this process, opened memory-mapped; None until the worker has written one."""
    with _Open.lock:
        now = time.monotonic()
        # A web process looks for a newer snapshot at most once a second (settings.SIMILARITY_LOOK_EVERY).
        if _Open.index is not None and now - _Open.looked_at < settings.SIMILARITY_LOOK_EVERY:
            return _Open.index
        _Open.looked_at = now
        if settings.SIMILARITY_BUILD_ON_QUESTION:
            snapshot_refresh()
        name = _current_name()
        if name is not None and name != _Open.name:
            try:
                _Open.index, _Open.name = BM25Index.load(_directory() / name), name
            except FileNotFoundError:  # tidied away between reading `current` and opening it
                _Open.looked_at = 0.0
        return _Open.index


def index_forget() -> None:
    """Forget the snapshot this process has open (tests that change projects under it)."""
    with _Open.lock:
        _Open.index, _Open.name, _Open.looked_at = None, None, 0.0


# Questions -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Suggestion:
    project: Project
    score: float
    shared_terms: tuple[str, ...]
    contact: dict | None = None  # the project's first contact, for viewers who may see working details

    @property
    def likely_same(self) -> bool:
        return self.score >= LIKELY_SAME


def _mask(user, index: BM25Index, exclude: set[int]):
    """Which of the snapshot's projects the user may be shown: from each project's visibility as the snapshot
    has it. The database has the last word: suggestions are checked against it again before anyone sees
    them (a project made private since the snapshot never shows)."""
    if sees_every_project(user):
        mask = np.ones(len(index), dtype=bool)
    else:
        labels = np.asarray(index.labels)
        mask = labels == LABELS[Visibility.PUBLIC]
        if memberships(user).public_servant:
            mask |= labels == LABELS[Visibility.PUBLIC_SECTOR]
        for key in private_project_ids(user, memberships(user)):
            if (slot := index.slot_of(key)) is not None:
                mask[slot] = True
    for key in exclude:
        if (slot := index.slot_of(key)) is not None:
            mask[slot] = False
    return mask


def _suggestions(user, matches) -> list[Suggestion]:
    visible = projects_visible_to(user).filter(pk__in=[m.key for m in matches])
    projects = {p.pk: p for p in visible.select_related("owner_organisation", "lead_team")}
    working = works_in_public_sector(user)
    return [
        Suggestion(projects[m.key], m.score, m.shared_terms, _contact(projects[m.key]) if working else None)
        for m in matches
        if m.key in projects
    ]


def _contact(project: Project) -> dict | None:
    return next((c for c in project.contacts if c.get("email")), None)


def judged_with(project_id: int) -> set[int]:
    pairs = Judgement.objects.filter(first_id=project_id) | Judgement.objects.filter(second_id=project_id)
    return {j.other(project_id) for j in pairs}


def similar_to_project(user, project: Project, k: int = 5) -> list[Suggestion]:
    """Projects like this one that the user may see, leaving out pairs someone has already judged."""
    index = current_index()
    if index is None:
        return []
    mask = _mask(user, index, judged_with(project.pk) | {project.pk})
    shown = document_text_in(project, active_language())
    return _suggestions(user, index.suggest(document_text(project), k + 3, mask, shown=shown))[:k]


def similar_to_text(user, text: str, k: int = 5, exclude: tuple[int, ...] = ()) -> list[Suggestion]:
    """Projects like a description being written, that the user may see."""
    index = current_index()
    if index is None or not text.strip():
        return []
    return _suggestions(user, index.suggest(text, k + 3, _mask(user, index, set(exclude))))[:k]


def judgement_record(*, user, project: Project, other: Project, verdict: str) -> Judgement:
    first, second = sorted([project.pk, other.pk])
    judgement, _ = Judgement.objects.update_or_create(
        first_id=first,
        second_id=second,
        defaults={"verdict": verdict, "judged_by": user, "created_at": timezone.now()},
    )
    return judgement


def judgements_for(user, project: Project) -> list[tuple[Judgement, Project]]:
    """What people have said about this project and others, for projects the user may see."""
    pairs = list(
        (Judgement.objects.filter(first=project) | Judgement.objects.filter(second=project)).select_related(
            "judged_by"
        )
    )
    others = projects_visible_to(user).select_related("owner_organisation")  # each is named with its owner
    visible = {p.pk: p for p in others.filter(pk__in=[j.other(project.pk) for j in pairs])}
    return [(j, visible[j.other(project.pk)]) for j in pairs if j.other(project.pk) in visible]


# A team page looks for duplicates among at most this many of the team's projects (the most recently updated):
# enough to cover what a team is working on, few enough to answer in well under a second.
CLUSTER_LIMIT = 3000


def team_clusters(user, team) -> list[list[Project]]:
    """Groups of the team's projects, from different organisations, that look like the same work.

    Pairs scoring at least LIKELY_SAME are joined (pairs someone judged 'not related' are not), and joined
    pairs grow into groups; only groups spanning more than one owner organisation are kept."""
    index = current_index()
    if index is None:
        return []
    visible = projects_visible_to(user, Project.objects.for_team(team)).exclude(phase="retired")
    owners = dict(
        visible.order_by("-last_update_at").values_list("pk", "owner_organisation_id")[:CLUSTER_LIMIT]
    )
    pairs = index.pairs_among(list(owners), LIKELY_SAME)
    unrelated = set(
        Judgement.objects.filter(verdict=Judgement.Verdict.UNRELATED, first_id__in=owners).values_list(
            "first_id", "second_id"
        )
    )
    groups = _union([(a, b) for a, b, _score in pairs if (a, b) not in unrelated and owners[a] != owners[b]])
    projects = Project.objects.select_related("owner_organisation").in_bulk([k for g in groups for k in g])
    clusters = [[projects[k] for k in sorted(group)] for group in groups]
    return sorted(clusters, key=len, reverse=True)


def _union(pairs: list[tuple[int, int]]) -> list[set[int]]:
    parent: dict[int, int] = {}

    def root(key: int) -> int:
        while parent.setdefault(key, key) != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for a, b in pairs:
        parent[root(a)] = root(b)
    groups: dict[int, set[int]] = {}
    for key in parent:
        groups.setdefault(root(key), set()).add(key)
    return list(groups.values())
