"""Robustness: flip points really flip the leader; Monte Carlo is reproducible."""

from __future__ import annotations

import pytest

from crm_readiness.engine.vendors import compare
from crm_readiness.models.vendors import Criterion
from tests.vendors.conftest import case_result, load_case


def _with_weights(weights: dict[str, float]) -> tuple[str | None, dict[str, float]]:
    vf, cat = load_case()
    crits = tuple(Criterion.model_validate({**c.model_dump(), "weight": weights[c.id]})
                  for c in vf.criteria)
    res = compare(cat, vf.model_copy(update={"criteria": crits}))
    return (res.ranking[0] if res.ranking else None), {v.id: v.total for v in res.vendors}


def _rescale(base: dict[str, float], key: str, x: float) -> dict[str, float]:
    rest = 1 - base[key]
    return {k: (x if k == key else w * (1 - x) / rest) for k, w in base.items()}


def test_hand_computed_flip_point_on_functional_fit() -> None:
    res = case_result()
    flip = next(f for f in res.robustness.flips if f.criterion == "fit")
    # Y − X = 1.6 − (1.6 + 65/42)·x in units of 1/20 of the total → x* = 1.6 / (1.6 + 65/42)
    assert flip.new_weight == pytest.approx(1.6 / (1.6 + 65 / 42), abs=1e-9)
    assert flip.new_leader == "x"


@pytest.mark.parametrize("criterion", ["fit", "usability", "cost"])
def test_applying_the_flip_change_flips_the_leader(criterion: str) -> None:
    res = case_result()
    base = {c.id: c.weight for c in res.criteria}
    leader = res.ranking[0]
    flip = next(f for f in res.robustness.flips if f.criterion == criterion)
    assert flip.new_weight is not None and flip.delta is not None
    step = 1e-6 if flip.delta > 0 else -1e-6
    before, _ = _with_weights(_rescale(base, criterion, flip.new_weight - step))
    after, _ = _with_weights(_rescale(base, criterion, flip.new_weight + step))
    assert before == leader
    assert after == flip.new_leader != leader


def test_smallest_flip_and_monte_carlo_are_reported() -> None:
    res = case_result()
    rob = res.robustness
    assert rob.leader == "y" and rob.runner_up == "x"
    assert rob.margin == pytest.approx(res.vendor("y").total - res.vendor("x").total)
    assert rob.smallest_flip is not None
    assert abs(rob.smallest_flip.delta or 0) == min(abs(f.delta) for f in rob.flips
                                                    if f.delta is not None)
    shares = {s.vendor: s.first_share for s in rob.shares}
    assert set(shares) == {"y", "x"}  # knocked-out Z never leads
    assert sum(shares.values()) == pytest.approx(1)
    ranks = {s.vendor: s.expected_rank for s in rob.shares}
    assert ranks["y"] + ranks["x"] == pytest.approx(3)
    assert rob.verdict in {"moderate", "fragile"}  # X and Y are 0.5 points apart


def test_monte_carlo_is_reproducible_with_the_fixed_seed() -> None:
    assert case_result().robustness.shares == case_result().robustness.shares


def test_single_and_no_eligible_vendor_verdicts() -> None:
    vf, cat = load_case()
    only_z = compare(cat, vf.model_copy(update={"vendors": vf.vendors[2:]}))
    assert only_z.robustness.verdict == "no_leader" and only_z.ranking == ()
    only_x = compare(cat, vf.model_copy(update={"vendors": vf.vendors[:1]}))
    assert only_x.robustness.verdict == "single" and only_x.robustness.flips == ()
