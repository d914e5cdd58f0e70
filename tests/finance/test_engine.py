"""The cash-flow engine against hand-computed cases: seats, escalation, contingency, ramp, risk."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import numpy_financial as npf
import pytest

from crm_readiness._resources import examples_dir
from crm_readiness.engine.finance import build_case
from crm_readiness.engine.finance.cashflow import ceil6_decimal
from crm_readiness.engine.finance.drivers import base_params, case_drivers
from crm_readiness.engine.finance.montecarlo import npv_draws
from crm_readiness.io.finance import load_benefits, load_costs
from tests.finance._cases import amount, benefits, costs

DEMO = examples_dir() / "demo"


def line(case, line_id):  # type: ignore[no-untyped-def]
    return next(ln for ln in (*case.cost_lines, *case.benefit_lines) if ln.id == line_id)


def test_seats_grow_in_whole_seats_rounded_up() -> None:
    c = costs(users={"initial": 180, "growth": 0.1}, recurring=[
        {"id": "sub", "name": "Sub", "category": "software", "per_user": 100}])
    case = build_case(c)
    # 180·1.1 = 198 exactly (no float trap to 199), 180·1.21 = 217.8 → 218
    assert case.seats == [180, 180, 198, 218]
    assert line(case, "sub").amounts == [0, 18000, 19800, 21800]
    expected = D(1000 + 18000 + 19800 + 21800) / (180 + 198 + 218)
    assert abs(case.risk_adjusted.cost_per_user_year - expected) < D("1e-20")


def test_ceil_rule_ignores_float_noise_below_a_millionth() -> None:
    assert ceil6_decimal(D("198.0000000004")) == 198
    assert ceil6_decimal(D("198.000001")) == 199


def test_escalation_and_years_of_a_recurring_line() -> None:
    c = costs(recurring=[{"id": "support", "name": "Support", "category": "maintenance",
                          "amount": 1000, "escalation": 0.05, "start_year": 1, "end_year": 2}])
    assert line(build_case(c), "support").amounts == [0, 1000, D("1050.00"), 0]


def test_per_module_and_staff_lines() -> None:
    c = costs(recurring=[{"id": "mods", "name": "Modules", "category": "software",
                          "per_module": 500, "modules": 3}],
              staff=[{"id": "admin", "name": "Admin", "hours": 100, "people": 2, "rate": 50,
                      "start_year": 0, "escalation": 0.1}])
    case = build_case(c)
    assert line(case, "mods").amounts == [0, 1500, 1500, 1500]
    assert line(case, "admin").amounts == [10000, 11000, D("12100.00"), D("13310.000")]
    assert line(case, "admin").category == "internal_staff"


def test_contingency_on_one_time_costs_and_not_risk_adjusted() -> None:
    c = costs(contingency=0.1, risk_adjustment=0.2, one_time=[
        {"id": "a", "name": "A", "category": "software", "amount": 1000},
        {"id": "b", "name": "B", "category": "training", "amount": 500},
        {"id": "c", "name": "C", "category": "data_migration", "amount": 300, "year": 1,
         "risk": 0}])
    case = build_case(c)
    assert line(case, "contingency").amounts == [150, 30, 0, 0]
    assert case.unadjusted.costs == [1650, 330, 0, 0]
    # lines × 1.2 (line c has its own risk 0), contingency as is
    assert case.risk_adjusted.costs == [D(1800) + 150, 300 + 30, 0, 0]


def test_benefit_ramp_start_year_and_risk() -> None:
    b = benefits([amount("save", 1000, [0.5, 0.8]),
                  amount("late", 1000, [1.0], start_year=2, risk=0.25)],
                 risk_adjustment=0.1)
    case = build_case(costs(), b)
    assert line(case, "save").amounts == [0, 500, 800, 800]
    assert line(case, "save").amounts_risk_adjusted == [0, 450, 720, 720]
    assert line(case, "late").amounts_risk_adjusted == [0, 0, 750, 750]


def test_benefit_formulas() -> None:
    b = benefits([
        {"id": "rev", "type": "revenue_uplift", "name": "Rev", "baseline_revenue": 1_000_000,
         "uplift": 0.02, "gross_margin": 0.3, "ramp": [1], "ramp_rest": "last"},
        {"id": "time", "type": "time_saved", "name": "Time", "hours": 10, "people": 5,
         "rate": 100, "ramp": [1], "ramp_rest": "last"},
        {"id": "churn", "type": "churn_avoided", "name": "Churn", "customers": 200,
         "churn_reduction": 0.05, "margin_per_customer": 1000, "ramp": [1], "ramp_rest": "last"},
        {"id": "old", "type": "cost_avoided", "name": "Old", "amount": 700, "ramp": [1], "ramp_rest": "last"}])
    case = build_case(costs(), b)
    assert [line(case, i).amounts[1] for i in ("rev", "time", "churn", "old")] == [
        6000, 5000, 10000, 700]


def test_case_metrics_match_numpy_financial() -> None:
    b = benefits([amount("save", 900, [0.5, 1.0])])
    case = build_case(costs(), b)
    v = case.risk_adjusted
    assert v.net == [-1000, 450, 900, 900]
    flows = [float(x) for x in v.net]
    assert float(v.npv) == pytest.approx(npf.npv(0.1, flows), abs=1e-9)
    assert v.irr.value is not None
    assert float(v.irr.value) == pytest.approx(npf.irr(flows), abs=1e-9)
    # cumulative −1000, −550, +350: payback 1 + 550/900 years
    assert v.payback.years == 1 + D(550) / D(900)
    assert v.roi_pv == (v.benefits_pv - v.tco_pv) / v.tco_pv
    assert v.roi_simple == D(2250 - 1000) / 1000


def test_tco_only_case_has_no_irr_and_no_payback() -> None:
    case = build_case(costs(recurring=[{"id": "s", "name": "S", "category": "software",
                                        "amount": 100}]))
    v = case.risk_adjusted
    assert v.tco_nominal == 1300 and v.npv < 0
    assert v.irr.value is None and v.irr.reason == "no_sign_change"
    assert v.payback.months is None
    assert case.sensitivity is None


def test_missing_components_and_not_applicable() -> None:
    case = build_case(costs(not_applicable={"customization": "out of the box"}))
    assert "customization" not in case.missing_components
    assert {"training", "data_migration", "contingency", "internal_staff"} <= set(
        case.missing_components)
    assert "hosting" not in case.missing_components
    assert "hosting" in build_case(costs(deployment="on-prem")).missing_components


def test_split_against_benchmark_and_training_flag() -> None:
    c = costs(one_time=[
        {"id": "sw", "name": "SW", "category": "software", "amount": 400},
        {"id": "cu", "name": "CU", "category": "customization", "amount": 150},
        {"id": "im", "name": "IM", "category": "implementation", "amount": 100},
        {"id": "dm", "name": "DM", "category": "data_migration", "amount": 150},
        {"id": "tr", "name": "TR", "category": "training", "amount": 50},
        {"id": "pm", "name": "PM", "category": "project_management", "amount": 100},
        {"id": "hw", "name": "HW", "category": "security", "amount": 50}])
    case = build_case(c)
    shares = {s.component: s.share for s in case.split}
    assert case.one_time_total == 1000
    assert shares == {"software": D("0.4"), "customization": D("0.25"), "data_migration":
                      D("0.15"), "training": D("0.05"), "project_management": D("0.1"),
                      "other": D("0.05")}
    assert "training_low" in [f.code for f in case.flags]
    enough = c.model_copy(update={"one_time": tuple(
        o.model_copy(update={"amount": D(120)}) if o.id == "tr" else o for o in c.one_time)})
    assert "training_low" not in [f.code for f in build_case(enough).flags]


def _demo():  # type: ignore[no-untyped-def]
    c = load_costs(DEMO / "costs.yaml")
    return c, load_benefits(DEMO / "benefits.yaml", c)


def test_vectorised_monte_carlo_path_equals_the_decimal_case() -> None:
    c, b = _demo()
    structure, drivers = case_drivers(c, b)
    params = base_params(drivers)
    fixed = {k: (v, v, v) for k, v in params.items() if drivers[k].sensitive}
    draws = npv_draws(structure, params, fixed, 50, 1)
    assert draws == pytest.approx(float(build_case(c, b).risk_adjusted.npv), rel=1e-12)


def test_monte_carlo_is_reproducible_with_its_seed() -> None:
    c, b = _demo()
    one = build_case(c, b).sensitivity
    two = build_case(c, b).sensitivity
    assert one is not None and two is not None
    assert one.monte_carlo == two.monte_carlo
    mc = one.monte_carlo
    assert mc.draws == 10_000 and len(mc.drivers) == 12
    assert mc.npv_p10 < mc.npv_p50 < mc.npv_p90 and 0 < mc.probability_positive < 1


def test_tornado_ranked_and_break_even_gives_zero_npv() -> None:
    c, b = _demo()
    sens = build_case(c, b).sensitivity
    assert sens is not None
    swings = [r.swing for r in sens.tornado]
    assert swings == sorted(swings, reverse=True) and swings[0] > 0
    be = sens.break_even
    assert be is not None and be.value is not None and be.driver == sens.tornado[0].driver
    structure, drivers = case_drivers(c, b)
    from crm_readiness.engine.finance.cashflow import npv_of

    assert be.change is not None
    base = base_params(drivers)
    params = base | {be.driver: base[be.driver] * (1 + be.change)}
    assert abs(npv_of(structure, params)) < D("0.000001")


def test_named_scenario_equals_the_case_with_those_values() -> None:
    c, b = _demo()
    sens = build_case(c, b).sensitivity
    assert sens is not None
    conservative = next(s for s in sens.scenarios if s.name == "conservative")
    rev = [ln.model_copy(update={"uplift": D("0.0075")}) if ln.id == "revenue_uplift" else ln
           for ln in b.benefits]
    rev = [ln.model_copy(update={"hours": D(50)}) if ln.id == "sales_time" else ln for ln in rev]
    rev = [ln.model_copy(update={"churn_reduction": D("0.0075")}) if ln.id == "churn" else ln
           for ln in rev]
    one = [o.model_copy(update={"amount": D(520000)}) if o.id == "implementation" else o
           for o in c.one_time]
    manual = build_case(c.model_copy(update={"one_time": tuple(one)}),
                        b.model_copy(update={"benefits": tuple(rev)}))
    assert conservative.npv == manual.risk_adjusted.npv


def test_demo_case_is_a_mid_size_budget() -> None:
    c, b = _demo()
    case = build_case(c, b)
    spend = case.one_time_total * (1 + case.contingency)
    assert D(2_000_000) <= spend <= D(5_000_000)
    assert case.risk_adjusted.npv > 0 and case.risk_adjusted.irr.value is not None


def test_every_vendor_file_loads(tmp_path: Path) -> None:
    from crm_readiness.workflows.finance import DEMO_VENDOR_FILES, tco_of_file

    tcos = [tco_of_file(DEMO / n) for n in DEMO_VENDOR_FILES]
    assert len(set(tcos)) == 3 and all(x > 0 for x in tcos)
    assert tco_of_file(DEMO / "costs.yaml") == tcos[0]
    assert tco_of_file(DEMO / "costs.yaml", risk_adjusted=False) < tcos[0]
