"""CLI: vendors panel export | import and vendors demo script | import, every option.

In-process (typer's CliRunner) on the panel test case (tests/assets/vendors/panel):
exit codes 0 / 2 / 3 / 4, messages in en and zh, --out, --force, --partial, --format,
--vendors.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from crm_readiness.cli.main import app
from crm_readiness.models.vendors import panel_layout as L
from tests.conftest import no_traceback
from tests.vendors.conftest import ASSETS


@pytest.fixture
def case(tmp_path: Path) -> Path:
    folder = tmp_path / "case"
    shutil.copytree(ASSETS / "panel", folder)
    return folder


def _run(*args: str, lang: str = "en") -> object:
    result = CliRunner().invoke(app, [*args, "--lang", lang])
    no_traceback(result)
    return result


def _score(book: Path, value: object, row: int = L.FIRST_ROW) -> None:
    wb = openpyxl.load_workbook(book)
    wb[L.SCORES_SHEET].cell(row, L.score_col(0)).value = value
    wb.save(book)


def test_panel_export_writes_one_workbook_per_panelist_and_needs_force_to_replace(
        case: Path) -> None:
    out = case / "books"
    r = _run("vendors", "panel", "export", str(case / "vendors.yaml"), "--out", str(out))
    assert r.exit_code == 0, r.output  # type: ignore[attr-defined]
    assert sorted(p.name for p in out.iterdir()) == ["panel-ana.xlsx", "panel-ben.xlsx",
                                                       "panel-cho.xlsx"]
    _score(out / "panel-ana.xlsx", 4)
    r = _run("vendors", "panel", "export", str(case / "vendors.yaml"), "--out", str(out),
             lang="zh")
    assert r.exit_code == 4 and "--force" in r.output  # type: ignore[attr-defined]
    assert "已存在" in r.output  # type: ignore[attr-defined]
    wb = openpyxl.load_workbook(out / "panel-ana.xlsx")
    assert wb[L.SCORES_SHEET].cell(L.FIRST_ROW, L.score_col(0)).value == 4  # kept
    r = _run("vendors", "panel", "export", str(case / "vendors.yaml"), "--out", str(out),
             "--force")
    assert r.exit_code == 0
    wb = openpyxl.load_workbook(out / "panel-ana.xlsx")
    assert wb[L.SCORES_SHEET].cell(L.FIRST_ROW, L.score_col(0)).value is None


def test_panel_export_without_a_panel_is_a_usage_error(case: Path) -> None:
    vendors = case / "vendors.yaml"
    text = vendors.read_text("utf-8")
    start, end = text.index("panel:"), text.index("criteria:")
    vendors.write_text(text[:start] + text[end:], "utf-8")
    r = _run("vendors", "panel", "export", str(vendors), "--out", str(case / "b"))
    assert r.exit_code == 2 and "panel" in r.output  # type: ignore[attr-defined]


def test_panel_import_reports_cells_partial_and_force(case: Path) -> None:
    out = case / "books"
    assert _run("vendors", "panel", "export", str(case / "vendors.yaml"), "--out",
                str(out)).exit_code == 0  # type: ignore[attr-defined]
    ana, ben = out / "panel-ana.xlsx", out / "panel-ben.xlsx"
    _score(ana, "seven")
    _score(ben, 4.5)
    vendors = ["--vendors", str(case / "vendors.yaml")]
    r = _run("vendors", "panel", "import", str(ana), str(ben), *vendors)
    assert r.exit_code == 3, r.output  # type: ignore[attr-defined]
    assert "Scores!D10" in r.output and "seven" in r.output  # type: ignore[attr-defined]
    assert "Nothing was imported" in r.output  # type: ignore[attr-defined]
    assert not (case / "panel-scores.yaml").exists()
    r = _run("vendors", "panel", "import", str(ana), str(ben), *vendors, lang="zh")
    assert r.exit_code == 3 and "未导入任何内容" in r.output  # type: ignore[attr-defined]
    r = _run("vendors", "panel", "import", str(ana), *vendors, "--partial")
    assert r.exit_code == 3  # type: ignore[attr-defined]  # no clean file at all
    r = _run("vendors", "panel", "import", str(ana), str(ben), *vendors, "--partial")
    assert r.exit_code == 0, r.output  # type: ignore[attr-defined]
    flat = "".join(r.output.split())  # type: ignore[attr-defined]
    assert "panel-ben.xlsx:1entries" in flat and "panel-ana.xlsx:0entries" in flat
    assert "Scores!D10" in flat  # the skipped file's problem is still shown
    saved = (case / "panel-scores.yaml").read_text("utf-8")
    assert "ben:" in saved and "4.5" in saved and "ana:" not in saved
    # ben changes a score: replacing his scores in the store needs --force (exit 4)
    _score(ben, 2)
    r = _run("vendors", "panel", "import", str(ben), *vendors)
    assert r.exit_code == 4 and "--force" in r.output  # type: ignore[attr-defined]
    assert "4.5" in (case / "panel-scores.yaml").read_text("utf-8")
    r = _run("vendors", "panel", "import", str(ben), *vendors, "--force")
    assert r.exit_code == 0
    assert "4.5" not in (case / "panel-scores.yaml").read_text("utf-8")
    # a second panelist merges in without --force; comments in the store are kept
    store = case / "panel-scores.yaml"
    store.write_text(store.read_text("utf-8").replace("panelists:", "panelists:  # keep me"),
                     "utf-8")
    _score(ana, 3)
    r = _run("vendors", "panel", "import", str(ana), *vendors)
    assert r.exit_code == 0, r.output  # type: ignore[attr-defined]
    saved = store.read_text("utf-8")
    assert "ana:" in saved and "ben:" in saved and "# keep me" in saved


def test_panel_import_default_vendors_file_and_missing_workbook(
        case: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(case)
    r = _run("vendors", "panel", "import", "nope.xlsx")
    assert r.exit_code == 3 and "nope.xlsx" in r.output  # type: ignore[attr-defined]


def test_demo_script_formats_and_demo_import(case: Path) -> None:
    out = case / "demos"
    vendors = str(case / "vendors.yaml")
    r = _run("vendors", "demo", "script", vendors, "--out", str(out), "--format", "docx,xlsx")
    assert r.exit_code == 0, r.output  # type: ignore[attr-defined]
    assert sorted(p.name for p in out.iterdir()) == [
        "demo-outcomes-x.xlsx", "demo-outcomes-y.xlsx", "demo-outcomes-z.xlsx",
        "demo-script-x.docx", "demo-script-y.docx", "demo-script-z.docx"]
    import docx

    doc = docx.Document(str(out / "demo-script-x.docx"))
    cells = [c.text for row in doc.tables[0].rows for c in row.cells]
    assert "A-1" in cells and "native" in cells
    r = _run("vendors", "demo", "script", vendors, "--out", str(out), "--format", "csv")
    assert r.exit_code == 2  # type: ignore[attr-defined]
    r = _run("vendors", "demo", "script", vendors, "--out", str(out), "--format", "xlsx")
    assert r.exit_code == 4  # type: ignore[attr-defined]  # filled in during the demo: --force
    r = _run("vendors", "demo", "script", vendors, "--out", str(out), "--format", "md,html")
    assert r.exit_code == 0 and (out / "demo-script-y.html").is_file()  # type: ignore[attr-defined]
    book = out / "demo-outcomes-x.xlsx"
    wb = openpyxl.load_workbook(book)
    ws = wb[L.OUTCOMES_SHEET]
    rows = {ws.cell(r, 1).value: r for r in range(L.DEMO_FIRST_ROW, ws.max_row + 1)}
    ws.cell(rows["A-1"], L.COL_OUTCOME).value = "Not shown"
    ws.cell(rows["B-2"], L.COL_OUTCOME).value = "maybe"
    wb.save(book)
    r = _run("vendors", "demo", "import", str(book), "--vendors", vendors)
    assert r.exit_code == 3 and "Outcomes!F" in r.output  # type: ignore[attr-defined]
    assert "maybe" in r.output  # type: ignore[attr-defined]
    wb = openpyxl.load_workbook(book)
    wb[L.OUTCOMES_SHEET].cell(rows["B-2"], L.COL_OUTCOME).value = "未演示"
    wb.save(book)
    r = _run("vendors", "demo", "import", str(book), "--vendors", vendors, lang="zh")
    assert r.exit_code == 0, r.output  # type: ignore[attr-defined]
    saved = (case / "demo-outcomes.yaml").read_text("utf-8")
    assert "A-1: not_shown" in saved and "B-2: not_shown" in saved
    text = (case / "vendors.yaml").read_text("utf-8")
    (case / "vendors.yaml").write_text(text.replace("panel:", "demonstrations: demo-outcomes.yaml"
                                                    "\npanel:"), "utf-8")
    r = _run("vendors", "compare", vendors, "--out", str(case / "cmp"), "--format", "json")
    assert r.exit_code == 0, r.output  # type: ignore[attr-defined]
    assert "knocked out" in r.output  # type: ignore[attr-defined]
    wb = openpyxl.load_workbook(book)
    wb[L.OUTCOMES_SHEET].cell(rows["B-2"], L.COL_OUTCOME).value = "as claimed"
    wb.save(book)
    assert _run("vendors", "demo", "import", str(book), "--vendors",
                vendors).exit_code == 4  # type: ignore[attr-defined]
    store = case / "demo-outcomes.yaml"  # a hand note survives a forced re-import
    store.write_text("# outcomes of the May demos\n" + store.read_text("utf-8").replace(
        "A-1: not_shown", "A-1: not_shown   # asked twice"), "utf-8")
    assert _run("vendors", "demo", "import", str(book), "--vendors", vendors,
                "--force").exit_code == 0  # type: ignore[attr-defined]
    saved = store.read_text("utf-8")
    assert "B-2: as_claimed" in saved and "B-2: not_shown" not in saved
    assert saved.startswith("# outcomes of the May demos\n")
    assert "A-1: not_shown   # asked twice" in saved


def test_new_commands_have_help() -> None:
    from crm_readiness.i18n import t

    for args, key in ((["vendors", "panel"], "panel_help"),
                      (["vendors", "panel", "export"], "panel_export_help"),
                      (["vendors", "panel", "import"], "panel_import_help"),
                      (["vendors", "demo"], "demo_help"),
                      (["vendors", "demo", "script"], "demo_script_help"),
                      (["vendors", "demo", "import"], "demo_import_help")):
        r = CliRunner().invoke(app, [*args, "--help"])
        assert r.exit_code == 0 and "Usage" in r.output, args
        first = t(f"vendors.cli.{key}", "en").split()[:3]
        assert " ".join(first) in " ".join(r.output.split()), (args, first)
