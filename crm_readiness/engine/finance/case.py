"""Assemble a :class:`FinanceCase` from validated costs (and benefits) files."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal, localcontext
from typing import Literal

from crm_readiness.engine.finance import benchmark
from crm_readiness.engine.finance.accounting import pnl_view, vat_summary
from crm_readiness.engine.finance.cashflow import Evaluated, LineAmounts, evaluate
from crm_readiness.engine.finance.drivers import Driver, Structure, base_params, case_drivers
from crm_readiness.engine.finance.metrics import CONTEXT, discount_factors, irr, payback, ratio
from crm_readiness.engine.finance.sensitivity import SensitivityOptions, sensitivity
from crm_readiness.models._base import Text
from crm_readiness.models.finance.inputs import BenefitsFile, CostsFile
from crm_readiness.models.finance.results import (
    Assumption,
    CaseView,
    FinanceCase,
    LineFlow,
    OptionValueResult,
    QualitativeItem,
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
               benefits: Sequence[Decimal], rate: Decimal, seats: Sequence[int],
               funding: Sequence[Decimal] | None = None) -> CaseView:
    """Return the cash flows and metrics of one basis (net = benefits + funding − costs)."""
    with localcontext(CONTEXT):
        funds = list(funding) if funding is not None else [Decimal(0)] * len(costs)
        factors = discount_factors(rate, len(costs) - 1)
        net = [b + f - c for b, f, c in zip(benefits, funds, costs, strict=True)]
        pv_costs = [c * f for c, f in zip(costs, factors, strict=True)]
        pv_benefits = [b * f for b, f in zip(benefits, factors, strict=True)]
        pv_funding = [x * f for x, f in zip(funds, factors, strict=True)]
        pv_net = [b + x - c for b, x, c in zip(pv_benefits, pv_funding, pv_costs, strict=True)]
        tco, tco_pv = sum(costs, Decimal(0)), sum(pv_costs, Decimal(0))
        fund, fund_pv = sum(funds, Decimal(0)), sum(pv_funding, Decimal(0))
        ben, ben_pv = sum(benefits, Decimal(0)), sum(pv_benefits, Decimal(0))
        user_years = sum(seats[1:])
        return CaseView(
            basis=basis, costs=list(costs), benefits=list(benefits), funding=funds, net=net,
            cumulative=_running(net), discount_factors=factors, pv_costs=pv_costs,
            pv_benefits=pv_benefits, pv_funding=pv_funding, pv_net=pv_net, tco_nominal=tco,
            tco_pv=tco_pv, funding_nominal=fund, funding_pv=fund_pv, tco_net_nominal=tco - fund,
            benefits_nominal=ben, benefits_pv=ben_pv, npv=sum(pv_net, Decimal(0)),
            roi_pv=ratio(ben_pv - (tco_pv - fund_pv), tco_pv - fund_pv),
            roi_simple=ratio(ben - (tco - fund), tco - fund),
            irr=irr(net), payback=payback(net), discounted_payback=payback(net, rate=rate),
            cost_per_user_year=tco / user_years if user_years else None)


def _flow(line: LineAmounts, sign: int, params: Mapping[str, Decimal]) -> LineFlow:
    amounts = [Decimal(a) for a in line.amounts]
    adjusted = [Decimal(a) for a in line.adjusted(sign)]
    i = line.spec.id
    extra: dict[str, object] = {}
    if line.spec.kind in ("one_time", "recurring", "staff"):
        years = params.get(f"{i}.amortisation_years")
        extra = {"vat_rate": params[f"{i}.vat_rate"],
                 "vat_recoverable": params[f"{i}.vat_recoverable"] == 1,
                 "accounting": "capex" if line.spec.capex else "opex",
                 "amortisation_years": int(years) if years is not None else None}
    elif line.spec.kind == "benefit" and not line.spec.yearly:
        extra = {"ramp_rest": line.spec.ramp_rest}
    return LineFlow(id=i, name=line.spec.name, kind=line.spec.kind,
                    category=line.spec.category, basis=line.spec.basis, risk=Decimal(line.risk),
                    amounts=amounts, amounts_risk_adjusted=adjusted,
                    total=sum(amounts, Decimal(0)), total_risk_adjusted=sum(adjusted, Decimal(0)),
                    **extra)


def _lines(ev: Evaluated, params: Mapping[str, Decimal]
           ) -> tuple[list[LineFlow], list[LineFlow], list[LineFlow]]:
    cost_lines = [_flow(line, +1, params) for line in ev.costs]
    contingency = [Decimal(a) for a in ev.contingency]
    if any(contingency):
        total = sum(contingency, Decimal(0))
        cost_lines.append(LineFlow(
            id="contingency", name="contingency", kind="contingency", category="contingency",
            basis="share", risk=Decimal(0), amounts=contingency,
            amounts_risk_adjusted=contingency, total=total, total_risk_adjusted=total))
    vat = [Decimal(a) for a in ev.vat_totals(False)]
    vat_adj = [Decimal(a) for a in ev.vat_totals(True)]
    if any(vat_adj):
        cost_lines.append(LineFlow(
            id="vat_non_recoverable", name="non-recoverable input VAT", kind="vat",
            category="vat", basis="vat", risk=Decimal(0), amounts=vat,
            amounts_risk_adjusted=vat_adj, total=sum(vat, Decimal(0)),
            total_risk_adjusted=sum(vat_adj, Decimal(0))))
    return (cost_lines, [_flow(line, -1, params) for line in ev.benefits],
            [_flow(line, -1, params) for line in ev.funding])


def _evaluate_views(structure: Structure, params: Mapping[str, Decimal]
                    ) -> tuple[Evaluated, list[int], CaseView, CaseView]:
    ev = evaluate(structure, params)
    seats = [int(s) for s in ev.seats]
    rate = params["discount_rate"]
    adjusted = build_view("risk_adjusted", [Decimal(c) for c in ev.cost_totals(True)],
                          [Decimal(b) for b in ev.benefit_totals(True)], rate, seats,
                          [Decimal(f) for f in ev.funding_totals(True)])
    unadjusted = build_view("unadjusted", [Decimal(c) for c in ev.cost_totals(False)],
                            [Decimal(b) for b in ev.benefit_totals(False)], rate, seats,
                            [Decimal(f) for f in ev.funding_totals(False)])
    return ev, seats, adjusted, unadjusted


def build_case(costs: CostsFile, benefits: BenefitsFile | None = None, *,
               options: SensitivityOptions | None = None, explore: bool = True) -> FinanceCase:
    """Return the TCO case (no benefits) or the ROI case, with sensitivity when benefits exist.

    ``explore=False`` skips the sensitivity (tornado, scenarios, Monte Carlo): the
    cash flows and metrics alone, for callers that need only those.
    """
    with localcontext(CONTEXT):
        structure, drivers = case_drivers(costs, benefits)
        params = base_params(drivers)
        ev, seats, adjusted, unadjusted = _evaluate_views(structure, params)
        cost_lines, benefit_lines, funding_lines = _lines(ev, params)
        given = {f.id: f for f in costs.funding}
        funding_lines = [f.model_copy(update={"conditions": given[f.id].conditions,
                                              "year": given[f.id].year})
                         for f in funding_lines]
        one_time_total, split = benchmark.one_time_split(cost_lines)
        sens = None
        if benefits is not None and explore:
            opts = options or SensitivityOptions.from_settings(benefits.sensitivity)
            sens = sensitivity(structure, drivers, params, opts)
        return FinanceCase(
            title=(benefits.title if benefits and benefits.title else None) or costs.title
            or costs.vendor or Text(en="CRM", zh="CRM"),
            vendor=costs.vendor, currency=costs.currency, horizon_years=costs.horizon_years,
            discount_rate=costs.discount_rate, deployment=costs.deployment,
            cost_risk=costs.risk_adjustment,
            benefit_risk=benefits.risk_adjustment if benefits else Decimal(0),
            contingency=costs.contingency, seats=seats, cost_lines=cost_lines,
            benefit_lines=benefit_lines, funding_lines=funding_lines, risk_adjusted=adjusted,
            unadjusted=unadjusted, vat=vat_summary(cost_lines),
            pnl=pnl_view(cost_lines, adjusted.benefits, adjusted.funding),
            company_size=costs.company_size,
            categories=benchmark.category_totals(cost_lines), one_time_total=one_time_total,
            split=split, missing_components=benchmark.missing_components(costs, cost_lines),
            not_applicable=dict(costs.not_applicable),
            flags=benchmark.flags(costs, cost_lines, one_time_total, split),
            assumptions=_assumptions(drivers), sensitivity=sens,
            qualitative=[QualitativeItem(**q.model_dump()) for q in benefits.qualitative]
            if benefits else [],
            option_value=_option(benefits, costs.discount_rate, adjusted.npv))


def _option(benefits: BenefitsFile | None, rate: Decimal,
            npv: Decimal) -> OptionValueResult | None:
    if benefits is None or benefits.option_value is None:
        return None
    o = benefits.option_value
    value = o.amount * o.probability
    pv = value / (1 + rate) ** o.year
    return OptionValueResult(id=o.id, name=o.name, amount=o.amount, year=o.year,
                             probability=o.probability, value_risk_adjusted=value, pv=pv,
                             in_headline=o.in_headline, npv_with_option=npv + pv)


def _assumptions(drivers: Mapping[str, Driver]) -> list[Assumption]:
    return [Assumption(driver=d.id, value=d.base, kind=d.kind) for d in drivers.values()]


def compare_tco(costs_files: Sequence[CostsFile], *, restated: bool = False) -> TcoComparison:
    """Return the cost cases side by side, ranked by risk-adjusted net TCO (file order on ties).

    The cases must be comparable (see :func:`comparable`); the caller checks first.
    """
    cases = [build_case(c) for c in costs_files]
    ranking = sorted(range(len(cases)), key=lambda i: (cases[i].risk_adjusted.tco_net_nominal, i))
    return TcoComparison(cases=cases, ranking=ranking,
                         horizon_years=costs_files[0].horizon_years if costs_files else 0,
                         restated=restated)
