"""The results, VAT, P&L and category sections of the Cash-flow sheet (live formulas).

- IRR: ``IRR(range, guess)`` seeded with the engine's IRR (so a spreadsheet's
  Newton iteration converges where the engine's bisection found the root —
  a losing case at −60% included), falling back to −50% and 10%; "not
  defined" exactly where the engine says so (sign changes ≠ 1, zeros skipped).
- Payback: the final crossing (largest interpolated crossing when the
  cumulative ends ≥ 0), undiscounted, discounted, and unadjusted IRR.
- VAT: input VAT, recoverable and non-recoverable, costs with and without VAT.
- P&L view: opex + straight-line amortisation of capex lines from the year
  after the spend, beside the cash view.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from crm_readiness.i18n import t
from crm_readiness.models.finance.results import IrrResult
from crm_readiness.render.finance import _xl
from crm_readiness.render.finance._xl import MONEY, RATE

if TYPE_CHECKING:
    from crm_readiness.render.finance._cashflow_sheet import Sheet


def _irr_formula(sheet: Sheet, net: int, sign: int, irr: IrrResult, not_defined: str) -> str:
    cols = sheet.cols
    tail = f"{cols[1]}{sign}:{cols[-1]}{sign}"
    head = f"C{sign}:{cols[-2]}{sign}" if len(cols) > 1 else f"C{sign}:C{sign}"
    changes = f"SUMPRODUCT(({tail}*{head}<0)*1)"
    guess = f"{irr.value:.12f}" if irr.value is not None else "0.1"
    span = sheet.span(net)
    return (f'IF({changes}=1,IFERROR(IRR({span},{guess}),IFERROR(IRR({span},-0.5),'
            f'IRR({span},0.1))),"{not_defined}")')


def _payback(sheet: Sheet, key: str, cum: int, never: str) -> str:
    cross = sheet.layout.rows[f"cross_{key}"]
    return (f'IF(ROUND({sheet.cols[-1]}{cum},6)<0,"{never}",'
            f"MAX(0,{sheet.span(cross)}))")


def _put(sheet: Sheet, items: list[tuple[str, str, str, str]]) -> None:
    for name, label, expression, fmt in items:
        r = sheet.label_row(label)
        _xl.formula(sheet.ws, f"C{r}", expression, fmt, bold=True)
        _xl.define(sheet.wb, name, sheet.ws.title, _xl.absolute("C", r))
        sheet.layout.rows[name] = r


def metrics(sheet: Sheet) -> None:
    """Write the named results: NPV, IRR, TCO, ROI, paybacks, cost per user."""
    lang, rows, cols, case = sheet.lang, sheet.layout.rows, sheet.cols, sheet.case
    sheet.row += 1
    sheet.label_row(t("finance.wb.results", lang), bold=True)
    net = rows["net"]
    rate = sheet.nm("discount_rate")
    not_defined = t("finance.wb.not_defined", lang).replace('"', "'")
    never = t("finance.payback.never", lang).replace('"', "'")
    tail = f"{cols[1]}{{r}}:{cols[-1]}{{r}}" if len(cols) > 1 else ""

    def npv(r: int) -> str:
        return f"C{r}+NPV({rate},{tail.format(r=r)})" if tail else f"C{r}"

    sums = {k: f"SUM({sheet.span(rows[k])})" for k in
            ("costs", "benefits", "funding", "pv_costs", "pv_benefits", "pv_funding",
             "costs_unadjusted", "benefits_unadjusted", "funding_unadjusted")}
    net_cost = "(out_tco_pv-out_funding_pv)"
    net_nominal = f"({sums['costs']}-{sums['funding']})"
    net_unadj = f"({sums['costs_unadjusted']}-{sums['funding_unadjusted']})"
    seats = f"SUM({sheet.span(rows['seats'], 1)})" if len(cols) > 1 else "0"
    items: list[tuple[str, str, str, str]] = [
        ("out_npv", t("finance.metric.npv", lang) + " — " +
         t("finance.basis.risk_adjusted", lang), npv(net), MONEY),
        ("out_npv_unadjusted", t("finance.wb.npv_unadj", lang), npv(rows["net_unadjusted"]),
         MONEY),
        ("out_irr", t("finance.metric.irr", lang),
         _irr_formula(sheet, net, rows["sign_net"], case.risk_adjusted.irr, not_defined),
         "0.0000%"),
        ("out_irr_unadjusted", t("finance.wb.irr_unadj", lang),
         _irr_formula(sheet, rows["net_unadjusted"], rows["sign_unadjusted"],
                      case.unadjusted.irr, not_defined), "0.0000%"),
        ("out_tco_nominal", t("finance.metric.tco_nominal", lang), sums["costs"], MONEY),
        ("out_tco_pv", t("finance.metric.tco_pv", lang), sums["pv_costs"], MONEY),
        ("out_tco_nominal_unadjusted", t("finance.wb.tco_unadj", lang),
         sums["costs_unadjusted"], MONEY),
        ("out_funding_nominal", t("finance.metric.funding_nominal", lang), sums["funding"],
         MONEY),
        ("out_funding_pv", t("finance.metric.funding_pv", lang), sums["pv_funding"], MONEY),
        ("out_tco_net_nominal", t("finance.metric.tco_net_nominal", lang), net_nominal, MONEY),
        ("out_benefits_nominal", t("finance.metric.benefits_nominal", lang),
         sums["benefits"], MONEY),
        ("out_benefits_pv", t("finance.metric.benefits_pv", lang), sums["pv_benefits"],
         MONEY),
        ("out_roi_pv", t("finance.metric.roi_pv", lang),
         f'IF({net_cost}=0,"",(out_benefits_pv-{net_cost})/{net_cost})', RATE),
        ("out_roi_simple", t("finance.wb.roi_simple_adj", lang),
         f'IF({net_nominal}=0,"",({sums["benefits"]}-{net_nominal})/{net_nominal})', RATE),
        ("out_roi_simple_unadjusted", t("finance.wb.roi_simple_unadj", lang),
         f'IF({net_unadj}=0,"",({sums["benefits_unadjusted"]}-{net_unadj})/{net_unadj})',
         RATE),
        ("out_payback_years", t("finance.wb.payback_years", lang),
         _payback(sheet, "net", rows["cumulative"], never), "0.000000"),
        ("out_payback_months", t("finance.wb.payback_months", lang),
         "IF(ISNUMBER(out_payback_years),out_payback_years*12,out_payback_years)", "0.00"),
        ("out_discounted_payback_years", t("finance.wb.dpayback_years", lang),
         _payback(sheet, "pv", rows["cumulative_pv"], never), "0.000000"),
        ("out_discounted_payback_months", t("finance.wb.dpayback_months", lang),
         "IF(ISNUMBER(out_discounted_payback_years),out_discounted_payback_years*12,"
         "out_discounted_payback_years)", "0.00"),
        ("out_cost_per_user_year", t("finance.metric.cost_per_user_year", lang),
         f'IF({seats}=0,"",out_tco_nominal/{seats})', MONEY),
    ]
    _put(sheet, items)


def accounting(sheet: Sheet) -> None:
    """Write the VAT totals and the P&L view (opex + amortisation) as live formulas."""
    lang, rows = sheet.lang, sheet.layout.rows
    first, last = sheet.layout.cost_span
    tc, rc, vc, ec, xc = (sheet.total_col, sheet.risk_col, sheet.vat_col, sheet.rec_col,
                          sheet.capex_col)
    has = last >= first

    def sp(*terms: str) -> str:
        return f"SUMPRODUCT({','.join(terms)})" if has else "0"

    def c(col: str) -> str:
        return sheet.col_span(col, first, last)

    adj = f"1+{c(rc)}"
    sheet.row += 1
    sheet.label_row(t("finance.vat", lang), bold=True)
    _put(sheet, [
        ("out_costs_excluding_vat", t("finance.vat.excluding", lang),
         f"{sp(c(tc), adj)}+{sheet.total_col}{rows['contingency']}", MONEY),
        ("out_vat_input", t("finance.vat.input", lang), sp(c(tc), adj, c(vc)), MONEY),
        ("out_vat_recoverable", t("finance.vat.recoverable", lang),
         sp(c(tc), adj, c(vc), c(ec)), MONEY),
        ("out_vat_non_recoverable", t("finance.vat.non_recoverable", lang),
         "out_vat_input-out_vat_recoverable", MONEY),
        ("out_costs_including_vat", t("finance.vat.including", lang),
         "out_costs_excluding_vat+out_vat_input", MONEY),
    ])
    sheet.row += 1
    sheet.label_row(t("finance.pnl", lang), bold=True)
    gross = f"(1+{c(rc)})*(1+{c(vc)}*(1-{c(ec)}))"
    capex = sheet.year_row(
        "pnl_capex", t("finance.pnl.capex", lang),
        lambda y, col, r: sp(f"{col}${first}:{col}${last}", f"{gross}*{c(xc)}"))
    opex = sheet.year_row("pnl_opex", t("finance.pnl.opex", lang),
                          lambda y, col, r: f"{col}{rows['costs']}-{col}{capex}")
    years = f"$C$4:${sheet.cols[-1]}$4"

    def amortisation(col: str) -> str:
        terms = []
        for r, n in sheet.layout.capex_rows:
            terms.append(f"SUMPRODUCT(({years}<{col}$4)*({years}>={col}$4-{n})*"
                         f"$C${r}:${sheet.cols[-1]}${r})*(1+${rc}${r})*(1+${vc}${r}*(1-${ec}${r}))"
                         f"/{n}")
        return "+".join(terms) or "0"

    amort = sheet.year_row("pnl_amortisation", t("finance.pnl.amortisation", lang),
                           lambda y, col, r: amortisation(col))
    expenses = sheet.year_row("pnl_expenses", t("finance.pnl.expenses", lang),
                              lambda y, col, r: f"{col}{opex}+{col}{amort}", bold=True)
    result = sheet.year_row("pnl_result", t("finance.pnl.result", lang),
                            lambda y, col, r: (f"{col}{rows['benefits']}+{col}{rows['funding']}"
                                               f"-{col}{expenses}"), bold=True)
    for key, r in (("pnl_capex", capex), ("pnl_opex", opex), ("pnl_amortisation", amort),
                   ("pnl_expenses", expenses), ("pnl_result", result)):
        sheet.name_row(f"out_{key}", r)
    _put(sheet, [("out_book_value_end", t("finance.pnl.book_value", lang),
                  f"{tc}{capex}-{tc}{amort}", MONEY)])


def categories(sheet: Sheet) -> None:
    """Write the risk-adjusted cost per category (the chart's data)."""
    lang, rows = sheet.lang, sheet.layout.rows
    sheet.row += 1
    sheet.label_row(t("finance.wb.by_category", lang), bold=True)
    first, last = rows["cost_lines"], rows["contingency"]
    lf, ll = sheet.layout.cost_span
    tc, rc, vc, ec = sheet.total_col, sheet.risk_col, sheet.vat_col, sheet.rec_col
    start = sheet.row
    for cat in sheet.case.categories:
        r = sheet.label_row(t(f"finance.cat.{cat.category}", lang), cat.category)
        if cat.category == "vat":
            expression = (f"SUMPRODUCT(${tc}${lf}:${tc}${ll},1+${rc}${lf}:${rc}${ll},"
                          f"${vc}${lf}:${vc}${ll}*(1-${ec}${lf}:${ec}${ll}))")
        else:
            expression = (f"SUMPRODUCT(($B${first}:$B${last}=B{r})*(${tc}${first}:${tc}${last})"
                          f"*(1+${rc}${first}:${rc}${last}))")
        _xl.formula(sheet.ws, f"C{r}", expression, MONEY)
    sheet.layout.category_rows = (start, sheet.row - 1)
