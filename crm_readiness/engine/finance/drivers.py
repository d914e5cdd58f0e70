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

from crm_readiness.models.finance.inputs import (
    BenefitsFile,
    ChurnAvoided,
    CostAvoided,
    CostsFile,
    PlainAmount,
    RevenueUplift,
    TimeSaved,
)

DriverKind = Literal["money", "rate", "count", "hours", "year"]
LineKind = Literal["one_time", "recurring", "staff", "benefit"]

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
    name: str
    kind: LineKind
    category: str
    basis: str
    has_own_risk: bool
    ramp_length: int = 0


@dataclass(frozen=True)
class Structure:
    """Everything about a case that is not a number: horizon and lines."""

    horizon: int
    cost_lines: tuple[LineSpec, ...]
    benefit_lines: tuple[LineSpec, ...]

    @property
    def years(self) -> range:
        """Return years 0..N."""
        return range(self.horizon + 1)


def _cost_drivers(costs: CostsFile) -> tuple[list[Driver], list[LineSpec]]:
    out = [
        Driver("discount_rate", "rate", costs.discount_rate),
        Driver("users.initial", "count", Decimal(costs.users.initial)),
        Driver("users.growth", "rate", costs.users.growth),
        Driver("contingency", "rate", costs.contingency),
        Driver("costs.risk_adjustment", "rate", costs.risk_adjustment),
    ]
    specs: list[LineSpec] = []
    n = costs.horizon_years
    for o in costs.one_time:
        out += [Driver(f"{o.id}.amount", "money", o.amount),
                Driver(f"{o.id}.year", "year", Decimal(o.year), sensitive=False)]
        specs.append(LineSpec(o.id, o.name, "one_time", o.category, "once", o.risk is not None))
        if o.risk is not None:
            out.append(Driver(f"{o.id}.risk", "rate", o.risk))
    for r in costs.recurring:
        if r.per_user is not None:
            out.append(Driver(f"{r.id}.per_user", "money", r.per_user))
        elif r.per_module is not None and r.modules is not None:
            out += [Driver(f"{r.id}.per_module", "money", r.per_module),
                    Driver(f"{r.id}.modules", "count", Decimal(r.modules))]
        elif r.amount is not None:
            out.append(Driver(f"{r.id}.amount", "money", r.amount))
        out += [Driver(f"{r.id}.escalation", "rate", r.escalation),
                Driver(f"{r.id}.start_year", "year", Decimal(r.start_year), sensitive=False),
                Driver(f"{r.id}.end_year", "year", Decimal(r.end_year if r.end_year is not None
                                                           else n), sensitive=False)]
        if r.risk is not None:
            out.append(Driver(f"{r.id}.risk", "rate", r.risk))
        specs.append(LineSpec(r.id, r.name, "recurring", r.category, r.basis, r.risk is not None))
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
        specs.append(LineSpec(s.id, s.name, "staff", s.category, "hours", s.risk is not None))
    return out, specs


def _benefit_drivers(benefits: BenefitsFile) -> tuple[list[Driver], list[LineSpec]]:
    out = [Driver("benefits.risk_adjustment", "rate", benefits.risk_adjustment)]
    specs: list[LineSpec] = []
    for b in benefits.benefits:
        for param, kind in BENEFIT_PARAMS[b.type]:
            out.append(Driver(f"{b.id}.{param}", kind, _benefit_value(b, param)))
        out.append(Driver(f"{b.id}.start_year", "year", Decimal(b.start_year), sensitive=False))
        for k, share in enumerate(b.ramp, start=1):
            out.append(Driver(f"{b.id}.ramp_{k}", "rate", share, sensitive=False))
        if b.risk is not None:
            out.append(Driver(f"{b.id}.risk", "rate", b.risk))
        specs.append(LineSpec(b.id, b.name, "benefit", b.type, b.type, b.risk is not None,
                              ramp_length=len(b.ramp)))
    return out, specs


def _benefit_value(b: RevenueUplift | TimeSaved | ChurnAvoided | CostAvoided | PlainAmount,
                   param: str) -> Decimal:
    value = getattr(b, param)
    assert isinstance(value, Decimal)
    return value


def case_drivers(costs: CostsFile,
                 benefits: BenefitsFile | None) -> tuple[Structure, dict[str, Driver]]:
    """Return the structure of the case and its drivers by id, in input order."""
    drivers, cost_specs = _cost_drivers(costs)
    benefit_specs: list[LineSpec] = []
    if benefits is not None:
        more, benefit_specs = _benefit_drivers(benefits)
        drivers += more
    structure = Structure(costs.horizon_years, tuple(cost_specs), tuple(benefit_specs))
    return structure, {d.id: d for d in drivers}


def base_params(drivers: dict[str, Driver]) -> dict[str, Decimal]:
    """Return the base value of every driver."""
    return {k: d.base for k, d in drivers.items()}
