"""The similar-project index: given a project's title and summary, which other projects serve the same need.

Pure on purpose: no Django, no database. The caller feeds it documents (a project id and its text) and asks
it for the nearest ones; who may see which project is the caller's business, passed in as a mask.

Each description is analysed by `porth.similarity.text` (Welsh lemmas, a bilingual glossary of concepts,
acronyms and the names of places and national bodies handled, stop words and boilerplate dropped) into keys,
and each key and each unordered pair of neighbouring keys is a feature. Features are scored with BM25
(`bm25s`, the Lucene variant), which holds up among tens of thousands of documents where cosine over short
vectors let a template project sharing one concept outrank a real partner.

Scores are made comparable between questions by dividing by what the question would score against a
document exactly like it: 1 means a document as close as the question itself, 0 nothing shared. A suggestion
needs evidence: at least two informative shared features (ones in at most `INFORMATIVE_SHARE` of the
documents), or a score of at least `LIKELY_SAME`, the "likely the same project" threshold calibrated on the
tuning part of the real labelled set (bench/similarity.py prints it and its precision and recall).

A built index is a snapshot on disk (`save`), which every process opens memory-mapped (`load`): the numbers
are shared between processes by the operating system, and opening one takes a fraction of a second. Building
is for the background worker and `manage.py rebuild_similarity`, never for a web request.

`brute_force_top_k` scores every document from the document side and sorts them all: the exact check the
benchmark compares the fast path against.
"""

from __future__ import annotations

import itertools
import json
import math
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import bm25s
import numpy as np
import scipy.sparse as sp

from porth.similarity.text import Token, analyse, boilerplate_terms

# A pair of projects scoring at least this is "likely the same project" (see the module docstring).
LIKELY_SAME = 0.25
# Matches scoring below this are too weak to show at all.
SHOW_FROM = 0.08
# A feature in at most this share of the documents is informative enough to count as evidence.
INFORMATIVE_SHARE = 0.03
# A suggestion below LIKELY_SAME needs at least this many informative shared features.
MIN_EVIDENCE = 2
# A key in more than this share of the indexed documents is boilerplate (see text.boilerplate_terms).
BOILERPLATE_SHARE = 0.2
MAX_SHARED_TERMS = 6
# BM25's term-frequency saturation and length normalisation. b is below Lucene's usual 0.75: a real
# description runs longer than a one-line project because it says more about its need, not about other needs,
# and a full length penalty let short template projects sharing one concept outrank real partners (measured on
# the tuning part of the labelled set: b 0.5 over 0.75 lifted hit@5 0.88 → 0.89, Welsh→English 0.91 → 0.94).
BM25_K1 = 1.5
BM25_B = 0.5
# How many documents a question is first scored down to before the evidence and visibility checks.
CANDIDATES = 50


@dataclass(frozen=True)
class Document:
    """A project to index: its id, and its title and summary in either or both languages."""

    key: int
    text: str


@dataclass(frozen=True)
class Match:
    """A similar project: its id, a score in [0, 1], and the words of the question that made the match, most
    informative first, as the question wrote them."""

    key: int
    score: float
    shared_terms: tuple[str, ...]

    @property
    def likely_same(self) -> bool:
        return self.score >= LIKELY_SAME


@dataclass(frozen=True)
class Question:
    """A text as the index asks it: its known feature ids, its tokens (for the words shown), its scale."""

    ids: np.ndarray
    tokens: list[Token]
    scale: float


def word_features(keys: Sequence[str]) -> list[str]:
    """The features of a key sequence: every key, and each pair of neighbours in alphabetical order."""
    pairs = [f"{a} {b}" if a <= b else f"{b} {a}" for a, b in itertools.pairwise(keys) if a != b]
    return [*keys, *pairs]


class BM25Index:
    """BM25 over the features of analysed descriptions (module docstring). Built whole, saved and loaded as
    a snapshot; not changed in place (a new snapshot replaces it)."""

    def __init__(self, analyser: Callable[[str], list[Token]] = analyse):
        self._analyser = analyser
        self._model: bm25s.BM25 | None = None
        self.keys = np.empty(0, dtype=np.int64)
        self.labels = np.empty(0, dtype=np.int8)
        self._doc_indptr = np.zeros(1, dtype=np.int64)
        self._doc_features = np.empty(0, dtype=np.int32)
        self._idf = np.empty(0, dtype=np.float32)
        self.boilerplate: frozenset[str] = frozenset()
        self.meta: dict = {}
        self._slot_of: dict[int, int] | None = None

    # Building, saving, loading ---------------------------------------------------------------------------

    def build(
        self,
        documents: Iterable[Document],
        labels: Sequence[int] | None = None,
        meta: dict | None = None,
        cache: dict[int, tuple[str, list[str]]] | None = None,
    ) -> None:
        """Index exactly `documents` (the last text wins for a repeated key). `labels` are small numbers kept
        beside each document for the caller (visibility codes, in the service). `cache` maps a key to the text
        and keys it was last analysed to, so a rebuild analyses only what changed; it is updated in place."""
        latest: dict[int, tuple[str, int]] = {}
        for position, document in enumerate(documents):
            latest[document.key] = (document.text, labels[position] if labels is not None else 0)
        keys = sorted(latest)
        cache = {} if cache is None else cache
        analysed = []
        for key in keys:
            text = latest[key][0]
            known = cache.get(key)
            if known is None or known[0] != text:
                known = cache[key] = (text, [t.key for t in self._analyser(text)])
            analysed.append(known[1])
        for gone in set(cache) - set(latest):
            del cache[gone]
        self.boilerplate = boilerplate_terms(analysed, max_share=BOILERPLATE_SHARE)
        features = [word_features([k for k in doc if k not in self.boilerplate]) for doc in analysed]
        vocabulary: dict[str, int] = {}
        ids = [[vocabulary.setdefault(f, len(vocabulary)) for f in doc] for doc in features]
        vocabulary.setdefault("", len(vocabulary))  # bm25s scores a document with no features against ""
        self._model = None
        if ids:
            model = bm25s.BM25(method="lucene", k1=BM25_K1, b=BM25_B)
            model.index((ids, vocabulary), show_progress=False)
            model.vocab_dict = vocabulary
            self._model = model
        self.keys = np.asarray(keys, dtype=np.int64)
        self.labels = np.asarray([latest[key][1] for key in keys], dtype=np.int8)
        lengths = np.fromiter((len(set(doc)) for doc in ids), dtype=np.int64, count=len(ids))
        self._doc_indptr = np.zeros(len(ids) + 1, dtype=np.int64)
        np.cumsum(lengths, out=self._doc_indptr[1:])
        self._doc_features = (
            np.concatenate([np.asarray(sorted(set(doc)), dtype=np.int32) for doc in ids])
            if ids
            else np.empty(0, dtype=np.int32)
        )
        self.meta = {**(meta or {}), "avgdl": sum(len(doc) for doc in ids) / max(len(ids), 1)}
        self._after_load()

    def save(self, directory: Path) -> None:
        """Write the snapshot into `directory` (which must not exist yet): the caller renames it into place,
        so a reader never sees half a snapshot."""
        directory.mkdir(parents=True)
        if self._model is not None:
            self._model.save(str(directory / "bm25"), show_progress=False)
        np.save(directory / "keys.npy", self.keys)
        np.save(directory / "labels.npy", self.labels)
        np.save(directory / "doc_indptr.npy", self._doc_indptr)
        np.save(directory / "doc_features.npy", self._doc_features)
        meta = {**self.meta, "boilerplate": sorted(self.boilerplate), "documents": len(self.keys)}
        (directory / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
        for path in directory.rglob("*"):
            os.chmod(path, 0o644 if path.is_file() else 0o755)

    @classmethod
    def load(cls, directory: Path, analyser: Callable[[str], list[Token]] = analyse) -> BM25Index:
        """Open a snapshot memory-mapped: its arrays come from the page cache that every process shares."""
        index = cls(analyser)
        if (directory / "bm25").exists():
            index._model = bm25s.BM25.load(str(directory / "bm25"), mmap=True, show_progress=False)
        index.keys = np.load(directory / "keys.npy", mmap_mode="r")
        index.labels = np.load(directory / "labels.npy", mmap_mode="r")
        index._doc_indptr = np.load(directory / "doc_indptr.npy", mmap_mode="r")
        index._doc_features = np.load(directory / "doc_features.npy", mmap_mode="r")
        meta = json.loads((directory / "meta.json").read_text(encoding="utf-8"))
        index.boilerplate = frozenset(meta.pop("boilerplate", ()))
        index.meta = meta
        index._after_load()
        return index

    def _after_load(self) -> None:
        indptr = np.asarray(self._model.scores["indptr"]) if self._model is not None else np.zeros(1)
        df = np.diff(indptr).astype(np.float64)
        n = max(len(self.keys), 1)
        self._idf = np.log(1.0 + (n - df + 0.5) / (df + 0.5)).astype(np.float32)  # bm25s's Lucene IDF
        self._informative = df <= max(2.0, INFORMATIVE_SHARE * n)
        self._slot_of = None

    def __len__(self) -> int:
        return len(self.keys)

    def slot_of(self, key: int) -> int | None:
        if self._slot_of is None:
            self._slot_of = {int(k): slot for slot, k in enumerate(self.keys)}
        return self._slot_of.get(key)

    # Questions -------------------------------------------------------------------------------------------

    def tokens(self, text: str) -> list[Token]:
        return [token for token in self._analyser(text) if token.key not in self.boilerplate]

    def question(self, text: str) -> Question:
        """The features of `text` the index knows (repeats kept: BM25 counts them), its tokens, and the scale
        of its scores."""
        tokens = self.tokens(text)
        features = word_features([t.key for t in tokens])
        vocabulary = self._model.vocab_dict if self._model is not None else {}
        ids = np.asarray([vocabulary[f] for f in features if f in vocabulary], dtype=np.int64)
        return Question(ids, tokens, self._self_score(ids, len(features) - len(ids), len(features)))

    def scores(self, question: Question, mask: np.ndarray | None = None) -> np.ndarray:
        """Each document's score for the question, in [0, 1] (module docstring); 0 where `mask` (one boolean
        per document) is false."""
        if not len(question.ids) or not len(self.keys):
            return np.zeros(len(self.keys), dtype=np.float32)
        raw = self._model.get_scores_from_ids(question.ids.tolist(), weight_mask=mask)
        return (raw / question.scale).astype(np.float32)

    def _self_score(self, ids: np.ndarray, unknown: int, length: int) -> float:
        """What a question would score against a document exactly like it: the scale that makes scores of
        different questions comparable. Features no document has count as well, at the IDF of a feature in
        no document (asking about something nobody mentions makes every match weaker)."""
        k1, b = BM25_K1, BM25_B
        if self._model is not None:
            k1, b = self._model.k1, self._model.b
        norm = k1 * (1 - b + b * length / max(float(self.meta.get("avgdl", 1.0)), 1e-9))
        features, counts = np.unique(ids, return_counts=True)
        known = float(np.sum(counts * self._idf[features] * counts / (norm + counts))) if len(ids) else 0.0
        unseen = unknown * math.log(1.0 + (len(self.keys) + 0.5) / 0.5) / (norm + 1.0)
        return (known + unseen) or 1.0

    def suggest(
        self, text: str, k: int = 5, mask: np.ndarray | None = None, shown: str | None = None
    ) -> list[Match]:
        """The `k` best documents for `text` that pass the evidence rule and the display cut, best first:
        what the pages show. `mask` says which documents may be suggested (visibility, exclusions). `shown`,
        when given and not empty, is the part of `text` in the reader's language: the words in common are
        taken from it alone, so a bilingual question never explains itself in the other language."""
        question = self.question(text)
        explaining = self.tokens(shown) if shown and shown.strip() else question.tokens
        scores = self.scores(question, mask)
        found = []
        for slot in _best(scores, CANDIDATES):
            score = float(scores[slot])
            shared = self._shared(question.ids, int(slot))
            evidence = sum(1 for feature in shared if self._informative[feature])
            if score >= LIKELY_SAME or (score >= SHOW_FROM and evidence >= MIN_EVIDENCE):
                found.append(Match(int(self.keys[slot]), round(score, 6), self._surfaces(shared, explaining)))
                if len(found) == k:
                    break
        return found

    def ranked(self, text: str, k: int, mask: np.ndarray | None = None) -> list[tuple[int, float]]:
        """The `k` best (key, score) with a positive score, no evidence rule: the plain ranking."""
        scores = self.scores(self.question(text), mask)
        return [(int(self.keys[slot]), round(float(scores[slot]), 6)) for slot in _best(scores, k)]

    def _doc_feature_ids(self, slot: int) -> np.ndarray:
        return np.asarray(self._doc_features[self._doc_indptr[slot] : self._doc_indptr[slot + 1]])

    def _shared(self, ids: np.ndarray, slot: int) -> np.ndarray:
        """The question's features the document also has, most informative (highest IDF) first."""
        common = np.intersect1d(np.unique(ids), self._doc_feature_ids(slot), assume_unique=True)
        return common[np.argsort(-self._idf[common], kind="stable")]

    def _surfaces(self, shared: np.ndarray, tokens: list[Token]) -> tuple[str, ...]:
        """The words of the question behind the shared single-key features, as the question wrote them."""
        vocabulary = self._model.vocab_dict
        surface_of: dict[int, str] = {}
        for token in tokens:
            feature = vocabulary.get(token.key)
            if feature is not None:
                surface_of.setdefault(feature, token.surface)
        words = []
        for feature in shared:
            surface = surface_of.get(int(feature))
            if surface is not None and surface not in words:
                words.append(surface)
                if len(words) == MAX_SHARED_TERMS:
                    break
        return tuple(words)

    def pairs_among(self, keys: Iterable[int], threshold: float) -> list[tuple[int, int, float]]:
        """Every pair of the given indexed documents scoring at least `threshold` both ways (the lower of the
        two), as (key, key, score) with the smaller key first: one sparse product over their features."""
        slots = sorted({slot for key in keys if (slot := self.slot_of(key)) is not None})
        if len(slots) < 2:
            return []
        rows = [self._doc_feature_ids(slot) for slot in slots]
        width = len(self._idf)
        # Each document as a question (its features, once each, over its own self-score)...
        questions = _rows(rows, [np.ones(len(r), dtype=np.float32) for r in rows], width)
        totals = np.asarray([self._self_score(r, 0, len(r)) for r in rows], dtype=np.float32)
        # ... against each document's BM25 weight of each feature, read from the index.
        weights = self._weights(slots, rows, width)
        raw = (questions @ weights.T).toarray() / totals[:, None]
        both = np.minimum(raw, raw.T)
        found = []
        for i, j in zip(*np.nonzero(np.triu(both >= threshold, k=1)), strict=True):
            a, b = int(self.keys[slots[i]]), int(self.keys[slots[j]])
            found.append((min(a, b), max(a, b), round(float(both[i, j]), 6)))
        return sorted(found, key=lambda pair: -pair[2])

    def _weights(self, slots: list[int], rows: list[np.ndarray], width: int) -> sp.csr_matrix:
        """The documents' BM25 weights of their features (documents × features), from the index's columns."""
        data = self._model.scores["data"]
        indices = self._model.scores["indices"]
        indptr = self._model.scores["indptr"]
        values = []
        for slot, features in zip(slots, rows, strict=True):
            weights = np.empty(len(features), dtype=np.float32)
            for n, feature in enumerate(features):
                start, end = int(indptr[feature]), int(indptr[feature + 1])
                where = np.searchsorted(indices[start:end], slot)
                weights[n] = data[start + where] if where < end - start else 0.0
            values.append(weights)
        return _rows(rows, values, width)

    def matrix(self) -> sp.csc_matrix:
        """The features × documents BM25 weights, as the index holds them: for `brute_force_top_k`."""
        scores = self._model.scores
        shape = (len(scores["indptr"]) - 1, int(scores["num_docs"]))
        return sp.csr_matrix((scores["data"], scores["indices"], scores["indptr"]), shape=shape)


def _rows(rows: list[np.ndarray], values: list[np.ndarray], width: int) -> sp.csr_matrix:
    lengths = np.fromiter((len(r) for r in rows), dtype=np.int64, count=len(rows))
    indptr = np.zeros(len(rows) + 1, dtype=np.int64)
    np.cumsum(lengths, out=indptr[1:])
    return sp.csr_matrix((np.concatenate(values), np.concatenate(rows), indptr), shape=(len(rows), width))


def _best(scores: np.ndarray, k: int) -> np.ndarray:
    """Slots of the `k` best positive scores, best first (ties by slot)."""
    positive = int(np.count_nonzero(scores > 0))
    k = min(k, positive)
    if k <= 0:
        return np.empty(0, dtype=np.int64)
    top = np.argpartition(-scores, k - 1)[:k]
    return top[np.lexsort((top, -scores[top]))]


def brute_force_top_k(index: BM25Index, text: str, k: int) -> list[tuple[int, float]]:
    """The exact top `k` (key, score) of `text`, computed from the document side: every document's score as
    the sum of its weights of the question's features, over the whole matrix, everything sorted."""
    question = index.question(text)
    if not len(question.ids) or not len(index):
        return []
    counts = np.bincount(question.ids, minlength=len(index._idf)).astype(np.float32)
    raw = np.asarray(index.matrix().T @ counts).ravel()
    scores = raw / question.scale
    order = np.lexsort((np.arange(len(scores)), -scores))
    return [(int(index.keys[i]), round(float(scores[i]), 6)) for i in order[:k] if scores[i] > 0]
