"""Batch entity resolution for `garda link` and `garda dedupe`: block, compare, estimate, score, cluster.

The engine is plain Python with the same comparisons and keys the counter uses, so a batch and a counter lookup
judge a pair alike. Oversized blocks (a key shared by more than `max_block` records, e.g. a placeholder phone) are
skipped and reported rather than compared all against all.
"""

import random
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

import numpy as np

from garda.identity.blocking import index_keys, query_keys
from garda.identity.comparisons import compare
from garda.identity.defaults import default_model
from garda.identity.model import FSModel, estimate, estimate_u
from garda.identity.records import Person

RANDOM_PAIRS = 60_000
# Below these sizes the data say too little to estimate weights from: the shipped default model is used.
MIN_RECORDS_TO_ESTIMATE = 1000
MIN_PAIRS_TO_ESTIMATE = 300


@dataclass
class BatchReport:
    records: int = 0
    candidate_pairs: int = 0
    skipped_blocks: list[tuple[str, int]] = field(default_factory=list)
    model: FSModel | None = None


def _index(persons: Sequence[Person], max_block: int, report: BatchReport) -> dict[str, list[int]]:
    blocks: dict[str, list[int]] = defaultdict(list)
    for i, person in enumerate(persons):
        for key in index_keys(person):
            blocks[key].append(i)
    for key in [k for k, members in blocks.items() if len(members) > max_block]:
        report.skipped_blocks.append((key, len(blocks[key])))
        del blocks[key]
    return blocks


def candidate_pairs(
    left: Sequence[Person], right: Sequence[Person] | None, *, max_block: int = 500, report: BatchReport | None = None
) -> list[tuple[int, int]]:
    """Pairs (i, j) to compare: across two lists, or within one (i < j)."""
    report = report or BatchReport()
    target = right if right is not None else left
    blocks = _index(target, max_block, report)
    pairs: set[tuple[int, int]] = set()
    for i, person in enumerate(left):
        for key in query_keys(person):
            for j in blocks.get(key, ()):
                if right is not None:
                    pairs.add((i, j))
                elif j != i:
                    pairs.add((min(i, j), max(i, j)))
    return sorted(pairs)


def _levels(left: Sequence[Person], right: Sequence[Person], pairs: Iterable[tuple[int, int]]) -> np.ndarray:
    rows = [compare(left[i], right[j]) for i, j in pairs]
    return np.array(rows, dtype=np.int8).reshape(-1, 9)


def _random_levels(left: Sequence[Person], right: Sequence[Person], n: int, seed: int) -> np.ndarray:
    rng = random.Random(seed)  # noqa: S311  (sampling, not secrecy)
    if not left or not right:
        return np.zeros((0, 9), dtype=np.int8)
    pairs = [(rng.randrange(len(left)), rng.randrange(len(right))) for _ in range(n)]
    pairs = [(i, j) for i, j in pairs if left is not right or i != j]
    return _levels(left, right, pairs)


def name_frequencies(persons: Iterable[Person]) -> tuple[Counter[str], int]:
    counts: Counter[str] = Counter(p.name.key for p in persons if p.name is not None)
    return counts, sum(counts.values())


def resolve(
    left: Sequence[Person],
    right: Sequence[Person] | None = None,
    *,
    max_block: int = 500,
    model: FSModel | None = None,
    seed: int = 7,
) -> tuple[list[tuple[int, int, float]], BatchReport]:
    """Score every candidate pair; returns (i, j, probability) for all candidates, and a report."""
    report = BatchReport(records=len(left) + (len(right) if right is not None else 0))
    other = right if right is not None else left
    pairs = candidate_pairs(left, right, max_block=max_block, report=report)
    report.candidate_pairs = len(pairs)
    levels = _levels(left, other, pairs)
    if model is None and (report.records < MIN_RECORDS_TO_ESTIMATE or len(pairs) < MIN_PAIRS_TO_ESTIMATE):
        model = default_model()
    if model is None:
        u = estimate_u(_random_levels(left, other, RANDOM_PAIRS, seed))
        n_pairs = len(left) * len(right) if right is not None else len(left) * (len(left) - 1) // 2
        model = estimate(levels, u, total_pairs=n_pairs, version="batch", trained_on=f"{report.records} records")
    report.model = model
    counts, total = name_frequencies(list(left) + (list(right) if right is not None else []))
    scored: list[tuple[int, int, float]] = []
    for (i, j), row in zip(pairs, levels, strict=True):
        a = left[i]
        tf = counts[a.name.key] / total if a.name is not None and total else None
        scored.append((i, j, model.score(tuple(int(x) for x in row), name_tf=tf).probability))
    return scored, report


def clusters(n: int, edges: Iterable[tuple[int, int]]) -> list[int]:
    """Connected components (union–find): the cluster index of each record."""
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in edges:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return [find(i) for i in range(n)]


def iter_matches(scored: Iterable[tuple[int, int, float]], threshold: float) -> Iterator[tuple[int, int, float]]:
    return (s for s in scored if s[2] >= threshold)
