"""Panel scores: reading filled panel workbooks back, and the panel scores file.

Every invalid cell is reported by sheet and cell (``Scores!F11``). A file with
any problem contributes nothing (all or nothing per file, as the questionnaire
import does); the caller decides whether clean files are applied alone.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from crm_readiness.errors import CrmReadinessError, InputFileError, Problem
from crm_readiness.i18n import t
from crm_readiness.io.workbooks import Cell, WorkbookReader, cell_ref, open_workbook
from crm_readiness.io.yaml_files import dump_yaml, load_yaml, validate_loaded
from crm_readiness.models.vendors import VendorsFile
from crm_readiness.models.vendors import panel_layout as L
from crm_readiness.models.vendors.panel import PanelScore, PanelScoresFile

S = TypeVar("S")
#: a meta sheet is a handful of rows; more is not ours (read no further)
MAX_META_ROWS = 50
#: longest comment or note kept (the models' limit)
MAX_TEXT = 4000


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


def cell_text(value: Any) -> str | None:
    """Return a cell's value as stripped text (None when empty)."""
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    s = str(value).strip()
    return s or None


def meta_of(wb: WorkbookReader, magic: str, sheet: str) -> dict[str, str]:
    """Return the hidden meta sheet as a dict; raise when the workbook is not ours."""
    if L.META_SHEET not in wb.sheet_names or sheet not in wb.sheet_names:
        raise InputFileError(wb.path, [problem("", "vendors.import.not_ours")])
    meta = wb.sheet(L.META_SHEET)
    if meta.value("B1") != magic:
        raise InputFileError(wb.path, [problem("", "vendors.import.not_ours")])
    out: dict[str, str] = {}
    for _n, (key, val) in meta.rows(max_col=2):
        if key is not None and len(out) < MAX_META_ROWS:
            out[str(key)] = str(val)
    return out


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
    with open_workbook(path) as wb:
        meta = meta_of(wb, L.PANEL_MAGIC, L.SCORES_SHEET)
        return _read_scores(wb, meta, vf)


def _read_scores(wb: WorkbookReader, meta: dict[str, str], vf: VendorsFile) -> ParsedPanel:
    out = ParsedPanel(wb.path)
    sheet = L.SCORES_SHEET
    ws = wb.sheet(sheet)
    known = {p.id for p in vf.panel.panelists} if vf.panel else set()
    pid = cell_text(ws.value(L.ID_CELL))
    if pid is None or pid != meta.get("panelist") or pid not in known:
        out.problems.append(problem(f"{sheet}!{L.ID_CELL}", "vendors.panel.bad_panelist",
                                    id=pid or "", known=", ".join(sorted(known)) or "–"))
    else:
        out.panelist = pid
    vendors = {v.id for v in vf.vendors}
    columns: list[tuple[int, str]] = []
    try:
        count = len(json.loads(meta.get("vendors", "[]")))
    except ValueError:
        raise InputFileError(wb.path, [problem("", "vendors.import.not_ours")]) from None
    for i in range(min(count, len(vf.vendors))):
        col = L.score_col(i)
        vid = cell_text(ws.cell(L.VENDOR_ID_ROW, col))
        if vid not in vendors:
            out.problems.append(problem(cell_ref(sheet, L.VENDOR_ID_ROW, col),
                                        "vendors.panel.bad_vendor", id=vid or ""))
            continue
        columns.append((i, str(vid)))
    scored = {c.id for c in vf.criteria if c.kind == "scored"}
    width = L.comment_col(max(len(vf.vendors) - 1, 0))
    for row, cells in ws.rows(min_row=L.FIRST_ROW, max_col=width):
        cid = cell_text(cells[L.COL_CRITERION - 1])
        if cid is None:
            continue
        if cid not in scored:
            out.problems.append(problem(cell_ref(sheet, row, L.COL_CRITERION),
                                        "vendors.panel.bad_criterion", id=cid[:60]))
            continue
        for i, vid in columns:
            raw: Cell = cells[L.score_col(i) - 1]
            if cell_text(raw) is None:
                continue  # not scored: the panelist abstains on this one
            value = _score(raw)
            if value is None:
                out.problems.append(problem(cell_ref(sheet, row, L.score_col(i)),
                                            "vendors.panel.bad_score", value=str(raw)[:60],
                                            criterion=cid, vendor=vid))
                continue
            comment = cell_text(cells[L.comment_col(i) - 1])
            if comment is not None and len(comment) > MAX_TEXT:
                out.problems.append(problem(cell_ref(sheet, row, L.comment_col(i)),
                                            "vendors.panel.too_long", max=MAX_TEXT,
                                            n=len(comment)))
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


def panel_scores_data(data: PanelScoresFile) -> dict[str, Any]:
    """Return the panel scores as plain data (a bare number when there is no comment)."""
    return {"version": data.version, "panelists": {
        pid: {vid: {cid: (s.score if s.comment is None else {"score": s.score,
                                                             "comment": s.comment})
                    for cid, s in by_crit.items()} for vid, by_crit in by_vendor.items()}
        for pid, by_vendor in data.panelists.items()}}


def panel_scores_yaml(data: PanelScoresFile) -> str:
    """Return the panel scores file as YAML."""
    head = "".join(f"# {t('io.header.panel_scores', lang)}\n" for lang in ("en", "zh"))
    return head + dump_yaml(panel_scores_data(data))
