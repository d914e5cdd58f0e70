"""Robustness of the recommendation: flip points per criterion and Monte Carlo over weights.

Flip point: move one criterion's weight to x and rescale the others
proportionally (w_j · (1 − x)/(1 − w_k)); every total is then linear in x, so
the leader changes at the nearest x where another eligible vendor's line
crosses the leader's. Monte Carlo: weights drawn from a Dirichlet around the
chosen weights (α = w · concentration, fixed seed); each vendor's share of
first places and its expected rank among the eligible vendors.

Close call: the leader's margin over the runner-up is compared with how much
that margin moves across the same weight draws — half its central 90% range,
(P95 − P5)/2. A margin smaller than that spread (or within the tie tolerance)
is a close call whatever the share of first places says.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from crm_readiness.models.vendors import (
    CriterionWeight,
    FlipPoint,
    Robustness,
    RobustnessSettings,
    VendorResult,
    VendorShare,
    Verdict,
)

ROBUST_SHARE = 0.90
MODERATE_SHARE = 0.60


def rescaled(weights: Sequence[float], k: int, x: float) -> list[float]:
    """Return the weights with criterion ``k`` set to ``x`` and the others rescaled to sum 1 − x."""
    rest = 1.0 - weights[k]
    return [x if j == k else (w * (1.0 - x) / rest if rest > 0 else 0.0)
            for j, w in enumerate(weights)]


def _totals(weights: Sequence[float], scores: np.ndarray) -> np.ndarray:
    return np.asarray(scores @ np.asarray(weights) / 5 * 100)


def flip_point(weights: Sequence[float], scores: np.ndarray, leader: int, k: int,
               ids: Sequence[str], criterion: str) -> FlipPoint:
    """Return the nearest weight of criterion ``k`` at which ``leader`` stops leading."""
    wk = weights[k]
    if wk >= 1.0 or len(ids) < 2:
        return FlipPoint(criterion=criterion, weight=wk)
    rest = np.array([sum(w * s for j, (w, s) in enumerate(zip(weights, row, strict=True))
                         if j != k) for row in scores])
    best: tuple[float, float] | None = None  # (distance, x)
    for v in range(len(ids)):
        if v == leader:
            continue
        c = (rest[leader] - rest[v]) / (1.0 - wk)
        b = (scores[leader, k] - scores[v, k]) - c
        if abs(b) < 1e-15:
            continue
        x = -c / b
        # a crossing at exactly 0 or 1 is a tie at the edge, not a change of leader
        if not 1e-12 < x < 1.0 - 1e-12 or abs(x - wk) < 1e-12:
            continue
        if best is None or abs(x - wk) < best[0]:
            best = (abs(x - wk), float(x))
    if best is None:
        return FlipPoint(criterion=criterion, weight=wk)
    x = best[1]
    beyond = min(1.0, max(0.0, x + (1e-9 if x > wk else -1e-9)))
    totals = _totals(rescaled(weights, k, beyond), scores)
    totals[leader] = -np.inf
    return FlipPoint(criterion=criterion, weight=wk, new_weight=x, delta=x - wk,
                     new_leader=ids[int(np.argmax(totals))])


def _verdict(n_eligible: int, leader_share: float) -> Verdict:
    if n_eligible == 0:
        return "no_leader"
    if n_eligible == 1:
        return "single"
    if leader_share >= ROBUST_SHARE:
        return "robust"
    return "moderate" if leader_share >= MODERATE_SHARE else "fragile"


def _draws(weights: Sequence[float], settings: RobustnessSettings) -> np.ndarray:
    w = np.asarray(weights, dtype=float)
    rng = np.random.default_rng(settings.seed)
    active = w > 0
    draws = np.zeros((settings.runs, len(w)))
    draws[:, active] = rng.dirichlet(w[active] * settings.concentration, size=settings.runs)
    return draws


def monte_carlo(weights: Sequence[float], scores: np.ndarray,
                settings: RobustnessSettings) -> tuple[np.ndarray, np.ndarray]:
    """Return (share of first places, expected rank) per row of ``scores`` over random weights."""
    n_vendors = scores.shape[0]
    if n_vendors == 0:
        return np.zeros(0), np.zeros(0)
    totals = _draws(weights, settings) @ scores.T  # runs × vendors (scale does not change order)
    first = np.bincount(np.argmax(totals, axis=1), minlength=n_vendors) / settings.runs
    ranks = 1 + (totals[:, None, :] > totals[:, :, None]).sum(axis=2)
    return first, ranks.mean(axis=0)


def margin_spread(weights: Sequence[float], scores: np.ndarray, leader: int, runner: int,
                  settings: RobustnessSettings) -> float:
    """Return (P95 − P5)/2 of the leader's margin over ``runner`` (points) across the draws."""
    totals = _draws(weights, settings) @ scores.T / 5 * 100
    margin = totals[:, leader] - totals[:, runner]
    p5, p95 = np.percentile(margin, [5, 95])
    return float(p95 - p5) / 2


def robustness(criteria: Sequence[CriterionWeight], vendors: Sequence[VendorResult],
               settings: RobustnessSettings, tolerance: float = 0.05) -> Robustness:
    """Return flip points, Monte Carlo shares and a verdict for the eligible vendors."""
    eligible = [v for v in vendors if v.status == "eligible"]
    weights = [c.weight for c in criteria]
    ids = [v.id for v in eligible]
    scores = np.array([[c.score for c in v.criteria] for v in eligible]).reshape(
        len(eligible), len(criteria))
    if not eligible:
        return Robustness(leader=None, runner_up=None, margin=None, flips=(), settings=settings,
                          shares=(), verdict="no_leader")
    order = sorted(range(len(eligible)), key=lambda i: (-eligible[i].total, i))
    leader = order[0]
    flips = tuple(flip_point(weights, scores, leader, k, ids, c.id)
                  for k, c in enumerate(criteria)) if len(eligible) > 1 else ()
    first, exp_rank = monte_carlo(weights, scores, settings)
    shares = tuple(VendorShare(vendor=ids[i], first_share=float(first[i]),
                               expected_rank=float(exp_rank[i])) for i in order)
    moving = [f for f in flips if f.delta is not None]
    smallest = min(moving, key=lambda f: abs(f.delta or 0.0)) if moving else None
    runner = order[1] if len(order) > 1 else None
    margin = (eligible[leader].total - eligible[runner].total) if runner is not None else None
    spread = (margin_spread(weights, scores, leader, runner, settings)
              if runner is not None else None)
    close = margin is not None and spread is not None and (margin < spread
                                                           or margin <= tolerance)
    tied = tuple(v.id for v in eligible if v.rank == 1)
    return Robustness(
        leader=ids[leader], runner_up=ids[runner] if runner is not None else None,
        margin=margin, flips=flips, settings=settings, shares=shares,
        verdict=_verdict(len(eligible), float(first[leader])), smallest_flip=smallest,
        margin_spread=spread, close_call=close, tied_leaders=tied if len(tied) > 1 else ())
