"""Statistical attribute sampling for internal inspections, and draws anybody can verify afterwards.

**Sample size.** The smallest n for which, if the true deviation rate were the tolerable rate p_t, finding no more
than the expected number of deviations k = ⌈n · p_e⌉ would happen with probability at most 1 − c:

    n = min { n : P(X ≤ ⌈n · p_e⌉ | X ~ Binomial(n, p_t)) ≤ 1 − c }

With no deviation expected this is n = ⌈ln(1 − c) / ln(1 − p_t)⌉: 95 % confidence and 5 % tolerable give
ln 0.05 / ln 0.95 = 58.4, so 59 files — the figure of the attribute-sampling tables auditors use. A population
smaller than that is inspected with the finite-population correction n' = ⌈n / (1 + (n − 1) / N)⌉, never more
than N.

**Strata.** The sample is shared between strata (high-risk clearances, overrides, fast processing, the rest) in
proportion to size × weight, by largest remainder, never more than a stratum holds; a weighted stratum that has
files gets at least one.

**Draws.** Every random choice comes from a seed drawn when the inspection is planned. The seed's SHA-256 is
recorded at once (in the audit chain), the seed itself when the sample is drawn, with a digest of the population;
with both, anybody can recompute the day and the files and see that nothing was picked by hand.
"""

import hashlib
import math
import random
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date


def binomial_cdf(k: int, n: int, p: float) -> float:
    """P(X ≤ k) for X ~ Binomial(n, p), summed in log space (n reaches a few thousand)."""
    if k < 0:
        return 0.0
    if k >= n:
        return 1.0
    if p <= 0.0:
        return 1.0
    if p >= 1.0:
        return 0.0
    log_p, log_q = math.log(p), math.log1p(-p)
    total = 0.0
    for i in range(k + 1):
        total += math.exp(
            math.lgamma(n + 1) - math.lgamma(i + 1) - math.lgamma(n - i + 1) + i * log_p + (n - i) * log_q
        )
    return min(total, 1.0)


MAX_SAMPLE = 5000


def sample_size(confidence: float, tolerable: float, expected: float = 0.0, population: int | None = None) -> int:
    """Files to inspect for `confidence` (0–1) that the deviation rate is below `tolerable` (0–1) when about
    `expected` (0 ≤ expected < tolerable) is foreseen. See the module's formula."""
    if not 0 < confidence < 1:
        raise ValueError("tingkat keyakinan harus di antara 0 dan 100 %")
    if not 0 < tolerable < 1:
        raise ValueError("tingkat penyimpangan yang dapat ditoleransi harus di antara 0 dan 100 %")
    if not 0 <= expected < tolerable:
        raise ValueError("penyimpangan yang diperkirakan harus lebih kecil dari yang dapat ditoleransi")
    risk = 1 - confidence
    n = 1
    while n <= MAX_SAMPLE and binomial_cdf(math.ceil(n * expected - 1e-12), n, tolerable) > risk:
        n += 1
    if population is not None:
        if population <= 0:
            return 0
        n = min(population, math.ceil(n / (1 + (n - 1) / population)))
    return n


def upper_deviation_limit(deviations: int, n: int, confidence: float) -> float:
    """The deviation rate the population may have, at `confidence`, given `deviations` in a sample of n: the
    rate p at which seeing no more than that many deviations has probability 1 − confidence (bisection)."""
    if n <= 0:
        return 1.0
    low, high = deviations / n, 1.0
    for _ in range(60):
        middle = (low + high) / 2
        if binomial_cdf(deviations, n, middle) > 1 - confidence:
            low = middle
        else:
            high = middle
    return high


def allocate(total: int, sizes: Mapping[str, int], weights: Mapping[str, float]) -> dict[str, int]:
    """Share `total` files between strata in proportion to size × weight (largest remainder), capped by size."""
    strata = [s for s in sizes if sizes[s] > 0]
    total = min(total, sum(sizes[s] for s in strata))
    shares = {s: 0 for s in sizes}
    if total <= 0:
        return shares
    # A weighted stratum with files is never left out: one file each first (as far as the total allows).
    for s in sorted(strata, key=lambda s: -weights.get(s, 1.0)):
        if weights.get(s, 1.0) > 1.0 and sum(shares.values()) < total:
            shares[s] = 1
    while sum(shares.values()) < total:
        open_ = [s for s in strata if shares[s] < sizes[s]]
        remaining = total - sum(shares.values())
        mass = sum(sizes[s] * weights.get(s, 1.0) for s in open_)
        exact = {s: remaining * sizes[s] * weights.get(s, 1.0) / mass for s in open_}
        added = 0
        for s in open_:
            step = min(int(exact[s]), sizes[s] - shares[s])
            shares[s] += step
            added += step
        if added == 0:  # hand out the last files by largest remainder
            for s in sorted(open_, key=lambda s: (-(exact[s] - int(exact[s])), s)):
                if sum(shares.values()) < total and shares[s] < sizes[s]:
                    shares[s] += 1
    return shares


def new_seed() -> str:
    return secrets.token_hex(16)


def commitment(seed: str) -> str:
    return hashlib.sha256(seed.encode()).hexdigest()


def population_digest(population: Mapping[str, Sequence[str]]) -> str:
    """A fingerprint of the population as sampled: every stratum's keys, sorted."""
    lines = [f"{stratum}:{key}" for stratum in sorted(population) for key in sorted(population[stratum])]
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()


@dataclass(frozen=True)
class Drawn:
    stratum: str
    key: str


def draw(seed: str, population: Mapping[str, Sequence[str]], shares: Mapping[str, int]) -> list[Drawn]:
    """The files of each stratum, chosen by the seed from the stratum's keys in sorted order: the same seed and
    population always give the same files."""
    picked: list[Drawn] = []
    for stratum in sorted(population):
        keys = sorted(population[stratum])
        k = min(shares.get(stratum, 0), len(keys))
        rng = random.Random(f"{seed}:{stratum}")  # noqa: S311 (reproducible by design; the seed is secret until used)
        picked += [Drawn(stratum, key) for key in sorted(rng.sample(keys, k))]
    return picked


def surprise_day(seed: str, working_days: Sequence[date]) -> date:
    """The day of a surprise inspection, chosen by the seed among the period's working days."""
    if not working_days:
        raise ValueError("periode ini tidak memiliki hari kerja")
    rng = random.Random(f"{seed}:day")  # noqa: S311
    return rng.choice(sorted(working_days))
