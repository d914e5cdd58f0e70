"""Rendered outputs: JSON round trip, escaped HTML, safe workbook cells, renderers per format."""

from __future__ import annotations

import shutil
import subprocess
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

    with open_export([DATA_ASSETS / "small.csv"]) as table:
        from crm_readiness.engine.data import ProfileOptions, profile

        rules = load_rules(DATA_ASSETS / "small_rules.yaml", table.columns)
        result: DataProfileResult = profile(table, rules, ProfileOptions())
        issues = list(iter_issues(table, column_plans(table, rules)))
        clusters = list(iter_cluster_rows(table))
    assert all(isinstance(i, IssueRow) for i in issues)
    assert {(i.row, i.column, i.rule) for i in issues} >= {
        (4, "座机", "inconsistent"), (5, "客户名称", "missing_required"),
        (6, "最近联系日期", "stale"), (6, "等级", "invalid_format")}
    assert [c.row for c in clusters if isinstance(c, ClusterRow)] == [2, 3]
    data = render_workbook(result, iter(issues), iter(clusters), "zh", max_issue_rows=2)
    path = Path(__file__).parent / f".tmp-{uuid.uuid4().hex}.xlsx"
    try:
        path.write_bytes(data)
        ws = load_workbook(path).worksheets[1]
        assert ws.max_row == 1 + 2 + 1  # header, two issues, the "only the first" line
    finally:
        path.unlink(missing_ok=True)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_libreoffice_does_not_evaluate_text(small_run: Path, tmp_path: Path) -> None:
    profile = f"file:///tmp/lo-{uuid.uuid4().hex}"
    src = small_run / "small-issues.xlsx"
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--calc",
                    "--convert-to", "xlsx", "--outdir", str(tmp_path), str(src)],
                   check=True, capture_output=True, timeout=180)
    ws = load_workbook(tmp_path / src.name, data_only=True).worksheets[1]
    values = {c.value for row in ws.iter_rows() for c in row}
    for text in DANGEROUS:
        assert text in values, text
