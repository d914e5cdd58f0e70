"""docs/vendors.md is tested: the demo figures it quotes are what the engine computes now,
and the worked example of the panel and demonstration commands runs as written."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from crm_readiness._resources import examples_dir
from crm_readiness.cli.main import app
from crm_readiness.models.vendors import panel_layout as L
from tests.conftest import no_traceback
from tests.tools.doc_examples import command_lines, parse
from tests.vendors._doc_figures import DOC, blocks, demo_comparison, found

DEMO = examples_dir() / "demo"


def test_demo_figures_quoted_in_the_guide_are_current() -> None:
    quoted = found(DOC.read_text("utf-8"))
    want = blocks(demo_comparison())
    assert sorted(quoted) == sorted(want)
    for name, body in want.items():
        assert quoted[name] == body, (
            f"docs/vendors.md demo:{name} is stale: run `python -m tests.vendors._doc_figures`")


def _panel_example() -> list[str]:
    """The command lines of the guide's panel worked example (a ``norun`` block: people fill
    the workbooks between its commands, so this test runs it, filling them in between)."""
    (block,) = [b for b in parse(DOC).blocks if "tests/vendors/test_docs_vendors.py" in b.reason]
    return [text for _, text in command_lines(block.body, block.line + 1)]


def _fill_panel(folder: Path) -> None:
    """Fill each exported workbook with the demo's panel scores, as the panelists did."""
    from crm_readiness.io.panel import load_panel_scores
    from crm_readiness.io.vendors import load_vendors

    vf, _, _ = load_vendors(DEMO / "vendors.yaml")
    scores = load_panel_scores(DEMO / "panel-scores.yaml", vf)
    for pid, by_vendor in scores.panelists.items():
        book = folder / f"panel-{pid}.xlsx"
        wb = openpyxl.load_workbook(book)
        ws = wb[L.SCORES_SHEET]
        rows = {ws.cell(r, 1).value: r for r in range(L.FIRST_ROW, ws.max_row + 1)}
        for i in range(len(vf.vendors)):
            vid = ws.cell(L.VENDOR_ID_ROW, L.score_col(i)).value
            for cid, s in by_vendor.get(vid, {}).items():
                ws.cell(rows[cid], L.score_col(i)).value = s.score
                if s.comment:
                    ws.cell(rows[cid], L.comment_col(i)).value = s.comment
        wb.save(book)


def _fill_outcomes(folder: Path) -> None:
    """Record the demo's demonstration outcomes in the outcome workbooks."""
    from crm_readiness.io.demo_outcomes import load_demo_outcomes
    from crm_readiness.io.vendors import load_vendors

    vf, cat, _ = load_vendors(DEMO / "vendors.yaml")
    outcomes = load_demo_outcomes(DEMO / "demo-outcomes.yaml", vf, cat)
    for vid, by_req in outcomes.vendors.items():
        book = folder / f"demo-outcomes-{vid}.xlsx"
        wb = openpyxl.load_workbook(book)
        ws = wb[L.OUTCOMES_SHEET]
        rows = {ws.cell(r, 1).value: r for r in range(L.DEMO_FIRST_ROW, ws.max_row + 1)}
        for rid, d in by_req.items():
            ws.cell(rows[rid], L.COL_OUTCOME).value = d.outcome
            if d.note:
                ws.cell(rows[rid], L.COL_NOTE).value = d.note
        wb.save(book)


def test_the_panel_worked_example_runs_and_reproduces_the_demo(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for path in DEMO.glob("*.yaml"):
        if path.name not in ("panel-scores.yaml", "demo-outcomes.yaml"):
            shutil.copyfile(path, tmp_path / path.name)
    monkeypatch.chdir(tmp_path)
    outputs: dict[str, str] = {}
    for line in _panel_example():
        argv = shlex.split(line)
        assert argv[0] == "crm-readiness"
        r = CliRunner().invoke(app, [*argv[1:], "--lang", "en"])
        no_traceback(r)
        assert r.exit_code == 0, f"{line}\n{r.output}"
        outputs[" ".join(argv[1:4])] = "".join(r.output.split())
        if argv[1:4] == ["vendors", "panel", "export"]:
            _fill_panel(tmp_path / "panel")
        if argv[1:4] == ["vendors", "demo", "script"]:
            assert (tmp_path / "demos" / "demo-outcomes-yunfan.xlsx").is_file()
            _fill_outcomes(tmp_path / "demos")
    quoted = re.search(r"\(`(panel/panel-chen\.xlsx: \d+\s+entries imported\.)`\)",
                       DOC.read_text("utf-8"))
    assert quoted and "".join(quoted.group(1).split()) in outputs["vendors panel import"]
    # the imported files hold exactly the demo's scores and outcomes
    from crm_readiness.io.demo_outcomes import load_demo_outcomes
    from crm_readiness.io.panel import load_panel_scores
    from crm_readiness.io.vendors import load_vendors

    vf, cat, _ = load_vendors(tmp_path / "vendors.yaml")
    assert load_panel_scores(tmp_path / "panel-scores.yaml", vf) == load_panel_scores(
        DEMO / "panel-scores.yaml", vf)
    assert load_demo_outcomes(tmp_path / "demo-outcomes.yaml", vf, cat) == load_demo_outcomes(
        DEMO / "demo-outcomes.yaml", vf, cat)
    import json

    got = json.loads((tmp_path / "comparison" / "comparison.json").read_text("utf-8"))
    want = demo_comparison()
    assert {v["id"]: round(v["total"], 6) for v in got["vendors"]} == {
        v.id: round(v.total, 6) for v in want.vendors}
    assert "Closecall" in outputs["vendors compare vendors.yaml"]
    html = (tmp_path / "comparison" / "comparison.html").read_text("utf-8")
    assert "INT-02" in html and "Calibration agenda" in html
