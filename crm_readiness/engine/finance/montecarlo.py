"""Monte Carlo over the drivers' triangular ranges: vectorised, float64, fixed seed.

Every ranged driver is drawn at once as an array of ``draws`` values
(``numpy.random.default_rng(seed).triangular``, drivers in sorted id order
so a seed always gives the same draws); the same cash-flow formulas as the
exact case then run on those arrays, giving one NPV per draw. Percentiles
use numpy's default linear interpolation. Statistics, not money: floats.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import numpy as np

from crm_readiness.engine.finance.cashflow import npv_of
from crm_readiness.engine.finance.drivers import Structure
from crm_readiness.models.finance.results import MonteCarloResult


def _ceil6(x: Any) -> Any:
    return np.ceil(np.round(x, 6))


def npv_draws(structure: Structure, params: Mapping[str, Decimal],
              ranges: Mapping[str, tuple[Decimal, Decimal, Decimal]], draws: int,
              seed: int) -> np.ndarray[Any, np.dtype[np.float64]]:
    """Return the risk-adjusted NPV of each of ``draws`` random cases."""
    rng = np.random.default_rng(seed)
    p: dict[str, Any] = {k: float(v) for k, v in params.items()}
    for key in sorted(ranges):
        low, mode, high = (float(x) for x in ranges[key])
        p[key] = (rng.triangular(low, mode, high, draws) if high > low
                  else np.full(draws, mode))
    values = npv_of(structure, p, _ceil6)
    return np.broadcast_to(np.asarray(values, dtype=np.float64), (draws,))


def _dec(x: Any) -> Decimal:
    value = float(x)
    return Decimal(repr(value)) if np.isfinite(value) else Decimal(0)


def monte_carlo(structure: Structure, params: Mapping[str, Decimal],
                ranges: Mapping[str, tuple[Decimal, Decimal, Decimal]], draws: int,
                seed: int, deterministic: Decimal | None = None) -> MonteCarloResult:
    """Return P10/P50/P90 and mean NPV, P(NPV > 0) and where the base case lies.

    ``skew``: ranged drivers whose mode is not the middle of their range — the
    reason the median and mean draw differ from the base case (mode) NPV.
    """
    npv = npv_draws(structure, params, ranges, draws, seed)
    p10, p50, p90 = np.percentile(npv, [10, 50, 90])
    base = deterministic if deterministic is not None else npv_of(structure, params)
    below = float((npv < float(base)).mean())
    skew = sorted(k for k, (lo, md, hi) in ranges.items() if hi > lo and md * 2 != lo + hi)
    return MonteCarloResult(
        draws=draws, seed=seed, drivers=sorted(ranges), ranges=dict(ranges),
        npv_mean=_dec(npv.mean()), npv_p10=_dec(p10), npv_p50=_dec(p50), npv_p90=_dec(p90),
        probability_positive=_dec((npv > 0).mean()), deterministic_npv=base,
        deterministic_percentile=_dec(below), skew=skew)
