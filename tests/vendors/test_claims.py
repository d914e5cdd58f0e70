"""Claimed versus demonstrated: outcomes override claims, claim gaps, knockouts, credibility.

Base case (tests/assets/vendors/vendors.yaml): vendor X claims A-1 (must) native,
A-2 (should) configurable, B-2 (must) native. Its demonstration: A-1 not shown,
A-2 shown only with custom work, B-2 shown as claimed → two claim gaps, A-1 knocks
X out, credibility 1/3. X's fit without the demonstration: (5·3 + 3·2 + 1·1 + 5·3) /
(14·3) = 37/42; with it (A-1 → 0, A-2 → 1): (0 + 3 + 1 + 15) / 42 = 19/42.
"""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

import openpyxl
import pytest

from crm_readiness.engine.vendors import compare
from crm_readiness.io.panel import ImportProblems
from crm_readiness.models.vendors import Comparison
from crm_readiness.models.vendors import panel_layout as L
from crm_readiness.models.vendors.panel import DemoOutcomesFile
from crm_readiness.render import Format
from crm_readiness.render.vendors.reports import render_comparison, render_scorecard
from crm_readiness.workflows.vendor_panel import import_demos, write_demo_kits
from crm_readiness.workflows.vendors import run_compare
from tests.vendors.conftest import ASSETS, load_case

NOW = datetime(2025, 1, 2, tzinfo=UTC)
SHOWN = {"x": {"A-1": "not_shown", "A-2": {"outcome": "custom", "note": "<b>script</b>"},
               "B-2": "as_claimed"}}


def _result() -> tuple[Comparison, object]:
    vf, cat = load_case()
    return compare(cat, vf, demos=DemoOutcomesFile.model_validate({"vendors": SHOWN})), cat


def test_outcomes_override_claims_and_a_must_not_shown_knocks_out() -> None:
    vf, cat = load_case()
    before = compare(cat, vf).vendor("x")
    assert before.status == "eligible" and before.functional_fit == pytest.approx(37 / 42)
    res, _ = _result()
    x = res.vendor("x")
    assert x.functional_fit == pytest.approx(19 / 42)
    assert x.status == "knocked_out" and x.rank is None and x.must_gaps == ("A-1",)
    gaps = {g.requirement: g for g in x.claim_gaps}
    assert sorted(gaps) == ["A-1", "A-2"]
    assert gaps["A-1"].knocks_out and gaps["A-1"].claimed == "native"
    assert gaps["A-1"].level == "not_supported"
    assert not gaps["A-2"].knocks_out and gaps["A-2"].level == "custom"
    assert gaps["A-2"].note == "<b>script</b>"
    assert x.demonstrated == 3 and x.credibility == pytest.approx(1 / 3)
    assert res.vendor("y").credibility is None and res.vendor("y").demonstrated == 0
    resp = {o.id: o for o in x.responses}
    assert resp["A-1"].response == "native" and resp["A-1"].demonstrated == "not_shown"


def test_reports_list_claim_gaps_knockout_and_credibility_escaped() -> None:
    res, cat = _result()
    html = render_comparison(res, cat, "en", Format.html)  # type: ignore[arg-type]
    assert "Claim gaps (claimed vs demonstrated): Vendor X" in html
    assert "a must claimed but not shown: knocked out" in html
    assert "&lt;b&gt;script&lt;/b&gt;" in html and "<b>script</b>" not in html
    assert "33%" in html and "(1/3)" in html
    md = render_comparison(res, cat, "zh", Format.md)  # type: ignore[arg-type]
    assert "声明差距" in md and "一票否决" in md
    card = render_scorecard(res, res.vendor("x"), cat, "en", Format.html)  # type: ignore[arg-type]
    assert "Credibility" in card and "33%" in card and "A-1" in card


@pytest.fixture
def case(tmp_path: Path) -> Path:
    folder = tmp_path / "case"
    folder.mkdir()
    shutil.copyfile(ASSETS / "catalogue.yaml", folder / "catalogue.yaml")
    text = (ASSETS / "vendors.yaml").read_text(encoding="utf-8")
    text = text.replace("criteria:", "demonstrations: demo-outcomes.yaml\ncriteria:", 1)
    (folder / "vendors.yaml").write_text(text, encoding="utf-8")
    return folder / "vendors.yaml"


def _fill(path: Path, outcomes: dict[str, str]) -> None:
    wb = openpyxl.load_workbook(path)
    ws = wb[L.OUTCOMES_SHEET]
    for r in range(L.DEMO_FIRST_ROW, ws.max_row + 1):
        rid = ws.cell(r, L.COL_REQ).value
        if rid in outcomes:
            ws.cell(r, L.COL_OUTCOME).value = outcomes[rid]
    wb.save(path)


def test_scripts_and_outcome_workbooks_round_trip_into_compare(case: Path) -> None:
    out = case.parent / "demos"
    written = write_demo_kits(case, out, ("md", "html", "xlsx"), "en")
    assert {p.name for p in written} >= {"demo-script-x.md", "demo-script-x.html",
                                         "demo-outcomes-x.xlsx"}
    script = (out / "demo-script-x.md").read_text(encoding="utf-8")
    assert script.index("A-1") < script.index("A-2")  # musts first; B-1 (could) left out
    assert "B-1" not in script and "| native |" in script
    # compare refuses while the named outcomes file is missing
    from crm_readiness.errors import InputFileError

    with pytest.raises(InputFileError):
        run_compare(case)
    _fill(out / "demo-outcomes-x.xlsx", {"A-1": "not shown", "A-2": "Shown with custom work",
                                         "B-2": "shown as claimed"})
    _fill(out / "demo-outcomes-y.xlsx", {"A-1": "perhaps"})
    with pytest.raises(ImportProblems) as err:
        import_demos([out / "demo-outcomes-x.xlsx", out / "demo-outcomes-y.xlsx"], case)
    assert "Outcomes!F7: 'perhaps' is not an outcome for A-1" in err.value.text("en")
    assert not (case.parent / "demo-outcomes.yaml").exists()
    res = import_demos([out / "demo-outcomes-x.xlsx"], case)
    assert res.written and res.applied == {out / "demo-outcomes-x.xlsx": 3}
    comp = run_compare(case).comparison
    x = comp.vendor("x")
    assert x.status == "knocked_out" and [g.requirement for g in x.claim_gaps] == ["A-1", "A-2"]
    assert x.credibility == pytest.approx(1 / 3)
