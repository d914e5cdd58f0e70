"""Panel scores: reading filled panel workbooks back, and the panel scores file.

Every invalid cell is reported by sheet and cell (``Scores!F11``). A file with
any problem contributes nothing (all or nothing per file, as the questionnaire
import does); the caller decides whether clean files are applied alone.
"""

from __future__ import annotations

import json
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from crm_readiness.errors import CrmReadinessError, InputFileError, Problem
from crm_readiness.i18n import t
from crm_readiness.io.yaml_files import dump_yaml, load_yaml, validate_loaded
from crm_readiness.models.vendors import VendorsFile
from crm_readiness.models.vendors import panel_layout as L
from crm_readiness.models.vendors.panel import PanelScore, PanelScoresFile


class ImportProblems(CrmReadinessError):
    """Invalid cells in one or more imported workbooks; nothing was applied (exit 3)."""

    exit_code = 3

    def __init__(self, errors: list[InputFileError]) -> None:
        self.errors = errors
        super().__init__(
            "\n".join(e.text("en") for e in errors) + "\n" + t("vendors.import.nothing", "en"),
            "\n".join(e.text("zh") for e in errors) + "\n" + t("vendors.import.nothing", "zh"))


def problem(location: str, key: str, **params: object) -> Problem:
    """Return a located problem with the catalogue message ``key`` in both languages."""
    return Problem(location, t(key, "en", **params), t(key, "zh", **params))


def open_xlsx(path: Path) -> Any:
    """Open a workbook for reading (formulas as written), or raise a located error."""
    from openpyxl import load_workbook

    try:
        return load_workbook(path, data_only=False)
    except FileNotFoundError:
        raise InputFileError(path, [problem("", "file.not_found")]) from None
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputFileError(path, [problem("", "vendors.import.not_xlsx",
                                            reason=str(exc) or type(exc).__name__)]) from None


def cell_text(value: Any) -> str | None:
    """Return a cell's value as stripped text (None when empty)."""
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    s = str(value).strip()
    return s or None


def meta_of(wb: Any, path: Path, magic: str) -> dict[str, str]:
    """Return the hidden meta sheet as a dict; raise when the workbook is not ours."""
    if L.META_SHEET not in wb.sheetnames or wb[L.META_SHEET]["B1"].value != magic:
        raise InputFileError(path, [problem("", "vendors.import.not_ours")])
    return {str(r[0]): str(r[1]) for r in wb[L.META_SHEET].iter_rows(
        min_col=1, max_col=2, values_only=True) if r[0] is not None}


@dataclass
class ParsedPanel:
    """One panel workbook as read: the panelist, valid scores and located problems."""

    path: Path
    panelist: str | None = None
    scores: dict[str, dict[str, PanelScore]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def _score(raw: Any) -> float | None:
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int | float):
        number = float(raw)
    else:
        try:
            number = float(str(raw).strip().replace(",", "."))
        except ValueError:
            return None
    return number if 0 <= number <= 5 and number * 2 == int(number * 2) else None


def read_panel_workbook(path: Path, vf: VendorsFile) -> ParsedPanel:
    """Read one filled panel workbook; collect every problem instead of stopping."""
    wb = open_xlsx(path)
    meta = meta_of(wb, path, L.PANEL_MAGIC)
    out = ParsedPanel(path)
    ws = wb[L.SCORES_SHEET] if L.SCORES_SHEET in wb.sheetnames else None
    if ws is None:
        raise InputFileError(path, [problem(L.SCORES_SHEET, "vendors.import.not_ours")])
    sheet = L.SCORES_SHEET
    known = {p.id for p in vf.panel.panelists} if vf.panel else set()
    pid = cell_text(ws[L.ID_CELL].value)
    if pid is None or pid != meta.get("panelist") or pid not in known:
        out.problems.append(problem(f"{sheet}!{L.ID_CELL}", "vendors.panel.bad_panelist",
                                    id=pid or "", known=", ".join(sorted(known)) or "–"))
    else:
        out.panelist = pid
    vendors = {v.id for v in vf.vendors}
    columns: list[tuple[int, str]] = []
    for i in range(len(json.loads(meta.get("vendors", "[]")))):
        ref = ws.cell(L.VENDOR_ID_ROW, L.score_col(i))
        vid = cell_text(ref.value)
        if vid not in vendors:
            out.problems.append(problem(f"{sheet}!{ref.coordinate}", "vendors.panel.bad_vendor",
                                        id=vid or ""))
            continue
        columns.append((i, str(vid)))
    scored = {c.id for c in vf.criteria if c.kind == "scored"}
    for row in range(L.FIRST_ROW, ws.max_row + 1):
        cid = cell_text(ws.cell(row, L.COL_CRITERION).value)
        if cid is None:
            continue
        if cid not in scored:
            out.problems.append(problem(f"{sheet}!A{row}", "vendors.panel.bad_criterion", id=cid))
            continue
        for i, vid in columns:
            cell = ws.cell(row, L.score_col(i))
            comment = cell_text(ws.cell(row, L.comment_col(i)).value)
            if cell_text(cell.value) is None:
                continue  # not scored: the panelist abstains on this one
            value = _score(cell.value)
            if value is None:
                out.problems.append(problem(f"{sheet}!{cell.coordinate}",
                                            "vendors.panel.bad_score", value=str(cell.value),
                                            criterion=cid, vendor=vid))
                continue
            out.scores.setdefault(vid, {})[cid] = PanelScore(score=value, comment=comment)
    return out


def load_panel_scores(path: Path, vf: VendorsFile) -> PanelScoresFile:
    """Load a panel scores file and check its panelist, vendor and criterion ids."""
    loaded = load_yaml(path)
    data = validate_loaded(loaded, PanelScoresFile)
    known = {p.id for p in vf.panel.panelists} if vf.panel else set()
    vendors = {v.id for v in vf.vendors}
    scored = {c.id for c in vf.criteria if c.kind == "scored"}
    found: list[tuple[tuple[str, ...], str, dict[str, object]]] = []
    for pid, by_vendor in data.panelists.items():
        if pid not in known:
            found.append((("panelists", pid), "vendors.panel.bad_panelist",
                          {"id": pid, "known": ", ".join(sorted(known)) or "–"}))
        for vid, by_crit in by_vendor.items():
            if vid not in vendors:
                found.append((("panelists", pid, vid), "vendors.panel.bad_vendor", {"id": vid}))
            for cid in by_crit:
                if cid not in scored:
                    found.append((("panelists", pid, vid, cid), "vendors.panel.bad_criterion",
                                  {"id": cid}))
    if found:
        problems = []
        for loc, key, params in found:
            line, col = loaded.locate(loc)
            p = problem(".".join(loc), key, **params)
            problems.append(Problem(p.location, p.message, p.message_zh, line, col))
        raise InputFileError(path, problems)
    return data


def panel_scores_yaml(data: PanelScoresFile) -> str:
    """Return the panel scores file as YAML (a bare number when there is no comment)."""
    plain: dict[str, Any] = {"version": data.version, "panelists": {}}
    for pid, by_vendor in data.panelists.items():
        plain["panelists"][pid] = {
            vid: {cid: (s.score if s.comment is None else {"score": s.score,
                                                           "comment": s.comment})
                  for cid, s in by_crit.items()} for vid, by_crit in by_vendor.items()}
    head = "# Panel scores (评审小组打分) written by crm-readiness vendors panel import.\n"
    return head + dump_yaml(plain)
