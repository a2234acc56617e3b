"""The similar-project index of this process, kept up to date from the database, and the questions the
pages ask of it. Every suggestion respects what the viewer may see: private projects never leak.

Each web process holds the index in memory. It is built from the SimilarityDocument rows on first use, and
before each question it takes in the rows changed since it last looked (a background task rewrites a
project's row when the project is saved). `manage.py rebuild_similarity` rewrites every row and refits.
"""

import gc
import threading
import time
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from porth.portfolio.models import Project, Visibility
from porth.portfolio.permissions import memberships, private_project_ids, projects_visible_to

from .index import LIKELY_SAME, Document, LexicalIndex
from .models import Judgement, SimilarityDocument

# How often, in seconds, a process counts the documents to notice deleted projects.
COUNT_EVERY = 60

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


def project_document_refresh(*, project_id: int) -> None:
    """Rewrite one project's document (the background task after a save)."""
    project = Project.objects.filter(pk=project_id).prefetch_related("tags").first()
    if project is None:
        SimilarityDocument.objects.filter(project_id=project_id).delete()
        return
    SimilarityDocument.objects.update_or_create(
        project=project,
        defaults={
            "text": document_text(project),
            "visibility": project.visibility,
            "updated_at": timezone.now(),
        },
    )


def documents_rebuild(*, batch: int = 2000) -> int:
    """Rewrite every project's document in bulk; return how many there are."""
    now = timezone.now()
    with transaction.atomic():
        SimilarityDocument.objects.all().delete()
        rows = []
        for project in Project.objects.prefetch_related("tags").iterator(chunk_size=batch):
            rows.append(
                SimilarityDocument(
                    project=project,
                    text=document_text(project),
                    visibility=project.visibility,
                    updated_at=now,
                )
            )
            if len(rows) >= batch:
                SimilarityDocument.objects.bulk_create(rows)
                rows = []
        SimilarityDocument.objects.bulk_create(rows)
    index_reset()
    return SimilarityDocument.objects.count()


def index_reset() -> None:
    with _State.lock:
        _State.index = None


def _build() -> None:
    rows = SimilarityDocument.objects.values_list("project_id", "text", "visibility", "updated_at")
    index = LexicalIndex()
    documents, visibility, watermark = [], {}, None
    for key, text, seen_by, updated_at in rows.iterator(chunk_size=5000):
        documents.append(Document(key=key, text=text))
        visibility[key] = seen_by
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
    """Take in the documents changed since the last look (an indexed lookup on updated_at). Deleted projects
    are noticed by counting, which reads every row, so that is done at most once a minute."""
    if _State.index is None or _State.watermark is None:
        _build()
        return
    now = time.monotonic()
    if now - _State.counted_at > COUNT_EVERY:
        _State.counted_at = now
        if SimilarityDocument.objects.count() < _State.size:
            _build()
            return
    changed = SimilarityDocument.objects.filter(updated_at__gt=_State.watermark)
    for key, text, seen_by, updated_at in changed.values_list(
        "project_id", "text", "visibility", "updated_at"
    ):
        if key not in _State.visibility:
            _State.size += 1
        _State.index.add(Document(key=key, text=text))
        _State.visibility[key] = seen_by
        _State.watermark = max(_State.watermark, updated_at)


def _allowed_for(user):
    """A quick first filter from the index's own copy of each project's visibility. The database has the
    last word: suggestions are checked again against it before anyone sees them."""
    mine = memberships(user)
    staff = user.is_authenticated and user.is_staff
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

    @property
    def likely_same(self) -> bool:
        return self.score >= LIKELY_SAME


def _suggestions(user, matches) -> list[Suggestion]:
    matches = [m for m in matches if m.score >= SHOW_FROM]
    visible = projects_visible_to(user).filter(pk__in=[m.key for m in matches])
    projects = {p.pk: p for p in visible.select_related("owner_organisation", "lead_team")}
    return [Suggestion(projects[m.key], m.score, m.shared_terms) for m in matches if m.key in projects]


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
