"""The demo part: five respondents with one real disagreement, two snapshots, a plan."""

from __future__ import annotations

import json
from pathlib import Path

from crm_readiness.demo.run import PARTS


def test_demo_part(demo_en: Path) -> None:
    assert "crm_readiness.workflows.workshop:demo_part" in PARTS
    tmp_path = demo_en  # the shared demo folder: read only
    index = (tmp_path / "index.html").read_text("utf-8")
    assert 'href="workshop/workshop-readiness.html"' in index
    result = json.loads((tmp_path / "workshop" / "workshop-readiness.json").read_text())
    consensus = result["consensus"]
    assert len(consensus["respondents"]) == 5
    assert [a["question_id"] for a in consensus["agenda"]] == ["requirements.lead_to_cash_mapped"]
    agenda = consensus["agenda"][0]
    assert agenda["low_roles"] == ["it"] and agenda["high_roles"] == ["sales"]
    assert [p["name"] for p in result["trend"]["points"]] == ["2026-07", "2026-10"]
    cmp = json.loads((tmp_path / "workshop" / "compare.json").read_text())
    closed = {b["question_id"] for b in cmp["blockers_closed"]}
    assert {"budget.approved_budget", "strategy.executive_sponsor"} <= closed
    assert cmp["overall_delta"] > 0
    html = (tmp_path / "workshop" / "workshop-readiness.html").read_text()
    assert "The sales team and IT disagree" in html and "<polyline" in html
    plan = json.loads((tmp_path / "workshop" / "plan.json").read_text())
    assert plan["start"] == "2026-11-02" and len(plan["stages"]) == 8
    assert len(list((tmp_path / "workshop" / "questionnaires").glob("*.xlsx"))) == 6
