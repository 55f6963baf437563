"""The Fellegi–Sunter model: m and u probabilities per comparison level, a prior, and scoring with evidence.

Weights are estimated from the data (see `estimate`): u from random pairs (what agreement looks like by chance),
m and the prior by expectation–maximisation over the candidate pairs, with u held fixed — Splink's method. An
exact name match is weighted by how common that name is (term-frequency adjustment): two people both called
MUHAMMAD RIZKI agree more often by chance than two called YOHANES WANGGAI.

Fellegi–Sunter adds the weights of fields as if they disagreed independently. The household fields (KK, address,
phone, parents' names, birth place) do not: they agree together for every member of a family, and summed they
drowned a sister's different name, sex, birth date and NIK (domain brief §4.2a). So the person fields (name,
birth date, NIK, sex, other numbers) are summed as usual, and the household fields count as one correlated group
(`combine`): the group's strongest agreement counts only when the person evidence on its own already points to a
match (worth at least `gate_bits`), and its disagreements always count. A relative is never made the person
by where they live; the same person under a new NIK is still found through name, birth date and parents.
"""

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from garda.identity.comparisons import COMPARISONS, HOUSEHOLD, MUTABLE, NIK_DIFFERENT, NIK_SAME_DAY

MIN_PROBABILITY = 1e-6
TF_PRIOR_RECORDS = 10_000  # see FSModel.name_tf
# No agreement level is impossible among true matches (a sex keyed wrong, a mistyped NIK): estimated m never
# falls below this, so one odd field cannot outweigh everything else.
MIN_M = 1e-3
# Disagreement on the sex or the NIK is strong evidence against: among true matches a wrong sex is a rare keying
# error, and a second valid NIK a rare anomaly to explain. Estimation may not raise these m above the bounds, so a
# file full of families cannot teach the model that "same household" is the match class (comparison → {level:
# highest m}). The name and birth date are left to the data: lists such as FEBRL corrupt both heavily, and there a
# different given name among true duplicates is common.
MAX_M_DISAGREE: dict[str, dict[int, float]] = {"sex": {2: 0.02}, "nik": {NIK_DIFFERENT: 0.03}}
# Household evidence supports a match only where the person's own fields are worth at least this many bits
# (log2 Bayes factor, the prior left out so the bar does not move with the size of a file): the name and birth date
# of the same person under a new NIK clear it, a sibling's or a twin's do not.
DEFAULT_GATE_BITS = 11.0
PERSON_POSITIONS = tuple(i for i, c in enumerate(COMPARISONS) if c.name not in HOUSEHOLD)
HOUSEHOLD_POSITIONS = tuple(i for i, c in enumerate(COMPARISONS) if c.name in HOUSEHOLD)
MUTABLE_POSITIONS = frozenset(i for i, c in enumerate(COMPARISONS) if c.name in MUTABLE)
NIK_POSITION = next(i for i, c in enumerate(COMPARISONS) if c.name == "nik")
OTHER_ID_POSITION = next(i for i, c in enumerate(COMPARISONS) if c.name == "other_id")


class Household:
    """The household group's evidence, gathered field by field: its strongest agreement (`best`) and what speaks
    against (`against`): the strongest disagreement of the fields that change together on a move, plus every
    disagreement of the lifelong ones (birth place, parents' names)."""

    __slots__ = ("best", "lifelong", "moved")

    def __init__(self) -> None:
        self.best, self.moved, self.lifelong = 0.0, 0.0, 0.0

    def add(self, weight: float, mutable: bool) -> None:
        if weight > self.best:
            self.best = weight
        elif weight < 0:
            if not mutable:
                self.lifelong += weight
            elif weight < self.moved:
                self.moved = weight

    @property
    def against(self) -> float:
        return self.moved + self.lifelong


@dataclass(frozen=True)
class Evidence:
    comparison: str
    level: int
    label_id: str
    label_en: str
    weight: float  # log2 Bayes factor of the field on its own; positive for, negative against
    group: str = "person"  # "person" or "household" (see the module's docstring)

    def as_dict(self) -> dict[str, Any]:
        return {
            "field": self.comparison,
            "level": self.level,
            "label_id": self.label_id,
            "label_en": self.label_en,
            "weight": round(self.weight, 3),
            "group": self.group,
        }


@dataclass(frozen=True)
class MatchResult:
    probability: float
    weight: float
    evidence: tuple[Evidence, ...]
    person_weight: float = 0.0  # prior and person fields
    household_counted: float = 0.0  # what the household group added (its strongest agreement, when gated in)
    household_against: float = 0.0  # what the household group says against (≤ 0), always counted

    @property
    def household_ignored(self) -> bool:
        """Household fields agreed, but the person evidence did not point to a match: they were not counted."""
        return self.household_counted == 0.0 and any(e.group == "household" and e.weight > 0 for e in self.evidence)

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


def identified(levels: Sequence[int]) -> bool:
    """Whether a number that is one person's alone agrees exactly: the NIK, or a passport or other id number.
    Relatives and twins never share one, so with it the household may support the match whatever the rest says
    (a list that corrupts names and birth dates heavily, as FEBRL does, still links by its id number and
    address)."""
    return levels[NIK_POSITION] == 1 or levels[OTHER_ID_POSITION] == 1


def _tf_adjustment(u_exact: float, name_tf: float, level: int) -> float:
    """log2(u/tf): how much more (or, for a common name, less) a shared name says than the average name."""
    adjustment = math.log2(u_exact) - math.log2(max(name_tf, MIN_PROBABILITY))
    return adjustment if level == 1 else min(adjustment, 0.0)


def combine(
    person: float, household_for: float, household_against: float, gate: float, identified: bool = False
) -> float:
    """The total log2-odds: the person evidence (with the prior), the household group's strongest agreement only
    when the person evidence reaches the gate or an identifying number agrees (`identified`), and what the
    household says against in any case. Non-decreasing in each argument, so the best levels still to come bound
    the total from above (see `CandidateWeights`)."""
    return person + (household_for if identified or person >= gate else 0.0) + household_against


@dataclass
class FSModel:
    version: str
    prior: float  # probability that a random candidate pair is a match
    m: dict[str, list[float]]  # per comparison, for levels 1..n
    u: dict[str, list[float]]
    trained_on: str = ""
    gate_bits: float = DEFAULT_GATE_BITS

    @property
    def gate(self) -> float:
        """The gate as log2-odds of the person evidence with the prior (what `combine` compares)."""
        return self.prior_weight() + self.gate_bits

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
        """log2(m/u) for levels 0..n (0 for a missing value).

        One level is set by structure, not estimated: a NIK of the same district and birth date with another
        serial (twins). Its digits carry the birth date, which the birth date's own agreement already counts, and
        random pairs almost never show it, so m/u would call it evidence *for*; it weighs as a different NIK less
        the birth date's agreement."""
        bf = {
            c.name: np.array(
                [0.0] + [math.log2(mm / uu) for mm, uu in zip(self.m[c.name], self.u[c.name], strict=True)]
            )
            for c in COMPARISONS
        }
        bf["nik"][NIK_SAME_DAY] = bf["nik"][NIK_DIFFERENT] - max(bf["birth_date"][1], 0.0)
        return bf

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

    def prior_weight(self) -> float:
        return math.log2(self.prior / (1.0 - self.prior))

    def weight(self, levels: Sequence[int], name_tf: float | None = None) -> float:
        """The match weight alone, fast: for ranking many candidates before explaining the best."""
        table = self._weight_table()
        person = self.prior_weight() + self.name_weight(levels[0], name_tf)
        for i in PERSON_POSITIONS[1:]:
            person += table[i][levels[i]]
        household = Household()
        for i in HOUSEHOLD_POSITIONS:
            household.add(table[i][levels[i]], i in MUTABLE_POSITIONS)
        return combine(person, household.best, household.against, self.gate, identified(levels))

    def best_name_weight(self, name_tf: float | None) -> float:
        """The highest weight the name can give (the exact level adjusted for how common the name is)."""
        row = self._weight_table()[0]
        return max(max(row), self.name_weight(1, name_tf))

    def weights_of(self, position: int) -> list[float]:
        """The weight of each level (0 = missing) of the comparison at one position."""
        return self._weight_table()[position]

    def name_weight(self, level: int, name_tf: float | None) -> float:
        """The name comparison's weight at a level, adjusted for the name's frequency: the same name by how common
        it is; a near-identical spelling of a common name counts less in the same proportion (BUDI SANTOSA and BUDI
        SANTOSO born the same day are as likely two people as two BUDI SANTOSOs), never more."""
        weight = self._weight_table()[0][level]
        if name_tf is not None and level in (1, 2):
            weight += _tf_adjustment(self.u["name"][0], name_tf, level)
        return weight

    def score(self, levels: Sequence[int], name_tf: float | None = None) -> MatchResult:
        evidence: list[Evidence] = []
        table = self._weight_table()
        person = self.prior_weight()
        household = Household()
        for position, (comparison, level) in enumerate(zip(COMPARISONS, levels, strict=True)):
            if level == 0:
                continue
            weight = self.name_weight(level, name_tf) if position == 0 else table[position][level]
            group = "household" if comparison.name in HOUSEHOLD else "person"
            if group == "person":
                person += weight
            else:
                household.add(weight, comparison.name in MUTABLE)
            label_id, label_en = comparison.levels[level - 1]
            evidence.append(Evidence(comparison.name, level, label_id, label_en, weight, group))
        known = identified(levels)
        total = combine(person, household.best, household.against, self.gate, known)
        probability = 1.0 / (1.0 + 2.0 ** (-total)) if total > -1000 else 0.0
        counted = household.best if known or person >= self.gate else 0.0
        return MatchResult(probability, total, tuple(evidence), person, counted, household.against)

    def probabilities(self, levels: np.ndarray, name_tf: np.ndarray | None = None) -> np.ndarray:
        """Match probabilities of many pairs at once (pairs × comparisons levels), as `score` gives one by one."""
        result: np.ndarray = 1.0 / (1.0 + np.exp2(-np.clip(self.weights(levels, name_tf), -1000, 1000)))
        return result

    def weights(self, levels: np.ndarray, name_tf: np.ndarray | None = None) -> np.ndarray:
        """Match weights (log2-odds) of many pairs at once, as `weight` gives one by one."""
        bf = self.log2_bf()
        person = np.full(len(levels), self.prior_weight())
        best = np.zeros(len(levels))
        moved = np.zeros(len(levels))
        lifelong = np.zeros(len(levels))
        for j, comparison in enumerate(COMPARISONS):
            column = bf[comparison.name][levels[:, j]]
            if comparison.name in MUTABLE:
                best, moved = np.maximum(best, column), np.minimum(moved, column)
            elif comparison.name in HOUSEHOLD:
                best, lifelong = np.maximum(best, column), lifelong + np.minimum(column, 0.0)
            else:
                person += column
        if name_tf is not None and len(levels):
            known = ~np.isnan(name_tf)
            adjusted = np.nan_to_num(math.log2(self.u["name"][0]) - np.log2(np.maximum(name_tf, MIN_PROBABILITY)))
            person += np.where((levels[:, 0] == 1) & known, adjusted, 0.0)
            person += np.where((levels[:, 0] == 2) & known, np.minimum(adjusted, 0.0), 0.0)
        gated = (person >= self.gate) | (levels[:, NIK_POSITION] == 1) | (levels[:, OTHER_ID_POSITION] == 1)
        return person + np.where(gated, best, 0.0) + moved + lifelong

    def to_json(self) -> str:
        return json.dumps(self.as_json_dict(), indent=1)

    def as_json_dict(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "prior": self.prior,
            "m": self.m,
            "u": self.u,
            "trained_on": self.trained_on,
            "gate_bits": self.gate_bits,
        }

    @classmethod
    def from_json(cls, text: str) -> "FSModel":
        return cls.from_json_dict(json.loads(text))

    @classmethod
    def from_json_dict(cls, data: dict[str, Any]) -> "FSModel":
        """A stored model; one stored before a comparison existed or changed its levels takes that comparison's
        parameters from the starting values, so old versions still score (a newly trained version replaces them)."""
        start = cls.initial()
        m, u = dict(data["m"]), dict(data["u"])
        for c in COMPARISONS:
            if len(m.get(c.name, ())) != len(c.levels) or len(u.get(c.name, ())) != len(c.levels):
                m[c.name], u[c.name] = start.m[c.name], start.u[c.name]
        gate_bits = data.get("gate_bits", DEFAULT_GATE_BITS)
        return cls(data["version"], data["prior"], m, u, data.get("trained_on", ""), gate_bits)


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
    """Match probabilities under the model (household as a group), leaving the excluded comparisons out."""
    if excluded:
        levels = levels.copy()
        for j, c in enumerate(COMPARISONS):
            if c.name in excluded:
                levels[:, j] = 0
    weights = model.weights(levels)
    result: np.ndarray = 1.0 / (1.0 + np.exp2(-np.clip(weights, -60, 60)))
    return result


def bounded(name: str, probabilities: list[float]) -> list[float]:
    """m of one comparison with its disagreement levels held under MAX_M_DISAGREE; the mass taken off goes to
    the other levels in proportion."""
    limits = MAX_M_DISAGREE.get(name)
    if not limits:
        return probabilities
    values = list(probabilities)
    capped = {level - 1: limit for level, limit in limits.items() if values[level - 1] > limit}
    if not capped:
        return values
    free = [i for i in range(len(values)) if i not in capped]
    rest = sum(values[i] for i in free)
    room = 1.0 - sum(capped.values())
    for i in free:
        values[i] = values[i] / rest * room if rest > 0 else room / len(free)
    for i, limit in capped.items():
        values[i] = limit
    return values


MIN_OBSERVED = 100  # pairs with a field present on both sides, before its estimate is judged


def implausible(model: FSModel, levels: np.ndarray) -> list[str]:
    """Why an estimated model cannot be trusted (empty when it can): the person fields the file has must identify —
    an exact name, birth date or NIK is evidence for a match and their disagreement evidence against. A model
    estimated on a file of families whose match class drifted to "same household" fails here, and the default is
    used instead. A field the file lacks (no NIK in a foreign list) is not judged."""
    problems = []
    bf = model.log2_bf()
    column = {c.name: j for j, c in enumerate(COMPARISONS)}
    for name, agree_level in (("name", 1), ("birth_date", 1), ("nik", 1)):
        if int((levels[:, column[name]] > 0).sum()) < MIN_OBSERVED:
            continue
        if bf[name][agree_level] < 3.0:
            problems.append(f"{name}: agreement weighs only {bf[name][agree_level]:.1f} bits")
        if bf[name][-1] > -2.0:
            problems.append(f"{name}: disagreement weighs only {bf[name][-1]:.1f} bits")
    for name in ("name", "birth_date"):
        if int((levels[:, column[name]] > 0).sum()) >= MIN_OBSERVED and model.m[name][0] < 0.3:
            problems.append(f"{name}: only {model.m[name][0]:.2f} of matches agree exactly")
    if not 0.0 < model.prior < 0.5:
        problems.append(f"prior {model.prior:.3g} out of range")
    return problems


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
                new_m[c.name] = bounded(c.name, _probabilities(list(np.maximum(shares, MIN_M))))
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
        name: bounded(name, _probabilities(list(np.mean(values, axis=0)))) if values else start.m[name]
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
