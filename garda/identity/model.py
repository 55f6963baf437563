"""The Fellegi–Sunter model: m and u probabilities per comparison level, a prior, and scoring with evidence.

Weights are estimated from the data (see `estimate`): u from random pairs (what agreement looks like by chance),
m and the prior by expectation–maximisation over the candidate pairs, with u held fixed — Splink's method. An
exact name match is weighted by how common that name is (term-frequency adjustment): two people both called
MUHAMMAD RIZKI agree more often by chance than two called YOHANES WANGGAI.
"""

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from garda.identity.comparisons import COMPARISONS

MIN_PROBABILITY = 1e-6
TF_PRIOR_RECORDS = 10_000  # see FSModel.name_tf
# No agreement level is impossible among true matches (a sex keyed wrong, a mistyped NIK): estimated m never
# falls below this, so one odd field cannot outweigh everything else.
MIN_M = 1e-3


@dataclass(frozen=True)
class Evidence:
    comparison: str
    level: int
    label_id: str
    label_en: str
    weight: float  # log2 Bayes factor; positive for, negative against

    def as_dict(self) -> dict[str, Any]:
        return {
            "field": self.comparison,
            "level": self.level,
            "label_id": self.label_id,
            "label_en": self.label_en,
            "weight": round(self.weight, 3),
        }


@dataclass(frozen=True)
class MatchResult:
    probability: float
    weight: float
    evidence: tuple[Evidence, ...]

    @property
    def agreed(self) -> list[Evidence]:
        return [e for e in self.evidence if e.weight > 0]

    @property
    def disagreed(self) -> list[Evidence]:
        return [e for e in self.evidence if e.weight < 0]


def _probabilities(values: list[float]) -> list[float]:
    clipped = [min(max(v, MIN_PROBABILITY), 1.0) for v in values]
    total = sum(clipped)
    return [float(v / total) for v in clipped]


@dataclass
class FSModel:
    version: str
    prior: float  # probability that a random candidate pair is a match
    m: dict[str, list[float]]  # per comparison, for levels 1..n
    u: dict[str, list[float]]
    trained_on: str = ""

    @classmethod
    def initial(cls) -> "FSModel":
        """Starting values before estimation: agreement likely among matches, rare by chance."""
        m: dict[str, list[float]] = {}
        u: dict[str, list[float]] = {}
        for c in COMPARISONS:
            n = len(c.levels)
            m[c.name] = _probabilities([0.7 / (2**i) if i < n - 1 else 0.05 for i in range(n)])
            u[c.name] = _probabilities([0.01 * (2**i) if i < n - 1 else 0.9 for i in range(n)])
        return cls("initial", 0.01, m, u)

    def log2_bf(self) -> dict[str, np.ndarray]:
        """log2(m/u) for levels 0..n (0 for a missing value)."""
        return {
            c.name: np.array(
                [0.0] + [math.log2(mm / uu) for mm, uu in zip(self.m[c.name], self.u[c.name], strict=True)]
            )
            for c in COMPARISONS
        }

    def _weight_table(self) -> list[list[float]]:
        # Cached against the parameter objects themselves, so an estimation that replaces them is never stale.
        stamp = (id(self.m), id(self.u), self.prior)
        cached = getattr(self, "_weights", None)
        if cached is None or cached[0] != stamp:
            bf = self.log2_bf()
            cached = (stamp, [[float(x) for x in bf[c.name]] for c in COMPARISONS])
            self._weights = cached
        return cached[1]

    def name_tf(self, count: int, total: int) -> float | None:
        """How common a name is: its share of the `total` records counted, drawn towards the model's chance of
        two people's names agreeing as if seen on TF_PRIOR_RECORDS more. A small history or list says little
        about a name's frequency — two of twenty records made a name look as common as one in ten, so an
        identical name and birth date no longer made a match — while across a national history the counts
        speak for themselves."""
        if total <= 0:
            return None
        return (max(count, 1) + TF_PRIOR_RECORDS * self.u["name"][0]) / (total + TF_PRIOR_RECORDS)

    def weight(self, levels: tuple[int, ...], name_tf: float | None = None) -> float:
        """The match weight alone, fast: for ranking many candidates before explaining the best."""
        table = self._weight_table()
        total = math.log2(self.prior / (1.0 - self.prior)) + sum(t[x] for t, x in zip(table, levels, strict=True))
        if name_tf is not None and levels[0] == 1:
            m, u = self.m["name"][0], self.u["name"][0]
            total += math.log2(m / max(name_tf, MIN_PROBABILITY)) - math.log2(m / u)
        return total

    def ceiling(self, name_tf: float | None, pending: Sequence[int]) -> float:
        """The highest weight a pair can still reach when only the comparisons at the `pending` positions are known
        yet: the prior plus the best level of each other comparison (a name's exact level adjusted for how common
        the name is, as `weight` does). A candidate whose pending levels cannot lift this over a threshold is
        rejected without comparing its names, places and ids (most candidates in a large history are namesakes
        born on another day)."""
        table = self._weight_table()
        total = math.log2(self.prior / (1.0 - self.prior))
        for i, row in enumerate(table):
            if i in pending:
                continue
            best = max(row)
            if i == 0 and name_tf is not None:
                m, u = self.m["name"][0], self.u["name"][0]
                best = max(best, row[1] + math.log2(m / max(name_tf, MIN_PROBABILITY)) - math.log2(m / u))
            total += best
        return total

    def weights_of(self, position: int) -> list[float]:
        """The weight of each level (0 = missing) of the comparison at one position."""
        return self._weight_table()[position]

    def name_weight(self, level: int, name_tf: float | None) -> float:
        """The name comparison's weight at a level, adjusted for the name's frequency as `weight` does."""
        weight = self._weight_table()[0][level]
        if name_tf is not None and level == 1:
            m, u = self.m["name"][0], self.u["name"][0]
            weight += math.log2(m / max(name_tf, MIN_PROBABILITY)) - math.log2(m / u)
        return weight

    def score(self, levels: tuple[int, ...], name_tf: float | None = None) -> MatchResult:
        evidence: list[Evidence] = []
        total = math.log2(self.prior / (1.0 - self.prior))
        for comparison, level in zip(COMPARISONS, levels, strict=True):
            if level == 0:
                continue
            m, u = self.m[comparison.name][level - 1], self.u[comparison.name][level - 1]
            if comparison.name == "name" and level == 1 and name_tf is not None:
                u = max(name_tf, MIN_PROBABILITY)
            weight = math.log2(m / u)
            total += weight
            label_id, label_en = comparison.levels[level - 1]
            evidence.append(Evidence(comparison.name, level, label_id, label_en, weight))
        probability = 1.0 / (1.0 + 2.0 ** (-total)) if total > -1000 else 0.0
        return MatchResult(probability, total, tuple(evidence))

    def probabilities(self, levels: np.ndarray, name_tf: np.ndarray | None = None) -> np.ndarray:
        """Match probabilities of many pairs at once (pairs × comparisons levels), as `score` gives one by one."""
        bf = self.log2_bf()
        weights = np.full(len(levels), math.log2(self.prior / (1.0 - self.prior)))
        for j, comparison in enumerate(COMPARISONS):
            weights += bf[comparison.name][levels[:, j]]
        if name_tf is not None and len(levels):
            exact = levels[:, 0] == 1
            m_exact, u_exact = self.m["name"][0], self.u["name"][0]
            adjusted = np.log2(m_exact / np.maximum(name_tf, MIN_PROBABILITY)) - math.log2(m_exact / u_exact)
            weights += np.where(exact & ~np.isnan(name_tf), np.nan_to_num(adjusted), 0.0)
        return 1.0 / (1.0 + np.exp2(-np.clip(weights, -1000, 1000)))

    def to_json(self) -> str:
        return json.dumps(
            {"version": self.version, "prior": self.prior, "m": self.m, "u": self.u, "trained_on": self.trained_on},
            indent=1,
        )

    @classmethod
    def from_json(cls, text: str) -> "FSModel":
        return cls.from_json_dict(json.loads(text))

    @classmethod
    def from_json_dict(cls, data: dict[str, Any]) -> "FSModel":
        return cls(data["version"], data["prior"], data["m"], data["u"], data.get("trained_on", ""))


def level_counts(levels: np.ndarray) -> dict[str, np.ndarray]:
    """How often each level (1..n) occurs per comparison, for a matrix of pairs × comparisons."""
    return {c.name: np.bincount(levels[:, j], minlength=c.n_levels)[1:] for j, c in enumerate(COMPARISONS)}


def estimate_u(random_levels: np.ndarray) -> dict[str, list[float]]:
    """u from comparisons of random pairs (nearly all non-matches), with add-one smoothing."""
    return {
        name: _probabilities(list((counts + 1) / (counts.sum() + len(counts))))
        for name, counts in level_counts(random_levels).items()
    }


def _posteriors(model: FSModel, levels: np.ndarray, excluded: frozenset[str]) -> np.ndarray:
    bf = model.log2_bf()
    weights = np.full(len(levels), math.log2(model.prior / (1 - model.prior)))
    for j, c in enumerate(COMPARISONS):
        if c.name not in excluded:
            weights += bf[c.name][levels[:, j]]
    return 1.0 / (1.0 + np.exp2(-np.clip(weights, -60, 60)))


def _em(
    model: FSModel,
    levels: np.ndarray,
    *,
    excluded: frozenset[str],
    update_m: bool,
    max_iterations: int,
    tolerance: float,
) -> FSModel:
    for _ in range(max_iterations):
        p = _posteriors(model, levels, excluded)
        new_prior = float(np.clip(p.mean(), 1e-6, 1 - 1e-6))
        change = abs(new_prior - model.prior)
        if update_m:
            new_m = dict(model.m)
            for j, c in enumerate(COMPARISONS):
                if c.name in excluded:
                    continue
                sums = np.bincount(levels[:, j], weights=p, minlength=c.n_levels)[1:]
                if sums.sum() <= 0:
                    continue
                shares = (sums + 1e-3) / (sums.sum() + 1e-3 * len(sums))
                new_m[c.name] = _probabilities(list(np.maximum(shares, MIN_M)))
                change = max(change, *(abs(a - b) for a, b in zip(new_m[c.name], model.m[c.name], strict=True)))
            model.m = new_m
        model.prior = new_prior
        if change < tolerance:
            break
    return model


# Training sessions, as Splink does: the pairs that agree exactly on a field are used to learn the m of every
# *other* field. Within such a session the field itself agrees by construction, so its weight is left out; using it
# would make chance agreement on that field (two strangers born the same day) look like evidence of a match.
SESSIONS = (("birth_date", 1), ("name", 1), ("nik", 1), ("phone", 1))
MIN_SESSION_PAIRS = 30
EM_SAMPLE = 1_000_000


def estimate(
    candidate_levels: np.ndarray,
    u: dict[str, list[float]],
    *,
    total_pairs: int,
    version: str,
    trained_on: str = "",
    max_iterations: int = 40,
    tolerance: float = 1e-6,
) -> FSModel:
    """m by EM in blocking sessions with u fixed; then the prior.

    The prior is the probability that two *random* records match (expected matches over all possible pairs), not
    the share of matches among candidates: blocking already selected the candidates on agreeing fields, and the
    weights of those fields count that agreement again.

    Beyond EM_SAMPLE pairs a random sample is used (as Splink does): the estimates are proportions, and a million
    pairs pin them down as well as ten million.
    """
    scale = 1.0
    if len(candidate_levels) > EM_SAMPLE:
        rng = np.random.default_rng(20251)
        chosen = rng.choice(len(candidate_levels), size=EM_SAMPLE, replace=False)
        scale = len(candidate_levels) / EM_SAMPLE
        candidate_levels = candidate_levels[np.sort(chosen)]
    start = FSModel.initial()
    start.u = u
    learned: dict[str, list[list[float]]] = {c.name: [] for c in COMPARISONS}
    column = {c.name: j for j, c in enumerate(COMPARISONS)}
    for field_name, level in SESSIONS:
        mask = candidate_levels[:, column[field_name]] == level
        if int(mask.sum()) < MIN_SESSION_PAIRS:
            continue
        session = FSModel(version, 0.5, dict(start.m), u)
        session = _em(
            session,
            candidate_levels[mask],
            excluded=frozenset({field_name}),
            update_m=True,
            max_iterations=max_iterations,
            tolerance=tolerance,
        )
        for c in COMPARISONS:
            if c.name != field_name:
                learned[c.name].append(session.m[c.name])
    m = {
        name: _probabilities(list(np.mean(values, axis=0))) if values else start.m[name]
        for name, values in learned.items()
    }
    model = FSModel(version, 0.5, m, u, trained_on)
    if len(candidate_levels):
        model = _em(
            model,
            candidate_levels,
            excluded=frozenset(),
            update_m=False,
            max_iterations=max_iterations,
            tolerance=tolerance,
        )
        expected_matches = float(_posteriors(model, candidate_levels, frozenset()).sum()) * scale
        model.prior = min(max(expected_matches / max(total_pairs, 1), 1e-9), 0.5)
    return model
