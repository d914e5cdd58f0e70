"""Seeded random finance cases and their cash flows computed independently of the engine.

Each case is a costs and a benefits file built through the input models (horizons
1–10, rates 0–20 %, one-time, yearly-amount, per-seat and staff cost lines, VAT
recoverable or not, contingency, funding, benefits as ramps, yearly amounts and
driver products, risk shares, winning and losing scales, late reinvestments that
make several sign changes). :func:`expected_flows` restates the documented rules
(docs/finance.md, "Conventions") in a few lines of plain Decimal arithmetic, and
:func:`expected` the metrics numpy-financial gives for those flows, so the
differential tests check the engine and LibreOffice's recalculation of the
workbook against both.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal
from typing import Any

import numpy as np
import numpy_financial as npf

from crm_readiness.models.finance.inputs import BenefitsFile, CostsFile

SEED = 20261101
COUNT = 60
_VAT = (Decimal(0), Decimal("0.06"), Decimal("0.09"), Decimal("0.13"))


def _money(rng: random.Random, high: int) -> Decimal:
    return Decimal(rng.randint(0, high * 100)) / 100


def _share(rng: random.Random, high_pct: int) -> Decimal:
    return Decimal(rng.randint(0, high_pct * 100)) / 10000


@dataclass(frozen=True)
class Generated:
    """One generated case: its index and the two files."""

    index: int
    costs: CostsFile
    benefits: BenefitsFile


def _cost_data(rng: random.Random, horizon: int) -> dict[str, Any]:
    one_time = [{"id": f"ot{k}", "name": f"One-time {k}", "category": "implementation",
                 "amount": _money(rng, 900_000), "year": rng.choice([0, 0, 1]),
                 "vat_rate": rng.choice(_VAT)} for k in range(rng.randint(1, 2))]
    if rng.random() < 0.3:  # a late reinvestment: several sign changes
        one_time.append({"id": "late", "name": "Upgrade", "category": "software",
                         "amount": _money(rng, 3_000_000), "year": rng.randint(1, horizon),
                         "vat_recoverable": rng.random() < 0.5})
    n = rng.randint(1, horizon + 1)
    yearly: dict[str, Any] = {"id": "run", "name": "Run", "category": "hosting",
                              "amounts": [_money(rng, 150_000) for _ in range(n)]}
    if n < horizon + 1:
        yearly["ramp_rest"] = rng.choice(["last", "zero"])
    recurring: list[dict[str, Any]] = [yearly]
    if rng.random() < 0.7:
        recurring.append({"id": "seats", "name": "Seats", "category": "software",
                          "per_user": _money(rng, 3_000), "vat_rate": rng.choice(_VAT),
                          "vat_recoverable": rng.random() < 0.5})
    data: dict[str, Any] = {
        "horizon_years": horizon, "discount_rate": _share(rng, 20),
        "users": {"initial": rng.randint(1, 400), "growth": rng.choice(["0", "0.05", "0.1"])},
        "contingency": rng.choice([Decimal(0), _share(rng, 15)]),
        "risk_adjustment": rng.choice([Decimal(0), _share(rng, 20)]),
        "vat": {"recoverable": rng.random() < 0.6},
        "one_time": one_time, "recurring": recurring,
        "staff": [{"id": "team", "name": "Team", "hours": rng.randint(0, 800),
                   "people": rng.randint(1, 6), "rate": _money(rng, 300),
                   "start_year": rng.randint(0, horizon)}],
    }
    if rng.random() < 0.3:
        data["funding"] = [rng.choice([
            {"id": "grant", "name": "Grant", "amount": _money(rng, 200_000),
             "year": rng.randint(0, horizon), "risk": _share(rng, 30)},
            {"id": "grant", "name": "Grant", "share": "0.3", "year": rng.randint(0, horizon)}])]
    return data


def _benefit_data(rng: random.Random, horizon: int) -> dict[str, Any]:
    scale = rng.choice([Decimal("0.05"), Decimal("0.3"), Decimal(1), Decimal(3), Decimal(12)])
    ramp = [Decimal(rng.randint(1, 10)) / 10 for _ in range(rng.randint(1, 4))]
    lines: list[dict[str, Any]] = [
        {"id": "sales", "type": "amount", "name": "Sales", "amount": _money(rng, 400_000) * scale,
         "ramp": ramp, "ramp_rest": rng.choice(["last", "zero"]),
         "start_year": rng.randint(0, horizon)},
        {"id": "time", "type": "time_saved", "name": "Time", "hours": rng.randint(0, 200),
         "people": rng.randint(1, 50), "rate": _money(rng, 200) * scale, "ramp": [1],
         "ramp_rest": "last", "risk": _share(rng, 40)},
    ]
    if rng.random() < 0.6:
        years = rng.sample(range(horizon + 1), rng.randint(1, horizon + 1))
        lines.append({"id": "retired", "type": "cost_avoided", "name": "Retired",
                      "amounts": {y: _money(rng, 250_000) * scale for y in years}})
    return {"risk_adjustment": rng.choice([Decimal(0), _share(rng, 30)]), "benefits": lines}


def generated_cases() -> list[Generated]:
    """Return :data:`COUNT` cases from the fixed :data:`SEED`."""
    rng = random.Random(SEED)
    out = []
    for index in range(COUNT):
        horizon = rng.randint(1, 10)
        costs = CostsFile.model_validate(_cost_data(rng, horizon))
        out.append(Generated(index, costs,
                             BenefitsFile.model_validate(_benefit_data(rng, horizon))))
    return out


def _seats(costs: CostsFile) -> list[Decimal]:
    assert costs.users is not None
    one = [(Decimal(costs.users.initial) * (1 + costs.users.growth) ** (t - 1))
           .quantize(Decimal("0.000001"), rounding=ROUND_HALF_UP)
           .to_integral_value(rounding=ROUND_CEILING) for t in range(1, costs.horizon_years + 1)]
    return [one[0], *one]


def _rest(values: list[Decimal], rule: str | None, years: int) -> list[Decimal]:
    while len(values) < years:
        values.append(values[-1] if rule == "last" else Decimal(0))
    return values


def expected_flows(costs: CostsFile, benefits: BenefitsFile, risk: bool
                   ) -> tuple[list[Decimal], list[Decimal], list[Decimal]]:
    """Return (costs, benefits, funding) per year by the documented rules."""
    years = costs.horizon_years + 1
    seats = _seats(costs)
    cost = [Decimal(0)] * years
    one_time = [Decimal(0)] * years

    def add(amounts: list[Decimal], line: Any) -> None:
        share = line.risk if line.risk is not None else costs.risk_adjustment
        vat = costs.vat_rate(line) * (0 if costs.vat_recoverable(line) else 1)
        for t, a in enumerate(amounts):
            cost[t] += a * (1 + (share if risk else 0)) * (1 + vat)

    for ot in costs.one_time:
        amounts = [ot.amount if t == ot.year else Decimal(0) for t in range(years)]
        one_time = [a + b for a, b in zip(one_time, amounts, strict=True)]
        add(amounts, ot)
    for r in costs.recurring:
        if r.amounts is not None:
            assert isinstance(r.amounts, tuple)
            add(_rest(list(r.amounts), r.ramp_rest, years), r)
        else:
            assert r.per_user is not None
            add([r.per_user * seats[t] if t >= r.start_year else Decimal(0)
                 for t in range(years)], r)
    for s in costs.staff:
        add([s.hours * s.people * s.rate if t >= s.start_year else Decimal(0)
             for t in range(years)], s)
    cost = [c + costs.contingency * o for c, o in zip(cost, one_time, strict=True)]
    funding = [Decimal(0)] * years
    for f in costs.funding:
        value = f.amount if f.amount is not None else f.share * sum(one_time)  # type: ignore[operator]
        funding[f.year] += value * (1 - ((f.risk or 0) if risk else 0))
    ben = [Decimal(0)] * years
    for b in benefits.benefits:
        share = b.risk if b.risk is not None else benefits.risk_adjustment
        factor = 1 - (share if risk else 0)
        if getattr(b, "amounts", None) is not None:
            assert isinstance(b.amounts, dict)
            values = [b.amounts.get(t, Decimal(0)) for t in range(years)]
        else:
            value = b.amount if b.type == "amount" else b.hours * b.people * b.rate
            assert b.ramp is not None
            shares = _rest(list(b.ramp), b.ramp_rest, years)
            values = [value * shares[t - b.start_year] if t >= b.start_year else Decimal(0)
                      for t in range(years)]
        ben = [x + v * factor for x, v in zip(ben, values, strict=True)]
    return cost, ben, funding


@dataclass(frozen=True)
class Expected:
    """One basis of a generated case: its flows by the rules, its metrics by numpy-financial."""

    costs: list[Decimal]
    benefits: list[Decimal]
    funding: list[Decimal]
    npv: float
    tco_pv: float
    benefits_pv: float
    funding_pv: float
    irr: float | None = None  # None: not defined (the net flows change sign other than once)
    payback: float | None = None  # years; None: not within the horizon
    discounted_payback: float | None = None


def _sign_changes(flows: np.ndarray) -> int:
    signs = np.sign(flows[flows != 0])
    return int(np.count_nonzero(signs[1:] != signs[:-1]))


def _payback(flows: np.ndarray) -> float | None:
    """Final crossing: the last year k with cum[k-1] < 0 <= cum[k] and cum >= 0 after it."""
    cum = np.cumsum(flows)
    if cum[-1] < 0:
        return None
    below = np.nonzero(cum < 0)[0]
    if below.size == 0:
        return 0.0
    k = int(below[-1]) + 1
    return (k - 1) + float(-cum[k - 1] / flows[k])


def expected(g: Generated, risk: bool) -> Expected:
    """The flows of ``g`` (risk-adjusted or not) and numpy-financial's metrics of them."""
    costs, benefits, funding = expected_flows(g.costs, g.benefits, risk)
    rate = float(g.costs.discount_rate)
    net = np.array([float(b + f - c) for c, b, f in zip(costs, benefits, funding, strict=True)])
    factors = (1 + rate) ** -np.arange(net.size, dtype=float)
    return Expected(
        costs, benefits, funding, npv=float(npf.npv(rate, net)),
        tco_pv=float(npf.npv(rate, [float(c) for c in costs])),
        benefits_pv=float(npf.npv(rate, [float(b) for b in benefits])),
        funding_pv=float(npf.npv(rate, [float(f) for f in funding])),
        irr=float(npf.irr(net)) if _sign_changes(net) == 1 else None,
        payback=_payback(net), discounted_payback=_payback(net * factors))
