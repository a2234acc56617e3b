"""Benchmark: similar projects, for quality on real descriptions hidden among many others, and for speed.

Run with `.venv/bin/python bench/similarity.py [--distractors 10000] [--size 100000]`. No Django, no database,
no network: the index is pure.

Quality. bench/data/similar_real.jsonl holds real project descriptions (English and Welsh) labelled by need,
by project, and with hard negatives (bench/data/LABELLING.md). They are hidden among `--distractors`
synthetic projects (bench/data/README.md says how those are made). Every description whose need has another
description is a question (itself excluded); its right answers are the other members of its need. Reported
for the tuning part and the held-out part, for:

- Porth, as the pages show it: `BM25Index.suggest`, top 5 after the evidence rule and the display cut;
- Porth's ranking alone (no evidence rule, no cut);
- TF-IDF with word 1–2-grams and character 3–5-grams, sublinear term frequency (scikit-learn);
- BM25 over raw lower-cased words (bm25s).

Figures: hit@5 (a right answer in the top 5), capped recall@5 (right answers found over min(answers, 5)),
recall@5 over pairs, the share of questions whose hard negative outranks their best right answer,
Welsh→English and English→Welsh hit@5 (a right answer in the other language in the top 5), and, for Porth,
the precision and recall of "likely the same project" (LIKELY_SAME) over every pair of descriptions of the
same project.

Speed, at `--size` projects: the build, opening a saved snapshot, p50/p95 of a top-10 question, and the fast
path against the exact brute force over the same weights (speed ratio, recall@10).
"""

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import bm25s
import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.distractors import Generator
from porth.similarity.index import LIKELY_SAME, BM25Index, Document, brute_force_top_k

DATA = Path(__file__).resolve().parent / "data" / "similar_real.jsonl"
BUDGET_QUERY_P95_MS = 30.0
BUDGET_BUILD_S = 60.0
GOALS = "goals on the held-out part: hit@5 ≥ 0.95, capped recall@5 ≥ 0.75, hard negative on top ≤ 0.05, "
GOALS += "cross-language ≥ 0.80, likely-same precision ≥ 0.90 at recall ≥ 0.50"
RANKED = 50  # how deep the hard-negative check looks


def labelled() -> list[dict]:
    import json

    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    for position, row in enumerate(rows):
        row["key"] = position
        row["full"] = f"{row['title']}. {row['text']}"
    return rows


# Systems: each answers "the keys most similar to the text of row `key`, best first" -------------------


class Porth:
    def __init__(self, documents: list[Document], cut: bool):
        self.index = BM25Index()
        self.index.build(documents)
        self.cut = cut
        self.slot = {int(k): s for s, k in enumerate(self.index.keys)}

    def ranking(self, text: str, key: int, k: int) -> list[int]:
        mask = np.ones(len(self.index), dtype=bool)
        mask[self.slot[key]] = False
        if self.cut:
            return [m.key for m in self.index.suggest(text, k, mask)]
        return [found for found, _score in self.index.ranked(text, k, mask)]


class Tfidf:
    def __init__(self, documents: list[Document]):
        words = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=1)
        chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, min_df=2)
        texts = [d.text for d in documents]
        self.words, self.chars = words, chars
        self.matrix = normalize(self._stack(words.fit_transform(texts), chars.fit_transform(texts)))
        self.keys = np.asarray([d.key for d in documents])
        self.slot = {int(k): s for s, k in enumerate(self.keys)}

    @staticmethod
    def _stack(a, b):
        import scipy.sparse as sp

        return sp.hstack([normalize(a), normalize(b)], format="csr")

    def ranking(self, text: str, key: int, k: int) -> list[int]:
        vector = normalize(self._stack(self.words.transform([text]), self.chars.transform([text])))
        scores = (self.matrix @ vector.T).toarray().ravel()
        scores[self.slot[key]] = -1
        top = np.argpartition(-scores, k)[:k]
        top = top[np.argsort(-scores[top])]
        return [int(self.keys[i]) for i in top if scores[i] > 0]


class RawBM25:
    def __init__(self, documents: list[Document]):
        self.model = bm25s.BM25()
        self.model.index(
            bm25s.tokenize([d.text for d in documents], show_progress=False), show_progress=False
        )
        self.keys = np.asarray([d.key for d in documents])
        self.slot = {int(k): s for s, k in enumerate(self.keys)}

    def ranking(self, text: str, key: int, k: int) -> list[int]:
        tokens = bm25s.tokenize([text], show_progress=False, return_ids=False)[0]
        if not tokens:
            return []
        mask = np.ones(len(self.keys), dtype=np.float32)
        mask[self.slot[key]] = 0
        scores = self.model.get_scores(tokens, weight_mask=mask)
        top = np.argpartition(-scores, k)[:k]
        top = top[np.argsort(-scores[top])]
        return [int(self.keys[i]) for i in top if scores[i] > 0]


# Quality ---------------------------------------------------------------------------------------------


def measure(system, rows: list[dict], split: str) -> dict[str, float]:
    by_key = {row["key"]: row for row in rows}
    members: dict[str, list[dict]] = {}
    for row in rows:
        members.setdefault(row["group"], []).append(row)
    counts = dict.fromkeys(("questions", "hit", "capped", "found", "pairs", "hard", "hard_questions"), 0)
    cross = {("cy", "en"): [0, 0], ("en", "cy"): [0, 0]}
    for row in rows:
        answers = [other for other in members[row["group"]] if other["key"] != row["key"]]
        if row["split"] != split or not answers:
            continue
        ranking = system.ranking(row["full"], row["key"], RANKED)
        top = ranking[:5]
        right = {a["key"] for a in answers}
        found = len(right & set(top))
        counts["questions"] += 1
        counts["hit"] += found > 0
        counts["capped"] += found / min(len(answers), 5)
        counts["found"] += found
        counts["pairs"] += len(answers)
        negatives = {r["key"] for r in rows if r["near_miss_of"] == row["group"]}
        if negatives:
            counts["hard_questions"] += 1
            best_right = next((i for i, k in enumerate(ranking) if k in right), RANKED)
            best_negative = next((i for i, k in enumerate(ranking) if k in negatives), RANKED)
            counts["hard"] += best_negative < best_right
        for (source, target), tally in cross.items():
            if row["language"] == source and any(a["language"] == target for a in answers):
                tally[1] += 1
                tally[0] += any(by_key[k]["language"] == target for k in top if k in right)
    n = max(counts["questions"], 1)
    return {
        "questions": counts["questions"],
        "hit@5": counts["hit"] / n,
        "capped R@5": counts["capped"] / n,
        "R@5 pairs": counts["found"] / max(counts["pairs"], 1),
        "hard neg. on top": counts["hard"] / max(counts["hard_questions"], 1),
        "cy→en": cross[("cy", "en")][0] / max(cross[("cy", "en")][1], 1),
        "en→cy": cross[("en", "cy")][0] / max(cross[("en", "cy")][1], 1),
    }


def likely_same(index: BM25Index, rows: list[dict], split: str, threshold: float) -> tuple[float, float]:
    """Precision and recall of `threshold` over the pairs of labelled descriptions within a part: a pair is
    positive when both describe the same project. Each pair is scored both ways, the lower kept, as the
    duplicates page does."""
    chosen = [row for row in rows if row["split"] == split]
    pairs = index.pairs_among([row["key"] for row in chosen], threshold)
    project = {row["key"]: row["project"] for row in chosen}
    flagged = [(a, b) for a, b, _score in pairs]
    right = sum(project[a] == project[b] for a, b in flagged)
    keys = [row["key"] for row in chosen]
    positives = sum(project[a] == project[b] for i, a in enumerate(keys) for b in keys[i + 1 :])
    return (right / len(flagged) if flagged else 1.0), right / max(positives, 1)


def best_threshold(index: BM25Index, rows: list[dict]) -> float:
    """The threshold with the best F1 over the tuning part's same-project pairs: how LIKELY_SAME is set."""

    def f1(threshold: float) -> float:
        precision, recall = likely_same(index, rows, "tuning", threshold)
        return 2 * precision * recall / (precision + recall) if precision + recall else 0.0

    return max((step / 100 for step in range(10, 90, 2)), key=f1)


def quality(rows: list[dict], distractors: int, parts: tuple[str, ...]) -> None:
    generator = Generator(seed=2025)
    documents = [Document(row["key"], row["full"]) for row in rows]
    documents += [Document(10_000_000 + n, generator.text()) for n in range(distractors)]
    welsh = sum(row["language"] == "cy" for row in rows)
    print(
        f"Quality: {len(rows)} real descriptions ({welsh} in Welsh) hidden among {distractors:,} "
        "synthetic ones"
    )
    start = time.perf_counter()
    systems = {
        "Porth (pages: evidence rule, display cut)": Porth(documents, cut=True),
        "Porth ranking alone": Porth(documents, cut=False),
        "TF-IDF words 1–2 + chars 3–5, sublinear": Tfidf(documents),
        "BM25 on raw words (bm25s)": RawBM25(documents),
    }
    print(f"  (built in {time.perf_counter() - start:.0f} s)")
    names = ["hit@5", "capped R@5", "R@5 pairs", "hard neg. on top", "cy→en", "en→cy"]
    for split in parts:
        print(f"\n  {split} part")
        print(f"  {'':<44}" + "".join(f"{name:>17}" for name in names))
        for label, system in systems.items():
            figures = measure(system, rows, split)
            print(f"  {label:<44}" + "".join(f"{figures[name]:>17.3f}" for name in names))
        print(f"  ({figures['questions']} questions)")
    index = systems["Porth (pages: evidence rule, display cut)"].index
    for split in parts:
        precision, recall = likely_same(index, rows, split, LIKELY_SAME)
        print(
            f"  likely the same project (LIKELY_SAME = {LIKELY_SAME}), {split}: "
            f"P {precision:.3f} R {recall:.3f}"
        )
    best = best_threshold(index, rows)
    curve = ", ".join(
        "{:.2f}: P {:.2f} R {:.2f}".format(t, *likely_same(index, rows, "tuning", t))
        for t in (0.1, 0.15, 0.2, 0.25, 0.3)
    )
    print(f"  (best-F1 threshold on the tuning pairs: {best:.2f}; tuning pairs at {curve})")
    print(f"  {GOALS}")


# Speed -----------------------------------------------------------------------------------------------


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def speed(rows: list[dict], size: int, queries: int) -> None:
    print(f"\nSpeed at {size:,} projects, {queries} questions")
    generator = Generator(seed=7)
    documents = [Document(row["key"], row["full"]) for row in rows]
    documents += [Document(10_000_000 + n, generator.text()) for n in range(max(0, size - len(rows)))]
    start = time.perf_counter()
    index = BM25Index()
    index.build(documents)
    build_s = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as folder:
        snapshot = Path(folder) / "snapshot"
        index.save(snapshot)
        start = time.perf_counter()
        opened = BM25Index.load(snapshot)
        open_s = time.perf_counter() - start
        texts = [d.text for d in random.Random(3).sample(documents, queries)]
        latencies, fast_ms, exact_ms, overlap, total = [], [], [], 0, 0
        for text in texts:
            begin = time.perf_counter()
            opened.suggest(text, 10)
            latencies.append((time.perf_counter() - begin) * 1000)
        for text in texts[:100]:
            begin = time.perf_counter()
            fast = opened.ranked(text, 10)
            fast_ms.append((time.perf_counter() - begin) * 1000)
            begin = time.perf_counter()
            exact = brute_force_top_k(opened, text, 10)
            exact_ms.append((time.perf_counter() - begin) * 1000)
            overlap += len({k for k, _ in fast} & {k for k, _ in exact})
            total += len(exact)
    p95 = percentile(latencies, 0.95)
    print(
        f"  build {build_s:.1f} s (budget {BUDGET_BUILD_S:.0f} s); open the snapshot {open_s * 1000:.0f} ms"
    )
    print(
        "  top-10 question (analyse, score, evidence, shared words): "
        f"p50 {statistics.median(latencies):.1f} ms, "
        f"p95 {p95:.1f} ms (budget {BUDGET_QUERY_P95_MS:.0f} ms)"
    )
    print(
        f"  ranking alone p50 {statistics.median(fast_ms):.1f} ms; exact brute force p50 "
        f"{statistics.median(exact_ms):.1f} ms; recall@10 against exact {overlap / max(total, 1):.3f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--distractors", type=int, default=10_000, help="synthetic projects around the real")
    parser.add_argument("--size", type=int, default=100_000, help="projects in the speed run (0 to skip)")
    parser.add_argument("--queries", type=int, default=300, help="questions to time")
    parser.add_argument(
        "--parts", choices=["both", "tuning"], default="both", help="tuning: leave the held-out part unseen"
    )
    arguments = parser.parse_args()
    rows = labelled()
    quality(
        rows, arguments.distractors, ("tuning",) if arguments.parts == "tuning" else ("tuning", "holdout")
    )
    if arguments.size:
        speed(rows, arguments.size, arguments.queries)


if __name__ == "__main__":
    main()
