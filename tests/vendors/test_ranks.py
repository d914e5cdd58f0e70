"""Honest ranks: totals within the stated tolerance share a rank in the engine, the JSON, the
reports and the workbook (also after LibreOffice recalculates it); close calls are said.

Case: vendor X of the hand-computed case (usability 4 → 24 points, cost 150 → score 2.5 →
10 points) and a vendor T with the same responses but usability 3 (18 points) and cost 120.2
(score 3.99 → 15.96 points): T's total is 0.04 below X's, within the 0.05 tolerance.
Vendor U (cost 120.5, score 3.975 → 15.90) is 0.10 below: not tied. Z is knocked out.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from decimal import Decimal

import openpyxl
import pytest

from crm_readiness.engine.vendors import compare
from crm_readiness.engine.vendors.ranking import TIE_TOLERANCE, ranks
from crm_readiness.models.vendors import Comparison, CriterionScore
from crm_readiness.render import Format
from crm_readiness.render.vendors.reports import render_comparison, render_json
from crm_readiness.render.vendors.workbook import render_comparison_workbook
from tests.vendors.conftest import load_case

NOW = datetime(2025, 1, 2, tzinfo=UTC)


def _tied() -> tuple[Comparison, object]:
    vf, cat = load_case()
    x = vf.vendors[0]
    t = x.model_copy(update={"id": "t", "name": "Vendor T", "cost": Decimal("120.2"),
                             "scores": {"usability": CriterionScore(score=3)}})
    u = x.model_copy(update={"id": "u", "name": "Vendor U", "cost": Decimal("120.5"),
                             "scores": {"usability": CriterionScore(score=3)}})
    z = vf.vendors[2]  # knocked out; Y (the case's leader) left out
    return compare(cat, vf.model_copy(update={"vendors": (x, t, u, z)})), cat


def test_rank_counts_only_totals_beyond_the_tolerance() -> None:
    assert TIE_TOLERANCE == 0.05
    assert ranks([60.0, 60.0, 59.9], [True, True, True]) == [1, 1, 3]
    assert ranks([60.0, 59.96, 59.9], [True, True, True]) == [1, 1, 3]
    assert ranks([60.0, 60.0, 70.0], [True, True, False]) == [1, 1, None]


def test_tied_totals_share_a_rank_in_engine_and_json() -> None:
    res, _ = _tied()
    x, t, u = res.vendor("x"), res.vendor("t"), res.vendor("u")
    assert x.total - t.total == pytest.approx(0.04, abs=1e-9)
    assert x.total - u.total == pytest.approx(0.10, abs=1e-9)
    assert (x.rank, t.rank) == (1, 1)
    assert u.rank == 3
    data = json.loads(render_json(res))
    got = {v["id"]: v["rank"] for v in data["vendors"]}
    assert got["x"] == got["t"] == 1 and got["u"] == 3
    assert data["tie_tolerance"] == 0.05
    assert data["robustness"]["tied_leaders"] == ["x", "t"]
    assert data["robustness"]["close_call"] is True


def test_reports_show_the_shared_rank_and_the_tie_note() -> None:
    res, cat = _tied()
    for fmt in (Format.md, Format.html):
        out = render_comparison(res, cat, "en", fmt)  # type: ignore[arg-type]
        assert "Tied: Vendor X, Vendor T" in out and "share rank 1" in out
        assert "within 0.05 points" in out
        zh = render_comparison(res, cat, "zh", fmt)  # type: ignore[arg-type]
        assert "并列第 1 名" in zh


def test_close_call_when_margin_is_below_the_scenario_spread() -> None:
    vf, cat = load_case()
    res = compare(cat, vf)
    rob = res.robustness
    assert rob.margin is not None and rob.margin_spread is not None and rob.margin_spread > 0
    assert rob.close_call == (rob.margin < rob.margin_spread)
    # shrink the leader's lead below the spread: X's usability from 4 to what leaves 0.2 points
    leader = res.vendor(rob.leader or "")
    runner = res.vendor(rob.runner_up or "")
    gap = leader.total - runner.total
    usab = next(c for c in leader.criteria if c.id == "usability")
    new = usab.score - (gap - 0.2) / 6  # 6 points of total per usability point (30% · 100 / 5)
    lv = next(v for v in vf.vendors if v.id == leader.id)
    changed = lv.model_copy(update={"scores": {"usability": CriterionScore(score=new)}})
    vf2 = vf.model_copy(update={"vendors": tuple(changed if v.id == lv.id else v
                                                 for v in vf.vendors)})
    close = compare(cat, vf2)
    assert close.robustness.margin == pytest.approx(0.2, abs=1e-9)
    assert close.robustness.close_call
    html = render_comparison(close, cat, "en", Format.html)  # type: ignore[arg-type]
    assert "Close call: " in html and "leads" in html


def test_fairly_robust_is_not_in_a_red_alarm_box_and_radar_has_keys() -> None:
    from crm_readiness.render.svg import PALETTE

    res, cat = _tied()
    fake = res.model_copy(update={"robustness": res.robustness.model_copy(
        update={"verdict": "moderate"})})
    html = render_comparison(fake, cat, "en", Format.html)  # type: ignore[arg-type]
    assert '<div class="callout warn">Fairly robust' in html  # amber, not the red alarm
    red = fake.model_copy(update={"robustness": res.robustness.model_copy(
        update={"verdict": "fragile"})})
    assert '<div class="callout ">Close call' in render_comparison(
        red, cat, "en", Format.html)  # type: ignore[arg-type]
    radar = next(s for s in html.split("<svg")[1:] if "polygon" in s)
    for i, v in enumerate(res.vendors):  # the radar's own legend: a colour key and the name
        assert f'fill="{PALETTE[i]}"' in radar and f">{v.name.en}</text>" in radar


def test_workbook_rank_formula_uses_the_tolerance() -> None:
    res, cat = _tied()
    wb = openpyxl.load_workbook(__import__("io").BytesIO(
        render_comparison_workbook(res, cat, "en", NOW)))  # type: ignore[arg-type]
    assert "+TIE_TOL" in wb["Summary"]["G2"].value
    sheet, ref = next(iter(wb.defined_names["TIE_TOL"].destinations))
    assert wb[sheet][ref.replace("$", "")].value == 0.05
