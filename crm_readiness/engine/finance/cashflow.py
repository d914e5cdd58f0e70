"""Yearly amounts of every line from the drivers, for Decimals or numpy arrays alike.

The formulas are written once with integer constants only, so they run on
exact :class:`~decimal.Decimal` values (the reported case) and on float64
arrays (Monte Carlo, one element per draw). Conventions (docs/finance.md):

- seats in year t ≥ 1: ``ceil(round(initial × (1 + growth)^(t−1), 6))``;
  year 0 uses year 1's seats (the rounding to 6 decimals first keeps a
  spreadsheet's binary floating point from turning 198.0000000001 into 199);
- recurring and staff lines run from ``start_year`` to ``end_year`` and
  escalate: amount × (1 + escalation)^(t − start_year);
- contingency in a year = share × that year's one-time costs (unadjusted);
- risk: a cost line × (1 + risk), a benefit line × (1 − risk); a line's own
  ``risk`` overrides its file's ``risk_adjustment``; contingency is a reserve
  and is not risk-adjusted again;
- a benefit from ``start_year`` on: value × ramp share; after a ramp shorter
  than the horizon the line's ``ramp_rest`` rule applies (last share repeats,
  or zero) — the loader refuses a short ramp without a rule;
- a line with yearly amounts reads ``{id}.y{t}`` (no escalation, no ramp);
- non-recoverable input VAT (增值税进项不可抵扣) is a cost: Σ line × rate × (1 −
  recoverable), risk-adjusted with its line; recoverable VAT is not a cost;
- funding (grants, subsidies) is money in: an amount, or a share of the
  one-time costs (before contingency and risk), in its year, × (1 − risk).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal
from typing import Any

from crm_readiness.engine.finance.drivers import BENEFIT_PARAMS, LineSpec, Structure

Num = Any  # Decimal, float or numpy.ndarray: the formulas below serve all three
_MICRO = Decimal("0.000001")


def ceil6_decimal(x: Decimal) -> Decimal:
    """Return ``ceil(round(x, 6))`` exactly (the whole-seat rule)."""
    return x.quantize(_MICRO, rounding=ROUND_HALF_UP).to_integral_value(rounding=ROUND_CEILING)


@dataclass(frozen=True)
class LineAmounts:
    """One line's amounts per year and its risk share."""

    spec: LineSpec
    amounts: list[Num]
    risk: Num
    #: the share of the amount that is a non-recoverable VAT cost (rate × (1 − recoverable)).
    vat_cost: Num = 0

    def adjusted(self, sign: int) -> list[Num]:
        """Return amounts × (1 + sign × risk): sign +1 for costs, −1 for benefits."""
        return [a * (1 + sign * self.risk) for a in self.amounts]


@dataclass(frozen=True)
class Evaluated:
    """The amounts of every line, contingency included, and the seats per year."""

    seats: list[Num]
    costs: list[LineAmounts]
    contingency: list[Num]
    benefits: list[LineAmounts]
    funding: list[LineAmounts]

    def vat_totals(self, risk_adjusted: bool) -> list[Num]:
        """Return the non-recoverable input VAT per year (a cost)."""
        totals: list[Num] = [0] * len(self.seats)
        for line in self.costs:
            amounts = line.adjusted(+1) if risk_adjusted else line.amounts
            totals = [a + b * line.vat_cost for a, b in zip(totals, amounts, strict=True)]
        return totals

    def cost_totals(self, risk_adjusted: bool) -> list[Num]:
        """Return total costs per year (contingency and non-recoverable VAT included)."""
        lines = [line.adjusted(+1) if risk_adjusted else line.amounts for line in self.costs]
        vat: list[Num] = [0] * len(self.seats)
        for line, amounts in zip(self.costs, lines, strict=True):  # as vat_totals, each line once
            vat = [a + b * line.vat_cost for a, b in zip(vat, amounts, strict=True)]
        totals = [a + b for a, b in zip(self.contingency, vat, strict=True)]
        for amounts in lines:
            totals = [a + b for a, b in zip(totals, amounts, strict=True)]
        return totals

    def funding_totals(self, risk_adjusted: bool) -> list[Num]:
        """Return the funding received per year (grants, subsidies)."""
        totals: list[Num] = [0] * len(self.seats)
        for line in self.funding:
            amounts = line.adjusted(-1) if risk_adjusted else line.amounts
            totals = [a + b for a, b in zip(totals, amounts, strict=True)]
        return totals

    def benefit_totals(self, risk_adjusted: bool) -> list[Num]:
        """Return total benefits per year."""
        totals: list[Num] = [0] * len(self.seats)
        for line in self.benefits:
            amounts = line.adjusted(-1) if risk_adjusted else line.amounts
            totals = [a + b for a, b in zip(totals, amounts, strict=True)]
        return totals


def _active(t: int, p: Mapping[str, Num], line_id: str) -> bool:
    return int(p[f"{line_id}.start_year"]) <= t <= int(p[f"{line_id}.end_year"])


def _cost_amounts(spec: LineSpec, p: Mapping[str, Num], seats: list[Num],
                  years: range) -> list[Num]:
    i = spec.id
    if spec.yearly:
        return [p[f"{i}.y{t}"] for t in years]
    out: list[Num] = []
    for t in years:
        if spec.kind == "one_time":
            out.append(p[f"{i}.amount"] if t == int(p[f"{i}.year"]) else 0)
            continue
        if not _active(t, p, i):
            out.append(0)
            continue
        growth = (1 + p[f"{i}.escalation"]) ** (t - int(p[f"{i}.start_year"]))
        if spec.kind == "staff":
            base = p[f"{i}.hours"] * p[f"{i}.people"] * p[f"{i}.rate"]
        elif spec.basis == "per_user":
            base = p[f"{i}.per_user"] * seats[t]
        elif spec.basis == "per_module":
            base = p[f"{i}.per_module"] * p[f"{i}.modules"]
        else:
            base = p[f"{i}.amount"]
        out.append(base * growth)
    return out


def _benefit_amounts(spec: LineSpec, p: Mapping[str, Num], years: range) -> list[Num]:
    i = spec.id
    if spec.yearly:
        return [p[f"{i}.y{t}"] for t in years]
    value: Num = 1
    for param, _ in BENEFIT_PARAMS[spec.category]:
        value = value * p[f"{i}.{param}"]
    start = int(p[f"{i}.start_year"])
    out: list[Num] = []
    for t in years:
        if t < start or (spec.ramp_rest == "zero" and t - start >= spec.ramp_length):
            out.append(0)
        else:
            k = min(t - start, spec.ramp_length - 1) + 1
            out.append(value * p[f"{i}.ramp_{k}"])
    return out


def evaluate(structure: Structure, p: Mapping[str, Num],
             ceil6: Callable[[Num], Num] = ceil6_decimal) -> Evaluated:
    """Return every line's yearly amounts for driver values ``p``."""
    years = structure.years
    if structure.has_users:
        initial, growth = p["users.initial"], p["users.growth"]
        seats = [ceil6(initial * (1 + growth) ** max(t - 1, 0)) for t in years]
    else:
        seats = [0 for _ in years]
    costs: list[LineAmounts] = []
    one_time: list[Num] = [0] * len(years)
    for spec in structure.cost_lines:
        amounts = _cost_amounts(spec, p, seats, years)
        risk = p[f"{spec.id}.risk"] if spec.has_own_risk else p["costs.risk_adjustment"]
        vat = p[f"{spec.id}.vat_rate"] * (1 - p[f"{spec.id}.vat_recoverable"])
        costs.append(LineAmounts(spec, amounts, risk, vat))
        if spec.kind == "one_time":
            one_time = [a + b for a, b in zip(one_time, amounts, strict=True)]
    contingency = [p["contingency"] * a for a in one_time]
    benefits = [
        LineAmounts(spec, _benefit_amounts(spec, p, years),
                    p[f"{spec.id}.risk"] if spec.has_own_risk else p["benefits.risk_adjustment"])
        for spec in structure.benefit_lines
    ]
    base = sum(one_time[1:], one_time[0])
    funding = []
    for spec in structure.funding_lines:
        i = spec.id
        value = p[f"{i}.amount"] if spec.basis == "amount" else p[f"{i}.share"] * base
        amounts = [value if t == int(p[f"{i}.year"]) else 0 for t in years]
        funding.append(LineAmounts(spec, amounts, p[f"{i}.risk"] if spec.has_own_risk else 0))
    return Evaluated(seats, costs, contingency, benefits, funding)


def npv_of(structure: Structure, p: Mapping[str, Num],
           ceil6: Callable[[Num], Num] = ceil6_decimal, *, risk_adjusted: bool = True) -> Num:
    """Return the NPV (year 0 undiscounted) of the case for driver values ``p``."""
    ev = evaluate(structure, p, ceil6)
    costs = ev.cost_totals(risk_adjusted)
    benefits = ev.benefit_totals(risk_adjusted)
    funding = ev.funding_totals(risk_adjusted)
    r = p["discount_rate"]
    total: Num = 0
    for t in structure.years:
        total = total + (benefits[t] + funding[t] - costs[t]) / (1 + r) ** t
    return total
