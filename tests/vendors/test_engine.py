"""Engine: hand-computed module fits, functional fits, totals, knockouts and ranks.

The case is tests/assets/vendors/vendors.yaml (catalogue.yaml beside it):
priority weights must 5 / should 3 / could 1; points native 3 / configurable 2 /
custom 1 / not supported 0; third-party → custom, roadmap → not supported.

          A-1 must(5)   A-2 should(3)  B-1 could(1)  B-2 must(5)
Vendor X  native 3      configurable 2 custom 1      native 3
Vendor Y  configurable 2 native 3      (unanswered)  third party → 1
Vendor Z  roadmap → 0   native 3       native 3      native 3
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from crm_readiness.engine.vendors import compare
from crm_readiness.engine.vendors.cost import cost_score
from crm_readiness.models.vendors import Budget
from tests.vendors.conftest import case_result, load_case


def test_module_fits_are_sum_p_r_over_sum_p_3() -> None:
    res = case_result()
    x, y, z = (res.vendor(i) for i in ("x", "y", "z"))
    fits = {v.id: {m.module: m.fit for m in v.module_fits} for v in (x, y, z)}
    assert fits["x"]["sales"] == pytest.approx((5 * 3 + 3 * 2) / (3 * 8))      # 21/24
    assert fits["x"]["service"] == pytest.approx((1 * 1 + 5 * 3) / (3 * 6))    # 16/18
    assert fits["y"]["sales"] == pytest.approx((5 * 2 + 3 * 3) / 24)           # 19/24
    assert fits["y"]["service"] == pytest.approx((0 + 5 * 1) / 18)             # 5/18
    assert fits["z"]["sales"] == pytest.approx((0 + 3 * 3) / 24)
    assert "marketing" not in fits["x"]  # a module without requirements is not shown
    assert x.functional_fit == pytest.approx(37 / 42)
    assert y.functional_fit == pytest.approx(24 / 42)
    assert z.functional_fit == pytest.approx(27 / 42)


def test_totals_are_sum_w_s_over_5_times_100() -> None:
    res = case_result()
    # X: fit 5·37/42, usability 4, cost (200−150)/(200−100)·5 = 2.5
    assert res.vendor("x").total == pytest.approx((0.5 * 5 * 37 / 42 + 0.3 * 4 + 0.2 * 2.5) / 5 * 100)
    assert res.vendor("x").total == pytest.approx(78.047619, abs=1e-6)
    # Y: fit 5·24/42, usability 5, cost 100 ≤ min → 5
    assert res.vendor("y").total == pytest.approx(78.571429, abs=1e-6)
    # Z: fit 5·27/42, usability 5, cost 250 ≥ max → 0
    assert res.vendor("z").total == pytest.approx(62.142857, abs=1e-6)
    contrib = sum(c.contribution for c in res.vendor("x").criteria)
    assert contrib == pytest.approx(res.vendor("x").total)


def test_knockout_unmet_must_is_scored_shown_not_ranked() -> None:
    res = case_result()
    z = res.vendor("z")
    assert z.must_gaps == ("A-1",)  # roadmap on a must counts as not supported
    assert z.status == "knocked_out" and z.rank is None
    assert z.total > 0
    assert [res.vendor(i).rank for i in ("y", "x")] == [1, 2]
    assert res.ranking == ("y", "x")


def test_unanswered_counts_zero_and_is_reported() -> None:
    y = case_result().vendor("y")
    assert y.unanswered == ("B-1",)
    b1 = next(o for o in y.responses if o.id == "B-1")
    assert b1.points == 0 and b1.response is None and not b1.must_gap
    assert y.status == "eligible"  # nobody said it cannot be done


def test_third_party_mapping_is_configurable() -> None:
    vf, cat = load_case()
    rules = vf.scoring.model_copy(update={"response_map": vf.scoring.response_map.model_copy(
        update={"third_party": "configurable"})})
    res = compare(cat, vf.model_copy(update={"scoring": rules}))
    b2 = next(o for o in res.vendor("y").responses if o.id == "B-2")
    assert b2.level == "configurable" and b2.points == 2


def test_priority_weights_are_configurable() -> None:
    vf, cat = load_case()
    pw = vf.scoring.priority_weights.model_copy(update={"must": 10})
    res = compare(cat, vf.model_copy(update={"scoring": vf.scoring.model_copy(
        update={"priority_weights": pw})}))
    # X: (10·3 + 3·2 + 1·1 + 10·3) / (3·24)
    assert res.vendor("x").functional_fit == pytest.approx(67 / 72)


def test_cost_is_linear_in_the_budget_range() -> None:
    b = Budget(min=Decimal(100), max=Decimal(200))
    assert cost_score(Decimal(100), b) == 5
    assert cost_score(Decimal(50), b) == 5
    assert cost_score(Decimal(175), b) == pytest.approx(1.25)
    assert cost_score(Decimal(200), b) == 0
    assert cost_score(Decimal(900), b) == 0


def test_adding_or_removing_a_vendor_cannot_reorder_the_others() -> None:
    vf, cat = load_case()
    base = compare(cat, vf)
    cheap = vf.vendors[0].model_copy(update={"id": "w", "name": "W", "cost": Decimal(1)})
    more = compare(cat, vf.model_copy(update={"vendors": (*vf.vendors, cheap)}))
    fewer = compare(cat, vf.model_copy(update={"vendors": vf.vendors[1:]}))
    for other in (more, fewer):
        for v in other.vendors:
            if v.id in {"x", "y", "z"}:
                assert v.total == pytest.approx(base.vendor(v.id).total)
    order = [i for i in more.ranking if i != "w"]
    assert order == list(base.ranking)


def test_missing_score_and_cost_count_zero_and_are_reported() -> None:
    vf, cat = load_case()
    x = vf.vendors[0].model_copy(update={"scores": {}, "cost": None})
    res = compare(cat, vf.model_copy(update={"vendors": (x, *vf.vendors[1:])}))
    assert res.vendor("x").missing_scores == ("usability", "cost")
    assert res.vendor("x").total == pytest.approx(0.5 * 5 * 37 / 42 / 5 * 100)


def test_result_is_json_serialisable_with_every_number() -> None:
    res = case_result()
    text = res.model_dump_json()
    assert '"knocked_out"' in text and '"ranking":["y","x"]' in text
