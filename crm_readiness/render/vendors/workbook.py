"""The live comparison workbook a consultant keeps editing in front of the client.

Inputs (weights, points, responses via dropdowns, criterion scores, costs) are
cells; fits, totals, must gaps, status and rank are formulas, so Excel or
LibreOffice recompute exactly what the engine printed. Sheets: README,
Config, Requirements, Comments, ModuleFit, Criteria, Summary, one Scorecard
per vendor, Sensitivity (a labelled snapshot) and Lists (dropdown sources).
"""

from __future__ import annotations

from datetime import datetime

from openpyxl import Workbook
from openpyxl.formatting.rule import FormulaRule
from openpyxl.worksheet.datavalidation import DataValidation

from crm_readiness import __version__
from crm_readiness.i18n import Lang, t
from crm_readiness.models.requirements import PRIORITIES, RequirementsCatalogue
from crm_readiness.models.vendors import LEVELS, RESPONSE_CODES, Comparison
from crm_readiness.models.vendors.panel import DEMO_LEVEL, DEMO_OUTCOMES
from crm_readiness.render.cells import workbook_bytes
from crm_readiness.render.vendors import _sheets
from crm_readiness.render.vendors._cells import (
    BOLD,
    GREEN_FILL,
    INPUT_FILL,
    RED_FILL,
    SNAPSHOT_FILL,
    TITLE_FONT,
    WRAP,
    formula,
    header,
    name,
    text,
    value,
    widths,
)
from crm_readiness.render.vendors._layout import (
    CONFIG_WEIGHTS,
    REQ_FIRST,
    Layout,
    col,
    weight_name,
)

LISTS = "Lists"
RESPONSE_RANGE = f"{LISTS}!$A$2:$A${1 + len(RESPONSE_CODES)}"
LEVEL_RANGE = f"{LISTS}!$F$2:$F${1 + len(LEVELS)}"
PRIORITY_RANGE = f"{LISTS}!$H$2:$H${1 + len(PRIORITIES)}"
DEMO_RANGE = f"{LISTS}!$J$2:$J${1 + len(DEMO_OUTCOMES)}"


def _readme(wb: Workbook, lay: Layout, lang: Lang, generated_at: datetime) -> None:
    ws = wb.active
    ws.title = "README"
    res = lay.result
    text(ws, 1, 1, t("vendors.wb.title", lang), font=TITLE_FONT)
    row = 3
    for key in ("vendors.wb.readme_intro", "vendors.wb.readme_inputs", "vendors.wb.readme_live",
                "vendors.wb.readme_snapshot"):
        text(ws, row, 1, t(key, lang), alignment=WRAP)
        row += 1
    row += 1
    text(ws, row, 1, t("vendors.wb.method", lang), font=BOLD)
    row += 1
    for key in ("vendors.method.scale", "vendors.method.map", "vendors.method.unanswered",
                "vendors.method.priority", "vendors.method.fit", "vendors.method.criteria",
                "vendors.method.weights", "vendors.method.ahp", "vendors.method.cost",
                "vendors.method.knockout", "vendors.method.total", "vendors.method.rank",
                "vendors.method.robustness"):
        text(ws, row, 1, t(key, lang), alignment=WRAP)
        row += 1
    row += 1
    text(ws, row, 1, t("vendors.wb.responses", lang), font=BOLD)
    row += 1
    for code in RESPONSE_CODES:
        text(ws, row, 1, code)
        text(ws, row, 2, t(f"vendors.response.{code}", lang))
        row += 1
    row += 1
    text(ws, row, 1, t("vendors.wb.ri_table", lang) + ": " + _ri_name(res), font=BOLD)
    row += 1
    from crm_readiness.engine.vendors.ahp import SAATY_RI

    for n, ri in SAATY_RI.items():
        value(ws, row, 1, n)
        value(ws, row, 2, ri, "0.00")
        row += 1
    row += 1
    text(ws, row, 1, t("vendors.wb.metadata", lang), font=BOLD)
    meta = [
        (t("vendors.wb.generated", lang), generated_at.isoformat(timespec="seconds")),
        (t("vendors.wb.tool", lang), f"crm-readiness {__version__}"),
        (t("vendors.wb.title_label", lang), res.title.get(lang) if res.title else ""),
        (t("vendors.wb.req_count", lang), str(res.requirements_count)),
        (t("vendors.wb.vendor_count", lang), str(len(res.vendors))),
        (t("vendors.wb.weights_from", lang), t(f"vendors.weights.{res.weights_from}", lang)),
    ]
    if res.ahp is not None:
        meta.append(("CR", f"{res.ahp.cr:.3f}"))
    for label, val in meta:
        row += 1
        text(ws, row, 1, label)
        text(ws, row, 2, val)
    widths(ws, {"A": 110, "B": 40})


def _ri_name(res: Comparison) -> str:
    from crm_readiness.engine.vendors.ahp import RI_TABLE_NAME

    return res.ahp.ri_table if res.ahp else RI_TABLE_NAME


def _lists(wb: Workbook, lang: Lang) -> None:
    ws = wb.create_sheet(LISTS)
    header(ws, 1, [t("vendors.wb.response", lang), t("vendors.wb.level", lang),
                   t("vendors.wb.points", lang), t("vendors.wb.knockout_flag", lang)])
    for i, code in enumerate(RESPONSE_CODES):
        r = 2 + i
        text(ws, r, 1, code)
        if code == "third_party":
            formula(ws, r, 2, "=MAP_THIRD_PARTY")
        elif code == "roadmap":
            formula(ws, r, 2, "=MAP_ROADMAP")
        else:
            text(ws, r, 2, code)
        formula(ws, r, 3, f'=IF(B{r}="native",PTS_NATIVE,IF(B{r}="configurable",PTS_CONFIGURABLE,'
                          f'IF(B{r}="custom",PTS_CUSTOM,PTS_NOT_SUPPORTED)))')
        formula(ws, r, 4, f'=IF(B{r}="not_supported",1,0)')
    name(wb, "RESP_TABLE", LISTS, f"$A$2:$D${1 + len(RESPONSE_CODES)}")
    text(ws, 1, 6, t("vendors.wb.level", lang), font=BOLD)
    for i, level in enumerate(LEVELS):
        text(ws, 2 + i, 6, level)
    text(ws, 1, 8, t("vendors.wb.priority", lang), font=BOLD)
    for i, p in enumerate(PRIORITIES):
        text(ws, 2 + i, 8, p)
    text(ws, 1, 10, t("vendors.show.outcome", lang), font=BOLD)
    for i, outcome in enumerate(DEMO_OUTCOMES):
        text(ws, 2 + i, 10, outcome)
        text(ws, 2 + i, 11, DEMO_LEVEL[outcome] or "")
        text(ws, 2 + i, 12, t(f"vendors.show.outcome.{outcome}", lang))
    name(wb, "DEMO_TABLE", LISTS, f"$J$2:$K${1 + len(DEMO_OUTCOMES)}")
    widths(ws, {"A": 16, "B": 16, "C": 10, "D": 12, "F": 16, "H": 10, "J": 14, "K": 14, "L": 26})


def _config(wb: Workbook, lay: Layout, lang: Lang) -> None:
    ws = wb.create_sheet("Config")
    res = lay.result
    text(ws, 1, 1, t("vendors.wb.config_title", lang), font=TITLE_FONT)
    text(ws, 2, 1, t("vendors.wb.config_hint", lang), alignment=WRAP)
    text(ws, 3, 1, t("vendors.wb.priority_weights", lang), font=BOLD)
    pw = res.scoring.priority_weights
    for i, p in enumerate(PRIORITIES):
        r = 4 + i
        text(ws, r, 1, p)
        value(ws, r, 2, pw.of(p), fill=INPUT_FILL)
        name(wb, f"PW_{p.upper()}", "Config", f"$B${r}")
    text(ws, 8, 1, t("vendors.wb.response_points", lang), font=BOLD)
    pts = res.scoring.response_points
    for i, level in enumerate(LEVELS):
        r = 9 + i
        text(ws, r, 1, level)
        value(ws, r, 2, pts.of(level), fill=INPUT_FILL)
        name(wb, f"PTS_{level.upper()}", "Config", f"$B${r}")
    text(ws, 14, 1, t("vendors.wb.response_map", lang), font=BOLD)
    dv = DataValidation(type="list", formula1=LEVEL_RANGE, allow_blank=False)
    ws.add_data_validation(dv)
    for r, code, level in ((15, "third_party", res.scoring.response_map.third_party),
                           (16, "roadmap", res.scoring.response_map.roadmap)):
        text(ws, r, 1, code)
        text(ws, r, 2, level, fill=INPUT_FILL)
        dv.add(f"B{r}")
        name(wb, f"MAP_{code.upper()}", "Config", f"$B${r}")
    text(ws, 18, 1, t("vendors.wb.budget", lang), font=BOLD)
    budget = res.budget
    for r, key, amount in ((19, "BUDGET_MIN", budget.min if budget else None),
                           (20, "BUDGET_MAX", budget.max if budget else None)):
        text(ws, r, 1, t(f"vendors.wb.{key.lower()}", lang))
        value(ws, r, 2, float(amount) if amount is not None else None, "#,##0",
              fill=INPUT_FILL)
        name(wb, key, "Config", f"$B${r}")
    text(ws, 21, 1, t("vendors.wb.currency", lang))
    text(ws, 21, 2, budget.currency if budget else "")
    text(ws, 22, 1, t("vendors.wb.tie_tolerance", lang))
    value(ws, 22, 2, res.tie_tolerance, "0.00", fill=INPUT_FILL)
    name(wb, "TIE_TOL", "Config", "$B$22")
    text(ws, 23, 1, t("vendors.wb.criterion_weights", lang), font=BOLD)
    header(ws, 25, [t("vendors.wb.id", lang), t("vendors.wb.criterion", lang),
                    t("vendors.wb.kind", lang), t("vendors.wb.weight", lang)])
    for k, c in enumerate(res.criteria):
        r = CONFIG_WEIGHTS + k
        text(ws, r, 1, c.id)
        text(ws, r, 2, c.name.get(lang))
        text(ws, r, 3, t(f"vendors.kind.{c.kind}", lang))
        value(ws, r, 4, c.weight, "0.00%", fill=INPUT_FILL)
        name(wb, weight_name(c.id), "Config", f"$D${r}")
    last = CONFIG_WEIGHTS + len(res.criteria) - 1
    s = last + 1
    text(ws, s, 3, t("vendors.wb.weight_sum", lang), font=BOLD)
    formula(ws, s, 4, f"=SUM(D{CONFIG_WEIGHTS}:D{last})", "0.00%")
    name(wb, "W_SUM", "Config", f"$D${s}")
    ok, bad = t("vendors.wb.sum_ok", lang), t("vendors.wb.sum_bad", lang)
    formula(ws, s, 5, f'=IF(ABS(D{s}-1)<0.000001,"{ok}","{bad}")')
    ws.conditional_formatting.add(f"D{s}:E{s}", FormulaRule(
        formula=[f"ABS($D${s}-1)>=0.000001"], fill=RED_FILL, stopIfTrue=True))
    ws.conditional_formatting.add(f"D{s}:E{s}", FormulaRule(
        formula=[f"ABS($D${s}-1)<0.000001"], fill=GREEN_FILL))
    if res.ahp is not None:
        _ahp_block(ws, lay, lang, s + 2)
    widths(ws, {"A": 34, "B": 30, "C": 18, "D": 12, "E": 14})
    ws.freeze_panes = "A3"


def _ahp_block(ws: object, lay: Layout, lang: Lang, row: int) -> None:
    from openpyxl.worksheet.worksheet import Worksheet

    assert isinstance(ws, Worksheet)
    ahp = lay.result.ahp
    assert ahp is not None
    text(ws, row, 1, t("vendors.wb.ahp_title", lang), font=BOLD)
    text(ws, row + 1, 1, t("vendors.wb.ahp_hint", lang), alignment=WRAP)
    r0 = row + 2
    header(ws, r0, ["", *ahp.criteria, t("vendors.wb.weight", lang)])
    for i, cid in enumerate(ahp.criteria):
        text(ws, r0 + 1 + i, 1, cid, font=BOLD)
        for j, v in enumerate(ahp.matrix[i]):
            value(ws, r0 + 1 + i, 2 + j, v, "0.000", fill=SNAPSHOT_FILL)
        value(ws, r0 + 1 + i, 2 + len(ahp.criteria), ahp.weights[i], "0.00%", fill=SNAPSHOT_FILL)
    r = r0 + 2 + len(ahp.criteria)
    for label, v in (("λmax", ahp.lambda_max), ("CI", ahp.ci), ("RI", ahp.ri), ("CR", ahp.cr)):
        text(ws, r, 1, label)
        value(ws, r, 2, v, "0.000", fill=SNAPSHOT_FILL)
        r += 1
    text(ws, r, 1, t("vendors.wb.ri_table", lang))
    text(ws, r, 2, ahp.ri_table)
    for g in ahp.groups:  # sub-criteria: the group's share split by its own matrix
        r += 2
        text(ws, r, 1, f"{t('vendors.rep.ahp_sub_group', lang)}: {g.id}", font=BOLD)
        value(ws, r, 2, g.weight, "0.00%", fill=SNAPSHOT_FILL)
        text(ws, r, 3, "CR")
        value(ws, r, 4, g.result.cr, "0.000", fill=SNAPSHOT_FILL)
        header(ws, r + 1, [t("vendors.wb.criterion", lang), t("vendors.rep.ahp_local", lang),
                           t("vendors.wb.weight", lang)])
        for k, (cid, local) in enumerate(zip(g.result.criteria, g.result.weights,
                                             strict=True)):
            text(ws, r + 2 + k, 1, cid)
            value(ws, r + 2 + k, 2, local, "0.00%", fill=SNAPSHOT_FILL)
            value(ws, r + 2 + k, 3, g.weights[cid], "0.00%", fill=SNAPSHOT_FILL)
        r += 1 + len(g.result.criteria)


def _requirements(wb: Workbook, lay: Layout, lang: Lang) -> None:
    ws = wb.create_sheet("Requirements")
    res = lay.result
    fixed = [t("vendors.wb.id", lang), t("vendors.wb.module", lang),
             t("vendors.wb.requirement", lang), t("vendors.wb.priority", lang),
             t("vendors.wb.priority_weight", lang)]
    header(ws, 2, fixed)
    for i, v in enumerate(res.vendors):
        text(ws, 1, lay.resp_col(i), v.name.get(lang), font=BOLD)
        header(ws, 2, [t("vendors.wb.response", lang), t("vendors.wb.points", lang),
                       t("vendors.wb.must_gap", lang)], start=lay.resp_col(i))
    dv_resp = DataValidation(type="list", formula1=RESPONSE_RANGE, allow_blank=True,
                             showErrorMessage=True, error=t("vendors.wb.dv_error", lang))
    dv_prio = DataValidation(type="list", formula1=PRIORITY_RANGE, allow_blank=False)
    ws.add_data_validation(dv_resp)
    ws.add_data_validation(dv_prio)
    per_vendor = [{o.id: o for o in v.responses} for v in res.vendors]
    pcols = [(col(lay.resp_col(i)), col(lay.gap_col(i))) for i in range(len(res.vendors))]
    for n, req in enumerate(lay.catalogue.requirements):
        r = REQ_FIRST + n
        text(ws, r, 1, req.id)
        text(ws, r, 2, req.module)
        text(ws, r, 3, req.title.get(lang))
        text(ws, r, 4, req.priority, fill=INPUT_FILL)
        formula(ws, r, 5, f'=IF(D{r}="must",PW_MUST,IF(D{r}="should",PW_SHOULD,'
                          f'IF(D{r}="could",PW_COULD,0)))')
        for i, outcomes in enumerate(per_vendor):
            rc, _gc = pcols[i]
            o = outcomes[req.id]
            if o.response is not None:
                text(ws, r, lay.resp_col(i), o.response)
            eff = lay.effective(i, r)
            if o.demonstrated is not None:
                text(ws, r, lay.demo_col(i), o.demonstrated)
            formula(ws, r, lay.pts_col(i), f"=IFERROR(VLOOKUP({eff},RESP_TABLE,3,FALSE),0)")
            formula(ws, r, lay.gap_col(i),
                    f'=IF($D{r}="must",IFERROR(VLOOKUP({eff},RESP_TABLE,4,FALSE),0),0)')
    first, last = REQ_FIRST, lay.req_last
    dv_demo = DataValidation(type="list", formula1=DEMO_RANGE, allow_blank=True,
                             showErrorMessage=True, error=t("vendors.show.xlsx_dv_error", lang))
    ws.add_data_validation(dv_demo)
    for i, v in enumerate(res.vendors):
        dc = col(lay.demo_col(i))
        text(ws, 1, lay.demo_col(i), v.name.get(lang), font=BOLD)
        header(ws, 2, [t("vendors.show.outcome", lang)], start=lay.demo_col(i))
        dv_demo.add(f"{dc}{first}:{dc}{last}")
        ws.conditional_formatting.add(f"{dc}{first}:{dc}{last}", FormulaRule(
            formula=[f'AND({dc}{first}<>"",{dc}{first}<>"as_claimed")'], fill=RED_FILL))
        ws.column_dimensions[dc].width = 16
    dv_prio.add(f"D{first}:D{last}")
    for i, (rc, gc) in enumerate(pcols):
        dv_resp.add(f"{rc}{first}:{rc}{last}")
        rng = f"{rc}{first}:{rc}{last}"
        ws.conditional_formatting.add(rng, FormulaRule(formula=[f"{gc}{first}=1"], fill=RED_FILL))
        ws.conditional_formatting.add(rng, FormulaRule(formula=[f"ISBLANK({rc}{first})"],
                                                       fill=INPUT_FILL))
        ws.column_dimensions[rc].width = 14
        ws.column_dimensions[col(lay.pts_col(i))].width = 7
        ws.column_dimensions[gc].width = 7
    widths(ws, {"A": 10, "B": 14, "C": 44, "D": 10, "E": 8})
    ws.freeze_panes = ws.cell(REQ_FIRST, 6)
    ws.auto_filter.ref = f"A2:{col(lay.demo_col(len(res.vendors) - 1) if res.vendors else 5)}{last}"


def _comments(wb: Workbook, lay: Layout, lang: Lang) -> None:
    ws = wb.create_sheet("Comments")
    header(ws, 1, [t("vendors.wb.vendor", lang), t("vendors.wb.id", lang),
                   t("vendors.wb.response", lang), t("vendors.wb.comment", lang),
                   t("vendors.wb.evidence", lang)])
    r = 2
    for v in lay.result.vendors:
        for o in v.responses:
            if o.comment or o.evidence:
                text(ws, r, 1, v.name.get(lang))
                text(ws, r, 2, o.id)
                text(ws, r, 3, o.response or "")
                text(ws, r, 4, o.comment.get(lang) if o.comment else None, alignment=WRAP)
                text(ws, r, 5, o.evidence.get(lang) if o.evidence else None, alignment=WRAP)
                r += 1
    widths(ws, {"A": 24, "B": 10, "C": 14, "D": 60, "E": 40})
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:E{max(r - 1, 1)}"


def render_comparison_workbook(result: Comparison, catalogue: RequirementsCatalogue, lang: Lang,
                               generated_at: datetime) -> bytes:
    """Return the comparison workbook (xlsx bytes) with live formulas over its inputs."""
    lay = Layout(result, catalogue)
    wb = Workbook()
    _readme(wb, lay, lang, generated_at)
    _config(wb, lay, lang)
    _requirements(wb, lay, lang)
    _comments(wb, lay, lang)
    _sheets.module_fit(wb, lay, lang)
    _sheets.criteria(wb, lay, lang)
    _sheets.summary(wb, lay, lang)
    _sheets.scorecards(wb, lay, lang)
    _sheets.sensitivity(wb, lay, lang, generated_at)
    if result.panel is not None:
        from crm_readiness.render.vendors._panel_sheet import panel_sheet

        panel_sheet(wb, lay, lang)
    _lists(wb, lang)
    wb.move_sheet("Summary", offset=-(wb.sheetnames.index("Summary") - 1))
    return workbook_bytes(wb)
