"""The panel scoring workbook, one per panelist: scored criteria with their anchored
descriptions, per vendor a score dropdown (0–5 in half points) and a comment column.

Only the panelist's name and role, the scores and the comments are unlocked; the
sheet and the workbook structure are protected (no password: it guards the
layout so the file reads back, it is not security). Layout constants:
:mod:`crm_readiness.models.vendors.panel_layout`.
"""

from __future__ import annotations

import json
from datetime import datetime

from openpyxl import Workbook
from openpyxl.worksheet.datavalidation import DataValidation

from crm_readiness.i18n import Lang, t
from crm_readiness.models.vendors import VendorsFile
from crm_readiness.models.vendors import panel_layout as L
from crm_readiness.models.vendors.panel import Panelist
from crm_readiness.render.cells import INPUT_FILL, header, protect_form, put, workbook_bytes


def _meta(wb: Workbook, vf: VendorsFile, panelist: Panelist, generated: datetime) -> None:
    ws = wb.create_sheet(L.META_SHEET)
    scored = [c.id for c in vf.criteria if c.kind == "scored"]
    rows = [("format", L.PANEL_MAGIC), ("panelist", panelist.id),
            ("vendors", json.dumps([v.id for v in vf.vendors])),
            ("criteria", json.dumps(scored)), ("generated_at", generated.isoformat())]
    for r, (k, v) in enumerate(rows, start=1):
        put(ws, r, 1, k)
        put(ws, r, 2, v)
    ws.protection.sheet = True
    ws.sheet_state = "hidden"


def _lists(wb: Workbook) -> str:
    ws = wb.create_sheet(L.LISTS_SHEET)
    for i, step in enumerate(L.SCORE_STEPS, start=1):
        put(ws, i, 1, step)
    ws.protection.sheet = True
    ws.sheet_state = "hidden"
    return f"{L.LISTS_SHEET}!$A$1:$A${len(L.SCORE_STEPS)}"


def anchors_text(vf: VendorsFile, criterion: str, lang: Lang) -> str:
    """Return a criterion's description and anchored scores as lines of text."""
    c = next(x for x in vf.criteria if x.id == criterion)
    lines = [c.description.get(lang)] if c.description else []
    lines += [f"{s}: {a.get(lang)}" for s, a in sorted(c.anchors.items())]
    return "\n".join(lines)


def render_panel_workbook(vf: VendorsFile, panelist: Panelist, lang: Lang, *,
                          generated: datetime) -> bytes:
    """Return the scoring workbook of ``panelist`` (xlsx bytes)."""
    wb = Workbook()
    ws = wb.active
    ws.title = L.SCORES_SHEET
    dv_range = _lists(wb)
    _meta(wb, vf, panelist, generated)
    put(ws, 1, 1, t("vendors.panel.xlsx.title", lang) + (f" — {vf.title.get(lang)}" if vf.title else ""),
        bold=True)
    put(ws, 2, 1, t("vendors.panel.xlsx.instructions", lang))
    for cell, key, val, editable in (
            (L.NAME_CELL, "vendors.panel.xlsx.name", panelist.name, True),
            (L.ID_CELL, "vendors.panel.xlsx.id", panelist.id, False),
            (L.ROLE_CELL, "vendors.panel.xlsx.role",
             panelist.role.get(lang) if panelist.role else None, True)):
        row = int(cell[1:])
        put(ws, row, 1, t(key, lang), bold=True)
        put(ws, row, 2, val, fill=INPUT_FILL if editable else None, unlocked=editable)
    header(ws, L.SCORE_HEADER_ROW, [t("vendors.wb.id", lang), t("vendors.wb.criterion", lang),
                                    t("vendors.panel.xlsx.anchors", lang)],
           widths=[16, 26, 60])
    dv = DataValidation(type="list", formula1=f"={dv_range}", allow_blank=True,
                        showErrorMessage=True, error=t("vendors.panel.xlsx.dv_error", lang))
    ws.add_data_validation(dv)
    for i, v in enumerate(vf.vendors):
        sc, cc = L.score_col(i), L.comment_col(i)
        put(ws, L.VENDOR_NAME_ROW, sc, v.name.get(lang), bold=True)
        ws.merge_cells(start_row=L.VENDOR_NAME_ROW, start_column=sc,
                       end_row=L.VENDOR_NAME_ROW, end_column=cc)
        put(ws, L.VENDOR_ID_ROW, sc, v.id)
        put(ws, L.SCORE_HEADER_ROW, sc, t("vendors.wb.score", lang), bold=True)
        put(ws, L.SCORE_HEADER_ROW, cc, t("vendors.wb.comment", lang), bold=True)
        ws.column_dimensions[ws.cell(1, sc).column_letter].width = 10
        ws.column_dimensions[ws.cell(1, cc).column_letter].width = 32
    scored = [c for c in vf.criteria if c.kind == "scored"]
    for k, c in enumerate(scored):
        r = L.FIRST_ROW + k
        put(ws, r, L.COL_CRITERION, c.id)
        put(ws, r, L.COL_NAME, c.name.get(lang), wrap=True)
        put(ws, r, L.COL_ANCHORS, anchors_text(vf, c.id, lang), wrap=True)
        for i in range(len(vf.vendors)):
            put(ws, r, L.score_col(i), None, fill=INPUT_FILL, unlocked=True)
            put(ws, r, L.comment_col(i), None, fill=INPUT_FILL, unlocked=True, wrap=True)
            dv.add(ws.cell(r, L.score_col(i)))
    ws.freeze_panes = ws.cell(L.FIRST_ROW, L.FIRST_VENDOR_COL)
    protect_form(wb, ws)
    return workbook_bytes(wb)
