"""The computed sheets of the comparison workbook: ModuleFit, Criteria, Summary, Scorecards,
Sensitivity, with their charts and conditional formatting."""

from __future__ import annotations

from datetime import datetime

from openpyxl import Workbook
from openpyxl.chart import BarChart, RadarChart, Reference, Series
from openpyxl.formatting.rule import ColorScaleRule, FormulaRule
from openpyxl.worksheet.datavalidation import DataValidation

from crm_readiness.i18n import Lang, t
from crm_readiness.render.cells import visible_controls
from crm_readiness.render.vendors._cells import (
    BOLD,
    INPUT_FILL,
    RED_FILL,
    SNAPSHOT_FILL,
    TITLE_FONT,
    WRAP,
    formula,
    header,
    text,
    value,
    widths,
)
from crm_readiness.render.vendors._layout import CRIT_FIRST, Layout, col, weight_name

SCALE = ColorScaleRule(start_type="min", start_color="F8696B", mid_type="percentile",
                       mid_value=50, mid_color="FFEB84", end_type="max", end_color="63BE7B")


def module_fit(wb: Workbook, lay: Layout, lang: Lang) -> None:
    """Write ModuleFit: Σ P·R / (R_max · Σ P) per module and vendor, plus the overall fit."""
    ws = wb.create_sheet("ModuleFit")
    res = lay.result
    header(ws, 1, [t("vendors.wb.id", lang), t("vendors.wb.module", lang),
                   t("vendors.wb.req_count", lang), *[v.name.get(lang) for v in res.vendors]])
    mod_rng = lay.req_range(2)
    pw_rng = lay.req_range(5)
    for m in lay.modules:
        r = lay.module_row(m)
        text(ws, r, 1, m)
        text(ws, r, 2, lay.catalogue.module_name(m).get(lang))
        formula(ws, r, 3, f"=COUNTIF({mod_rng},$A{r})")
        for i in range(len(res.vendors)):
            pts = lay.req_range(lay.pts_col(i))
            formula(ws, r, lay.vendor_col(i),
                    f"=IFERROR(SUMPRODUCT(({mod_rng}=$A{r})*{pw_rng}*{pts})"
                    f"/(PTS_NATIVE*SUMPRODUCT(({mod_rng}=$A{r})*{pw_rng})),0)", "0.0%")
    r = lay.fit_row
    text(ws, r, 1, "all", font=BOLD)
    text(ws, r, 2, t("vendors.wb.functional_fit", lang), font=BOLD)
    formula(ws, r, 3, f"=COUNTA({lay.req_range(1)})")
    for i in range(len(res.vendors)):
        pts = lay.req_range(lay.pts_col(i))
        formula(ws, r, lay.vendor_col(i),
                f"=IFERROR(SUMPRODUCT({pw_rng},{pts})/(PTS_NATIVE*SUM({pw_rng})),0)", "0.0%")
    if res.vendors:
        last = col(lay.vendor_col(len(res.vendors) - 1))
        ws.conditional_formatting.add(f"D2:{last}{r}", SCALE)
    widths(ws, {"A": 16, "B": 36, "C": 12})
    ws.freeze_panes = "D2"


def criteria(wb: Workbook, lay: Layout, lang: Lang) -> None:
    """Write Criteria: cost inputs, scores 0–5 (inputs or formulas), weights and live totals."""
    ws = wb.create_sheet("Criteria")
    res = lay.result
    n = len(res.vendors)
    header(ws, 1, [t("vendors.wb.id", lang), t("vendors.wb.criterion", lang),
                   t("vendors.wb.kind", lang), t("vendors.wb.weight", lang),
                   *[v.name.get(lang) for v in res.vendors]])
    text(ws, 2, 2, t("vendors.wb.cost_input", lang), font=BOLD)
    for i, v in enumerate(res.vendors):
        value(ws, 2, lay.vendor_col(i, 5), float(v.cost) if v.cost is not None else None,
              "#,##0", fill=INPUT_FILL)
    dv = DataValidation(type="decimal", operator="between", formula1="0", formula2="5",
                        allow_blank=True, showErrorMessage=True,
                        error=t("vendors.wb.dv_score", lang))
    ws.add_data_validation(dv)
    for k, c in enumerate(res.criteria):
        r = lay.crit_row(k)
        text(ws, r, 1, c.id)
        text(ws, r, 2, c.name.get(lang))
        text(ws, r, 3, t(f"vendors.kind.{c.kind}", lang))
        formula(ws, r, 4, f"={weight_name(c.id)}", "0.0%")
        for i, v in enumerate(res.vendors):
            vc = lay.vendor_col(i, 5)
            letter = col(vc)
            if c.kind == "functional_fit":
                formula(ws, r, vc, f"=5*ModuleFit!{col(lay.vendor_col(i))}{lay.fit_row}", "0.00")
            elif c.kind == "cost":
                cost = f"{letter}$2"
                formula(ws, r, vc, f"=IF(ISNUMBER({cost}),IF({cost}<=BUDGET_MIN,5,IF({cost}>="
                                   f"BUDGET_MAX,0,5*(BUDGET_MAX-{cost})/(BUDGET_MAX-BUDGET_MIN))),0)",
                        "0.00")
            else:
                outcome = v.criteria[k]
                value(ws, r, vc, None if outcome.missing else outcome.score, "0.0",
                      fill=INPUT_FILL)
                dv.add(f"{letter}{r}")
    tr = lay.total_row
    last_c = lay.crit_row(len(res.criteria) - 1)
    text(ws, tr, 2, t("vendors.wb.total", lang), font=BOLD)
    for i in range(n):
        letter = col(lay.vendor_col(i, 5))
        formula(ws, tr, lay.vendor_col(i, 5),
                f"=SUMPRODUCT($D${CRIT_FIRST}:$D${last_c},{letter}{CRIT_FIRST}:{letter}{last_c})"
                f"/5*100", "0.0")
        ws.cell(tr, lay.vendor_col(i, 5)).font = BOLD
    if n:
        last = col(lay.vendor_col(n - 1, 5))
        ws.conditional_formatting.add(f"E{CRIT_FIRST}:{last}{last_c}", ColorScaleRule(
            start_type="num", start_value=0, start_color="F8696B", mid_type="num", mid_value=2.5,
            mid_color="FFEB84", end_type="num", end_value=5, end_color="63BE7B"))
        chart = RadarChart()
        chart.type = "marker"
        chart.title = t("vendors.wb.radar_title", lang)
        for i, v in enumerate(res.vendors):
            vc = lay.vendor_col(i, 5)
            chart.series.append(Series(Reference(ws, min_col=vc, min_row=CRIT_FIRST,
                                                 max_row=last_c), title=visible_controls(v.name.get(lang))))
        chart.set_categories(Reference(ws, min_col=2, min_row=CRIT_FIRST, max_row=last_c))
        chart.y_axis.delete = False
        chart.height, chart.width = 10, 16
        ws.add_chart(chart, f"{col(n + 6)}2")
    _anchors(ws, lay, lang, tr + 2)
    widths(ws, {"A": 16, "B": 34, "C": 16, "D": 9})
    ws.freeze_panes = "E3"


def _anchors(ws: object, lay: Layout, lang: Lang, row: int) -> None:
    from openpyxl.worksheet.worksheet import Worksheet

    assert isinstance(ws, Worksheet)
    text(ws, row, 1, t("vendors.wb.anchors", lang), font=BOLD)
    header(ws, row + 1, [t("vendors.wb.id", lang), *[str(s) for s in range(6)]])
    r = row + 2
    for c in lay.result.criteria:
        if not c.anchors:
            continue
        text(ws, r, 1, c.id)
        for s, desc in c.anchors.items():
            text(ws, r, 2 + s, desc.get(lang), alignment=WRAP)
        r += 1


def summary(wb: Workbook, lay: Layout, lang: Lang) -> None:
    """Write Summary: fit, total, must gaps, unanswered, status and rank per vendor (live)."""
    ws = wb.create_sheet("Summary")
    res = lay.result
    header(ws, 1, [t("vendors.wb.vendor", lang), t("vendors.wb.functional_fit", lang),
                   t("vendors.wb.total", lang), t("vendors.wb.must_gaps", lang),
                   t("vendors.wb.unanswered", lang), t("vendors.wb.status", lang),
                   t("vendors.wb.rank", lang)])
    last = lay.summary_last
    out, ok = t("vendors.status.knocked_out", lang), t("vendors.status.eligible", lang)
    for i, v in enumerate(res.vendors):
        r = lay.summary_row(i)
        text(ws, r, 1, v.name.get(lang), font=BOLD)
        formula(ws, r, 2, f"=ModuleFit!{col(lay.vendor_col(i))}{lay.fit_row}", "0.0%")
        formula(ws, r, 3, f"=Criteria!{col(lay.vendor_col(i, 5))}{lay.total_row}", "0.0")
        formula(ws, r, 4, f"=SUM({lay.req_range(lay.gap_col(i))})")
        formula(ws, r, 5, f"=COUNTBLANK({lay.req_range(lay.resp_col(i))})")
        formula(ws, r, 6, f'=IF(D{r}>0,"{out}","{ok}")')
        formula(ws, r, 7, f'=IF(D{r}>0,"",1+SUMPRODUCT(($D$2:$D${last}=0)*'
                          f'($C$2:$C${last}>C{r}+TIE_TOL)))')
    if res.vendors:
        ws.conditional_formatting.add(f"A2:G{last}", FormulaRule(formula=["$D2>0"],
                                                                  fill=RED_FILL))
        ws.conditional_formatting.add(f"C2:C{last}", SCALE)
        chart = BarChart()
        chart.type = "bar"
        chart.title = t("vendors.wb.bar_title", lang)
        chart.add_data(Reference(ws, min_col=3, min_row=1, max_row=last), titles_from_data=True)
        chart.set_categories(Reference(ws, min_col=1, min_row=2, max_row=last))
        chart.y_axis.scaling.min = 0
        chart.y_axis.scaling.max = 100
        chart.legend = None
        chart.height, chart.width = 7.5, 16
        ws.add_chart(chart, "I2")
    r = last + 2
    text(ws, r, 1, t("vendors.wb.summary_note", lang), alignment=WRAP)
    widths(ws, {"A": 28, "B": 14, "C": 10, "D": 10, "E": 12, "F": 14, "G": 8})
    ws.freeze_panes = "B2"
    ws.auto_filter.ref = f"A1:G{last}"


def scorecards(wb: Workbook, lay: Layout, lang: Lang) -> None:
    """Write one Scorecard sheet per vendor, linked to the live cells."""
    res = lay.result
    for i, v in enumerate(res.vendors):
        ws = wb.create_sheet(f"SC {i + 1} {v.id}"[:31])
        sr = lay.summary_row(i)
        text(ws, 1, 1, t("vendors.wb.scorecard", lang), font=TITLE_FONT)
        text(ws, 2, 1, v.name.get(lang), font=BOLD)
        for r, key, expr, fmt in ((4, "total", f"=Summary!C{sr}", "0.0"),
                                  (5, "rank", f"=Summary!G{sr}", None),
                                  (6, "status", f"=Summary!F{sr}", None),
                                  (7, "functional_fit", f"=Summary!B{sr}", "0.0%"),
                                  (8, "must_gaps", f"=Summary!D{sr}", None),
                                  (9, "unanswered", f"=Summary!E{sr}", None)):
            text(ws, r, 1, t(f"vendors.wb.{key}", lang))
            formula(ws, r, 2, expr, fmt)
        if v.demonstrated:
            text(ws, 10, 1, t("vendors.rep.credibility", lang))
            value(ws, 10, 2, v.credibility, "0%", fill=SNAPSHOT_FILL)
            text(ws, 10, 3, t("vendors.rep.credibility_note", lang, shown=v.demonstrated,
                              confirmed=v.demonstrated - len(v.claim_gaps)))
        header(ws, 11, [t("vendors.wb.criterion", lang), t("vendors.wb.weight", lang),
                        t("vendors.wb.score", lang), t("vendors.wb.contribution", lang),
                        t("vendors.wb.note", lang)])
        for k, c in enumerate(res.criteria):
            r = 12 + k
            text(ws, r, 1, c.name.get(lang))
            formula(ws, r, 2, f"={weight_name(c.id)}", "0.0%")
            formula(ws, r, 3, f"=Criteria!{col(lay.vendor_col(i, 5))}{lay.crit_row(k)}", "0.00")
            formula(ws, r, 4, f"=B{r}*C{r}/5*100", "0.0")
            note = v.criteria[k].note
            text(ws, r, 5, note.get(lang) if note else None, alignment=WRAP)
        r = 13 + len(res.criteria)
        header(ws, r, [t("vendors.wb.module", lang), t("vendors.wb.fit", lang)])
        for m in lay.modules:
            r += 1
            text(ws, r, 1, lay.catalogue.module_name(m).get(lang))
            formula(ws, r, 2, f"=ModuleFit!{col(lay.vendor_col(i))}{lay.module_row(m)}", "0.0%")
        r += 2
        text(ws, r, 1, t("vendors.wb.gap_list", lang), font=BOLD, fill=SNAPSHOT_FILL)
        titles = {q.id: q.title.get(lang) for q in lay.catalogue.requirements}
        for gid in v.must_gaps or ("–",):
            r += 1
            text(ws, r, 1, gid)
            text(ws, r, 2, titles.get(gid, ""))
        widths(ws, {"A": 34, "B": 14, "C": 10, "D": 12, "E": 50})


def sensitivity(wb: Workbook, lay: Layout, lang: Lang, generated_at: datetime) -> None:
    """Write Sensitivity: the engine's flip points and Monte Carlo, labelled as a snapshot."""
    ws = wb.create_sheet("Sensitivity")
    rob = lay.result.robustness
    names = {v.id: v.name.get(lang) for v in lay.result.vendors}
    text(ws, 1, 1, t("vendors.wb.sensitivity_title", lang), font=TITLE_FONT)
    text(ws, 2, 1, t("vendors.wb.snapshot", lang, at=generated_at.isoformat(timespec="seconds")),
         fill=SNAPSHOT_FILL, alignment=WRAP)
    text(ws, 3, 1, t(f"vendors.verdict.{rob.verdict}", lang,
                     leader=names.get(rob.leader or "", "–"),
                     share=f"{(rob.shares[0].first_share if rob.shares else 0) * 100:.0f}%"),
         alignment=WRAP)
    header(ws, 5, [t("vendors.wb.criterion", lang), t("vendors.wb.weight", lang),
                   t("vendors.wb.flip_at", lang), t("vendors.wb.flip_delta", lang),
                   t("vendors.wb.new_leader", lang)])
    r = 6
    for f in rob.flips:
        text(ws, r, 1, f.criterion)
        value(ws, r, 2, f.weight, "0.0%")
        if f.new_weight is None:
            text(ws, r, 3, t("vendors.wb.no_flip", lang))
        else:
            value(ws, r, 3, f.new_weight, "0.0%")
            value(ws, r, 4, f.delta, "+0.0%;-0.0%")
            text(ws, r, 5, names.get(f.new_leader or "", ""))
        r += 1
    r += 1
    s = rob.settings
    text(ws, r, 1, t("vendors.wb.mc_title", lang, runs=s.runs, seed=s.seed,
                     concentration=f"{s.concentration:g}"), font=BOLD)
    header(ws, r + 1, [t("vendors.wb.vendor", lang), t("vendors.wb.first_share", lang),
                       t("vendors.wb.expected_rank", lang)])
    r += 2
    for sh in rob.shares:
        text(ws, r, 1, names.get(sh.vendor, sh.vendor))
        value(ws, r, 2, sh.first_share, "0.0%")
        value(ws, r, 3, sh.expected_rank, "0.00")
        r += 1
    widths(ws, {"A": 30, "B": 14, "C": 14, "D": 14, "E": 28})
