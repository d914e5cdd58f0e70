"""The finance workbook (openpyxl): Inputs, a live Cash-flow model, a Sensitivity snapshot.

- *Inputs*: every assumption of the case is one cell with a defined name
  (``in_<driver>``) and a comment saying what it is;
- *Cash flow*: costs, benefits, present values, cumulative, NPV (``NPV``),
  IRR (``IRR``), ROI, payback and cost per user are live formulas over the
  inputs (see :mod:`._cashflow_sheet`); charts of the cumulative cash flow
  and the cost breakdown;
- *Sensitivity*: tornado, scenarios, Monte Carlo and break-even as values,
  labelled as a snapshot, with a tornado chart.

Text from input files is always written as text (never a formula).
openpyxl stores no cached results: Excel and LibreOffice compute on open.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from openpyxl import Workbook
from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.chart.series import SeriesLabel
from openpyxl.worksheet.worksheet import Worksheet

from crm_readiness.i18n import Lang, t
from crm_readiness.models.finance.results import FinanceCase, SensitivityResult
from crm_readiness.render.cells import workbook_bytes
from crm_readiness.render.finance import _xl
from crm_readiness.render.finance import labels as lb
from crm_readiness.render.finance._cashflow_sheet import CashflowLayout, write_cashflow
from crm_readiness.render.finance.report import scenario_label

_FORMATS = {"money": _xl.MONEY, "rate": _xl.RATE, "count": _xl.COUNT, "hours": _xl.COUNT,
            "year": "0", "flag": "0"}


def _inputs(wb: Any, ws: Worksheet, case: FinanceCase, lang: Lang) -> _xl.Names:
    names = _xl.Names()
    line_names = lb.line_names(case, lang)
    _xl.text(ws, "A1", f"{t('finance.wb.inputs', lang)} — {case.title.get(lang)}")
    ws["A1"].font = _xl.TITLE
    _xl.text(ws, "A2", t("finance.wb.inputs_note", lang, years=case.horizon_years))
    for col, key in zip("ABCDE", ("finance.driver", "finance.wb.description", "finance.value",
                                  "finance.wb.kind", "finance.wb.name"), strict=True):
        _xl.text(ws, f"{col}4", t(key, lang), bold=True)
        ws[f"{col}4"].fill = _xl.HEAD_FILL
    for r, a in enumerate(case.assumptions, start=5):
        name = names.add(a.driver)
        label = lb.driver_label(a.driver, line_names, lang)
        kind = t(f"finance.kind.{a.kind}", lang)
        _xl.text(ws, f"A{r}", a.driver)
        _xl.text(ws, f"B{r}", label)
        _xl.number(ws, f"C{r}", a.value, _FORMATS[a.kind])
        ws[f"C{r}"].fill = _xl.INPUT_FILL
        _xl.comment(ws, f"C{r}", f"{label}\n({kind}; {a.driver})")
        _xl.text(ws, f"D{r}", kind)
        _xl.text(ws, f"E{r}", name)
        _xl.define(wb, name, ws.title, _xl.absolute("C", r))
    ws.column_dimensions["A"].width = 34
    ws.column_dimensions["B"].width = 64
    ws.column_dimensions["C"].width = 18
    ws.column_dimensions["D"].width = 16
    ws.column_dimensions["E"].width = 36
    ws.freeze_panes = "A5"
    return names


def _charts(ws: Worksheet, case: FinanceCase, layout: CashflowLayout, lang: Lang) -> None:
    n = case.horizon_years
    years = Reference(ws, min_col=3, max_col=3 + n, min_row=3, max_row=3)
    line = LineChart()
    line.title = t("finance.chart.cumulative", lang)
    line.height, line.width = 8, 16
    for key, basis in (("cumulative", "risk_adjusted"), ("cumulative_unadjusted", "unadjusted")):
        r = layout.rows[key]
        line.add_data(Reference(ws, min_col=3, max_col=3 + n, min_row=r, max_row=r),
                      from_rows=True, titles_from_data=False)
        line.series[-1].tx = SeriesLabel(v=t(f"finance.basis.{basis}", lang))
    line.set_categories(years)
    anchor = layout.category_rows[1] + 3
    ws.add_chart(line, f"A{anchor}")
    first, last = layout.category_rows
    if last >= first:
        bar = BarChart()
        bar.type = "bar"
        bar.title = t("finance.chart.breakdown", lang)
        bar.height, bar.width = 8, 16
        bar.add_data(Reference(ws, min_col=3, min_row=first, max_row=last),
                     titles_from_data=False)
        bar.series[0].tx = SeriesLabel(v=t("finance.amount", lang))
        bar.set_categories(Reference(ws, min_col=1, min_row=first, max_row=last))
        bar.legend = None
        ws.add_chart(bar, f"E{anchor}")


def _sensitivity(ws: Worksheet, case: FinanceCase, sens: SensitivityResult,
                 lang: Lang) -> None:
    names = lb.line_names(case, lang)
    kinds = {a.driver: a.kind for a in case.assumptions}
    _xl.text(ws, "A1", f"{t('finance.wb.sensitivity', lang)} — {case.title.get(lang)}")
    ws["A1"].font = _xl.TITLE
    _xl.text(ws, "A2", t("finance.wb.sensitivity_note", lang))
    r = 4
    _xl.text(ws, f"A{r}", t("finance.chart.tornado", lang, swing=lb.pct(sens.swing, 0)), bold=True)
    r += 1
    heads = ("finance.driver", "finance.base", "finance.low", "finance.high", "finance.npv_low",
             "finance.npv_high", "finance.swing")
    for col, key in zip("ABCDEFG", heads, strict=True):
        _xl.text(ws, f"{col}{r}", t(key, lang), bold=True)
    top = r + 1
    for row in sens.tornado:
        r += 1
        fmt = _FORMATS[row.kind]
        _xl.text(ws, f"A{r}", lb.tornado_label(row, names, lang))
        for col, value, f in (("B", row.base, fmt), ("C", row.low_value, fmt),
                              ("D", row.high_value, fmt), ("E", row.npv_low, _xl.MONEY),
                              ("F", row.npv_high, _xl.MONEY), ("G", row.swing, _xl.MONEY)):
            _xl.number(ws, f"{col}{r}", value, f)
    if sens.tornado:
        chart = BarChart()
        chart.type = "bar"
        chart.title = t("finance.tornado", lang)
        chart.height, chart.width = 9, 16
        bottom = min(r, top + 9)
        chart.add_data(Reference(ws, min_col=5, max_col=6, min_row=top - 1, max_row=bottom),
                       titles_from_data=True)
        chart.set_categories(Reference(ws, min_col=1, min_row=top, max_row=bottom))
        chart.y_axis.title = t("finance.metric.npv", lang)
        ws.add_chart(chart, "I4")
    r += 2
    _xl.text(ws, f"A{r}", t("finance.scenarios", lang), bold=True)
    r += 1
    for col, key in zip("ABCDE", ("finance.scenario", "finance.metric.npv", "finance.metric.roi_pv",
                                  "finance.metric.irr", "finance.metric.payback"), strict=True):
        _xl.text(ws, f"{col}{r}", t(key, lang), bold=True)
    for s in sens.scenarios:
        r += 1
        _xl.text(ws, f"A{r}", scenario_label(s, lang))
        _xl.number(ws, f"B{r}", s.npv, _xl.MONEY)
        if s.roi_pv is not None:
            _xl.number(ws, f"C{r}", s.roi_pv, _xl.RATE)
        if s.irr is not None:
            _xl.number(ws, f"D{r}", s.irr, _xl.RATE)
        if s.payback_months is not None:
            _xl.number(ws, f"E{r}", s.payback_months, "0.0")
    mc = sens.monte_carlo
    r += 2
    _xl.text(ws, f"A{r}", t("finance.monte_carlo", lang), bold=True)
    _xl.text(ws, f"B{r}", t("finance.mc.note", lang, draws=mc.draws, seed=mc.seed))
    stats: tuple[tuple[str, Decimal, str], ...] = (
        ("P10", mc.npv_p10, _xl.MONEY), ("P50", mc.npv_p50, _xl.MONEY),
        ("P90", mc.npv_p90, _xl.MONEY), (t("finance.mc.mean", lang), mc.npv_mean, _xl.MONEY),
        (t("finance.mc.prob", lang), mc.probability_positive, _xl.RATE))
    for label, stat, fmt in stats:
        r += 1
        _xl.text(ws, f"A{r}", label)
        _xl.number(ws, f"B{r}", stat, fmt)
    be = sens.break_even
    if be is not None:
        r += 2
        _xl.text(ws, f"A{r}", t("finance.break_even", lang), bold=True)
        r += 1
        kind = "money" if be.line else kinds[be.driver]
        _xl.text(ws, f"A{r}", lb.break_even_label(be, names, lang))
        _xl.number(ws, f"B{r}", be.base, _FORMATS[kind])
        if be.value is not None:
            _xl.number(ws, f"C{r}", be.value, _FORMATS[kind])
    ws.column_dimensions["A"].width = 60
    for col in "BCDEFG":
        ws.column_dimensions[col].width = 16


def render_workbook(case: FinanceCase, lang: Lang) -> bytes:
    """Return the finance workbook of ``case`` as xlsx bytes."""
    wb = Workbook()
    inputs = wb.active
    assert inputs is not None
    inputs.title = t("finance.wb.inputs", lang)
    names = _inputs(wb, inputs, case, lang)
    flow = wb.create_sheet(t("finance.wb.cashflow", lang))
    layout = write_cashflow(wb, flow, case, names, lang)
    _charts(flow, case, layout, lang)
    if case.sensitivity is not None:
        _sensitivity(wb.create_sheet(t("finance.wb.sensitivity", lang)), case,
                     case.sensitivity, lang)
    wb.calculation.fullCalcOnLoad = True
    return workbook_bytes(wb)
