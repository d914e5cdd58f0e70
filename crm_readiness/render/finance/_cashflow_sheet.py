"""The Cash-flow sheet: every cost, benefit, funding, PV and cumulative a live formula.

Formulas refer to the Inputs sheet only through defined names (``in_…``);
results carry names too (``out_npv``, ``out_irr`` …) so a reader — or a test
— finds them. The formulas mirror ``crm_readiness.engine.finance.cashflow``
exactly (same seat rounding, escalation, contingency, VAT and risk rules), so a
spreadsheet recalculation equals the engine's figures to the cent. The results,
VAT and P&L sections are in :mod:`._results_sheet`.
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

_SIGN_KEYS = {"net": "finance.wb.sign_net", "pv": "finance.wb.sign_pv",
              "unadjusted": "finance.wb.sign_unadjusted"}
_CROSS_KEYS = {"net": "finance.wb.cross_net", "pv": "finance.wb.cross_pv",
               "unadjusted": "finance.wb.cross_unadjusted"}


@dataclass
class CashflowLayout:
    """Where the Cash-flow sheet put things (rows by key, output names)."""

    rows: dict[str, int] = field(default_factory=dict)
    category_rows: tuple[int, int] = (0, 0)
    last_col: str = "C"
    #: first and last row of the cost lines (contingency and VAT rows excluded).
    cost_span: tuple[int, int] = (0, -1)
    capex_rows: list[tuple[int, str]] = field(default_factory=list)


class Sheet:
    """The state of the Cash-flow sheet being written (columns, current row, names)."""

    def __init__(self, wb: Any, ws: Worksheet, case: FinanceCase, names: Names,
                 lang: Lang) -> None:
        self.wb, self.ws, self.case, self.names, self.lang = wb, ws, case, names, lang
        self.n = case.horizon_years
        self.cols: list[str] = [get_column_letter(3 + y) for y in range(self.n + 1)]
        self.total_col: str = get_column_letter(4 + self.n)
        self.risk_col: str = get_column_letter(5 + self.n)
        self.vat_col: str = get_column_letter(6 + self.n)
        self.rec_col: str = get_column_letter(7 + self.n)
        self.capex_col: str = get_column_letter(8 + self.n)
        self.layout = CashflowLayout(last_col=self.cols[-1])
        self.row = 1

    # -- helpers -------------------------------------------------------------
    def nm(self, driver: str) -> str:
        """Return the defined name of ``driver``."""
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

    def col_span(self, col: str, first: int, last: int, absolute: bool = True) -> str:
        d = "$" if absolute else ""
        return f"{d}{col}${first}:{d}{col}${last}"

    def prev(self, col: str) -> str:
        return self.cols[self.cols.index(col) - 1]

    def name_row(self, name: str, r: int) -> None:
        _xl.define(self.wb, name, self.ws.title, f"${self.cols[0]}${r}:${self.cols[-1]}${r}")

    # -- line formulas ---------------------------------------------------------
    def cost_formula(self, line: LineFlow, y: int, col: str) -> str:
        i, n = line.id, self.nm
        year = f"{col}$4"
        if line.basis == "yearly":
            return n(f"{i}.y{y}")
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

    def benefit_formula(self, line: LineFlow, y: int, col: str) -> str:
        i, n = line.id, self.nm
        if line.basis == "yearly":
            return n(f"{i}.y{y}")
        year = f"{col}$4"
        value = "*".join(n(f"{i}.{p}") for p, _ in BENEFIT_PARAMS[line.category])
        ramps = [d for d in (f"{i}.ramp_{k}" for k in range(1, 100)) if d in self.names]
        start = n(i + ".start_year")
        pick = (f"CHOOSE(MAX(0,MIN({year}-{start},{len(ramps) - 1}))+1,"
                + ",".join(n(d) for d in ramps) + ")")
        if line.ramp_rest == "zero":
            pick = f"IF({year}-{start}>={len(ramps)},0,{pick})"
        return f"IF({year}>={start},{value}*{pick},0)"

    def funding_formula(self, line: LineFlow, col: str) -> str:
        i, n = line.id, self.nm
        first, last = self.layout.rows["one_time_first"], self.layout.rows["one_time_last"]
        tc = self.total_col
        if line.basis == "amount":
            value = n(i + ".amount")
        elif last >= first:
            value = f"{n(i + '.share')}*SUM(${tc}${first}:${tc}${last})"
        else:
            value = "0"
        return f"IF({col}$4={n(i + '.year')},{value},0)"

    def risk_cell(self, r: int, line: LineFlow, default: str | None) -> None:
        own = f"{line.id}.risk"
        if own in self.names:
            _xl.formula(self.ws, f"{self.risk_col}{r}", self.nm(own), RATE)
        elif default is None:
            _xl.number(self.ws, f"{self.risk_col}{r}", 0, RATE)
        else:
            _xl.formula(self.ws, f"{self.risk_col}{r}", self.nm(default), RATE)

    # -- sections ----------------------------------------------------------------
    def header(self) -> None:
        ws, lang = self.ws, self.lang
        _xl.text(ws, "A1", f"{t('finance.wb.cashflow', lang)} — {self.case.title.get(lang)}")
        ws["A1"].font = _xl.TITLE
        r = 3
        _xl.text(ws, f"A{r}", t("finance.item", lang), bold=True)
        _xl.text(ws, f"B{r}", t("finance.category", lang), bold=True)
        for y, col in enumerate(self.cols):
            _xl.text(ws, f"{col}{r}", t("finance.year", lang, year=y), bold=True)
            _xl.number(ws, f"{col}4", y)
        for col, key in ((self.total_col, "finance.total"), (self.risk_col, "finance.wb.risk_share"),
                         (self.vat_col, "finance.wb.vat_rate"),
                         (self.rec_col, "finance.wb.vat_recoverable"),
                         (self.capex_col, "finance.wb.capex")):
            _xl.text(ws, f"{col}{r}", t(key, lang), bold=True)
        _xl.text(ws, "A4", t("finance.year", lang, year="t"))
        self.row = 5
        if "users.initial" in self.names:
            seats = (f"ROUNDUP(ROUND({self.nm('users.initial')}*(1+{self.nm('users.growth')})"
                     "^MAX({col}$4-1,0),6),0)")
        else:
            seats = "0"
        self.year_row("seats", t("finance.row.seats", lang),
                      lambda y, col, r: seats.format(col=col), _xl.COUNT, total=False)
        self.name_row("out_seats", self.layout.rows["seats"])

    def costs(self) -> None:
        lang, rows = self.lang, self.layout.rows
        self.label_row(t("finance.cost_lines", lang), bold=True)
        lines = [ln for ln in self.case.cost_lines if ln.kind not in ("contingency", "vat")]
        first = self.row
        one_time_rows = []
        for line in lines:
            r = self.year_row(f"line:{line.id}", line.name.get(lang),
                              lambda y, col, r, ln=line: self.cost_formula(ln, y, col),
                              code=line.category)
            self.risk_cell(r, line, "costs.risk_adjustment")
            _xl.formula(self.ws, f"{self.vat_col}{r}", self.nm(f"{line.id}.vat_rate"), RATE)
            _xl.formula(self.ws, f"{self.rec_col}{r}", self.nm(f"{line.id}.vat_recoverable"),
                        "0")
            _xl.number(self.ws, f"{self.capex_col}{r}", 1 if line.accounting == "capex" else 0,
                       "0")
            if line.accounting == "capex":
                self.layout.capex_rows.append((r, self.nm(f"{line.id}.amortisation_years")))
            if line.kind == "one_time":
                one_time_rows.append(r)
        last = self.row - 1
        self.layout.cost_span = (first, last)
        rows["one_time_first"], rows["one_time_last"] = (
            (one_time_rows[0], one_time_rows[-1]) if one_time_rows else (0, -1))
        onetime = (f"SUM({{col}}{one_time_rows[0]}:{{col}}{one_time_rows[-1]})"
                   if one_time_rows else "0")
        r = self.year_row("contingency", t("finance.cat.contingency", lang),
                          lambda y, col, r: f"{self.nm('contingency')}*" + onetime.format(col=col),
                          code="contingency")
        _xl.number(self.ws, f"{self.risk_col}{r}", 0, RATE)
        rc, vc, ec = self.risk_col, self.vat_col, self.rec_col
        has = bool(lines)

        def vat_cost(col: str, risk: bool) -> str:
            if not has:
                return "0"
            terms = [self.col_span(col, first, last, False).replace("$", ""),
                     f"{self.col_span(vc, first, last)}*(1-{self.col_span(ec, first, last)})"]
            if risk:
                terms.insert(1, self.col_span(rc, first, last))
            return f"SUMPRODUCT({','.join(terms)})"

        r = self.year_row("vat", t("finance.cat.vat", lang),
                          lambda y, col, r: vat_cost(col, False), code="vat")
        _xl.number(self.ws, f"{self.risk_col}{r}", 0, RATE)
        rows["cost_lines"] = first
        self.year_row("costs_unadjusted", t("finance.row.costs_unadjusted", self.lang),
                      lambda y, col, r: f"SUM({col}{first}:{col}{rows['vat']})")
        self.year_row("cost_risk", t("finance.row.cost_risk", lang),
                      lambda y, col, r: (
                          f"SUMPRODUCT({col}{first}:{col}{last},${rc}${first}:${rc}${last})+"
                          + vat_cost(col, True)) if has else "0")
        self.year_row("costs", t("finance.row.costs_adjusted", lang),
                      lambda y, col, r: f"{col}{rows['costs_unadjusted']}+{col}{rows['cost_risk']}",
                      bold=True)

    def _inflows(self, key: str, lines: list[LineFlow], formula: Any, default: str | None,
                 section: str) -> None:
        lang, rows = self.lang, self.layout.rows
        self.label_row(t(section, lang), bold=True)
        first = self.row
        for line in lines:
            r = self.year_row(f"line:{line.id}", line.name.get(lang),
                              lambda y, col, r, ln=line: formula(ln, y, col),
                              code=line.category)
            self.risk_cell(r, line, default)
        last = self.row - 1
        has = bool(lines)
        rc = self.risk_col
        self.year_row(f"{key}_unadjusted", t(f"finance.row.{key}_unadjusted", lang),
                      lambda y, col, r: f"SUM({col}{first}:{col}{last})" if has else "0")
        self.year_row(f"{key}_risk", t(f"finance.row.{key}_risk", lang),
                      lambda y, col, r: (f"-SUMPRODUCT({col}{first}:{col}{last},"
                                         f"${rc}${first}:${rc}${last})") if has else "0")
        self.year_row(key, t(f"finance.row.{key}_adjusted", lang),
                      lambda y, col, r: (f"{col}{rows[key + '_unadjusted']}"
                                         f"+{col}{rows[key + '_risk']}"), bold=True)

    def benefits(self) -> None:
        self._inflows("benefits", list(self.case.benefit_lines), self.benefit_formula,
                      "benefits.risk_adjustment", "finance.benefit_lines")
        self._inflows("funding", list(self.case.funding_lines),
                      lambda ln, y, col: self.funding_formula(ln, col), None,
                      "finance.funding_lines")

    def _helpers(self, key: str, net: int, cum: int) -> None:
        """Rows for the sign changes (zeros skipped) and the final payback crossing."""
        lang, rows = self.lang, self.layout.rows
        prev = self.prev
        sign = self.year_row(f"sign_{key}", t(_SIGN_KEYS[key], lang),
                             lambda y, col, r: (
                                 f"SIGN(ROUND({col}{net},9))" if y == 0 else
                                 f"IF(SIGN(ROUND({col}{net},9))=0,{prev(col)}{r},"
                                 f"SIGN(ROUND({col}{net},9)))"), "0", total=False)
        rows[f"sign_{key}"] = sign
        self.year_row(f"cross_{key}", t(_CROSS_KEYS[key], lang),
                      lambda y, col, r: ("-1" if y == 0 else
                                         f"IF(AND(ROUND({prev(col)}{cum},6)<0,"
                                         f"ROUND({col}{cum},6)>=0),"
                                         f"{y - 1}+(-{prev(col)}{cum})/({col}{cum}-{prev(col)}{cum}),"
                                         "-1)"),
                      "0.000000", total=False)

    def flows(self) -> None:
        lang, rows = self.lang, self.layout.rows
        prev = self.prev
        self.year_row("net", t("finance.row.net", lang),
                      lambda y, col, r: (f"{col}{rows['benefits']}+{col}{rows['funding']}"
                                         f"-{col}{rows['costs']}"), bold=True)
        self.year_row("cumulative", t("finance.row.cumulative", lang),
                      lambda y, col, r: (f"{col}{rows['net']}" if y == 0
                                         else f"{prev(col)}{r}+{col}{rows['net']}"), total=False)
        self.year_row("discount_factor", t("finance.row.discount_factor", lang),
                      lambda y, col, r: f"1/(1+{self.nm('discount_rate')})^{col}$4", FACTOR,
                      total=False)
        df = rows["discount_factor"]
        for key, src in (("pv_costs", "costs"), ("pv_benefits", "benefits"),
                         ("pv_funding", "funding"), ("pv_net", "net")):
            self.year_row(key, t(f"finance.row.{key}", lang),
                          lambda y, col, r, s=src: f"{col}{rows[s]}*{col}{df}")
        self.year_row("cumulative_pv", t("finance.row.cumulative_pv", lang),
                      lambda y, col, r: (f"{col}{rows['pv_net']}" if y == 0
                                         else f"{prev(col)}{r}+{col}{rows['pv_net']}"),
                      total=False)
        self.year_row("net_unadjusted", t("finance.row.net_unadjusted", lang),
                      lambda y, col, r: (f"{col}{rows['benefits_unadjusted']}"
                                         f"+{col}{rows['funding_unadjusted']}"
                                         f"-{col}{rows['costs_unadjusted']}"))
        self.year_row("cumulative_unadjusted", t("finance.row.cumulative_unadjusted", lang),
                      lambda y, col, r: (f"{col}{rows['net_unadjusted']}" if y == 0 else
                                         f"{prev(col)}{r}+{col}{rows['net_unadjusted']}"),
                      total=False)
        for key in ("costs", "benefits", "funding", "net", "cumulative", "pv_costs",
                    "pv_benefits", "costs_unadjusted", "benefits_unadjusted", "vat"):
            self.name_row(f"out_{key}", rows[key])
        self.row += 1
        self.label_row(t("finance.wb.helpers", lang), bold=True)
        self._helpers("net", rows["net"], rows["cumulative"])
        self._helpers("pv", rows["pv_net"], rows["cumulative_pv"])
        self._helpers("unadjusted", rows["net_unadjusted"], rows["cumulative_unadjusted"])


def write_cashflow(wb: Any, ws: Worksheet, case: FinanceCase, names: Names,
                   lang: Lang) -> CashflowLayout:
    """Fill ``ws`` with the live cash-flow model of ``case`` and return its layout."""
    from crm_readiness.render.finance._results_sheet import accounting, categories, metrics

    sheet = Sheet(wb, ws, case, names, lang)
    sheet.header()
    sheet.costs()
    sheet.benefits()
    sheet.flows()
    metrics(sheet)
    accounting(sheet)
    categories(sheet)
    ws.column_dimensions["A"].width = 52
    ws.column_dimensions["B"].width = 18
    for col in [*sheet.cols, sheet.total_col]:
        ws.column_dimensions[col].width = 16
    ws.freeze_panes = "C5"
    return sheet.layout
