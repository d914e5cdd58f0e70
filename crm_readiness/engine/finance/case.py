"""Assemble a :class:`FinanceCase` from validated costs (and benefits) files."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal, localcontext
from typing import Literal

from crm_readiness.engine.finance import benchmark
from crm_readiness.engine.finance.cashflow import Evaluated, LineAmounts, evaluate
from crm_readiness.engine.finance.drivers import Driver, Structure, base_params, case_drivers
from crm_readiness.engine.finance.metrics import CONTEXT, discount_factors, irr, payback, ratio
from crm_readiness.engine.finance.sensitivity import SensitivityOptions, sensitivity
from crm_readiness.models.finance.inputs import BenefitsFile, CostsFile
from crm_readiness.models.finance.results import (
    Assumption,
    CaseView,
    FinanceCase,
    LineFlow,
    TcoComparison,
)


def _running(values: Sequence[Decimal]) -> list[Decimal]:
    out: list[Decimal] = []
    total = Decimal(0)
    for v in values:
        total += v
        out.append(total)
    return out


def build_view(basis: Literal["risk_adjusted", "unadjusted"], costs: Sequence[Decimal],
               benefits: Sequence[Decimal], rate: Decimal, seats: Sequence[int]) -> CaseView:
    """Return the cash flows and metrics of one basis."""
    with localcontext(CONTEXT):
        factors = discount_factors(rate, len(costs) - 1)
        net = [b - c for b, c in zip(benefits, costs, strict=True)]
        pv_costs = [c * f for c, f in zip(costs, factors, strict=True)]
        pv_benefits = [b * f for b, f in zip(benefits, factors, strict=True)]
        pv_net = [b - c for b, c in zip(pv_benefits, pv_costs, strict=True)]
        tco, tco_pv = sum(costs, Decimal(0)), sum(pv_costs, Decimal(0))
        ben, ben_pv = sum(benefits, Decimal(0)), sum(pv_benefits, Decimal(0))
        user_years = sum(seats[1:])
        return CaseView(
            basis=basis, costs=list(costs), benefits=list(benefits), net=net,
            cumulative=_running(net), discount_factors=factors, pv_costs=pv_costs,
            pv_benefits=pv_benefits, pv_net=pv_net, tco_nominal=tco, tco_pv=tco_pv,
            benefits_nominal=ben, benefits_pv=ben_pv, npv=sum(pv_net, Decimal(0)),
            roi_pv=ratio(ben_pv - tco_pv, tco_pv), roi_simple=ratio(ben - tco, tco),
            irr=irr(net), payback=payback(net), discounted_payback=payback(net, rate=rate),
            cost_per_user_year=tco / user_years)


def _flow(line: LineAmounts, sign: int) -> LineFlow:
    amounts = [Decimal(a) for a in line.amounts]
    adjusted = [Decimal(a) for a in line.adjusted(sign)]
    return LineFlow(id=line.spec.id, name=line.spec.name, kind=line.spec.kind,
                    category=line.spec.category, basis=line.spec.basis, risk=Decimal(line.risk),
                    amounts=amounts, amounts_risk_adjusted=adjusted,
                    total=sum(amounts, Decimal(0)), total_risk_adjusted=sum(adjusted, Decimal(0)))


def _lines(ev: Evaluated) -> tuple[list[LineFlow], list[LineFlow]]:
    cost_lines = [_flow(line, +1) for line in ev.costs]
    contingency = [Decimal(a) for a in ev.contingency]
    if any(contingency):
        total = sum(contingency, Decimal(0))
        cost_lines.append(LineFlow(
            id="contingency", name="contingency", kind="contingency", category="contingency",
            basis="share", risk=Decimal(0), amounts=contingency,
            amounts_risk_adjusted=contingency, total=total, total_risk_adjusted=total))
    return cost_lines, [_flow(line, -1) for line in ev.benefits]


def _evaluate_views(structure: Structure, params: Mapping[str, Decimal]
                    ) -> tuple[Evaluated, list[int], CaseView, CaseView]:
    ev = evaluate(structure, params)
    seats = [int(s) for s in ev.seats]
    rate = params["discount_rate"]
    adjusted = build_view("risk_adjusted", [Decimal(c) for c in ev.cost_totals(True)],
                          [Decimal(b) for b in ev.benefit_totals(True)], rate, seats)
    unadjusted = build_view("unadjusted", [Decimal(c) for c in ev.cost_totals(False)],
                            [Decimal(b) for b in ev.benefit_totals(False)], rate, seats)
    return ev, seats, adjusted, unadjusted


def build_case(costs: CostsFile, benefits: BenefitsFile | None = None, *,
               options: SensitivityOptions | None = None) -> FinanceCase:
    """Return the TCO case (no benefits) or the ROI case, with sensitivity when benefits exist."""
    with localcontext(CONTEXT):
        structure, drivers = case_drivers(costs, benefits)
        params = base_params(drivers)
        ev, seats, adjusted, unadjusted = _evaluate_views(structure, params)
        cost_lines, benefit_lines = _lines(ev)
        one_time_total, split = benchmark.one_time_split(cost_lines)
        sens = None
        if benefits is not None:
            opts = options or SensitivityOptions.from_settings(benefits.sensitivity)
            sens = sensitivity(structure, drivers, params, opts)
        return FinanceCase(
            title=(benefits.title if benefits and benefits.title else None) or costs.title
            or costs.vendor or "CRM",
            vendor=costs.vendor, currency=costs.currency, horizon_years=costs.horizon_years,
            discount_rate=costs.discount_rate, deployment=costs.deployment,
            cost_risk=costs.risk_adjustment,
            benefit_risk=benefits.risk_adjustment if benefits else Decimal(0),
            contingency=costs.contingency, seats=seats, cost_lines=cost_lines,
            benefit_lines=benefit_lines, risk_adjusted=adjusted, unadjusted=unadjusted,
            categories=benchmark.category_totals(cost_lines), one_time_total=one_time_total,
            split=split, missing_components=benchmark.missing_components(costs, cost_lines),
            not_applicable=dict(costs.not_applicable),
            flags=benchmark.flags(costs, cost_lines, one_time_total, split),
            assumptions=_assumptions(drivers), sensitivity=sens)


def _assumptions(drivers: Mapping[str, Driver]) -> list[Assumption]:
    return [Assumption(driver=d.id, value=d.base, kind=d.kind) for d in drivers.values()]


def compare_tco(costs_files: Sequence[CostsFile]) -> TcoComparison:
    """Return the cost cases side by side, ranked by risk-adjusted nominal TCO."""
    cases = [build_case(c) for c in costs_files]
    ranking = sorted(range(len(cases)), key=lambda i: cases[i].risk_adjusted.tco_nominal)
    return TcoComparison(cases=cases, ranking=ranking)
