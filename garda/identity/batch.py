"""Batch entity resolution for `garda link` and `garda dedupe`: block, compare, estimate, score, cluster.

The comparisons and keys are the counter's own, so a batch and a counter lookup judge a pair alike. Candidate
pairs are kept as numpy arrays; comparisons run on every core (processes forked after the records are prepared,
so they share them); scoring is vectorised. Oversized blocks (a key shared by more than `max_block` records, e.g.
a placeholder phone) are skipped and reported rather than compared all against all.
"""

import multiprocessing
import os
import random
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

import numpy as np

from garda.identity.blocking import index_keys, query_keys
from garda.identity.comparisons import COMPARISONS, compare
from garda.identity.defaults import default_model
from garda.identity.model import FSModel, estimate, estimate_u
from garda.identity.records import Person

RANDOM_PAIRS = 60_000
# Below these sizes the data say too little to estimate weights from: the shipped default model is used.
MIN_RECORDS_TO_ESTIMATE = 1000
MIN_PAIRS_TO_ESTIMATE = 300
PARALLEL_FROM_PAIRS = 200_000
PARALLEL_FROM_RECORDS = 50_000
N_COMPARISONS = len(COMPARISONS)


@dataclass
class BatchReport:
    records: int = 0
    candidate_pairs: int = 0
    skipped_blocks: list[tuple[str, int]] = field(default_factory=list)
    model: FSModel | None = None


def _index(
    persons: Sequence[Person], max_block: int, report: BatchReport, own_keys: list[set[str]] | None = None
) -> dict[str, list[int]]:
    blocks: dict[str, list[int]] = defaultdict(list)
    for i, person in enumerate(persons):
        for key in own_keys[i] if own_keys is not None else index_keys(person):
            blocks[key].append(i)
    for key in [k for k, members in blocks.items() if len(members) > max_block]:
        report.skipped_blocks.append((key, len(blocks[key])))
        del blocks[key]
    return blocks


def _pair_codes(bounds: tuple[int, int]) -> np.ndarray:
    left, blocks, own = _SHARED["left"], _SHARED["blocks"], _SHARED["own"]
    width, linking = _SHARED["width"], _SHARED["linking"]
    codes = array("q")
    for i in range(*bounds):
        mine = own[i] if own is not None else None  # type: ignore[index]
        for key in query_keys(left[i], own=mine):  # type: ignore[index]
            members = blocks.get(key)  # type: ignore[attr-defined]
            if not members:
                continue
            if linking:
                codes.extend(i * width + j for j in members)  # type: ignore[operator]
            else:
                codes.extend(min(i, j) * width + max(i, j) for j in members if j != i)  # type: ignore[operator]
    return np.unique(np.frombuffer(codes, dtype=np.int64)) if codes else np.zeros(0, dtype=np.int64)


def candidate_pairs(
    left: Sequence[Person],
    right: Sequence[Person] | None,
    *,
    max_block: int = 500,
    report: BatchReport | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (i, j) to compare, as two sorted arrays: across two lists, or within one (i < j)."""
    report = report or BatchReport()
    target = right if right is not None else left
    width = max(len(target), 1)
    # Within one list each record's own keys serve both for the index and for its query.
    own = [index_keys(p) for p in left] if right is None else None
    blocks = _index(target, max_block, report, own)
    _SHARED.update(left=left, blocks=blocks, own=own, width=width, linking=right is not None)
    try:
        parts = _in_parallel(_pair_codes, len(left), parallel=len(left) >= PARALLEL_FROM_RECORDS)
    finally:
        _SHARED.clear()
    unique = np.unique(np.concatenate(parts)) if parts else np.zeros(0, dtype=np.int64)
    return unique // width, unique % width


# Set before forking the workers, which inherit them instead of receiving copies.
_SHARED: dict[str, object] = {}


def _in_parallel(work: Callable[[tuple[int, int]], np.ndarray], n: int, *, parallel: bool) -> list[np.ndarray]:
    """Run `work` over slices of range(n): in forked processes on every core when worth it, else here."""
    workers = min(os.cpu_count() or 1, 8)
    if not parallel or workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return [work((0, n))] if n else []
    step = -(-n // (workers * 4))
    bounds = [(s, min(s + step, n)) for s in range(0, n, step)]
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        return pool.map(work, bounds)


def _compare_slice(bounds: tuple[int, int]) -> np.ndarray:
    left, right = _SHARED["left"], _SHARED["right"]
    i_arr, j_arr = _SHARED["i"], _SHARED["j"]
    start, end = bounds
    out = np.empty((end - start, N_COMPARISONS), dtype=np.int8)
    for row, (i, j) in enumerate(zip(i_arr[start:end], j_arr[start:end], strict=True)):  # type: ignore[index]
        out[row] = compare(left[i], right[j])  # type: ignore[index]
    return out


def compare_pairs(left: Sequence[Person], right: Sequence[Person], i_arr: np.ndarray, j_arr: np.ndarray) -> np.ndarray:
    """Comparison levels (pairs × comparisons), on every core when there are many pairs."""
    _SHARED.update(left=left, right=right, i=i_arr, j=j_arr)
    try:
        parts = _in_parallel(_compare_slice, len(i_arr), parallel=len(i_arr) >= PARALLEL_FROM_PAIRS)
    finally:
        _SHARED.clear()
    return np.vstack(parts) if parts else np.zeros((0, N_COMPARISONS), dtype=np.int8)


def _random_levels(left: Sequence[Person], right: Sequence[Person], n: int, seed: int) -> np.ndarray:
    rng = random.Random(seed)  # noqa: S311  (sampling, not secrecy)
    if not left or not right:
        return np.zeros((0, N_COMPARISONS), dtype=np.int8)
    pairs = [(rng.randrange(len(left)), rng.randrange(len(right))) for _ in range(n)]
    pairs = [(i, j) for i, j in pairs if left is not right or i != j]
    i_arr = np.array([p[0] for p in pairs], dtype=np.int64)
    j_arr = np.array([p[1] for p in pairs], dtype=np.int64)
    return compare_pairs(left, right, i_arr, j_arr)


def name_frequencies(persons: Iterable[Person]) -> tuple[Counter[str], int]:
    counts: Counter[str] = Counter(p.name.key for p in persons if p.name is not None)
    return counts, sum(counts.values())


@dataclass
class Scored:
    """Every candidate pair with its probability: i indexes the left list, j the right (or the same) list."""

    i: np.ndarray
    j: np.ndarray
    probability: np.ndarray

    def __iter__(self) -> Iterator[tuple[int, int, float]]:
        return zip(self.i.tolist(), self.j.tolist(), self.probability.tolist(), strict=True)

    def __len__(self) -> int:
        return len(self.i)

    def at_least(self, threshold: float) -> Iterator[tuple[int, int, float]]:
        keep = self.probability >= threshold
        return zip(self.i[keep].tolist(), self.j[keep].tolist(), self.probability[keep].tolist(), strict=True)


def resolve(
    left: Sequence[Person],
    right: Sequence[Person] | None = None,
    *,
    max_block: int = 500,
    model: FSModel | None = None,
    seed: int = 7,
) -> tuple[Scored, BatchReport]:
    """Score every candidate pair, and report what was done."""
    report = BatchReport(records=len(left) + (len(right) if right is not None else 0))
    other = right if right is not None else left
    i_arr, j_arr = candidate_pairs(left, right, max_block=max_block, report=report)
    report.candidate_pairs = len(i_arr)
    levels = compare_pairs(left, other, i_arr, j_arr)
    if model is None and (report.records < MIN_RECORDS_TO_ESTIMATE or len(i_arr) < MIN_PAIRS_TO_ESTIMATE):
        model = default_model()
    if model is None:
        u = estimate_u(_random_levels(left, other, RANDOM_PAIRS, seed))
        n_pairs = len(left) * len(right) if right is not None else len(left) * (len(left) - 1) // 2
        model = estimate(levels, u, total_pairs=n_pairs, version="batch", trained_on=f"{report.records} records")
    report.model = model
    counts, total = name_frequencies(list(left) + (list(right) if right is not None else []))
    tf_left = np.array([counts[p.name.key] / total if p.name is not None and total else np.nan for p in left])
    probability = model.probabilities(levels, tf_left[i_arr] if len(i_arr) else None)
    return Scored(i_arr, j_arr, probability), report


def clusters(n: int, edges: Iterable[tuple[int, int]]) -> list[int]:
    """Connected components (union–find): the cluster index of each record (its smallest member)."""
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


def iter_matches(scored: Scored, threshold: float) -> Iterator[tuple[int, int, float]]:
    return scored.at_least(threshold)
