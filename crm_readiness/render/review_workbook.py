"""The live review workbook: the re-forecast recomputes from the actual cells.

One sheet. Inputs (blue): the discount rate, which case years have begun, per
benefit line its approved (risk-adjusted) amounts, its full-year value at
target and the share of the planned improvement its KPIs reached (empty: no
KPI, the plan is kept), the planned costs and the actual costs (empty: not
known). Everything below is a formula over them — re-forecast per line
``IF(AND(begun=1, share<>""), value×share, plan)``, costs
``IF(actual="", plan, actual)``, net flows, discount factors, the approved and
re-forecast NPV (``CF0 + NPV(r, CF1:CFN)``) and the variance by driver — so a
finance user can type a new actual or share and see the case move.
Defined names ``out_npv``, ``out_npv_approved``, ``out_npv_variance``,
``out_var_<line>`` and ``out_var_costs`` point at the results.
"""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from crm_readiness.i18n import Lang, t
from crm_readiness.models.review_results import Reforecast
from crm_readiness.render.cells import put, workbook_bytes
from crm_readiness.render.finance import _xl

FIRST = 3  # column of year 0


def _col(year: int) -> str:
    return str(get_column_letter(FIRST + year))


def reforecast_workbook(f: Reforecast, lang: Lang) -> bytes:
    """Return the live re-forecast workbook of ``f``."""
    wb = Workbook()
    ws = wb.active
    sheet = t("review.wb.sheet", lang)[:31]
    ws.title = sheet
    n = f.horizon_years
    years = range(n + 1)
    last = _col(n)
    put(ws, 1, 1, t("review.wb.title", lang), bold=True)
    put(ws, 2, 1, t("review.wb.note", lang), wrap=False)
    put(ws, 4, 1, t("review.wb.rate", lang), bold=True)
    put(ws, 4, FIRST, f.discount_rate, fill=_xl.INPUT_FILL, number_format=_xl.RATE)
    rate = _xl.absolute(_col(0), 4)
    put(ws, 5, 1, t("review.wb.year", lang), bold=True)
    put(ws, 6, 1, t("review.wb.begun", lang), bold=True)
    for y in years:
        put(ws, 5, FIRST + y, y, bold=True)
        put(ws, 6, FIRST + y, 1 if y in f.years_started else 0, fill=_xl.INPUT_FILL)
    put(ws, 7, 1, t("review.wb.factor", lang))
    for y in years:
        _xl.formula(ws, f"{_col(y)}7", f"1/(1+{rate})^{_col(y)}$5", _xl.FACTOR)
    row = 9
    new_rows: list[int] = []
    plan_rows: list[int] = []
    for d in f.drivers:
        put(ws, row, 1, d.name.get(lang), bold=True)
        put(ws, row, 2, t("review.wb.share", lang))
        share = _xl.absolute("B", row + 1)
        if d.share is not None:
            put(ws, row + 1, 2, d.share, fill=_xl.INPUT_FILL, number_format=_xl.RATE)
        else:
            put(ws, row + 1, 2, None, fill=_xl.INPUT_FILL)
        labels = ("review.wb.plan", "review.wb.at_target", "review.wb.reforecast")
        for k, key in enumerate(labels):
            put(ws, row + 1 + k, 1, t(key, lang))
        full = d.at_target
        for y in years:
            c = _col(y)
            put(ws, row + 1, FIRST + y, d.approved[y], fill=_xl.INPUT_FILL,
                number_format=_xl.MONEY)
            put(ws, row + 2, FIRST + y, full[y], fill=_xl.INPUT_FILL, number_format=_xl.MONEY)
            _xl.formula(ws, f"{c}{row + 3}",
                        f'IF(AND({c}$6=1,{share}<>""),{c}{row + 2}*{share},{c}{row + 1})',
                        _xl.MONEY)
        _xl.formula(ws, f"B{row + 3}",
                    f"SUMPRODUCT({_col(0)}{row + 3}:{last}{row + 3},{_col(0)}$7:{last}$7)"
                    f"-SUMPRODUCT({_col(0)}{row + 1}:{last}{row + 1},{_col(0)}$7:{last}$7)",
                    _xl.MONEY)
        _xl.define(wb, f"out_var_{d.id}", sheet, _xl.absolute("B", row + 3))
        plan_rows.append(row + 1)
        new_rows.append(row + 3)
        row += 5
    put(ws, row, 1, t("review.costs", lang), bold=True)
    put(ws, row + 1, 1, t("review.wb.plan", lang))
    put(ws, row + 2, 1, t("review.wb.actual", lang))
    put(ws, row + 3, 1, t("review.wb.reforecast", lang))
    for y in years:
        c = _col(y)
        put(ws, row + 1, FIRST + y, f.costs.planned[y], fill=_xl.INPUT_FILL,
            number_format=_xl.MONEY)
        put(ws, row + 2, FIRST + y, f.costs.actual[y], fill=_xl.INPUT_FILL,
            number_format=_xl.MONEY)
        _xl.formula(ws, f"{c}{row + 3}", f'IF({c}{row + 2}="",{c}{row + 1},{c}{row + 2})',
                    _xl.MONEY)
    _xl.formula(ws, f"B{row + 3}",
                f"SUMPRODUCT({_col(0)}{row + 3}:{last}{row + 3},{_col(0)}$7:{last}$7)"
                f"-SUMPRODUCT({_col(0)}{row + 1}:{last}{row + 1},{_col(0)}$7:{last}$7)",
                _xl.MONEY)
    _xl.define(wb, "out_var_costs", sheet, _xl.absolute("B", row + 3))
    cost_plan, cost_new = row + 1, row + 3
    row += 5
    put(ws, row, 1, t("review.wb.net_approved", lang), bold=True)
    put(ws, row + 1, 1, t("review.wb.net_reforecast", lang), bold=True)
    for y in years:
        c = _col(y)
        plan_sum = "+".join(f"{c}{r}" for r in plan_rows) or "0"
        new_sum = "+".join(f"{c}{r}" for r in new_rows) or "0"
        _xl.formula(ws, f"{c}{row}", f"{plan_sum}-{c}{cost_plan}", _xl.MONEY)
        _xl.formula(ws, f"{c}{row + 1}", f"{new_sum}-{c}{cost_new}", _xl.MONEY)
    tail = f"NPV({rate},{_col(1)}{{r}}:{last}{{r}})" if n >= 1 else "0"
    put(ws, row + 3, 1, t("review.wb.npv_approved", lang), bold=True)
    _xl.formula(ws, f"B{row + 3}", f"{_col(0)}{row}+" + tail.format(r=row), _xl.MONEY, bold=True)
    put(ws, row + 4, 1, t("review.wb.npv_reforecast", lang), bold=True)
    _xl.formula(ws, f"B{row + 4}", f"{_col(0)}{row + 1}+" + tail.format(r=row + 1), _xl.MONEY,
                bold=True)
    put(ws, row + 5, 1, t("review.wb.npv_variance", lang), bold=True)
    _xl.formula(ws, f"B{row + 5}", f"B{row + 4}-B{row + 3}", _xl.MONEY, bold=True)
    _xl.define(wb, "out_npv_approved", sheet, _xl.absolute("B", row + 3))
    _xl.define(wb, "out_npv", sheet, _xl.absolute("B", row + 4))
    _xl.define(wb, "out_npv_variance", sheet, _xl.absolute("B", row + 5))
    ws.column_dimensions["A"].width = 44
    ws.column_dimensions["B"].width = 16
    for y in years:
        ws.column_dimensions[_col(y)].width = 15
    return workbook_bytes(wb)

