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


def monte_carlo(structure: Structure, params: Mapping[str, Decimal],
                ranges: Mapping[str, tuple[Decimal, Decimal, Decimal]], draws: int,
                seed: int) -> MonteCarloResult:
    """Return P10/P50/P90 and mean NPV and the probability that NPV > 0."""
    npv = npv_draws(structure, params, ranges, draws, seed)
    p10, p50, p90 = np.percentile(npv, [10, 50, 90])
    return MonteCarloResult(
        draws=draws, seed=seed, drivers=sorted(ranges), ranges=dict(ranges),
        npv_mean=float(npv.mean()), npv_p10=float(p10), npv_p50=float(p50), npv_p90=float(p90),
        probability_positive=float((npv > 0).mean()))
