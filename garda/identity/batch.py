"""Batch entity resolution for `garda link` and `garda dedupe`: block, compare, estimate, score, cluster.

The comparisons and keys are the counter's own, so a batch and a counter lookup judge a pair alike. Candidate
pairs are kept as numpy arrays; comparisons run on every core (processes forked after the records are prepared,
so they share them); scoring is vectorised. Oversized blocks (a key shared by more than `max_block` records, e.g.
a placeholder phone) are skipped and reported rather than compared all against all.
"""

import random
import time
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from garda.core.parallel import in_parallel
from garda.identity.blocking import index_keys, query_keys
from garda.identity.comparisons import COMPARISONS, compare
from garda.identity.defaults import default_model
from garda.identity.model import FSModel, estimate, estimate_u, implausible
from garda.identity.records import Person

RANDOM_PAIRS = 60_000
# Below these sizes the data say too little to estimate weights from: the shipped default model is used.
MIN_RECORDS_TO_ESTIMATE = 1000
MIN_PAIRS_TO_ESTIMATE = 300
PARALLEL_FROM_PAIRS = 200_000
PARALLEL_FROM_RECORDS = 50_000
FORCE_PARALLEL = False
N_COMPARISONS = len(COMPARISONS)


@dataclass
class BatchReport:
    records: int = 0
    candidate_pairs: int = 0
    skipped_blocks: list[tuple[str, int]] = field(default_factory=list)
    model: FSModel | None = None
    warnings: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)  # per stage, for operators tuning a large job

    def lap(self, stage: str, since: float) -> float:
        now = time.perf_counter()
        self.seconds[stage] = round(now - since, 2)
        return now


# Set before forking the workers, which inherit them instead of receiving copies.
_SHARED: dict[str, object] = {}


def _in_parallel(work: Callable[[tuple[int, int]], Any], n: int, *, parallel: bool) -> list[Any]:
    return in_parallel(work, n, parallel=parallel, force=FORCE_PARALLEL)


def _key_hashes(bounds: tuple[int, int]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """For records [start, end): the hashes of their own keys and of their query keys, with the record index.

    Keys are hashed to 64-bit integers (forked workers share the parent's hash seed), so blocks and the join are
    numpy arrays rather than millions of strings."""
    persons, want_own, want_query = _SHARED["keyed"], _SHARED["want_own"], _SHARED["want_query"]
    own_h, own_i, query_h, query_i = array("q"), array("q"), array("q"), array("q")
    for i in range(*bounds):
        person = persons[i]  # type: ignore[index]
        own = index_keys(person)
        if want_own:
            own_h.extend(hash(k) for k in own)
            own_i.extend([i] * len(own))
        if want_query:
            query = query_keys(person, own=own)
            query_h.extend(hash(k) for k in query)
            query_i.extend([i] * len(query))
    return (_np(own_h), _np(own_i), _np(query_h), _np(query_i))


def _np(values: array) -> np.ndarray:  # type: ignore[type-arg]
    return np.frombuffer(values, dtype=np.int64).copy() if values else np.zeros(0, dtype=np.int64)


def _hash_keys(persons: Sequence[Person], *, own: bool, query: bool) -> list[np.ndarray]:
    _SHARED.update(keyed=persons, want_own=own, want_query=query)
    try:
        parts = _in_parallel(_key_hashes, len(persons), parallel=len(persons) >= PARALLEL_FROM_RECORDS)
    finally:
        _SHARED.clear()
    return [np.concatenate([p[k] for p in parts]) if parts else np.zeros(0, np.int64) for k in range(4)]


def candidate_pairs(
    left: Sequence[Person],
    right: Sequence[Person] | None,
    *,
    max_block: int = 500,
    report: BatchReport | None = None,
    chunk: int = 2_000_000,
) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (i, j) to compare, as two sorted arrays: across two lists, or within one (i < j)."""
    report = report or BatchReport()
    target = right if right is not None else left
    width = max(len(target), 1)
    if right is None:
        index_h, index_i, query_h, query_i = _hash_keys(left, own=True, query=True)
    else:
        index_h, index_i, _, _ = _hash_keys(right, own=True, query=False)
        _, _, query_h, query_i = _hash_keys(left, own=False, query=True)
    order = np.argsort(index_h, kind="stable")
    index_h, index_i = index_h[order], index_i[order]
    # Blocks shared by too many records are no evidence (a placeholder phone): left out, and reported.
    values, sizes = np.unique(index_h, return_counts=True)
    oversized = values[sizes > max_block]
    if len(oversized):
        _report_oversized(target, dict(zip(oversized.tolist(), sizes[sizes > max_block].tolist(), strict=True)), report)
        keep = ~np.isin(index_h, oversized)
        index_h, index_i = index_h[keep], index_i[keep]
    codes: list[np.ndarray] = []
    for start in range(0, len(query_h), chunk):
        qh, qi = query_h[start : start + chunk], query_i[start : start + chunk]
        lo = np.searchsorted(index_h, qh, side="left")
        counts = np.searchsorted(index_h, qh, side="right") - lo
        total = int(counts.sum())
        if not total:
            continue
        i = np.repeat(qi, counts)
        offsets = np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)
        j = index_i[np.repeat(lo, counts) + offsets]
        if right is None:
            keep = i != j
            i, j = np.minimum(i[keep], j[keep]), np.maximum(i[keep], j[keep])
        codes.append(np.unique(i * width + j))
    unique = np.unique(np.concatenate(codes)) if codes else np.zeros(0, dtype=np.int64)
    return unique // width, unique % width


def _report_oversized(persons: Sequence[Person], sizes: dict[int, int], report: BatchReport) -> None:
    """Name the keys behind the oversized hashes (a second, cheap pass: there are few)."""
    found: dict[int, str] = {}
    for person in persons:
        for key in index_keys(person):
            if hash(key) in sizes:
                found.setdefault(hash(key), key)
        if len(found) == len(sizes):
            break
    report.skipped_blocks.extend(sorted((key, sizes[h]) for h, key in found.items()))


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
    t = time.perf_counter()
    i_arr, j_arr = candidate_pairs(left, right, max_block=max_block, report=report)
    report.candidate_pairs = len(i_arr)
    t = report.lap("blocking", t)
    levels = compare_pairs(left, other, i_arr, j_arr)
    t = report.lap("comparing", t)
    if model is None and (report.records < MIN_RECORDS_TO_ESTIMATE or len(i_arr) < MIN_PAIRS_TO_ESTIMATE):
        model = default_model()
    if model is None:
        u = estimate_u(_random_levels(left, other, RANDOM_PAIRS, seed))
        n_pairs = len(left) * len(right) if right is not None else len(left) * (len(left) - 1) // 2
        model = estimate(levels, u, total_pairs=n_pairs, version="batch", trained_on=f"{report.records} records")
        if problems := implausible(model, levels):
            # EM on a file of families can settle on "same household" as its match class: trust the default.
            fallback = default_model()
            report.warnings.append(
                f"bobot yang diestimasi dari berkas ini tidak masuk akal ({'; '.join(problems)}); "
                f"model bawaan {fallback.version} dipakai / the weights estimated from this file are implausible; "
                f"the default model is used"
            )
            model = fallback
    report.model = model
    t = report.lap("estimating", t)
    counts, total = name_frequencies(list(left) + (list(right) if right is not None else []))

    def frequencies(persons: Sequence[Person]) -> np.ndarray:
        return np.array(
            [model.name_tf(counts[p.name.key], total) if p.name is not None and total else np.nan for p in persons]
        )

    tf_left = frequencies(left)
    tf_right = frequencies(right) if right is not None else tf_left
    # Of a near-identical pair, the commoner spelling says how often such a name meets by chance.
    tf = np.fmax(tf_left[i_arr], tf_right[j_arr]) if len(i_arr) else None
    probability = model.probabilities(levels, tf)
    report.lap("scoring", t)
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


# Pairs the model finds this unlikely are kept in different clusters, whatever chain of links would join them.
APART_BELOW = 1e-6


def clusters_apart(n: int, scored: Scored, threshold: float, apart_below: float = APART_BELOW) -> list[int]:
    """Clusters from the links at or above the threshold that never hold a pair the model judged surely different
    (below `apart_below`). Plain connected components let one doubtful link chain a twin or a same-day namesake
    into the person's cluster along with all their records; the pairs inside the merged cluster said otherwise.
    Each record's cluster index is its cluster's smallest member.

    Most components hold no such pair and are kept as they are; only those that do are rebuilt, strongest link
    first, refusing any link that would put a surely-different pair together."""
    keep = scored.probability >= threshold
    link_i, link_j = scored.i[keep], scored.j[keep]
    roots = np.array(clusters(n, zip(link_i.tolist(), link_j.tolist(), strict=True)), dtype=np.int64)
    low = scored.probability < apart_below
    low_i, low_j = scored.i[low], scored.j[low]
    inside = roots[low_i] == roots[low_j]
    if not inside.any():
        plain: list[int] = roots.tolist()
        return plain
    low_i, low_j = low_i[inside], low_j[inside]
    troubled = np.unique(roots[low_i])
    mine = np.isin(roots[link_i], troubled)
    strength = scored.probability[keep][mine]
    order = np.argsort(-strength, kind="stable")
    rebuilt = _constrained(link_i[mine][order].tolist(), link_j[mine][order].tolist(), low_i.tolist(), low_j.tolist())
    for record, root in rebuilt.items():
        roots[record] = root
    result: list[int] = roots.tolist()
    return result


def _constrained(link_i: list[int], link_j: list[int], apart_i: list[int], apart_j: list[int]) -> dict[int, int]:
    """Union–find over the links in the order given, refusing a link that would join an apart pair: each record
    touched → its cluster's smallest member."""
    apart: dict[int, set[int]] = {}
    for a, b in zip(apart_i, apart_j, strict=True):
        apart.setdefault(a, set()).add(b)
        apart.setdefault(b, set()).add(a)
    parent: dict[int, int] = {}
    members: dict[int, list[int]] = {}
    barred: dict[int, set[int]] = {}

    def find(x: int) -> int:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in zip(link_i, link_j, strict=True):
        ra, rb = find(a), find(b)
        if ra == rb:
            continue
        group_a, group_b = members.get(ra, [ra]), members.get(rb, [rb])
        if len(group_a) < len(group_b):
            ra, rb, group_a, group_b = rb, ra, group_b, group_a
        barred_a = barred.get(ra) or apart.get(ra)
        if barred_a and any(m in barred_a for m in group_b):
            continue
        parent[rb] = ra
        group_a.extend(group_b)
        members[ra] = group_a
        members.pop(rb, None)
        barred_b = barred.pop(rb, None) or apart.get(rb)
        if barred_b:
            barred[ra] = barred_a | barred_b if barred_a else set(barred_b)
    smallest = {root: min(group) for root, group in members.items()}
    return {record: smallest.get(find(record), find(record)) for record in list(parent)}
