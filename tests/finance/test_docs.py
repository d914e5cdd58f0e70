"""The finance guide's worked example is computed, not typed: its figures must match."""

from __future__ import annotations

import re
from pathlib import Path

from crm_readiness.engine.finance import build_case
from crm_readiness.io.finance import load_benefits, load_costs
from crm_readiness.render.finance.labels import money, pct
from tests.conftest import REPO

GUIDE = REPO / "docs" / "finance.md"


def test_worked_example_figures_are_the_engines(tmp_path: Path) -> None:
    text = GUIDE.read_text("utf-8")
    blocks = dict(re.findall(r"<!-- worked-example: (\S+) -->\n```yaml\n(.*?)```", text, re.S))
    for name, body in blocks.items():
        (tmp_path / name).write_text(body, "utf-8")
    costs = load_costs(tmp_path / "costs.yaml")
    case = build_case(costs, load_benefits(tmp_path / "benefits.yaml", costs))
    v, u = case.risk_adjusted, case.unadjusted
    assert v.irr.value is not None and v.payback.months is not None
    quoted = [money(v.npv, 2), money(v.tco_nominal, 2), money(v.tco_pv, 2),
              money(v.benefits_pv, 2), pct(v.roi_pv), pct(v.roi_simple), pct(v.irr.value, 2),
              f"{money(v.payback.months, 1)} months", money(v.cost_per_user_year, 2),
              money(u.npv, 2), pct(u.roi_simple)]
    for figure in quoted:
        assert f"**{figure}**" in text, figure
    assert case.seats == [100, 100, 110, 121]
    assert [money(x, 2) for x in v.net] == ["-287,500.00", "114,000.00", "334,470.00",
                                            "311,912.85"]


def test_guide_names_both_commands() -> None:
    text = GUIDE.read_text("utf-8")
    assert "crm-readiness tco" in text and "crm-readiness roi" in text
