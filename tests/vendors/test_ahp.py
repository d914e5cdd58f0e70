"""AHP weights and consistency against a published example and an independent implementation.

Published example: T. L. Saaty, "How to make a decision: The Analytic Hierarchy
Process", European Journal of Operational Research 48 (1990) 9–26, the house
example (eight criteria: size, transportation, neighbourhood, age, yard, modern
facilities, general condition, financing). Published priority vector
0.173, 0.054, 0.188, 0.018, 0.031, 0.036, 0.167, 0.333; λmax = 9.669,
CI = 0.238, CR = 0.169 with RI(8) = 1.41.
"""

from __future__ import annotations

import math
from fractions import Fraction

import pytest

from crm_readiness.engine.vendors.ahp import SAATY_RI, ahp_weights

HOUSE = """1 5 3 7 6 6 1/3 1/4
1/5 1 1/3 5 3 3 1/5 1/7
1/3 3 1 6 3 4 6 1/5
1/7 1/5 1/6 1 1/3 1/4 1/7 1/8
1/6 1/3 1/3 3 1 1/2 1/5 1/6
1/6 1/3 1/4 4 2 1 1/5 1/6
3 5 1/6 7 5 5 1 1/2
4 7 5 8 6 6 2 1"""
IDS = [f"c{i}" for i in range(1, 9)]


def _matrix() -> list[list[float]]:
    return [[float(Fraction(x)) for x in row.split()] for row in HOUSE.splitlines()]


def _upper(m: list[list[float]], ids: list[str]) -> dict[str, dict[str, float | str]]:
    return {ids[i]: {ids[j]: m[i][j] for j in range(i + 1, len(ids))} for i in range(len(ids) - 1)}


def _power_iteration(m: list[list[float]]) -> tuple[list[float], float]:
    """Independent implementation (not shipped): plain-Python power iteration."""
    n = len(m)
    w = [1.0 / n] * n
    for _ in range(1000):
        nxt = [sum(m[i][j] * w[j] for j in range(n)) for i in range(n)]
        s = sum(nxt)
        nxt = [x / s for x in nxt]
        if max(abs(a - b) for a, b in zip(nxt, w, strict=True)) < 1e-15:
            w = nxt
            break
        w = nxt
    aw = [sum(m[i][j] * w[j] for j in range(n)) for i in range(n)]
    lam = sum(aw[i] / w[i] for i in range(n)) / n
    return w, lam


def test_saaty_house_example_matches_the_published_numbers() -> None:
    res = ahp_weights(IDS, _upper(_matrix(), IDS), accept_inconsistent=True)
    published = [0.173, 0.054, 0.188, 0.018, 0.031, 0.036, 0.167, 0.333]
    assert [round(w, 3) for w in res.weights] == published
    assert res.lambda_max == pytest.approx(9.669, abs=5e-4)
    assert res.ci == pytest.approx(0.238, abs=5e-4)
    assert res.ri == 1.41
    assert res.cr == pytest.approx(0.169, abs=5e-4)
    assert not res.consistent and res.accepted_inconsistent
    assert "Saaty" in res.ri_table


def test_eigenvector_agrees_with_an_independent_power_iteration() -> None:
    m = _matrix()
    res = ahp_weights(IDS, _upper(m, IDS), accept_inconsistent=True)
    w, lam = _power_iteration(m)
    assert list(res.weights) == pytest.approx(w, abs=1e-9)
    assert res.lambda_max == pytest.approx(lam, abs=1e-9)


def test_geometric_mean_approximation_is_close_for_a_consistent_matrix() -> None:
    weights = [0.4, 0.3, 0.2, 0.1]
    ids = ["a", "b", "c", "d"]
    m = [[wi / wj for wj in weights] for wi in weights]
    res = ahp_weights(ids, _upper(m, ids))
    gm = [math.prod(row) ** (1 / len(row)) for row in m]
    gm = [g / sum(gm) for g in gm]
    assert list(res.weights) == pytest.approx(weights, abs=1e-12)
    assert list(res.weights) == pytest.approx(gm, abs=1e-12)
    assert res.cr == pytest.approx(0, abs=1e-12) and res.consistent


def test_most_inconsistent_judgement_is_pointed_out() -> None:
    # consistent weights 8:4:2:1 with one judgement reversed: a:d should be 8, given as 1/8
    ids = ["a", "b", "c", "d"]
    res = ahp_weights(ids, {"a": {"b": 2, "c": 4, "d": "1/8"}, "b": {"c": 2, "d": 4},
                            "c": {"d": 2}}, accept_inconsistent=True)
    assert res.cr > 0.10
    assert (res.worst[0].a, res.worst[0].b) == ("a", "d")
    assert res.worst[0].judged == pytest.approx(1 / 8)
    assert res.worst[0].deviation > res.worst[1].deviation


def test_reciprocals_and_string_judgements() -> None:
    res = ahp_weights(["a", "b"], {"b": {"a": "1/3"}})
    assert list(res.weights) == pytest.approx([0.75, 0.25])
    assert res.cr == 0 and res.ri == SAATY_RI[2]
