"""The data steward's issues workbook: summary, the problems to review with their fix, clusters.

It holds what a person reviews: up to ``--max-issue-rows`` problems per column and
rule and as many duplicate clusters, never beyond a sheet's 1,048,576 rows; the
summary sheet states per column and rule the total and how many were cut, and
every problem row and cluster row is in the CSVs beside it (written by DuckDB's
``COPY`` with the safe-cell rule, see ``workflows.data``).

Written in openpyxl's streaming (write-only) mode so a large export does not
build a large workbook in memory. Every text cell is stored as text — a value
beginning with ``=``, ``+``, ``-`` or ``@`` stays data, never a formula
(:mod:`crm_readiness.render.cells`).
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from crm_readiness.engine.data.issues import DETAIL_MARK, IssueCount
from crm_readiness.engine.data.plan import ColumnPlan
from crm_readiness.i18n import Lang, t
from crm_readiness.models.data.result import HUBS_KEPT, ClusterRow, DataProfileResult, IssueRow
from crm_readiness.render.cells import print_setup_sheet, streaming_sheet, write_only_cell

_BOLD = Font(bold=True)
_HEAD = PatternFill("solid", fgColor="E5E7EB")
_SURVIVOR = PatternFill("solid", fgColor="DCFCE7")
_BAND = PatternFill("solid", fgColor="F3F4F6")
#: leading columns of the duplicates sheet that carry the band and the kept-record colour.
_MARKED = 5


def _cell(ws: WriteOnlyWorksheet, value: Any, *, bold: bool = False,
          fill: PatternFill | None = None) -> WriteOnlyCell:
    # text stays text by the one rule, even "=1+1", "+86 …", "-", "@x", "\x01"
    return write_only_cell(ws, value, font=_BOLD if bold else None, fill=fill)


def _row(ws: WriteOnlyWorksheet, values: list[Any], *, bold: bool = False,
         fill: PatternFill | None = None, fill_cols: int | None = None) -> None:
    """Append a row; ``fill`` colours its first ``fill_cols`` cells (all when ``None``).

    An empty unstyled cell is left out of the file (openpyxl skips ``None``), which
    a spreadsheet shows the same and a large sheet writes in less time.
    """
    width = len(values) if fill_cols is None else fill_cols
    if not bold and (fill is None or width == 0):  # the sheet applies the rule to each value
        ws.append([None if v == "" else v for v in values])
        return
    ws.append([_cell(ws, v, bold=bold, fill=fill if k < width else None)
               if (bold or (fill is not None and k < width)) else (None if v == "" else v)
               for k, v in enumerate(values)])


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


#: rule codes a problem row can carry (the CSV's rule labels and fixes cover each).
RULES = ("missing_required", "invalid_format", "not_in_enum", "pattern", "below_min",
         "above_max", "inconsistent", "stale", "not_unique")
#: top hub values listed in the summary sheet (all are in the JSON).
LISTED_HUBS = 20


def issue_texts(plans: Sequence[ColumnPlan], lang: Lang) -> tuple[list[str], dict[str, str],
                                                                    dict[tuple[int, str], str]]:
    """Return the CSV's headers, rule labels and fix texts, as :func:`fix_text` words them.

    Fix texts are keyed (column index, rule), or (-1, rule) when the same for every
    column; :data:`DETAIL_MARK` stands where a text takes the row's detail.
    """
    headers = [t(f"data.wb.col.{k}", lang) for k in ("file", "row", "column", "value", "rule",
                                                      "fix", "detail")] + ["rule_code"]
    labels = {r: t(f"data.rule.{r}", lang) for r in RULES}
    fixes: dict[tuple[int, str], str] = {}
    for r in RULES:
        if r == "invalid_format":
            continue
        if r in ("not_in_enum", "inconsistent", "stale", "not_unique"):
            fixes[(-1, r)] = t(f"data.fix.{r}", lang, detail=DETAIL_MARK)
        else:
            fixes[(-1, r)] = t(f"data.fix.{r}", lang)
    for p in plans:
        allowed = ", ".join(p.rule.enum) if p.rule.enum else ""
        fixes[(p.index, "invalid_format")] = t(f"data.fix.format.{p.rule.format}", lang,
                                              allowed=allowed)
    return headers, labels, fixes


def cluster_headers(lang: Lang) -> tuple[list[str], tuple[str, str]]:
    """Return the cluster CSV's leading headers and its kept / merged words."""
    return ([t(f"data.wb.col.{k}", lang) for k in ("cluster", "survivor", "score", "file",
                                                    "row")],
            (t("data.wb.yes", lang), t("data.wb.no", lang)))


@dataclass(frozen=True)
class WorkbookCaps:
    """What the issues workbook lists and where the rest is: caps, counts, the CSVs beside it."""

    per_rule: int
    counts: Sequence[IssueCount]
    max_clusters: int
    issues_csv: str
    clusters_csv: str


def _summary_counts(summary: WriteOnlyWorksheet, result: DataProfileResult, caps: WorkbookCaps,
                    listed_clusters: int, lang: Lang) -> None:
    _row(summary, [])
    _row(summary, [t("data.wb.counts_title", lang, n=caps.per_rule, csv=caps.issues_csv)],
         bold=True)
    _row(summary, [t(f"data.wb.col.{k}", lang) for k in ("column", "rule", "total", "listed",
                                                          "cut")], bold=True, fill=_HEAD)
    for c in caps.counts:
        _row(summary, [c.column, t(f"data.rule.{c.rule}", lang), c.total, c.listed, c.cut])
    if not caps.counts:
        _row(summary, [t("data.wb.no_issues", lang)])
    clusters = result.duplicates.clusters
    _row(summary, [t("data.wb.clusters_listed", lang, listed=listed_clusters, total=clusters,
                     csv=caps.clusters_csv)])


def render_workbook(result: DataProfileResult, issues: Iterable[IssueRow],
                    clusters: Iterable[ClusterRow], lang: Lang, caps: WorkbookCaps) -> bytes:
    """Return the issues workbook (xlsx bytes): what a person reviews, capped per rule.

    ``issues`` and ``clusters`` are already capped (``caps``); the summary sheet states
    per column and rule how many problems there are and how many were cut, and
    names the CSVs beside the workbook that hold every problem and cluster row.
    """
    wb = Workbook(write_only=True)
    summary = streaming_sheet(wb, t("data.wb.summary", lang)[:31])
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
    hubs = result.duplicates.hubs
    for h in hubs[:LISTED_HUBS]:
        _row(summary, [t("data.report.hubs", lang), h.column, h.value, h.records])
    if result.duplicates.hubs_total > LISTED_HUBS:
        more = result.duplicates.hubs_total - LISTED_HUBS
        _row(summary, [t("data.wb.more_hubs", lang, n=f"{more:,}", kept=f"{HUBS_KEPT:,}")])
    _row(summary, [t("data.wb.readme", lang)])

    ws = streaming_sheet(wb, t("data.wb.issues", lang)[:31])
    for col, width in zip("ABCDEFGH", (8, 28, 16, 28, 18, 44, 30, 24), strict=True):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = "A2"
    print_setup_sheet(ws, columns=8)
    _row(ws, [t(f"data.wb.col.{k}", lang) for k in ("row", "file", "column", "value", "rule",
                                                      "fix", "detail", "decision")],
         bold=True, fill=_HEAD)
    texts: dict[tuple[str, str, str | None], tuple[str, str]] = {}  # a few distinct per sheet
    for issue in issues:
        key = (issue.rule, issue.format, issue.detail)
        label_fix = texts.get(key)
        if label_fix is None:
            label_fix = texts[key] = (t(f"data.rule.{issue.rule}", lang), fix_text(issue, lang))
        _row(ws, [issue.row, issue.file, issue.column, issue.value or "", *label_fix,
                  issue.detail or "", ""])
    if any(c.cut for c in caps.counts):
        _row(ws, [t("data.wb.capped", lang, n=caps.per_rule, csv=caps.issues_csv)], bold=True)

    dup = streaming_sheet(wb, t("data.wb.duplicates", lang)[:31])
    dup.freeze_panes = "F2"
    print_setup_sheet(dup)
    names: list[str] = []
    band = False
    last = None
    listed = 0
    for c in clusters:
        if not names:
            names = list(c.values)
            print_setup_sheet(dup, columns=len(names) + 6)  # before its first row
            _row(dup, [t(f"data.wb.col.{k}", lang) for k in ("cluster", "survivor", "score",
                                                              "row", "file")]
                 + names + [t("data.wb.col.decision", lang)], bold=True, fill=_HEAD)
        if c.cluster_id != last:
            band, last = not band, c.cluster_id
            listed += 1
        fill = _SURVIVOR if c.survivor else (_BAND if band else None)
        # the band and the kept record are marked on the leading columns (cluster … file):
        # colouring every cell of a wide export's row costs most of the sheet's time
        _row(dup, [c.cluster_id, t("data.wb.yes" if c.survivor else "data.wb.no", lang),
                   c.best_score if c.best_score is not None else "", c.row, c.file,
                   *[(c.values.get(n) or "") for n in names], ""], fill=fill,
             fill_cols=_MARKED)
    if not names:
        _row(dup, [t("data.wb.no_clusters", lang)])
    elif listed < result.duplicates.clusters:
        _row(dup, [t("data.wb.clusters_capped", lang, listed=listed,
                     total=result.duplicates.clusters, csv=caps.clusters_csv)], bold=True)
    _summary_counts(summary, result, caps, listed, lang)
    if result.clerical is not None:
        from crm_readiness.render.data.clerical_sheet import add_review_sheet

        add_review_sheet(wb, result.clerical, lang)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
