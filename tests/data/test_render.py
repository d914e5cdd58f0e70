"""Rendered outputs: JSON round trip, escaped HTML, safe workbook cells, renderers per format."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from openpyxl import load_workbook

from crm_readiness.engine.data.issues import iter_cluster_rows, iter_issues
from crm_readiness.engine.data.plan import column_plans
from crm_readiness.io.data_sources import load_profile_result, load_rules, open_export
from crm_readiness.models.data.result import ClusterRow, IssueRow
from crm_readiness.render import Format
from crm_readiness.render.data import PROFILE_FORMATS, RENDERERS
from crm_readiness.render.data.workbook import render_workbook
from crm_readiness.workflows.data import profile_files
from tests.data.conftest import DATA_ASSETS
from tests.tools.libreoffice import needs_soffice, recalculate_xlsx

DANGEROUS = ['=HYPERLINK("http://x")', "+123", "-1", "@evil corp"]


@pytest.fixture(scope="module")
def small_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("small-out")
    profile_files([DATA_ASSETS / "small.csv"], DATA_ASSETS / "small_rules.yaml", out,
                  PROFILE_FORMATS, "en", sample=3)
    return out


def test_every_profile_format_has_a_renderer() -> None:
    for name in PROFILE_FORMATS:
        assert Format(name) is Format.xlsx or Format(name) in RENDERERS


def test_json_round_trip(small_run: Path) -> None:
    result = load_profile_result(small_run / "small-profile.json")
    assert result.rows == 5
    assert result.column("手机") is not None


def test_html_escapes_data(small_run: Path) -> None:
    html = (small_run / "small-profile.html").read_text("utf-8")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<svg" in html
    assert 'src="http' not in html and 'href="http' not in html  # no external requests
    assert "=HYPERLINK(&#34;http://x&#34;)" in html


def test_markdown_report(small_run: Path) -> None:
    md = (small_run / "small-profile.md").read_text("utf-8")
    assert md.startswith("# Data readiness profile")
    assert "| Completeness | 90.0% |" in md


def _texts(path: Path) -> list[str]:
    wb = load_workbook(path)
    return [c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row
            if isinstance(c.value, str)]


def test_workbook_cells_stay_text(small_run: Path) -> None:
    path = small_run / "small-issues.xlsx"
    wb = load_workbook(path)
    issues = wb.worksheets[1]
    values = {c.value: c.data_type for row in issues.iter_rows() for c in row}
    for text in DANGEROUS:
        assert values.get(text) == "s", text
    dup = wb.worksheets[2]
    header = [c.value for c in next(dup.iter_rows())]
    assert header[:5] == ["Cluster", "Suggestion", "Match score", "Row", "File"]
    assert header[-1] == "Steward's decision"


def test_workbook_issue_fixes(small_run: Path) -> None:
    texts = _texts(small_run / "small-issues.xlsx")
    assert "Check the number or the city; the city's area code is 010." in texts
    assert "Map it to one of: A, B, C." in texts
    assert "required value missing" in texts


def test_workbook_issue_rows_capped() -> None:
    from crm_readiness.models.data.result import DataProfileResult
    from crm_readiness.render.data.workbook import WorkbookCaps

    with open_export([DATA_ASSETS / "small.csv"]) as table:
        from crm_readiness.engine.data import ProfileOptions, profile
        from crm_readiness.engine.data.issues import build_issues, issue_counts

        rules = load_rules(DATA_ASSETS / "small_rules.yaml", table.columns)
        result: DataProfileResult = profile(table, rules, ProfileOptions())
        plans = column_plans(table, rules)
        build_issues(table, plans)
        issues = list(iter_issues(table, plans))
        capped = list(iter_issues(table, plans, per_rule=1))
        counts = issue_counts(table, plans, 1)
        clusters = list(iter_cluster_rows(table))
    assert all(isinstance(i, IssueRow) for i in issues)
    assert {(i.row, i.column, i.rule) for i in issues} >= {
        (4, "座机", "inconsistent"), (5, "客户名称", "missing_required"),
        (6, "最近联系日期", "stale"), (6, "等级", "invalid_format")}
    assert [c.row for c in clusters if isinstance(c, ClusterRow)] == [2, 3]
    # one problem per column and rule at most; the counts say what was cut
    groups = [(i.column, i.rule) for i in capped]
    assert len(groups) == len(set(groups)) == len(counts)
    assert sum(c.total for c in counts) == len(issues)
    assert sum(c.listed for c in counts) == len(capped)
    assert any(c.cut for c in counts)  # 手机 has two invalid values
    caps = WorkbookCaps(per_rule=1, counts=counts, max_clusters=1, issues_csv="x-issues.csv",
                        clusters_csv="x-duplicates.csv")
    data = render_workbook(result, iter(capped), iter(clusters), "zh", caps)
    path = Path(__file__).parent / f".tmp-{uuid.uuid4().hex}.xlsx"
    try:
        path.write_bytes(data)
        wb = load_workbook(path)
        assert wb.worksheets[1].max_row == 1 + len(capped) + 1  # header, issues, "at most" line
        summary = [[c.value for c in row] for row in wb.worksheets[0].iter_rows()]
        cut = [r for r in summary if r[:2] == ["手机", "格式无效"]]
        assert cut and cut[0][2:5] == [2, 1, 1], summary
        assert any("x-issues.csv" in str(r[0]) for r in summary)
    finally:
        path.unlink(missing_ok=True)


def test_problem_csv_beside_workbook_has_every_row_and_safe_cells(tmp_path: Path) -> None:
    run = profile_files([DATA_ASSETS / "small.csv"], DATA_ASSETS / "small_rules.yaml", tmp_path,
                        ("xlsx",), "en", sample=0, max_issue_rows=1)
    names = sorted(p.name for p in run.written)
    assert names == ["small-duplicates.csv", "small-issues.csv", "small-issues.xlsx"]
    raw = (tmp_path / "small-issues.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM, for Excel
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) >= run.result.issue_rows  # a record can break several rules
    listed = load_workbook(tmp_path / "small-issues.xlsx").worksheets[1].max_row - 2
    assert len(rows) > listed  # the workbook is capped, the CSV is not
    values = {r["Value as entered"] for r in rows}
    assert "'=HYPERLINK(\"http://x\")" in values  # the safe-cell rule, applied by COPY
    assert "=HYPERLINK(\"http://x\")" not in values
    phone = [r for r in rows if r["Column"] == "手机" and r["rule_code"] == "invalid_format"]
    assert len(phone) == 2 and all(r["Suggested fix"] for r in phone)
    dup = list(csv.DictReader(io.StringIO(
        (tmp_path / "small-duplicates.csv").read_text("utf-8-sig"))))
    assert [d["Row"] for d in dup] == ["2", "3"]
    assert {d["Suggestion"] for d in dup} == {"keep", "merge into kept record"}


def test_unwritable_target_leaves_nothing_half_written(tmp_path: Path) -> None:
    from crm_readiness.errors import OutputError

    out = tmp_path / "out"
    out.mkdir()
    (out / "small-duplicates.csv").mkdir()  # a folder where an output goes: refused up front
    with pytest.raises(OutputError):
        profile_files([DATA_ASSETS / "small.csv"], DATA_ASSETS / "small_rules.yaml", out,
                      PROFILE_FORMATS, "en", sample=3)
    assert sorted(p.name for p in out.iterdir()) == ["small-duplicates.csv"]


@pytest.mark.slow
@needs_soffice
def test_libreoffice_does_not_evaluate_text(small_run: Path, tmp_path: Path) -> None:
    src = small_run / "small-issues.xlsx"
    out = recalculate_xlsx([src], tmp_path)[src.name]  # xlsx: a text cell stays a str
    ws = load_workbook(out, data_only=True).worksheets[1]
    values = {c.value for row in ws.iter_rows() for c in row}
    for text in DANGEROUS:
        assert text in values, text


def _hostile_export(folder: Path) -> tuple[Path, Path]:
    """small.csv under a formula-like file name, with formula-like column names."""
    folder.mkdir(parents=True, exist_ok=True)
    src = folder / "=cmd.csv"
    text = (DATA_ASSETS / "small.csv").read_text(encoding="utf-8")
    src.write_text(text.replace("手机", "+手机").replace("邮箱", "@邮箱"), encoding="utf-8")
    rules = folder / "rules.yaml"
    rules.write_text((DATA_ASSETS / "small_rules.yaml").read_text(encoding="utf-8")
                     .replace("手机", "'+手机'").replace("邮箱", "'@邮箱'")
                     .replace("enum: [A, B, C]", "enum: ['=A', B, \"-\\x01C\"]"), encoding="utf-8")
    return src, rules


def test_tool_columns_of_the_csvs_equal_the_full_safe_cell_rule(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The CSV columns written without the per-row safe-cell SQL (row numbers, rule codes,
    file / column / label literals made safe once) give the same bytes as the full rule."""
    from crm_readiness.engine.data import ProfileOptions, profile
    from crm_readiness.engine.data.issues import (
        CLUSTERS_SAFE_COLUMNS,
        ISSUES_SAFE_COLUMNS,
        build_issues,
        clusters_query,
        issues_query,
    )
    from crm_readiness.io.data_sources import export_query_csv
    from crm_readiness.render.data.workbook import cluster_headers, issue_texts

    src, rules_path = _hostile_export(tmp_path / "in")
    monkeypatch.chdir(src.parent)  # the file is named as given: "=cmd.csv"
    with open_export([Path(src.name)]) as table:
        rules = load_rules(rules_path, table.columns)
        profile(table, rules, ProfileOptions(fuzzy=False))
        plans = column_plans(table, rules)
        build_issues(table, plans)
        queries = ((issues_query(table, plans, *issue_texts(plans, "en")), ISSUES_SAFE_COLUMNS),
                   (clusters_query(table, *cluster_headers("en")), CLUSTERS_SAFE_COLUMNS))
        for k, (sql, plain) in enumerate(queries):
            fast = export_query_csv(table.conn, sql, tmp_path / f"fast{k}.csv", force=True,
                                    safe_columns=plain)
            full = export_query_csv(table.conn, sql, tmp_path / f"full{k}.csv", force=True)
            assert fast.read_bytes() == full.read_bytes()
    issues = (tmp_path / "fast0.csv").read_text(encoding="utf-8-sig")
    assert "'=cmd.csv" in issues and "'+手机" in issues and "'@邮箱" in issues
    assert "'=A, B, -\u2401C" in issues  # the rules' enum list, in the detail and the fix
    assert "'=cmd.csv" in (tmp_path / "fast1.csv").read_text(encoding="utf-8-sig")


def test_workbook_renders_beside_the_csv_writes(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """The issues table is built and the workbook rendered on threads of their own while the
    CSVs are written on the main one; the files are reported in the order the formats
    declare them."""
    import threading

    from crm_readiness.engine.data import issues as issues_module
    from crm_readiness.render.data import workbook as wb_module
    from crm_readiness.workflows import data as data_workflow

    seen: dict[str, set[int]] = {"workbook": set(), "csv": set(), "build": set()}
    render, writer = wb_module.render_workbook, data_workflow.csv_writer
    build = issues_module.build_issues

    def building(*a: object, **kw: object) -> None:
        seen["build"].add(threading.get_ident())
        build(*a, **kw)  # type: ignore[arg-type]

    def rendering(*a: object, **kw: object) -> bytes:
        seen["workbook"].add(threading.get_ident())
        return render(*a, **kw)  # type: ignore[arg-type]

    def writing(*a: object, **kw: object) -> object:
        seen["csv"].add(threading.get_ident())
        return writer(*a, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(wb_module, "render_workbook", rendering)
    monkeypatch.setattr(data_workflow, "csv_writer", writing)
    monkeypatch.setattr(issues_module, "build_issues", building)
    run = profile_files([DATA_ASSETS / "small.csv"], DATA_ASSETS / "small_rules.yaml", tmp_path,
                        ("json", "xlsx", "md"), "en", sample=2)
    assert [p.name for p in run.written] == [
        "small-profile.json", "small-issues.xlsx", "small-issues.csv", "small-duplicates.csv",
        "small-profile.md", "small-sample.csv"]
    assert seen["csv"] == {threading.get_ident()}
    assert len(seen["workbook"]) == 1 and not seen["workbook"] & seen["csv"]
    assert len(seen["build"]) == 1 and not seen["build"] & seen["csv"]
    assert load_workbook(tmp_path / "small-issues.xlsx").worksheets[1].max_row > 1


def _sheets(path: Path) -> dict[str, bytes]:
    import zipfile

    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist() if n.startswith("xl/worksheets/")}


@pytest.mark.parametrize("which", ["hostile", "demo"])
def test_fast_streaming_sheets_write_what_openpyxl_writes(
        which: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every sheet of the issues workbook (summary, issues, clusters, clerical review) is
    byte for byte what openpyxl's own cells write, hostile text and CJK included."""
    from openpyxl.cell.cell import Cell

    from crm_readiness.render import cells
    from crm_readiness.render.data import clerical_sheet
    from crm_readiness.render.data import workbook as wb_module
    from crm_readiness.workflows.data import demo_inputs

    if which == "hostile":
        src, rules = _hostile_export(tmp_path / "in")
    else:
        src, rules = demo_inputs(tmp_path / "in")

    def openpyxl_sheet(wb: object, title: str) -> object:
        ws = wb.create_sheet(title)  # type: ignore[attr-defined]
        append = ws.append
        ws.append = lambda row: append([v if isinstance(v, Cell) else
                                        cells.write_only_cell(ws, v) for v in row])
        return ws

    fast = tmp_path / "fast"
    profile_files([src], rules, fast, ["xlsx"], "zh", sample=0)
    monkeypatch.setattr(wb_module, "streaming_sheet", openpyxl_sheet)
    monkeypatch.setattr(clerical_sheet, "streaming_sheet", openpyxl_sheet)
    slow = tmp_path / "slow"
    profile_files([src], rules, slow, ["xlsx"], "zh", sample=0)
    name = f"{src.stem}-issues.xlsx"
    got, want = _sheets(fast / name), _sheets(slow / name)
    assert len(want) == (4 if which == "demo" else 3)
    assert got == want
