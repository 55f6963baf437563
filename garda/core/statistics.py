"""Small statistics every report of Garda uses the same way."""

import math

Z95 = 1.959963984540054  # two-sided 95 %


def wilson(k: int, n: int, z: float = Z95) -> tuple[float, float]:
    """The Wilson score interval of k successes in n: honest at small n and near 0 % or 100 %. With no
    observation nothing is known: (0, 1)."""
    if n <= 0:
        return 0.0, 1.0
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    # Rounding can leave a bound a hair inside 0 or 1 when k is 0 or n; the interval always holds the rate.
    return max(0.0, min(p, centre - half)), min(1.0, max(p, centre + half))


SMALL_CELL = 11  # CTDC publishes with k = 11: a count under 11 could point to a person


def suppressed(count: int, k: int = SMALL_CELL) -> str:
    """A count as shown outside Garda (to partners, to the public): "<11" when it is small, zero shown as is."""
    return f"<{k}" if 0 < count < k else str(count)
