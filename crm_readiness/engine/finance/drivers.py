"""The drivers of a case: every input value, by a stable id, and the line structure.

A *driver* is one assumption (``discount_rate``, ``users.growth``,
``crm_subscription.per_user``, ``lead_conversion.uplift`` …). The cash-flow
evaluation reads every number from a ``{driver id: value}`` mapping, so the
same code computes the exact Decimal case, a tornado point, a scenario or
10 000 Monte Carlo draws at once (numpy arrays in place of Decimals).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from crm_readiness.models._base import Text
from crm_readiness.models.finance.inputs import (
    BenefitsFile,
    ChurnAvoided,
    CostAvoided,
    CostsFile,
    OneTimeCost,
    PlainAmount,
    RecurringCost,
    RevenueUplift,
    StaffCost,
    TimeSaved,
)

DriverKind = Literal["money", "rate", "count", "hours", "year", "flag"]
LineKind = Literal["one_time", "recurring", "staff", "benefit", "funding"]

#: the parameters of each benefit type, in formula order (their product is the yearly value).
BENEFIT_PARAMS: dict[str, tuple[tuple[str, DriverKind], ...]] = {
    "revenue_uplift": (("baseline_revenue", "money"), ("uplift", "rate"), ("gross_margin", "rate")),
    "time_saved": (("hours", "hours"), ("people", "count"), ("rate", "money")),
    "churn_avoided": (("customers", "count"), ("churn_reduction", "rate"),
                      ("margin_per_customer", "money")),
    "cost_avoided": (("amount", "money"),),
    "amount": (("amount", "money"),),
}


@dataclass(frozen=True)
class Driver:
    """One assumption: its id, what kind of number it is and its base value."""

    id: str
    kind: DriverKind
    base: Decimal
    #: moved in the tornado and sampled in Monte Carlo (years and ramp shares are not).
    sensitive: bool = True


@dataclass(frozen=True)
class LineSpec:
    """The shape of one line; its numbers are looked up by ``{id}.{param}`` drivers."""

    id: str
    name: Text
    kind: LineKind
    category: str
    basis: str
    has_own_risk: bool
    ramp_length: int = 0
    #: ``last`` (the last share or amount repeats) or ``zero`` after a short ramp / list.
    ramp_rest: str = "last"
    #: True when the line gives its amounts year by year (drivers ``{id}.y{t}``).
    yearly: bool = False
    #: drivers whose product is the line's value (moving any one by x% moves the line by x%).
    factors: tuple[str, ...] = ()
    #: capitalised (amortised in the P&L view) rather than expensed.
    capex: bool = False


@dataclass(frozen=True)
class Structure:
    """Everything about a case that is not a number: horizon and lines."""

    horizon: int
    cost_lines: tuple[LineSpec, ...]
    benefit_lines: tuple[LineSpec, ...]
    funding_lines: tuple[LineSpec, ...] = ()
    has_users: bool = True

    @property
    def years(self) -> range:
        """Return years 0..N."""
        return range(self.horizon + 1)


def expand_yearly(amounts: tuple[Decimal, ...] | dict[int, Decimal], horizon: int,
                  rest: str | None) -> list[Decimal]:
    """Return one amount per year 0..horizon from a list (``rest`` rule) or a map (others 0).

    A list shorter than the horizon without a ``rest`` rule, a longer list or a map
    year after the horizon raise ``ValueError`` — never a silent repeat.
    """
    if isinstance(amounts, dict):
        late = [y for y in amounts if y > horizon]
        if late:
            raise ValueError(f"year {max(late)} is after the horizon")
        return [amounts.get(t, Decimal(0)) for t in range(horizon + 1)]
    values = list(amounts)
    if len(values) > horizon + 1:
        raise ValueError("more amounts than years")
    if len(values) < horizon + 1:
        if rest is None:
            raise ValueError("fewer amounts than years and no ramp_rest")
        fill = values[-1] if rest == "last" else Decimal(0)
        values += [fill] * (horizon + 1 - len(values))
    return values


def _vat_drivers(costs: CostsFile, line: OneTimeCost | RecurringCost | StaffCost,
                 ) -> list[Driver]:
    out = [Driver(f"{line.id}.vat_rate", "rate", costs.vat_rate(line), sensitive=False),
           Driver(f"{line.id}.vat_recoverable", "flag",
                  Decimal(1 if costs.vat_recoverable(line) else 0), sensitive=False)]
    if line.accounting == "capex" and line.amortisation_years is not None:
        out.append(Driver(f"{line.id}.amortisation_years", "year",
                          Decimal(line.amortisation_years), sensitive=False))
    return out


def _cost_drivers(costs: CostsFile) -> tuple[list[Driver], list[LineSpec]]:
    out = [
        Driver("discount_rate", "rate", costs.discount_rate),
        Driver("contingency", "rate", costs.contingency),
        Driver("costs.risk_adjustment", "rate", costs.risk_adjustment),
    ]
    if costs.users is not None:
        out[1:1] = [Driver("users.initial", "count", Decimal(costs.users.initial)),
                    Driver("users.growth", "rate", costs.users.growth)]
    specs: list[LineSpec] = []
    n = costs.horizon_years
    for o in costs.one_time:
        out += [Driver(f"{o.id}.amount", "money", o.amount),
                Driver(f"{o.id}.year", "year", Decimal(o.year), sensitive=False)]
        specs.append(LineSpec(o.id, o.name, "one_time", o.category, "once", o.risk is not None,
                              capex=o.accounting == "capex"))
        if o.risk is not None:
            out.append(Driver(f"{o.id}.risk", "rate", o.risk))
        out += _vat_drivers(costs, o)
    for r in costs.recurring:
        factors: tuple[str, ...] = ()
        if r.per_user is not None:
            out.append(Driver(f"{r.id}.per_user", "money", r.per_user))
        elif r.per_module is not None and r.modules is not None:
            out += [Driver(f"{r.id}.per_module", "money", r.per_module),
                    Driver(f"{r.id}.modules", "count", Decimal(r.modules))]
            factors = (f"{r.id}.per_module", f"{r.id}.modules")
        elif r.amount is not None:
            out.append(Driver(f"{r.id}.amount", "money", r.amount))
        elif r.amounts is not None:
            years = expand_yearly(r.amounts, n, r.ramp_rest)
            out += [Driver(f"{r.id}.y{t}", "money", v) for t, v in enumerate(years)]
            factors = tuple(f"{r.id}.y{t}" for t in range(n + 1))
        if r.amounts is None:
            out += [Driver(f"{r.id}.escalation", "rate", r.escalation),
                    Driver(f"{r.id}.start_year", "year", Decimal(r.start_year), sensitive=False),
                    Driver(f"{r.id}.end_year", "year",
                           Decimal(r.end_year if r.end_year is not None else n), sensitive=False)]
        if r.risk is not None:
            out.append(Driver(f"{r.id}.risk", "rate", r.risk))
        out += _vat_drivers(costs, r)
        specs.append(LineSpec(r.id, r.name, "recurring", r.category, r.basis, r.risk is not None,
                              yearly=r.amounts is not None, factors=factors,
                              capex=r.accounting == "capex"))
    for s in costs.staff:
        out += [Driver(f"{s.id}.hours", "hours", s.hours),
                Driver(f"{s.id}.people", "count", s.people),
                Driver(f"{s.id}.rate", "money", s.rate),
                Driver(f"{s.id}.escalation", "rate", s.escalation),
                Driver(f"{s.id}.start_year", "year", Decimal(s.start_year), sensitive=False),
                Driver(f"{s.id}.end_year", "year", Decimal(s.end_year if s.end_year is not None
                                                           else n), sensitive=False)]
        if s.risk is not None:
            out.append(Driver(f"{s.id}.risk", "rate", s.risk))
        out += _vat_drivers(costs, s)
        specs.append(LineSpec(s.id, s.name, "staff", s.category, "hours", s.risk is not None,
                              factors=(f"{s.id}.hours", f"{s.id}.people", f"{s.id}.rate"),
                              capex=s.accounting == "capex"))
    return out, specs


def _funding_drivers(costs: CostsFile) -> tuple[list[Driver], list[LineSpec]]:
    out: list[Driver] = []
    specs: list[LineSpec] = []
    for f in costs.funding:
        if f.amount is not None:
            out.append(Driver(f"{f.id}.amount", "money", f.amount))
        elif f.share is not None:
            out.append(Driver(f"{f.id}.share", "rate", f.share))
        out.append(Driver(f"{f.id}.year", "year", Decimal(f.year), sensitive=False))
        if f.risk is not None:
            out.append(Driver(f"{f.id}.risk", "rate", f.risk))
        specs.append(LineSpec(f.id, f.name, "funding", f.kind,
                              "amount" if f.amount is not None else "share", f.risk is not None))
    return out, specs


def _benefit_drivers(benefits: BenefitsFile,
                     horizon: int) -> tuple[list[Driver], list[LineSpec]]:
    out = [Driver("benefits.risk_adjustment", "rate", benefits.risk_adjustment)]
    specs: list[LineSpec] = []
    for b in benefits.benefits:
        if isinstance(b, CostAvoided | PlainAmount) and b.amounts is not None:
            years = expand_yearly(b.amounts, horizon, b.ramp_rest)
            out += [Driver(f"{b.id}.y{t}", "money", v) for t, v in enumerate(years)]
            if b.risk is not None:
                out.append(Driver(f"{b.id}.risk", "rate", b.risk))
            specs.append(LineSpec(b.id, b.name, "benefit", b.type, "yearly", b.risk is not None,
                                  yearly=True,
                                  factors=tuple(f"{b.id}.y{t}" for t in range(horizon + 1))))
            continue
        params = BENEFIT_PARAMS[b.type]
        for param, kind in params:
            out.append(Driver(f"{b.id}.{param}", kind, _benefit_value(b, param)))
        out.append(Driver(f"{b.id}.start_year", "year", Decimal(b.start_year), sensitive=False))
        ramp = b.ramp or ()
        for k, share in enumerate(ramp, start=1):
            out.append(Driver(f"{b.id}.ramp_{k}", "rate", share, sensitive=False))
        if b.risk is not None:
            out.append(Driver(f"{b.id}.risk", "rate", b.risk))
        if len(ramp) < horizon - b.start_year + 1 and b.ramp_rest is None:
            raise ValueError(f"{b.id}: ramp shorter than the horizon and no ramp_rest")
        specs.append(LineSpec(b.id, b.name, "benefit", b.type, b.type, b.risk is not None,
                              ramp_length=len(ramp), ramp_rest=b.ramp_rest or "last",
                              factors=tuple(f"{b.id}.{p}" for p, _ in params)
                              if len(params) > 1 else ()))
    return out, specs


def _benefit_value(b: RevenueUplift | TimeSaved | ChurnAvoided | CostAvoided | PlainAmount,
                   param: str) -> Decimal:
    value = getattr(b, param)
    if not isinstance(value, Decimal):
        raise TypeError(f"{b.id}.{param} is not a number")
    return value


def case_drivers(costs: CostsFile,
                 benefits: BenefitsFile | None) -> tuple[Structure, dict[str, Driver]]:
    """Return the structure of the case and its drivers by id, in input order."""
    drivers, cost_specs = _cost_drivers(costs)
    funding, funding_specs = _funding_drivers(costs)
    drivers += funding
    benefit_specs: list[LineSpec] = []
    if benefits is not None:
        more, benefit_specs = _benefit_drivers(benefits, costs.horizon_years)
        drivers += more
    structure = Structure(costs.horizon_years, tuple(cost_specs), tuple(benefit_specs),
                          tuple(funding_specs), has_users=costs.users is not None)
    return structure, {d.id: d for d in drivers}


def base_params(drivers: dict[str, Driver]) -> dict[str, Decimal]:
    """Return the base value of every driver."""
    return {k: d.base for k, d in drivers.items()}
