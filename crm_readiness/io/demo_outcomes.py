"""Demonstration outcomes: reading filled outcome workbooks back, and the outcomes file.

One workbook per vendor records, per must and should requirement, what the
scripted demonstration showed. Every invalid cell is reported by sheet and
cell; a file with any problem contributes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from crm_readiness.errors import InputFileError, Problem
from crm_readiness.i18n import t
from crm_readiness.io.panel import MAX_TEXT, cell_text, meta_of, problem
from crm_readiness.io.workbooks import WorkbookReader, cell_ref, open_workbook
from crm_readiness.io.yaml_files import dump_yaml, load_yaml, validate_loaded
from crm_readiness.models.requirements import RequirementsCatalogue
from crm_readiness.models.vendors import VendorsFile
from crm_readiness.models.vendors import panel_layout as L
from crm_readiness.models.vendors.panel import (
    DEMO_OUTCOMES,
    DemoOutcomesFile,
    DemoResult,
    normalize_outcome,
)


@dataclass
class ParsedOutcomes:
    """One outcome workbook as read: the vendor, valid outcomes and located problems."""

    path: Path
    vendor: str | None = None
    outcomes: dict[str, DemoResult] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def read_outcome_workbook(path: Path, vf: VendorsFile,
                          catalogue: RequirementsCatalogue) -> ParsedOutcomes:
    """Read one filled outcome workbook; collect every problem instead of stopping."""
    with open_workbook(path) as wb:
        meta = meta_of(wb, L.DEMO_MAGIC, L.OUTCOMES_SHEET)
        return _read_outcomes(wb, meta, vf, catalogue)


def _read_outcomes(wb: WorkbookReader, meta: dict[str, str], vf: VendorsFile,
                   catalogue: RequirementsCatalogue) -> ParsedOutcomes:
    sheet = L.OUTCOMES_SHEET
    ws = wb.sheet(sheet)
    out = ParsedOutcomes(wb.path)
    vid = cell_text(ws.value(L.VENDOR_ID_CELL))
    if vid is None or vid != meta.get("vendor") or vid not in {v.id for v in vf.vendors}:
        out.problems.append(problem(f"{sheet}!{L.VENDOR_ID_CELL}", "vendors.panel.bad_vendor",
                                    id=(vid or "")[:60]))
    else:
        out.vendor = vid
    known = {r.id for r in catalogue.requirements}
    labels = {t(f"vendors.show.outcome.{o}", lang).casefold(): o
              for o in DEMO_OUTCOMES for lang in ("en", "zh")}
    for row, cells in ws.rows(min_row=L.DEMO_FIRST_ROW, max_col=L.COL_NOTE):
        rid = cell_text(cells[L.COL_REQ - 1])
        if rid is None:
            continue
        if rid not in known:
            out.problems.append(problem(cell_ref(sheet, row, L.COL_REQ),
                                        "vendors.show.bad_requirement", id=rid[:60]))
            continue
        raw = cell_text(cells[L.COL_OUTCOME - 1])
        if raw is None:
            continue  # not demonstrated (yet): the claim stands
        code = labels.get(raw.casefold()) or normalize_outcome(raw)
        if code not in DEMO_OUTCOMES:
            out.problems.append(problem(cell_ref(sheet, row, L.COL_OUTCOME),
                                        "vendors.show.bad_outcome", value=raw[:60], id=rid))
            continue
        note = cell_text(cells[L.COL_NOTE - 1])
        if note is not None and len(note) > MAX_TEXT:
            out.problems.append(problem(cell_ref(sheet, row, L.COL_NOTE), "vendors.panel.too_long",
                                        max=MAX_TEXT, n=len(note)))
            continue
        out.outcomes[rid] = DemoResult(outcome=code, note=note)
    return out


def load_demo_outcomes(path: Path, vf: VendorsFile,
                       catalogue: RequirementsCatalogue) -> DemoOutcomesFile:
    """Load a demonstration outcomes file and check its vendor and requirement ids."""
    loaded = load_yaml(path)
    data = validate_loaded(loaded, DemoOutcomesFile)
    vendors = {v.id for v in vf.vendors}
    known = {r.id for r in catalogue.requirements}
    problems: list[Problem] = []
    for vid, by_req in data.vendors.items():
        if vid not in vendors:
            line, col = loaded.locate(("vendors", vid))
            p = problem(f"vendors.{vid}", "vendors.panel.bad_vendor", id=vid)
            problems.append(Problem(p.location, p.message, p.message_zh, line, col))
        for rid in by_req:
            if rid not in known:
                line, col = loaded.locate(("vendors", vid, rid))
                p = problem(f"vendors.{vid}.{rid}", "vendors.show.bad_requirement", id=rid)
                problems.append(Problem(p.location, p.message, p.message_zh, line, col))
    if problems:
        raise InputFileError(path, problems)
    return data


def demo_outcomes_data(data: DemoOutcomesFile) -> dict[str, Any]:
    """Return the outcomes as plain data (the bare outcome when there is no note)."""
    return {"version": data.version, "vendors": {
        vid: {rid: (d.outcome if d.note is None else {"outcome": d.outcome, "note": d.note})
              for rid, d in by_req.items()} for vid, by_req in data.vendors.items()}}


def demo_outcomes_yaml(data: DemoOutcomesFile) -> str:
    """Return the outcomes file as YAML."""
    head = "".join(f"# {t('io.header.demo_outcomes', lang)}\n" for lang in ("en", "zh"))
    return head + dump_yaml(demo_outcomes_data(data))
