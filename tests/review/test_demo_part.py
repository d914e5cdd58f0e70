"""The demo's review part: +6-month review of the example company, linked from index.html."""

from __future__ import annotations

import json
from pathlib import Path

from crm_readiness.demo.run import PARTS
from crm_readiness.workflows.review import demo_part


def test_the_review_part_is_in_the_demo_and_writes_its_reports(tmp_path: Path) -> None:
    assert "crm_readiness.workflows.review:demo_part" in PARTS
    entries = demo_part(tmp_path, "en")
    for e in entries:
        assert (tmp_path / e.path).exists(), e.path
        assert e.section.zh and e.title.zh
    summary = entries[0].summary
    assert summary is not None
    assert summary.en.startswith("2 on track · 1 at risk · 1 off track · re-forecast NPV ")
    assert summary.zh.startswith("正常推进 2 项")
    data = json.loads((tmp_path / "review" / "review.json").read_text("utf-8"))
    assert data["as_of"] == "2028-08-06" and data["golive"]["verdict"] == "not_ready"
    adoption = data["adoption"]
    # 180 seats in year 1 of the case; 23 licensed users never active
    assert (adoption["seats"], adoption["users"], adoption["active_users"]) == (180, 180, 157)
    assert summary.en.endswith("active users 157/180")
    statuses = {k["id"]: k["status"] for k in data["kpis"]}
    assert statuses == {"lead_conversion": "on_track", "follow_up_hours": "on_track",
                        "service_response_hours": "at_risk", "dealer_churn": "off_track"}


def test_the_demo_retrospective_reads_the_lessons_of_the_last_review(tmp_path: Path) -> None:
    demo_part(tmp_path, "en")
    data = json.loads((tmp_path / "review" / "review.json").read_text("utf-8"))
    retro = {d["dimension"]: d for d in data["retrospective"]}
    assert list(retro) == ["financial", "customer", "organisational"]
    assert retro["customer"]["kpis"] == ["service_response_hours", "dealer_churn"]
    assert retro["customer"]["status_counts"]["off_track"] == 1
    assert retro["financial"]["npv_variance"] == data["finance"]["npv_variance"]
    assert retro["organisational"]["active_share"] == data["adoption"]["active_share"]
    assert retro["customer"]["npv_variance"] is None
    assert [len(d["lessons"]) for d in retro.values()] == [1, 1, 1]
    md = (tmp_path / "review" / "review.md").read_text("utf-8")
    assert "### Customer" in md and "WeCom service account" in md
