"""The demo part: three fictional vendors, one knocked out, AHP weights, every output."""

from __future__ import annotations

import json
from pathlib import Path

from crm_readiness.demo.run import PARTS
from crm_readiness.workflows.vendors import demo_part


def test_demo_part_writes_its_outputs(tmp_path: Path) -> None:
    entries = demo_part(tmp_path, "zh")
    for e in entries:
        assert (tmp_path / e.path).is_file(), e.path
    data = json.loads((tmp_path / "vendors" / "comparison.json").read_text("utf-8"))
    names = {v["name"] for v in data["vendors"]}
    assert names == {"云帆CRM (YunFan CRM)", "新智销 (NovaSales)", "企联通 (EntLink)"}
    out = [v for v in data["vendors"] if v["status"] == "knocked_out"]
    assert len(out) == 1 and out[0]["rank"] is None
    assert data["weights_from"] == "ahp" and data["ahp"]["cr"] <= 0.10
    assert all(v["cost_source"] for v in data["vendors"])  # cost from the finance files
    assert (tmp_path / "inputs" / "vendors.yaml").is_file()
    assert "crm_readiness.workflows.vendors:demo_part" in PARTS
