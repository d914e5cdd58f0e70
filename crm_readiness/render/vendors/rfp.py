"""The RFP response workbook a vendor fills in: one row per requirement, a response dropdown,
comment and evidence columns; the structure is protected so the file can be read back."""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.styles import Protection
from openpyxl.worksheet.datavalidation import DataValidation

from crm_readiness.i18n import Lang, t
from crm_readiness.models.requirements import RequirementsCatalogue
from crm_readiness.models.vendors import RESPONSE_CODES
from crm_readiness.models.vendors import rfp_layout as L
from crm_readiness.render.cells import protect_form, workbook_bytes
from crm_readiness.render.vendors._cells import (
    BOLD,
    INPUT_FILL,
    RED_FILL,
    TITLE_FONT,
    WRAP,
    header,
    text,
    widths,
)

UNLOCKED = Protection(locked=False)


def _instructions(wb: Workbook, lang: Lang, vendor_name: str | None, vendor_id: str | None,
                  catalogue: RequirementsCatalogue) -> None:
    ws = wb.active
    ws.title = L.INSTRUCTIONS
    text(ws, 1, 1, t("vendors.rfp.title", lang), font=TITLE_FONT)
    text(ws, 1, 4, L.FORMAT_MARK)
    text(ws, 2, 1, catalogue.title.get(lang) if catalogue.title else "")
    for r, key, val in ((4, "vendors.rfp.vendor_name", vendor_name),
                        (5, "vendors.rfp.vendor_id", vendor_id)):
        text(ws, r, 1, t(key, lang), font=BOLD)
        cell = ws.cell(r, 2)
        text(ws, r, 2, val)
        cell.fill = INPUT_FILL
        cell.protection = UNLOCKED
    row = 7
    for key in ("vendors.rfp.how1", "vendors.rfp.how2", "vendors.rfp.how3", "vendors.rfp.how4"):
        text(ws, row, 1, t(key, lang), alignment=WRAP)
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=3)
        row += 1
    row += 1
    header(ws, row, [t("vendors.wb.response", lang), t("vendors.rfp.meaning", lang)])
    for code in RESPONSE_CODES:
        row += 1
        text(ws, row, 1, code)
        text(ws, row, 2, t(f"vendors.response.{code}", lang))
    widths(ws, {"A": 28, "B": 48, "C": 30})
    ws.protection.sheet = True


def render_rfp_workbook(catalogue: RequirementsCatalogue, lang: Lang, *,
                        vendor_name: str | None = None, vendor_id: str | None = None) -> bytes:
    """Return the RFP response workbook (xlsx bytes) for ``catalogue``."""
    wb = Workbook()
    _instructions(wb, lang, vendor_name, vendor_id, catalogue)
    ws = wb.create_sheet(L.RESPONSES)
    header(ws, 1, [t("vendors.wb.id", lang), t("vendors.wb.module", lang),
                   t("vendors.wb.requirement", lang), t("vendors.rfp.description", lang),
                   t("vendors.wb.priority", lang), t("vendors.rfp.acceptance", lang),
                   t("vendors.wb.response", lang), t("vendors.wb.comment", lang),
                   t("vendors.wb.evidence", lang)])
    lists = wb.create_sheet(L.LISTS)
    for i, code in enumerate(RESPONSE_CODES):
        text(lists, 2 + i, 1, code)
    text(lists, 1, 1, t("vendors.wb.response", lang))
    lists.sheet_state = "hidden"
    lists.protection.sheet = True
    dv = DataValidation(type="list", formula1=f"{L.LISTS}!$A$2:$A${1 + len(RESPONSE_CODES)}",
                        allow_blank=True, showErrorMessage=True,
                        error=t("vendors.wb.dv_error", lang))
    ws.add_data_validation(dv)
    for n, req in enumerate(catalogue.requirements):
        r = L.FIRST_ROW + n
        text(ws, r, L.COL_ID, req.id)
        text(ws, r, L.COL_MODULE, catalogue.module_name(req.module).get(lang))
        text(ws, r, L.COL_TITLE, req.title.get(lang), alignment=WRAP)
        text(ws, r, L.COL_DESCRIPTION, req.description.get(lang) if req.description else None,
             alignment=WRAP)
        text(ws, r, L.COL_PRIORITY, req.priority)
        if req.priority == "must":
            ws.cell(r, L.COL_PRIORITY).fill = RED_FILL
        text(ws, r, L.COL_ACCEPTANCE, req.acceptance.get(lang) if req.acceptance else None,
             alignment=WRAP)
        for c in (L.COL_RESPONSE, L.COL_COMMENT, L.COL_EVIDENCE):
            cell = ws.cell(r, c)
            cell.protection = UNLOCKED
            cell.fill = INPUT_FILL
            cell.alignment = WRAP
    last = L.FIRST_ROW + len(catalogue.requirements) - 1
    dv.add(f"G{L.FIRST_ROW}:G{last}")
    widths(ws, {"A": 10, "B": 18, "C": 36, "D": 50, "E": 9, "F": 40, "G": 16, "H": 40, "I": 30})
    ws.freeze_panes = "C2"
    ws.auto_filter.ref = f"A1:I{last}"
    protect_form(wb, ws, sort_and_filter=True)
    return workbook_bytes(wb)
