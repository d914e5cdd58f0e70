"""The Cash-flow sheet: every cost, benefit, PV, cumulative and metric a live formula.

Formulas refer to the Inputs sheet only through defined names (``in_…``);
results carry names too (``out_npv``, ``out_irr`` …) so a reader — or a test
— finds them. The formulas mirror ``crm_readiness.engine.finance.cashflow``
exactly (same seat rounding, escalation, contingency and risk rules), so a
spreadsheet recalculation equals the engine's figures to the cent.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from crm_readiness.engine.finance.drivers import BENEFIT_PARAMS
from crm_readiness.i18n import Lang, t
from crm_readiness.models.finance.results import FinanceCase, LineFlow
from crm_readiness.render.finance import _xl
from crm_readiness.render.finance._xl import FACTOR, MONEY, RATE, Names


@dataclass
class CashflowLayout:
    """Where the Cash-flow sheet put things (rows by key, output names)."""

    rows: dict[str, int] = field(default_factory=dict)
    category_rows: tuple[int, int] = (0, 0)
    last_col: str = "C"


class _Sheet:
    def __init__(self, wb: Any, ws: Worksheet, case: FinanceCase, names: Names,
                 lang: Lang) -> None:
        self.wb, self.ws, self.case, self.names, self.lang = wb, ws, case, names, lang
        self.n = case.horizon_years
        self.cols: list[str] = [get_column_letter(3 + y) for y in range(self.n + 1)]
        self.total_col: str = get_column_letter(4 + self.n)
        self.risk_col: str = get_column_letter(5 + self.n)
        self.layout = CashflowLayout(last_col=self.cols[-1])
        self.row = 1

    # -- helpers -------------------------------------------------------------
    def _n(self, driver: str) -> str:
        name: str = self.names[driver]
        return name

    def label_row(self, label: str, code: str | None = None, *, bold: bool = False) -> int:
        r = self.row
        _xl.text(self.ws, f"A{r}", label, bold=bold)
        if code is not None:
            _xl.text(self.ws, f"B{r}", code)
        self.row += 1
        return r

    def year_row(self, key: str, label: str, per_year: Any, fmt: str = MONEY, *,
                 total: bool = True, bold: bool = False, code: str | None = None) -> int:
        r = self.label_row(label, code, bold=bold)
        for y, col in enumerate(self.cols):
            _xl.formula(self.ws, f"{col}{r}", per_year(y, col, r), fmt, bold=bold)
        if total:
            _xl.formula(self.ws, f"{self.total_col}{r}", f"SUM(C{r}:{self.cols[-1]}{r})", fmt,
                        bold=bold)
        self.layout.rows[key] = r
        return r

    def span(self, r: int, first: int = 0) -> str:
        return f"{self.cols[first]}{r}:{self.cols[-1]}{r}"

    def name_row(self, name: str, r: int) -> None:
        _xl.define(self.wb, name, self.ws.title,
                   f"${self.cols[0]}${r}:${self.cols[-1]}${r}")

    # -- line formulas ---------------------------------------------------------
    def cost_formula(self, line: LineFlow, col: str) -> str:
        i, n = line.id, self._n
        year = f"{col}$4"
        if line.kind == "one_time":
            return f"IF({year}={n(i + '.year')},{n(i + '.amount')},0)"
        if line.kind == "staff":
            base = f"{n(i + '.hours')}*{n(i + '.people')}*{n(i + '.rate')}"
        elif line.basis == "per_user":
            base = f"{n(i + '.per_user')}*{col}${self.layout.rows['seats']}"
        elif line.basis == "per_module":
            base = f"{n(i + '.per_module')}*{n(i + '.modules')}"
        else:
            base = n(i + ".amount")
        start, end = n(i + ".start_year"), n(i + ".end_year")
        return (f"IF(AND({year}>={start},{year}<={end}),"
                f"{base}*(1+{n(i + '.escalation')})^({year}-{start}),0)")

    def benefit_formula(self, line: LineFlow, col: str) -> str:
        i, n = line.id, self._n
        year = f"{col}$4"
        value = "*".join(n(f"{i}.{p}") for p, _ in BENEFIT_PARAMS[line.category])
        ramps = [d for d in (f"{i}.ramp_{k}" for k in range(1, 100)) if d in self.names]
        start = n(i + ".start_year")
        pick = (f"CHOOSE(MAX(0,MIN({year}-{start},{len(ramps) - 1}))+1,"
                + ",".join(n(d) for d in ramps) + ")")
        return f"IF({year}>={start},{value}*{pick},0)"

    def risk_cell(self, r: int, line: LineFlow, default: str) -> None:
        own = f"{line.id}.risk"
        _xl.formula(self.ws, f"{self.risk_col}{r}", self._n(own) if own in self.names
                    else self._n(default), RATE)

    # -- sections ----------------------------------------------------------------
    def header(self) -> None:
        ws, lang = self.ws, self.lang
        _xl.text(ws, "A1", f"{t('finance.wb.cashflow', lang)} — {self.case.title}")
        ws["A1"].font = _xl.TITLE
        r = 3
        _xl.text(ws, f"A{r}", t("finance.item", lang), bold=True)
        _xl.text(ws, f"B{r}", t("finance.category", lang), bold=True)
        for y, col in enumerate(self.cols):
            _xl.text(ws, f"{col}{r}", t("finance.year", lang, year=y), bold=True)
            _xl.number(ws, f"{col}4", y)
        _xl.text(ws, f"{self.total_col}{r}", t("finance.total", lang), bold=True)
        _xl.text(ws, f"{self.risk_col}{r}", t("finance.wb.risk_share", lang), bold=True)
        _xl.text(ws, "A4", t("finance.year", lang, year="t"))
        self.row = 5
        seats = (f"ROUNDUP(ROUND({self._n('users.initial')}*(1+{self._n('users.growth')})"
                 "^MAX({col}$4-1,0),6),0)")
        self.year_row("seats", t("finance.row.seats", lang),
                      lambda y, col, r: seats.format(col=col), _xl.COUNT, total=False)
        self.name_row("out_seats", self.layout.rows["seats"])

    def costs(self) -> None:
        lang, rows = self.lang, self.layout.rows
        self.label_row(t("finance.cost_lines", lang), bold=True)
        lines = [ln for ln in self.case.cost_lines if ln.kind != "contingency"]
        first = self.row
        one_time_rows = []
        for line in lines:
            r = self.year_row(f"line:{line.id}", line.name,
                              lambda y, col, r, ln=line: self.cost_formula(ln, col),
                              code=line.category)
            self.risk_cell(r, line, "costs.risk_adjustment")
            if line.kind == "one_time":
                one_time_rows.append(r)
        last = self.row - 1
        onetime = (f"SUM({{col}}{one_time_rows[0]}:{{col}}{one_time_rows[-1]})"
                   if one_time_rows else "0")
        r = self.year_row("contingency", t("finance.cat.contingency", lang),
                          lambda y, col, r: f"{self._n('contingency')}*" + onetime.format(col=col),
                          code="contingency")
        _xl.number(self.ws, f"{self.risk_col}{r}", 0, RATE)
        rows["cost_lines"] = first
        self.year_row("costs_unadjusted", t("finance.row.costs_unadjusted", self.lang),
                      lambda y, col, r: f"SUM({col}{first}:{col}{rows['contingency']})")
        rc = self.risk_col
        self.year_row("cost_risk", t("finance.row.cost_risk", lang),
                      lambda y, col, r: (f"SUMPRODUCT({col}{first}:{col}{last},"
                                         f"${rc}${first}:${rc}${last})") if lines else "0")
        self.year_row("costs", t("finance.row.costs_adjusted", lang),
                      lambda y, col, r: f"{col}{rows['costs_unadjusted']}+{col}{rows['cost_risk']}",
                      bold=True)

    def benefits(self) -> None:
        lang, rows = self.lang, self.layout.rows
        self.label_row(t("finance.benefit_lines", lang), bold=True)
        first = self.row
        for line in self.case.benefit_lines:
            r = self.year_row(f"line:{line.id}", line.name,
                              lambda y, col, r, ln=line: self.benefit_formula(ln, col),
                              code=line.category)
            self.risk_cell(r, line, "benefits.risk_adjustment")
        last = self.row - 1
        has = bool(self.case.benefit_lines)
        rc = self.risk_col
        self.year_row("benefits_unadjusted", t("finance.row.benefits_unadjusted", lang),
                      lambda y, col, r: f"SUM({col}{first}:{col}{last})" if has else "0")
        self.year_row("benefit_risk", t("finance.row.benefit_risk", lang),
                      lambda y, col, r: (f"-SUMPRODUCT({col}{first}:{col}{last},"
                                         f"${rc}${first}:${rc}${last})") if has else "0")
        self.year_row("benefits", t("finance.row.benefits_adjusted", lang),
                      lambda y, col, r: (f"{col}{rows['benefits_unadjusted']}"
                                         f"+{col}{rows['benefit_risk']}"), bold=True)

    def flows(self) -> None:
        lang, rows = self.lang, self.layout.rows
        cols = self.cols

        def prev(col: str) -> str:
            return cols[cols.index(col) - 1]

        self.year_row("net", t("finance.row.net", lang),
                      lambda y, col, r: f"{col}{rows['benefits']}-{col}{rows['costs']}",
                      bold=True)
        self.year_row("cumulative", t("finance.row.cumulative", lang),
                      lambda y, col, r: (f"{col}{rows['net']}" if y == 0
                                         else f"{prev(col)}{r}+{col}{rows['net']}"), total=False)
        self.year_row("discount_factor", t("finance.row.discount_factor", lang),
                      lambda y, col, r: f"1/(1+{self._n('discount_rate')})^{col}$4", FACTOR,
                      total=False)
        df = rows["discount_factor"]
        for key, src in (("pv_costs", "costs"), ("pv_benefits", "benefits"), ("pv_net", "net")):
            self.year_row(key, t(f"finance.row.{key}", lang),
                          lambda y, col, r, s=src: f"{col}{rows[s]}*{col}{df}")
        self.year_row("net_unadjusted", t("finance.row.net_unadjusted", lang),
                      lambda y, col, r: (f"{col}{rows['benefits_unadjusted']}"
                                         f"-{col}{rows['costs_unadjusted']}"))
        self.year_row("cumulative_unadjusted", t("finance.row.cumulative_unadjusted", lang),
                      lambda y, col, r: (f"{col}{rows['net_unadjusted']}" if y == 0 else
                                         f"{prev(col)}{r}+{col}{rows['net_unadjusted']}"),
                      total=False)
        for key in ("costs", "benefits", "net", "cumulative", "pv_costs", "pv_benefits",
                    "costs_unadjusted", "benefits_unadjusted"):
            self.name_row(f"out_{key}", rows[key])
        self.row += 1
        self.label_row(t("finance.wb.helpers", lang), bold=True)
        net, cum = rows["net"], rows["cumulative"]
        self.year_row("sign", t("finance.wb.sign", lang),
                      lambda y, col, r: (f"SIGN({col}{net})" if y == 0 else
                                         f"IF(SIGN({col}{net})=0,{prev(col)}{r},SIGN({col}{net}))"),
                      "0", total=False)
        self.year_row("crossed", t("finance.wb.crossed", lang),
                      lambda y, col, r: (f"IF({col}{cum}>=0,1,0)" if y == 0 else
                                         f"IF(OR({prev(col)}{r}=1,{col}{cum}>=0),1,0)"),
                      "0", total=False)
        crossed = rows["crossed"]
        self.year_row("payback_part", t("finance.wb.payback_part", lang),
                      lambda y, col, r: ("0" if y == 0 else
                                         f"IF(AND({prev(col)}{crossed}=0,{col}{crossed}=1),"
                                         f"{y - 1}+(-{prev(col)}{cum})/{col}{net},0)"),
                      "0.000000", total=False)

    def metrics(self) -> None:
        lang, rows, cols = self.lang, self.layout.rows, self.cols
        self.row += 1
        self.label_row(t("finance.wb.results", lang), bold=True)
        net, sign = rows["net"], rows["sign"]
        rate = self._n("discount_rate")
        not_defined = t("finance.wb.not_defined", lang).replace('"', "'")
        never = t("finance.payback.never", lang).replace('"', "'")
        tail = f"{cols[1]}{{r}}:{cols[-1]}{{r}}"
        sums = {k: f"SUM({self.span(rows[k])})" for k in
                ("costs", "benefits", "pv_costs", "pv_benefits", "costs_unadjusted",
                 "benefits_unadjusted")}
        items: list[tuple[str, str, str, str]] = [
            ("out_npv", t("finance.metric.npv", lang) + " — " +
             t("finance.basis.risk_adjusted", lang),
             f"C{net}+NPV({rate},{tail.format(r=net)})", MONEY),
            ("out_npv_unadjusted", t("finance.wb.npv_unadj", lang),
             f"C{rows['net_unadjusted']}+NPV({rate},{tail.format(r=rows['net_unadjusted'])})",
             MONEY),
            ("out_sign_changes", t("finance.wb.sign_changes", lang),
             f"SUMPRODUCT(({tail.format(r=sign)}*C{sign}:{cols[-2]}{sign}<0)*1)", "0"),
            ("out_irr", t("finance.metric.irr", lang),
             f'IF(out_sign_changes=1,IRR({self.span(net)},0.1),"{not_defined}")', "0.0000%"),
            ("out_tco_nominal", t("finance.metric.tco_nominal", lang), sums["costs"], MONEY),
            ("out_tco_pv", t("finance.metric.tco_pv", lang), sums["pv_costs"], MONEY),
            ("out_tco_nominal_unadjusted", t("finance.wb.tco_unadj", lang),
             sums["costs_unadjusted"], MONEY),
            ("out_benefits_nominal", t("finance.metric.benefits_nominal", lang),
             sums["benefits"], MONEY),
            ("out_benefits_pv", t("finance.metric.benefits_pv", lang), sums["pv_benefits"],
             MONEY),
            ("out_roi_pv", t("finance.metric.roi_pv", lang),
             'IF(out_tco_pv=0,"",(out_benefits_pv-out_tco_pv)/out_tco_pv)', RATE),
            ("out_roi_simple", t("finance.wb.roi_simple_adj", lang),
             f"IF({sums['costs']}=0,\"\",({sums['benefits']}-{sums['costs']})/{sums['costs']})",
             RATE),
            ("out_roi_simple_unadjusted", t("finance.wb.roi_simple_unadj", lang),
             f"IF({sums['costs_unadjusted']}=0,\"\",({sums['benefits_unadjusted']}"
             f"-{sums['costs_unadjusted']})/{sums['costs_unadjusted']})", RATE),
            ("out_payback_years", t("finance.wb.payback_years", lang),
             f"IF(C{rows['cumulative']}>=0,0,IF({cols[-1]}{rows['crossed']}=1,"
             f"SUM({self.span(rows['payback_part'], 1)}),\"{never}\"))", "0.000000"),
            ("out_payback_months", t("finance.wb.payback_months", lang),
             "IF(ISNUMBER(out_payback_years),out_payback_years*12,out_payback_years)", "0.00"),
            ("out_cost_per_user_year", t("finance.metric.cost_per_user_year", lang),
             f"out_tco_nominal/SUM({self.span(rows['seats'], 1)})", MONEY),
        ]
        for name, label, expression, fmt in items:
            r = self.label_row(label)
            _xl.formula(self.ws, f"C{r}", expression, fmt, bold=True)
            _xl.define(self.wb, name, self.ws.title, _xl.absolute("C", r))
            rows[name] = r

    def categories(self) -> None:
        lang, rows = self.lang, self.layout.rows
        self.row += 1
        self.label_row(t("finance.wb.by_category", lang), bold=True)
        first, last = rows["cost_lines"], rows["contingency"]
        tc, rc = self.total_col, self.risk_col
        start = self.row
        for cat in self.case.categories:
            r = self.label_row(t(f"finance.cat.{cat.category}", lang), cat.category)
            _xl.formula(self.ws, f"C{r}",
                        f"SUMPRODUCT(($B${first}:$B${last}=B{r})*(${tc}${first}:${tc}${last})"
                        f"*(1+${rc}${first}:${rc}${last}))", MONEY)
        self.layout.category_rows = (start, self.row - 1)


def write_cashflow(wb: Any, ws: Worksheet, case: FinanceCase, names: Names,
                   lang: Lang) -> CashflowLayout:
    """Fill ``ws`` with the live cash-flow model of ``case`` and return its layout."""
    sheet = _Sheet(wb, ws, case, names, lang)
    sheet.header()
    sheet.costs()
    sheet.benefits()
    sheet.flows()
    sheet.metrics()
    sheet.categories()
    ws.column_dimensions["A"].width = 52
    ws.column_dimensions["B"].width = 18
    for col in [*sheet.cols, sheet.total_col]:
        ws.column_dimensions[col].width = 16
    ws.freeze_panes = "C5"
    return sheet.layout
