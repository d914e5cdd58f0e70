"""The data steward's issues workbook: summary, every problem row with its fix, clusters.

Written in openpyxl's streaming (write-only) mode so a large export does not
build a large workbook in memory. Every text cell is stored as text — a value
beginning with ``=``, ``+``, ``-`` or ``@`` stays data, never a formula
(:mod:`crm_readiness.render.cells`).
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from crm_readiness.i18n import Lang, t
from crm_readiness.models.data.result import ClusterRow, DataProfileResult, IssueRow
from crm_readiness.render.cells import print_setup_sheet, write_only_cell

_BOLD = Font(bold=True)
_HEAD = PatternFill("solid", fgColor="E5E7EB")
_SURVIVOR = PatternFill("solid", fgColor="DCFCE7")
_BAND = PatternFill("solid", fgColor="F3F4F6")


def _cell(ws: WriteOnlyWorksheet, value: Any, *, bold: bool = False,
          fill: PatternFill | None = None) -> WriteOnlyCell:
    # text stays text by the one rule, even "=1+1", "+86 …", "-", "@x", "\x01"
    return write_only_cell(ws, value, font=_BOLD if bold else None, fill=fill)


def _row(ws: WriteOnlyWorksheet, values: list[Any], *, bold: bool = False,
         fill: PatternFill | None = None) -> None:
    ws.append([_cell(ws, v, bold=bold, fill=fill) for v in values])


def fix_text(issue: IssueRow, lang: Lang) -> str:
    """Return the suggested fix for one problem, in ``lang``."""
    if issue.rule == "invalid_format":
        key = f"data.fix.format.{issue.format}"
        return t(key, lang, allowed=issue.detail or "")
    if issue.rule in ("not_in_enum", "inconsistent", "stale", "not_unique"):
        return t(f"data.fix.{issue.rule}", lang, detail=issue.detail or "")
    return t(f"data.fix.{issue.rule}", lang)


def _pct(v: float | None) -> str:
    return "–" if v is None else f"{v * 100:.1f}%"


def render_workbook(result: DataProfileResult, issues: Iterable[IssueRow],
                    clusters: Iterable[ClusterRow], lang: Lang,
                    max_issue_rows: int) -> bytes:
    """Return the issues workbook (xlsx bytes); problem rows are capped at ``max_issue_rows``."""
    wb = Workbook(write_only=True)
    summary = wb.create_sheet(t("data.wb.summary", lang)[:31])
    summary.column_dimensions["A"].width = 34
    summary.column_dimensions["B"].width = 16
    print_setup_sheet(summary)
    _row(summary, [t("data.report.title", lang)], bold=True)
    _row(summary, [t("data.report.score", lang), _pct(result.readiness.value)])
    _row(summary, [t("data.report.pass_rate", lang), _pct(result.record_pass_rate)])
    for d in result.dimensions:
        _row(summary, [t(f"data.dim.{d.dimension}", lang), _pct(d.value), _pct(d.target)])
    _row(summary, [t("data.wb.files", lang), ", ".join(f.path for f in result.files)])
    _row(summary, [t("data.report.records", lang), result.rows])
    _row(summary, [t("data.report.issue_rows", lang, n=result.issue_rows)])
    for h in result.duplicates.hubs:
        _row(summary, [t("data.report.hubs", lang), h.column, h.value, h.records])
    _row(summary, [t("data.wb.readme", lang)])

    ws = wb.create_sheet(t("data.wb.issues", lang)[:31])
    for col, width in zip("ABCDEFGH", (8, 28, 16, 28, 18, 44, 30, 24), strict=True):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = "A2"
    print_setup_sheet(ws, columns=8)
    _row(ws, [t(f"data.wb.col.{k}", lang) for k in ("row", "file", "column", "value", "rule",
                                                      "fix", "detail", "decision")],
         bold=True, fill=_HEAD)
    for written, issue in enumerate(issues):
        if written >= max_issue_rows:
            _row(ws, [t("data.wb.capped", lang, n=max_issue_rows)], bold=True)
            break
        _row(ws, [issue.row, issue.file, issue.column, issue.value or "",
                  t(f"data.rule.{issue.rule}", lang), fix_text(issue, lang), issue.detail or "",
                  ""])

    dup = wb.create_sheet(t("data.wb.duplicates", lang)[:31])
    dup.freeze_panes = "F2"
    print_setup_sheet(dup)
    names: list[str] = []
    band = False
    last = None
    for c in clusters:
        if not names:
            names = list(c.values)
            print_setup_sheet(dup, columns=len(names) + 6)  # before its first row
            _row(dup, [t(f"data.wb.col.{k}", lang) for k in ("cluster", "survivor", "score",
                                                              "row", "file")]
                 + names + [t("data.wb.col.decision", lang)], bold=True, fill=_HEAD)
        if c.cluster_id != last:
            band, last = not band, c.cluster_id
        fill = _SURVIVOR if c.survivor else (_BAND if band else None)
        _row(dup, [c.cluster_id, t("data.wb.yes" if c.survivor else "data.wb.no", lang),
                   c.best_score if c.best_score is not None else "", c.row, c.file,
                   *[(c.values.get(n) or "") for n in names], ""], fill=fill)
    if not names:
        _row(dup, [t("data.wb.no_clusters", lang)])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
