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
from crm_readiness.io.panel import cell_text, meta_of, open_xlsx, problem
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
    from crm_readiness.i18n import t

    wb = open_xlsx(path)
    meta = meta_of(wb, path, L.DEMO_MAGIC)
    if L.OUTCOMES_SHEET not in wb.sheetnames:
        raise InputFileError(path, [problem(L.OUTCOMES_SHEET, "vendors.import.not_ours")])
    ws = wb[L.OUTCOMES_SHEET]
    sheet = L.OUTCOMES_SHEET
    out = ParsedOutcomes(path)
    vid = cell_text(ws[L.VENDOR_ID_CELL].value)
    if vid is None or vid != meta.get("vendor") or vid not in {v.id for v in vf.vendors}:
        out.problems.append(problem(f"{sheet}!{L.VENDOR_ID_CELL}", "vendors.panel.bad_vendor",
                                    id=vid or ""))
    else:
        out.vendor = vid
    known = {r.id for r in catalogue.requirements}
    labels = {t(f"vendors.show.outcome.{o}", lang).casefold(): o
              for o in DEMO_OUTCOMES for lang in ("en", "zh")}
    for row in range(L.DEMO_FIRST_ROW, ws.max_row + 1):
        rid = cell_text(ws.cell(row, L.COL_REQ).value)
        if rid is None:
            continue
        if rid not in known:
            out.problems.append(problem(f"{sheet}!A{row}", "vendors.show.bad_requirement",
                                        id=rid))
            continue
        cell = ws.cell(row, L.COL_OUTCOME)
        raw = cell_text(cell.value)
        if raw is None:
            continue  # not demonstrated (yet): the claim stands
        code = labels.get(raw.casefold()) or normalize_outcome(raw)
        if code not in DEMO_OUTCOMES:
            out.problems.append(problem(f"{sheet}!{cell.coordinate}", "vendors.show.bad_outcome",
                                        value=raw, id=rid))
            continue
        out.outcomes[rid] = DemoResult(outcome=code,
                                       note=cell_text(ws.cell(row, L.COL_NOTE).value))
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


def demo_outcomes_yaml(data: DemoOutcomesFile) -> str:
    """Return the outcomes file as YAML (the bare outcome when there is no note)."""
    plain: dict[str, Any] = {"version": data.version, "vendors": {
        vid: {rid: (d.outcome if d.note is None else {"outcome": d.outcome, "note": d.note})
              for rid, d in by_req.items()} for vid, by_req in data.vendors.items()}}
    head = "# Demonstration outcomes (演示验证结果) written by crm-readiness vendors demo import.\n"
    return head + dump_yaml(plain)
