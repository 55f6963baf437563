"""Attribute sampling as auditors' tables give it, strata shared by weight, and draws that anybody can repeat."""

import math
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from garda.oversight import sampling


@pytest.mark.parametrize(
    ("confidence", "tolerable", "expected", "size"),
    [
        (0.95, 0.05, 0.0, 59),  # the figure of every attribute-sampling table
        (0.95, 0.05, 0.01, 93),
        (0.95, 0.05, 0.02, 181),
        (0.90, 0.05, 0.0, 45),
        (0.95, 0.10, 0.0, 29),
        (0.99, 0.05, 0.0, 90),
    ],
)
def test_sample_sizes_are_those_of_the_attribute_sampling_tables(
    confidence: float, tolerable: float, expected: float, size: int
) -> None:
    assert sampling.sample_size(confidence, tolerable, expected) == size


def test_no_deviation_expected_is_the_closed_formula() -> None:
    assert sampling.sample_size(0.95, 0.05) == math.ceil(math.log(0.05) / math.log(0.95))


def test_a_small_population_is_corrected_and_never_exceeded() -> None:
    assert sampling.sample_size(0.95, 0.05, population=40) == 25
    assert sampling.sample_size(0.95, 0.05, population=3) == 3
    assert sampling.sample_size(0.95, 0.05, population=0) == 0


def test_impossible_parameters_are_refused_with_words() -> None:
    with pytest.raises(ValueError, match="lebih kecil"):
        sampling.sample_size(0.95, 0.05, 0.05)
    with pytest.raises(ValueError, match="keyakinan"):
        sampling.sample_size(1.0, 0.05)


@given(
    st.floats(0.5, 0.99),
    st.floats(0.01, 0.2),
    st.integers(1, 100_000),
)
def test_more_confidence_or_less_tolerance_never_asks_fewer_files(
    confidence: float, tolerable: float, population: int
) -> None:
    base = sampling.sample_size(confidence, tolerable, population=population)
    assert 1 <= base <= population
    assert sampling.sample_size(min(confidence + 0.005, 0.995), tolerable, population=population) >= base
    assert sampling.sample_size(confidence, tolerable * 0.9, population=population) >= base


@given(
    st.integers(0, 500),
    st.dictionaries(st.sampled_from(["high", "override", "fast", "other"]), st.integers(0, 300), min_size=1),
    st.dictionaries(st.sampled_from(["high", "override", "fast", "other"]), st.floats(1, 30)),
)
def test_allocation_fills_the_sample_within_each_stratum(
    total: int, sizes: dict[str, int], weights: dict[str, float]
) -> None:
    shares = sampling.allocate(total, sizes, weights)
    assert sum(shares.values()) == min(total, sum(sizes.values()))
    assert all(0 <= shares[s] <= sizes[s] for s in sizes)


def test_a_weighted_stratum_gets_more_than_its_share_of_files() -> None:
    shares = sampling.allocate(59, {"high_risk_clearance": 30, "other": 3000}, {"high_risk_clearance": 20})
    assert shares["high_risk_clearance"] >= 10  # proportion alone would give it one


def test_the_seed_draws_the_same_files_and_the_commitment_proves_the_seed() -> None:
    population = {"other": [str(i) for i in range(500)], "fast": ["a", "b", "c"]}
    seed = sampling.new_seed()
    first = sampling.draw(seed, population, {"other": 20, "fast": 2})
    assert first == sampling.draw(seed, {k: list(reversed(v)) for k, v in population.items()}, {"other": 20, "fast": 2})
    assert first != sampling.draw(sampling.new_seed(), population, {"other": 20, "fast": 2})
    assert sampling.commitment(seed) == sampling.commitment(seed) != sampling.commitment(seed + "0")
    days = [date(2025, 3, d) for d in (3, 4, 5, 6, 7)]
    assert sampling.surprise_day(seed, days) == sampling.surprise_day(seed, list(reversed(days)))


def test_the_upper_deviation_limit_decides_whether_the_control_works() -> None:
    assert sampling.upper_deviation_limit(0, 59, 0.95) < 0.05 < sampling.upper_deviation_limit(1, 59, 0.95)
