"""The demo part: three fictional vendors, one knocked out, AHP weights, every output."""

from __future__ import annotations

import json
from pathlib import Path

from crm_readiness.demo.run import PARTS
from crm_readiness.i18n import t
from crm_readiness.workflows.vendors import demo_part


def test_demo_part_writes_its_outputs_with_a_panel_group_ahp_and_a_claim_gap(
        tmp_path: Path) -> None:
    entries = demo_part(tmp_path, "zh")
    for e in entries:
        assert (tmp_path / e.path).is_file(), e.path
    data = json.loads((tmp_path / "vendors" / "comparison.json").read_text("utf-8"))
    names = {v["name"]["zh"] for v in data["vendors"]}  # the JSON keeps both languages
    assert names == {"云帆CRM", "新智销", "企联通"}
    assert {v["name"]["en"] for v in data["vendors"]} == {
        "云帆CRM (YunFan CRM)", "新智销 (NovaSales)", "企联通 (EntLink)"}
    out = [v for v in data["vendors"] if v["status"] == "knocked_out"]
    assert len(out) == 1 and out[0]["rank"] is None
    assert data["weights_from"] == "ahp" and data["ahp"]["cr"] <= 0.10
    assert all(v["cost_source"] for v in data["vendors"])  # cost from the finance files
    assert (tmp_path / "inputs" / "vendors.yaml").is_file()
    assert "crm_readiness.workflows.vendors:demo_part" in PARTS
    # a three-person panel with one real disagreement, group AHP, one claim gap
    paths = {e.path for e in entries}
    assert {"vendors/panel/panel-chen.xlsx", "vendors/panel/panel-liu.xlsx",
            "vendors/panel/panel-wang.xlsx", "vendors/demonstrations/demo-script-yunfan.html",
            "vendors/demonstrations/demo-outcomes-entlink.xlsx",
            "vendors/demonstrations/demo-script-novasales.docx"} <= paths
    data = json.loads((tmp_path / "vendors" / "comparison.json").read_text("utf-8"))
    ahp = data["ahp"]
    assert ahp["aggregate"] == "judgements" and len(ahp["panelists"]) == 3
    assert all(p["cr"] <= 0.10 for p in ahp["panelists"]) and ahp["cr"] <= 0.10
    panel = data["panel"]
    disputed = [c for c in panel["cells"] if c["spread"] >= 2]
    assert [(c["vendor"], c["criterion"]) for c in disputed] == [("entlink", "usability")]
    assert panel["agenda"][0]["vendor"] == "entlink" and panel["agenda"][0]["criterion"] == \
        "usability"
    assert panel["halo"] == []
    yunfan = next(v for v in data["vendors"] if v["id"] == "yunfan")
    gap = yunfan["claim_gaps"]
    assert [(g["requirement"], g["claimed"], g["outcome"]) for g in gap] == [
        ("INT-02", "native", "custom")]
    assert yunfan["status"] == "eligible" and 0 < yunfan["credibility"] < 1
    html = (tmp_path / "vendors" / "comparison.html").read_text("utf-8")
    for key in ("vendors.rep.claim_gaps", "vendors.rep.agenda"):
        assert t(key, "zh") in html, key
    assert t("vendors.rep.ahp_group", "zh", n=3, how="").split("：")[0] in html
