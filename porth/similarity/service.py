"""The similar-project index of this process, kept up to date from the database, and the questions the
pages ask of it. Every suggestion respects what the viewer may see: private projects never leak.

Each web process holds the index in memory. It is built from the projects on first use, and before each
question it takes in the projects changed since it last looked (their `updated_at`), so the portfolio needs to
know nothing about it.
"""

import datetime
import gc
import threading
import time
from dataclasses import dataclass

from django.utils import timezone

from porth.accounts.permissions import memberships, sees_every_project, works_in_public_sector
from porth.portfolio.models import Project, Visibility
from porth.portfolio.permissions import private_project_ids, projects_visible_to

from .index import LIKELY_SAME, Document, LexicalIndex
from .models import Judgement

# How often, in seconds, a process counts the documents to notice deleted projects.
COUNT_EVERY = 60

# Projects read at a time when the index is built.
BUILD_BATCH = 5000

# How far back past the newest change already seen each look reads again (see _sync).
COMMIT_LAG = datetime.timedelta(seconds=5)

# Matches scoring below this are too weak to be worth showing at all.
SHOW_FROM = 0.12


class _State:
    lock = threading.Lock()
    index: LexicalIndex | None = None
    visibility: dict[int, str] = {}
    watermark = None
    size = 0
    counted_at = 0.0


def document_text(project: Project) -> str:
    parts = [project.title_en, project.title_cy, project.summary_en, project.summary_cy]
    parts += [tag.name for tag in project.tags.all()]
    return "\n".join(part for part in parts if part)


def _documents(projects) -> list[tuple[Document, str, object]]:
    return [
        (Document(key=p.pk, text=document_text(p)), p.visibility, p.updated_at)
        for p in projects.prefetch_related("tags")
    ]


def index_build() -> int:
    """Build this process's index from every project now; return how many it holds."""
    with _State.lock:
        _build()
        return _State.size


def index_reset() -> None:
    """Forget this process's index; the next question reads every project again."""
    with _State.lock:
        _State.index = None


def _build() -> None:
    index = LexicalIndex()
    documents, visibility, watermark = [], {}, None
    for start in range(0, Project.objects.count() + 1, BUILD_BATCH):
        batch = Project.objects.order_by("pk")[start : start + BUILD_BATCH]
        for document, seen_by, updated_at in _documents(batch):
            documents.append(document)
            visibility[document.key] = seen_by
            watermark = max(watermark, updated_at) if watermark else updated_at
    index.build(documents)
    _State.index, _State.visibility, _State.watermark, _State.size = (
        index,
        visibility,
        watermark,
        len(documents),
    )
    del documents
    # The index holds hundreds of thousands of long-lived objects; left in the collector's generations they
    # make every full collection walk them all, which showed as 100 ms pauses on unrelated pages.
    gc.collect()
    gc.freeze()


def _sync() -> None:
    """Take in the projects changed since the last look (an indexed lookup on updated_at). Deleted projects
    are noticed by counting, which reads every row, so that is done at most once a minute."""
    if _State.index is None or _State.watermark is None:
        _build()
        return
    now = time.monotonic()
    if now - _State.counted_at > COUNT_EVERY:
        _State.counted_at = now
        if Project.objects.count() < _State.size:
            _build()
            return
    # A save's time is taken before its transaction commits, so look a little way back past the watermark.
    changed = Project.objects.filter(updated_at__gt=_State.watermark - COMMIT_LAG)
    for document, seen_by, updated_at in _documents(changed):
        if document.key not in _State.visibility:
            _State.size += 1
        _State.index.add(document)
        _State.visibility[document.key] = seen_by
        _State.watermark = max(_State.watermark, updated_at)


def _allowed_for(user):
    """A quick first filter from the index's own copy of each project's visibility. The database has the
    last word: suggestions are checked again against it before anyone sees them."""
    mine = memberships(user)
    staff = sees_every_project(user)
    private_ok = set(private_project_ids(user, mine))

    def allowed(key: int) -> bool:
        seen_by = _State.visibility.get(key)
        if seen_by == Visibility.PUBLIC or staff:
            return True
        if seen_by == Visibility.PUBLIC_SECTOR:
            return mine.public_servant
        return key in private_ok

    return allowed


@dataclass(frozen=True)
class Suggestion:
    project: Project
    score: float
    shared_terms: tuple[str, ...]
    contact: dict | None = None  # the project's first contact, for viewers who may see working details

    @property
    def likely_same(self) -> bool:
        return self.score >= LIKELY_SAME


def _suggestions(user, matches) -> list[Suggestion]:
    matches = [m for m in matches if m.score >= SHOW_FROM]
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
    with _State.lock:
        _sync()
        if project.pk not in _State.visibility:
            _State.index.add(Document(key=project.pk, text=document_text(project)))
            _State.visibility[project.pk] = project.visibility
        matches = _State.index.similar_to(project.pk, k=k + 5, allowed=_allowed_for(user))
    skip = judged_with(project.pk) | {project.pk}
    return _suggestions(user, [m for m in matches if m.key not in skip])[:k]


def similar_to_text(user, text: str, k: int = 5, exclude: tuple[int, ...] = ()) -> list[Suggestion]:
    """Projects like a description being written, that the user may see."""
    if not text.strip():
        return []
    with _State.lock:
        _sync()
        matches = _State.index.query(text, k=k + 5, exclude=exclude, allowed=_allowed_for(user))
    return _suggestions(user, matches)[:k]


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
    visible = {p.pk: p for p in projects_visible_to(user).filter(pk__in=[j.other(project.pk) for j in pairs])}
    return [(j, visible[j.other(project.pk)]) for j in pairs if j.other(project.pk) in visible]


# A team page looks for duplicates among at most this many of the team's projects (the most recently updated):
# enough to cover what a team is working on, few enough to answer in well under a second.
CLUSTER_LIMIT = 3000


def team_clusters(user, team) -> list[list[Project]]:
    """Groups of the team's projects, from different organisations, that look like the same work.

    Pairs scoring at least LIKELY_SAME are joined (pairs someone judged 'not related' are not), and joined
    pairs grow into groups; only groups spanning more than one owner organisation are kept."""
    visible = projects_visible_to(user, Project.objects.for_team(team)).exclude(phase="retired")
    owners = dict(
        visible.order_by("-last_update_at").values_list("pk", "owner_organisation_id")[:CLUSTER_LIMIT]
    )
    with _State.lock:
        _sync()
        index = _State.index
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
