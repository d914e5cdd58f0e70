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
from crm_readiness.engine.finance.drivers import Driver, LineSpec, Structure
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


@dataclass(frozen=True)
class Effect:
    """One distinct effect of the tornado: the drivers moved together and what they are."""

    driver: str
    line: str | None
    factors: tuple[str, ...]
    moves: tuple[str, ...]
    base: Decimal
    kind: str


def effects(structure: Structure, drivers: Mapping[str, Driver]) -> list[Effect]:
    """Return the distinct effects in file order.

    A line whose value is a product of drivers is one effect (moving any one factor
    by x% moves the line by x%: its first factor is moved); a line given year by year
    is one effect (all its years moved together). Other sensitive drivers with a
    non-zero base are one effect each.
    """
    grouped: dict[str, LineSpec] = {}
    for spec in (*structure.cost_lines, *structure.benefit_lines):
        if len(spec.factors) > 1:
            grouped.update({f: spec for f in spec.factors})
    out: list[Effect] = []
    done: set[str] = set()
    for d in drivers.values():
        if not d.sensitive:
            continue
        found = grouped.get(d.id)
        if found is None:
            if d.base != 0:
                out.append(Effect(d.id, None, (d.id,), (d.id,), d.base, d.kind))
            continue
        spec = found
        if spec.id in done:
            continue
        done.add(spec.id)
        bases = [drivers[f].base for f in spec.factors]
        if spec.yearly:
            moves = tuple(f for f, b in zip(spec.factors, bases, strict=True) if b != 0)
            if moves:
                out.append(Effect(moves[0], spec.id, moves, moves, sum(bases, Decimal(0)),
                                  "money"))
        elif all(b != 0 for b in bases):
            value = Decimal(1)
            for b in bases:
                value *= b
            out.append(Effect(spec.factors[0], spec.id, spec.factors, (spec.factors[0],), value,
                              "money"))
    return out


def _moved(params: Mapping[str, Decimal], effect: Effect, m: Decimal) -> dict[str, Decimal]:
    return _with(params, {k: params[k] * m for k in effect.moves})


def tornado(structure: Structure, drivers: Mapping[str, Driver],
            params: Mapping[str, Decimal], swing: Decimal) -> list[TornadoRow]:
    """Return one row per distinct effect, largest NPV swing first, file order on ties.

    Ties: swings equal to the cent keep the order of the drivers in the files
    (costs file first, line by line), the rule the report states.
    """
    rows = []
    order: dict[str, int] = {}
    for k, e in enumerate(effects(structure, drivers)):
        npv_low = npv_of(structure, _moved(params, e, 1 - swing))
        npv_high = npv_of(structure, _moved(params, e, 1 + swing))
        rows.append(TornadoRow(driver=e.driver, line=e.line,
                               factors=list(e.factors) if e.line else [], kind=e.kind,
                               base=e.base, low_value=e.base * (1 - swing),
                               high_value=e.base * (1 + swing), npv_low=npv_low,
                               npv_high=npv_high, swing=abs(npv_high - npv_low)))
        order[e.driver] = k
    rows.sort(key=lambda r: (-r.swing.quantize(Decimal("0.01")), order[r.driver]))
    return rows


def _scenario(structure: Structure, params: Mapping[str, Decimal], name: str,
              label: Text | None, values: Mapping[str, Decimal], derived: bool) -> ScenarioResult:
    p = _with(params, values)
    ev = evaluate(structure, p)
    costs = [Decimal(c) for c in ev.cost_totals(True)]
    benefits = [Decimal(b) for b in ev.benefit_totals(True)]
    funding = [Decimal(f) for f in ev.funding_totals(True)]
    r = p["discount_rate"]
    factors = [1 / (1 + r) ** t for t in structure.years]
    net = [b + f - c for b, f, c in zip(benefits, funding, costs, strict=True)]
    pv_c = sum((c * f for c, f in zip(costs, factors, strict=True)), Decimal(0))
    pv_c -= sum((x * f for x, f in zip(funding, factors, strict=True)), Decimal(0))
    pv_b = sum((b * f for b, f in zip(benefits, factors, strict=True)), Decimal(0))
    return ScenarioResult(
        name=name, label_en=label.en if label else None, label_zh=label.zh if label else None,
        derived=derived, values=dict(values), npv=pv_b - pv_c, roi_pv=ratio(pv_b - pv_c, pv_c),
        irr=irr(net).value, payback_months=payback(net).months)


def _derived_scenarios(drivers: Mapping[str, Driver], rows: Sequence[TornadoRow],
                       found: Sequence[Effect], options: SensitivityOptions
                       ) -> list[tuple[str, Text | None, dict[str, Decimal], bool]]:
    worse: dict[str, Decimal] = {}
    better: dict[str, Decimal] = {}
    mode: dict[str, Decimal] = {}
    up_by_row = {r.driver: r.npv_high >= r.npv_low for r in rows}
    raises: dict[str, bool] = {}
    ends: dict[str, Range] = {}
    for e in found:
        for k in e.factors:
            raises[k] = up_by_row.get(e.driver, True)
        for k in e.moves:
            b = drivers[k].base
            ends[k] = (b * (1 - options.swing), b, b * (1 + options.swing))
    if options.ranges:
        ends = dict(options.ranges)
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
        specs = _derived_scenarios(drivers, rows, effects(structure, drivers), options)
    return [_scenario(structure, params, n, lbl, v, derived) for n, lbl, v, derived in specs]


def break_even(structure: Structure, params: Mapping[str, Decimal], row: TornadoRow,
               effect: Effect) -> BreakEven:
    """Return the value of ``row``'s effect at which the risk-adjusted NPV is zero.

    The effect's drivers are scaled by a multiplier m (searched from 0 to 100×);
    the value is the row's base × m (for a line row: the line's value).
    """
    base = row.base

    def f(m: Decimal) -> Decimal:
        result: Decimal = npv_of(structure, _moved(params, effect, m))
        return result

    def done(m: Decimal | None) -> BreakEven:
        return BreakEven(driver=row.driver, line=row.line, base=base,
                         value=None if m is None else base * m,
                         change=None if m is None else m - 1)

    f0 = f(Decimal(1))
    if f0 == 0:
        return done(Decimal(1))
    bracket: tuple[Decimal, Decimal] | None = None
    best = None
    for steps in (_UP, _DOWN):
        prev, fprev = Decimal(1), f0
        for m in steps:
            v = Decimal(m)
            fv = f(v)
            if (fv > 0) != (fprev > 0) or fv == 0:
                distance = abs(v - 1)
                if best is None or distance < best:
                    best, bracket = distance, (prev, v)
                break
            prev, fprev = v, fv
    if bracket is None:
        return done(None)
    a, b = bracket
    fa = f(a)
    for _ in range(200):
        mid = (a + b) / 2
        fm = f(mid)
        if fm == 0 or abs(b - a) <= Decimal("1e-18"):
            a = b = mid
            break
        if (fm > 0) == (fa > 0):
            a, fa = mid, fm
        else:
            b = mid
    return done((a + b) / 2)


def sensitivity(structure: Structure, drivers: Mapping[str, Driver],
                params: Mapping[str, Decimal], options: SensitivityOptions) -> SensitivityResult:
    """Return tornado, scenarios, Monte Carlo and break-even of the risk-adjusted NPV."""
    rows = tornado(structure, drivers, params, options.swing)
    ranges = dict(options.ranges) or {
        d.id: (min(d.base * (1 - options.swing), d.base * (1 + options.swing)), d.base,
               max(d.base * (1 - options.swing), d.base * (1 + options.swing)))
        for d in drivers.values() if d.sensitive and d.base != 0}
    top = next((r for r in rows if r.swing > 0), None)
    by_driver = {e.driver: e for e in effects(structure, drivers)}
    base_npv = npv_of(structure, params)
    return SensitivityResult(
        swing=options.swing, tornado=rows,
        scenarios=scenarios(structure, drivers, params, rows, options),
        monte_carlo=monte_carlo(structure, params, ranges, options.draws, options.seed,
                                base_npv),
        break_even=(break_even(structure, params, top, by_driver[top.driver])
                    if top is not None else None))
