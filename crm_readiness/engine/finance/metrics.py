"""NPV, IRR, payback and ROI on exact Decimal cash flows (year 0 first, end-of-year flows).

- NPV = CF₀ + Σ CFₜ/(1+r)ᵗ — Excel ``CF0 + NPV(r, CF1:CFN)``, numpy-financial
  ``npv(r, [CF0..CFN])``; discount factors are never rounded.
- IRR only when the flows change sign exactly once (zeros skipped): then NPV
  has exactly one root r > −1 (Descartes' rule in x = 1/(1+r)), found by
  bisection on a bracket, in 50-digit Decimal arithmetic, to 1e-20.
- payback = the *final* crossing: (k−1) + (−cum₍ₖ₋₁₎)/CFₖ years for the
  last year k with cum₍ₖ₋₁₎ < 0 ≤ cumₖ, when the cumulative stays ≥ 0 from
  there to the horizon; 0 when it never is below 0; None when it ends below
  0. Years in which the cumulative falls back below 0 after having reached 0
  are reported (``dips``).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Context, Decimal, localcontext
from itertools import pairwise

from crm_readiness.models.finance.results import IrrResult, Payback

#: precision of every finance computation (28 digits would do; 50 leaves room for IRR).
CONTEXT = Context(prec=50)
_TOL = Decimal("1e-20")


def discount_factors(rate: Decimal, horizon: int) -> list[Decimal]:
    """Return 1/(1+r)^t for t = 0..horizon, unrounded."""
    with localcontext(CONTEXT):
        return [1 / (1 + rate) ** t for t in range(horizon + 1)]


def npv(rate: Decimal, flows: Sequence[Decimal]) -> Decimal:
    """Return CF₀ + Σ CFₜ/(1+r)ᵗ (the year-0 flow undiscounted)."""
    with localcontext(CONTEXT):
        return sum((cf / (1 + rate) ** t for t, cf in enumerate(flows)), Decimal(0))


def sign_changes(flows: Sequence[Decimal]) -> int:
    """Return how often the flows change sign, zeros skipped."""
    signs = [cf > 0 for cf in flows if cf != 0]
    return sum(1 for a, b in pairwise(signs) if a != b)


def _sign(x: Decimal) -> int:
    return (x > 0) - (x < 0)


def irr(flows: Sequence[Decimal]) -> IrrResult:
    """Return the internal rate of return, or why it is not defined."""
    changes = sign_changes(flows)
    if changes == 0:
        return IrrResult(value=None, sign_changes=0, reason="no_sign_change")
    if changes > 1:
        return IrrResult(value=None, sign_changes=changes, reason="several_sign_changes")
    nonzero = [cf for cf in flows if cf != 0]
    with localcontext(CONTEXT):
        # sign at r → ∞ is the first flow's; at r → −1⁺ the last flow's
        first, last = _sign(nonzero[0]), _sign(nonzero[-1])
        hi = Decimal(1)
        while _sign(npv(hi, flows)) != first and hi < Decimal("1e12"):
            hi *= 4
        lo = Decimal("-0.5")
        while _sign(npv(lo, flows)) != last and lo > Decimal("-1") + Decimal("1e-30"):
            lo = -1 + (lo + 1) / 16
        for _ in range(400):
            mid = (lo + hi) / 2
            value = npv(mid, flows)
            if value == 0:
                lo = hi = mid
                break
            if _sign(value) == last:
                lo = mid
            else:
                hi = mid
            if hi - lo < _TOL:
                break
        return IrrResult(value=(lo + hi) / 2, sign_changes=1)


def payback(flows: Sequence[Decimal], *, rate: Decimal | None = None) -> Payback:
    """Return the payback period; discounted at ``rate`` when given, else undiscounted."""
    with localcontext(CONTEXT):
        if rate is not None:
            factors = discount_factors(rate, len(flows) - 1)
            flows = [cf * f for cf, f in zip(flows, factors, strict=True)]
        cumulative = Decimal(0)
        years: Decimal | None = Decimal(0)
        first: Decimal | None = None
        dips: list[int] = []
        reached = False
        for k, cf in enumerate(flows):
            previous = cumulative
            cumulative += cf
            if k == 0:
                reached = cumulative >= 0
                years = Decimal(0) if reached else None
                first = years
                continue
            if previous < 0 <= cumulative:
                years = (k - 1) + (-previous) / cf
                first = years if first is None else first
                reached = True
            elif previous >= 0 > cumulative:
                dips.append(k)
                years = None
        return Payback(discounted=rate is not None, years=years,
                       months=None if years is None else years * 12,
                       first_years=first if dips else None, dips=dips)


def ratio(numerator: Decimal, denominator: Decimal) -> Decimal | None:
    """Return numerator / denominator, or None when the denominator is zero."""
    if denominator == 0:
        return None
    with localcontext(CONTEXT):
        return numerator / denominator
