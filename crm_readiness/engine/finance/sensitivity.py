"""Sensitivity of the risk-adjusted NPV: tornado, scenarios, Monte Carlo, break-even.

- tornado: each sensitive driver with a non-zero base moved to base × (1 ∓ swing),
  all others at base; rows ranked by |NPV(high) − NPV(low)|;
- scenarios: the file's named driver values; without them, *conservative*,
  *expected* and *optimistic* are derived — every ranged driver (or, with no
  ranges, every sensitive driver ± swing) at its NPV-worse / mode / better end;
- Monte Carlo: see :mod:`crm_readiness.engine.finance.montecarlo`;
- break-even: the value of the top tornado driver at which NPV = 0, found by
  widening a bracket from the base value and bisecting in Decimal.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from crm_readiness.engine.finance.cashflow import evaluate, npv_of
from crm_readiness.engine.finance.drivers import Driver, Structure
from crm_readiness.engine.finance.metrics import irr, payback, ratio
from crm_readiness.engine.finance.montecarlo import monte_carlo
from crm_readiness.models._base import Text
from crm_readiness.models.finance.inputs import SensitivitySettings
from crm_readiness.models.finance.results import (
    BreakEven,
    ScenarioResult,
    SensitivityResult,
    TornadoRow,
)

Range = tuple[Decimal, Decimal, Decimal]
_UP = ("1.25", "1.5", "2", "3", "5", "10", "20", "50", "100")
_DOWN = ("0.75", "0.5", "0.25", "0")


@dataclass(frozen=True)
class SensitivityOptions:
    """How the sensitivity is explored (from the benefits file, overridable on the CLI)."""

    swing: Decimal = Decimal("0.20")
    draws: int = 10_000
    seed: int = 20240501
    ranges: Mapping[str, Range] = field(default_factory=dict)
    scenarios: Sequence[tuple[str, Text | None, Mapping[str, Decimal]]] = ()

    @classmethod
    def from_settings(cls, s: SensitivitySettings, *, swing: Decimal | None = None,
                      draws: int | None = None, seed: int | None = None) -> SensitivityOptions:
        """Return the options of a benefits file's ``sensitivity`` block, with overrides."""
        return cls(
            swing=s.swing if swing is None else swing,
            draws=s.monte_carlo.draws if draws is None else draws,
            seed=s.monte_carlo.seed if seed is None else seed,
            ranges={k: (r.low, r.mode, r.high) for k, r in s.ranges.items()},
            scenarios=[(k, v.label, dict(v.values)) for k, v in s.scenarios.items()])


def _with(params: Mapping[str, Decimal], changes: Mapping[str, Decimal]) -> dict[str, Decimal]:
    out = dict(params)
    out.update(changes)
    return out


def tornado(structure: Structure, drivers: Mapping[str, Driver],
            params: Mapping[str, Decimal], swing: Decimal) -> list[TornadoRow]:
    """Return one row per sensitive non-zero driver, largest NPV swing first."""
    rows = []
    for d in drivers.values():
        if not d.sensitive or d.base == 0:
            continue
        low, high = d.base * (1 - swing), d.base * (1 + swing)
        npv_low = npv_of(structure, _with(params, {d.id: low}))
        npv_high = npv_of(structure, _with(params, {d.id: high}))
        rows.append(TornadoRow(driver=d.id, base=d.base, low_value=low, high_value=high,
                               npv_low=npv_low, npv_high=npv_high,
                               swing=abs(npv_high - npv_low)))
    rows.sort(key=lambda r: (-r.swing, r.driver))
    return rows


def _scenario(structure: Structure, params: Mapping[str, Decimal], name: str,
              label: Text | None, values: Mapping[str, Decimal], derived: bool) -> ScenarioResult:
    p = _with(params, values)
    ev = evaluate(structure, p)
    costs = [Decimal(c) for c in ev.cost_totals(True)]
    benefits = [Decimal(b) for b in ev.benefit_totals(True)]
    r = p["discount_rate"]
    factors = [1 / (1 + r) ** t for t in structure.years]
    net = [b - c for b, c in zip(benefits, costs, strict=True)]
    pv_c = sum((c * f for c, f in zip(costs, factors, strict=True)), Decimal(0))
    pv_b = sum((b * f for b, f in zip(benefits, factors, strict=True)), Decimal(0))
    return ScenarioResult(
        name=name, label_en=label.en if label else None, label_zh=label.zh if label else None,
        derived=derived, values=dict(values), npv=pv_b - pv_c, roi_pv=ratio(pv_b - pv_c, pv_c),
        irr=irr(net).value, payback_months=payback(net).months)


def _derived_scenarios(drivers: Mapping[str, Driver], rows: Sequence[TornadoRow],
                       options: SensitivityOptions
                       ) -> list[tuple[str, Text | None, dict[str, Decimal], bool]]:
    worse: dict[str, Decimal] = {}
    better: dict[str, Decimal] = {}
    mode: dict[str, Decimal] = {}
    raises = {r.driver: r.npv_high >= r.npv_low for r in rows}
    if options.ranges:
        ends = {k: (lo, md, hi) for k, (lo, md, hi) in options.ranges.items()}
    else:
        ends = {r.driver: (r.low_value, r.base, r.high_value) for r in rows}
    for key, (lo, md, hi) in ends.items():
        up = raises.get(key, True)
        worse[key], better[key] = (lo, hi) if up else (hi, lo)
        if md != drivers[key].base:
            mode[key] = md
    return [("conservative", None, worse, True), ("expected", None, mode, True),
            ("optimistic", None, better, True)]


def scenarios(structure: Structure, drivers: Mapping[str, Driver],
              params: Mapping[str, Decimal], rows: Sequence[TornadoRow],
              options: SensitivityOptions) -> list[ScenarioResult]:
    """Return the file's named scenarios (expected = base added if absent), or derived ones."""
    if options.scenarios:
        specs = [(n, lbl, dict(v), False) for n, lbl, v in options.scenarios]
        if "expected" not in {s[0] for s in specs}:
            specs.insert(0, ("expected", None, {}, True))
    else:
        specs = _derived_scenarios(drivers, rows, options)
    return [_scenario(structure, params, n, lbl, v, derived) for n, lbl, v, derived in specs]


def break_even(structure: Structure, params: Mapping[str, Decimal],
               row: TornadoRow) -> BreakEven:
    """Return the value of ``row``'s driver at which the risk-adjusted NPV is zero."""
    base = row.base

    def f(value: Decimal) -> Decimal:
        result: Decimal = npv_of(structure, _with(params, {row.driver: value}))
        return result

    f0 = f(base)
    if f0 == 0:
        return BreakEven(driver=row.driver, base=base, value=base, change=Decimal(0))
    bracket: tuple[Decimal, Decimal] | None = None
    best = None
    for steps in (_UP, _DOWN):
        prev, fprev = base, f0
        for m in steps:
            v = base * Decimal(m)
            fv = f(v)
            if (fv > 0) != (fprev > 0) or fv == 0:
                distance = abs(Decimal(m) - 1)
                if best is None or distance < best:
                    best, bracket = distance, (prev, v)
                break
            prev, fprev = v, fv
    if bracket is None:
        return BreakEven(driver=row.driver, base=base, value=None, change=None)
    a, b = bracket
    fa = f(a)
    for _ in range(200):
        mid = (a + b) / 2
        fm = f(mid)
        if fm == 0 or abs(b - a) <= abs(base) * Decimal("1e-18"):
            a = b = mid
            break
        if (fm > 0) == (fa > 0):
            a, fa = mid, fm
        else:
            b = mid
    value = (a + b) / 2
    return BreakEven(driver=row.driver, base=base, value=value, change=value / base - 1)


def sensitivity(structure: Structure, drivers: Mapping[str, Driver],
                params: Mapping[str, Decimal], options: SensitivityOptions) -> SensitivityResult:
    """Return tornado, scenarios, Monte Carlo and break-even of the risk-adjusted NPV."""
    rows = tornado(structure, drivers, params, options.swing)
    ranges = dict(options.ranges) or {
        r.driver: (min(r.low_value, r.high_value), r.base, max(r.low_value, r.high_value))
        for r in rows}
    top = next((r for r in rows if r.swing > 0), None)
    return SensitivityResult(
        swing=options.swing, tornado=rows,
        scenarios=scenarios(structure, drivers, params, rows, options),
        monte_carlo=monte_carlo(structure, params, ranges, options.draws, options.seed),
        break_even=break_even(structure, params, top) if top is not None else None)
