"""Tax and accounting views of a case: input VAT totals and the yearly P&L view.

- Amounts in the files are **net of VAT** (不含税). Input VAT on a line =
  amount × its VAT rate; recoverable (deductible) input VAT is not a cost,
  non-recoverable VAT is, and is already in the cash view's costs.
- P&L view (risk-adjusted): an opex line is expensed in its year; a capex line
  (with its non-recoverable VAT, which is part of the asset's cost) is
  amortised straight-line over ``amortisation_years`` starting the year after
  the spend (the asset is in use from then on); contingency is opex; funding
  is recognised in the year it is received. Amortisation after the horizon is
  the book value left at year N.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from crm_readiness.models.finance.results import LineFlow, PnlView, VatSummary


def _vat_cost(line: LineFlow) -> Decimal:
    rate = line.vat_rate or Decimal(0)
    return Decimal(0) if line.vat_recoverable else rate


def vat_summary(cost_lines: Sequence[LineFlow]) -> VatSummary:
    """Return the risk-adjusted input VAT totals of the cost lines."""
    excluding = Decimal(0)
    total = recoverable = Decimal(0)
    by_line: dict[str, Decimal] = {}
    for line in cost_lines:
        if line.kind == "vat":
            continue
        excluding += line.total_risk_adjusted
        if line.vat_rate is None:
            continue
        vat = line.total_risk_adjusted * line.vat_rate
        by_line[line.id] = vat
        total += vat
        if line.vat_recoverable:
            recoverable += vat
    return VatSummary(costs_excluding_vat=excluding, input_vat=total,
                      recoverable_vat=recoverable, non_recoverable_vat=total - recoverable,
                      costs_including_vat=excluding + total, by_line=by_line)


def pnl_view(cost_lines: Sequence[LineFlow], benefits: Sequence[Decimal],
             funding: Sequence[Decimal]) -> PnlView:
    """Return the yearly P&L view (risk-adjusted): opex + amortisation beside the cash view."""
    years = len(benefits)
    opex = [Decimal(0)] * years
    capex = [Decimal(0)] * years
    amortisation = [Decimal(0)] * years
    for line in cost_lines:
        if line.kind == "vat":
            continue
        gross = [a * (1 + _vat_cost(line)) for a in line.amounts_risk_adjusted]
        if line.accounting != "capex" or not line.amortisation_years:
            opex = [o + g for o, g in zip(opex, gross, strict=True)]
            continue
        n = line.amortisation_years
        for s, spend in enumerate(gross):
            capex[s] += spend
            for t in range(s + 1, min(s + n, years - 1) + 1):
                amortisation[t] += spend / n
    expenses = [o + a for o, a in zip(opex, amortisation, strict=True)]
    result = [b + f - e for b, f, e in zip(benefits, funding, expenses, strict=True)]
    return PnlView(opex=opex, capex=capex, amortisation=amortisation, expenses=expenses,
                   benefits=list(benefits), funding=list(funding), result=result,
                   book_value_end=sum(capex, Decimal(0)) - sum(amortisation, Decimal(0)))
