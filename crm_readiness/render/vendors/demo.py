"""Demonstration scripts (one per vendor, Markdown, HTML or Word) and the outcome workbook to record
what each demonstration showed, per must and should requirement.

The script lists the requirements musts first, with what the vendor claimed and
how the catalogue says to verify it (its acceptance text). The outcome workbook
carries the same rows with an outcome dropdown (shown as claimed / shown with
configuration / shown with custom work / not shown) and a note column.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from datetime import datetime

from openpyxl import Workbook
from openpyxl.worksheet.datavalidation import DataValidation

from crm_readiness.i18n import Lang, t
from crm_readiness.models._base import Text
from crm_readiness.models.requirements import Requirement, RequirementsCatalogue
from crm_readiness.models.vendors import Vendor
from crm_readiness.models.vendors import panel_layout as L
from crm_readiness.models.vendors.panel import DEMO_OUTCOMES
from crm_readiness.render import Format
from crm_readiness.render.cells import INPUT_FILL, header, protect_form, put, visible_controls, workbook_bytes
from crm_readiness.render.jinja_env import render_template


@dataclass(frozen=True)
class ScriptStep:
    """One requirement of a demonstration script."""

    requirement: Requirement
    claimed: str | None


def script_steps(catalogue: RequirementsCatalogue, vendor: Vendor) -> list[ScriptStep]:
    """Return the must and should requirements, musts first, with the vendor's claim."""
    order = {"must": 0, "should": 1}
    reqs = sorted((r for r in catalogue.requirements if r.priority in order),
                  key=lambda r: order[r.priority])
    return [ScriptStep(r, (vendor.responses[r.id].response if r.id in vendor.responses
                           else None)) for r in reqs]


def render_demo_script(catalogue: RequirementsCatalogue, vendor: Vendor, lang: Lang,
                       fmt: Format, title: Text | None = None) -> str:
    """Return the demonstration script of ``vendor`` as Markdown or HTML."""
    steps = script_steps(catalogue, vendor)
    name = "vendors/demo-script.html.j2" if fmt is Format.html else "vendors/demo-script.md.j2"
    return render_template(name, lang, vendor=vendor, steps=steps, title=title,
                           modules={m: catalogue.module_name(m) for m in catalogue.module_ids()},
                           outcomes=DEMO_OUTCOMES)


def render_demo_script_docx(catalogue: RequirementsCatalogue, vendor: Vendor, lang: Lang,
                            title: Text | None = None) -> bytes:
    """Return the demonstration script of ``vendor`` as a Word document (bytes).

    The same steps as the HTML script: per must and should requirement what the vendor
    claimed, how to verify it, and an empty outcome column to tick during the demo.
    """
    import docx
    from docx.oxml.ns import qn

    from crm_readiness.render.vendors.spec import _SafeDocument, _table

    document = _SafeDocument(docx.Document())
    normal = document.styles["Normal"]
    normal.font.name = "Calibri"
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "Microsoft YaHei")
    heading = f"{t('vendors.show.script_title', lang)}: {vendor.name.get(lang)}"
    document.core_properties.title = visible_controls(heading)
    document.add_heading(heading, level=0)
    if title:
        document.add_paragraph(title.get(lang))
    document.add_paragraph(t("vendors.show.script_intro", lang))
    document.add_paragraph(t("vendors.show.outcome", lang) + ": " + " · ".join(
        t(f"vendors.show.outcome.{o}", lang) for o in DEMO_OUTCOMES))
    heads = ["#", t("vendors.wb.id", lang), t("vendors.wb.priority", lang),
             t("vendors.wb.requirement", lang), t("vendors.show.claimed", lang),
             t("vendors.show.how", lang), t("vendors.show.outcome", lang)]
    rows = []
    for n, step in enumerate(script_steps(catalogue, vendor), start=1):
        req = step.requirement
        how = (req.acceptance.get(lang) if req.acceptance else
               (req.description.get(lang) if req.description else ""))
        rows.append([str(n), req.id, t(f"vendors.prio.{req.priority}", lang),
                     req.title.get(lang), step.claimed or "–", how, ""])
    _table(document, heads, rows)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def render_outcome_workbook(catalogue: RequirementsCatalogue, vendor: Vendor, lang: Lang, *,
                            generated: datetime) -> bytes:
    """Return the outcome workbook of ``vendor`` (xlsx bytes)."""
    wb = Workbook()
    ws = wb.active
    ws.title = L.OUTCOMES_SHEET
    meta = wb.create_sheet(L.META_SHEET)
    for r, (k, v) in enumerate((("format", L.DEMO_MAGIC), ("vendor", vendor.id),
                                ("requirements", json.dumps([s.requirement.id for s in
                                                             script_steps(catalogue, vendor)])),
                                ("generated_at", generated.isoformat())), start=1):
        put(meta, r, 1, k)
        put(meta, r, 2, v)
    lists = wb.create_sheet(L.LISTS_SHEET)
    for i, o in enumerate(DEMO_OUTCOMES, start=1):
        put(lists, i, 1, t(f"vendors.show.outcome.{o}", lang))
    for sheet in (meta, lists):
        sheet.protection.sheet = True
        sheet.sheet_state = "hidden"
    put(ws, 1, 1, t("vendors.show.xlsx_title", lang), bold=True)
    put(ws, 2, 1, t("vendors.show.xlsx_instructions", lang))
    put(ws, 3, 1, t("vendors.wb.vendor", lang), bold=True)
    put(ws, 3, 2, vendor.name.get(lang))
    put(ws, 4, 1, t("vendors.wb.id", lang), bold=True)
    put(ws, 4, 2, vendor.id)
    header(ws, L.DEMO_HEADER_ROW, [
        t("vendors.wb.id", lang), t("vendors.wb.priority", lang),
        t("vendors.wb.requirement", lang), t("vendors.show.claimed", lang),
        t("vendors.show.how", lang), t("vendors.show.outcome", lang), t("vendors.wb.note", lang)],
        widths=[10, 9, 36, 16, 50, 26, 40])
    dv = DataValidation(type="list", formula1=f"={L.LISTS_SHEET}!$A$1:$A${len(DEMO_OUTCOMES)}",
                        allow_blank=True, showErrorMessage=True,
                        error=t("vendors.show.xlsx_dv_error", lang))
    ws.add_data_validation(dv)
    for n, step in enumerate(script_steps(catalogue, vendor)):
        r = L.DEMO_FIRST_ROW + n
        req = step.requirement
        put(ws, r, L.COL_REQ, req.id)
        put(ws, r, L.COL_PRIORITY, req.priority)
        put(ws, r, L.COL_TITLE, req.title.get(lang), wrap=True)
        put(ws, r, L.COL_CLAIM, step.claimed or "–")
        put(ws, r, L.COL_SHOW, req.acceptance.get(lang) if req.acceptance else
            (req.description.get(lang) if req.description else ""), wrap=True)
        put(ws, r, L.COL_OUTCOME, None, fill=INPUT_FILL, unlocked=True)
        put(ws, r, L.COL_NOTE, None, fill=INPUT_FILL, unlocked=True, wrap=True)
        dv.add(ws.cell(r, L.COL_OUTCOME))
    ws.freeze_panes = ws.cell(L.DEMO_FIRST_ROW, L.COL_TITLE)
    protect_form(wb, ws)
    return workbook_bytes(wb)
