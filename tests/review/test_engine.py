"""The review engine against a hand-computed case: 3 KPIs, 2 benefit drivers, year-1 actual costs."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from crm_readiness.engine.review import build_review, review_kpi, status_of, trend, years_started
from crm_readiness.models.finance.inputs import BenefitsFile, CostsFile
from crm_readiness.models.review import Kpi, KpiRegister

COSTS = CostsFile.model_validate({
    "horizon_years": 2, "discount_rate": "0.10", "users": {"initial": 10},
    "one_time": [{"id": "impl", "name": "Implementation", "category": "implementation",
                  "amount": 1000}],
    "recurring": [{"id": "saas", "name": "Subscription", "category": "software",
                   "amount": 200}]})
BENEFITS = BenefitsFile.model_validate({"benefits": [
    # plan: 1000 × ramp (50 %, 100 %) × (1 − 20 % risk) = 400, 800
    {"id": "uplift", "type": "amount", "name": "Uplift", "amount": 1000, "ramp": ["0.5", "1"],
     "risk": "0.2"},
    # plan: 10 h × 5 people × 20 = 1000 a year
    {"id": "time", "type": "time_saved", "name": "Time", "hours": 10, "people": 5, "rate": 20,
     "ramp": ["1"], "ramp_rest": "last"}]})


def _kpi(kid: str, direction: str, base: int, target: int, values: tuple[float, ...],
         benefit: str) -> dict[str, Any]:
    days = ("2026-04-01", "2026-07-01")  # day 90 and day 181 after the baseline
    return {"id": kid, "name": kid, "direction": direction, "benefit": benefit,
            "baseline": {"value": base, "date": "2026-01-01"},
            "target": {"value": target, "date": "2027-01-01"},  # day 365
            "measurements": [{"date": d, "value": str(v)} for d, v in zip(days, values,
                                                                          strict=True)]}


REGISTER = KpiRegister.model_validate({
    "year1_start": "2026-01-01", "as_of": "2026-07-01",
    "kpis": [_kpi("k1", "higher", 10, 20, (13, 17), "uplift"),
             _kpi("k2", "lower", 100, 50, (95, 90), "uplift"),
             _kpi("k3", "higher", 0, 10, (3, 5), "time")],
    "actual_costs": [{"year": 1, "amount": 260}]})


def test_statuses_from_the_trend_to_the_deadline() -> None:
    r = build_review(REGISTER)
    by = {k.id: k for k in r.kpis}
    # k1: slope 4/91 a day; at day 365: 17 + 4 × 184/91 = 25.088 → 151 % of +10: on track
    assert by["k1"].projected == pytest.approx(17 + 4 * 184 / 91)
    assert by["k1"].projected_share == pytest.approx((7 + 736 / 91) / 10)
    # k2 (lower is better): 90 − 5 × 184/91 = 79.89 → 40 % of −50: off track
    assert by["k2"].projected_share == pytest.approx((10 + 920 / 91) / 50)
    # k3: 5 + 2 × 184/91 = 9.044 → 90 %: at risk
    assert by["k3"].projected_share == pytest.approx((5 + 368 / 91) / 10)
    assert [by[k].status for k in ("k1", "k2", "k3")] == ["on_track", "off_track", "at_risk"]
    assert [by[k].achieved_share for k in ("k1", "k2", "k3")] == [
        Decimal("0.7"), Decimal("0.2"), Decimal("0.5")]
    assert r.status_counts == {"on_track": 1, "at_risk": 1, "off_track": 1, "no_data": 0}
    assert r.finance is None


def test_realised_benefits_reforecast_npv_and_variance_by_driver() -> None:
    f = build_review(REGISTER, costs=COSTS, benefits=BENEFITS).finance
    assert f is not None and f.years_started == [1]
    # approved: costs 1000, 200, 200; benefits 0, 1400, 1800 → NPV 1710 / 1.21
    assert f.approved.npv.quantize(Decimal("0.01")) == Decimal("1413.22")
    d = {x.id: x for x in f.drivers}
    # uplift: share mean(0.7, 0.2) = 0.45 of 1000 at target in year 1 (plan 400)
    assert d["uplift"].share == Decimal("0.45") and d["uplift"].kpis == ("k1", "k2")
    assert d["uplift"].reforecast == [0, 450, 800]
    assert d["uplift"].realised_to_date == 450 and d["uplift"].approved_to_date == 400
    # time: share 0.5 of 1000 in year 1 (plan 1000); year 2 keeps the plan
    assert d["time"].reforecast == [0, 500, 1000] and d["time"].variance_nominal == -500
    assert f.costs.reforecast == [1000, 260, 200] and f.costs.variance_nominal == 60
    # re-forecast: net −1000, 690, 1600 → NPV (−1210 + 759 + 1600) / 1.21 = 1149 / 1.21
    assert f.reforecast.npv.quantize(Decimal("0.01")) == Decimal("949.59")
    assert abs(f.reforecast.npv - Decimal(1149) / Decimal("1.21")) < Decimal("1e-20")
    # variance explained by driver: +50/1.1 − 500/1.1 − 60/1.1 = −510/1.1
    assert d["uplift"].variance_pv.quantize(Decimal("0.01")) == Decimal("45.45")
    explained = d["uplift"].variance_pv + d["time"].variance_pv - f.costs.variance_pv
    assert abs(f.npv_variance - explained) < Decimal("1e-20")
    assert f.npv_variance.quantize(Decimal("0.01")) == Decimal("-463.64")
    assert f.reforecast.payback.years is not None


def test_fewer_than_two_measurements_is_not_enough_data() -> None:
    one = Kpi.model_validate({**_kpi("k", "higher", 0, 10, (3, 5), "x"),
                              "measurements": [{"date": "2026-04-01", "value": 3}]})
    r = review_kpi(one, date(2026, 7, 1))
    assert (r.status, r.projected, r.achieved_share) == ("no_data", None, Decimal("0.3"))
    later = review_kpi(Kpi.model_validate(_kpi("k", "higher", 0, 10, (3, 5), "x")),
                       date(2026, 5, 1))  # the July measurement is after the review date
    assert later.status == "no_data" and len(later.measurements) == 1


@pytest.mark.parametrize(("share", "status"), [
    (1.0, "on_track"), (0.9999999999999, "on_track"), (0.99, "at_risk"), (0.75, "at_risk"),
    (0.7499, "off_track"), (-1.0, "off_track"), (None, "no_data")])
def test_status_thresholds(share: float | None, status: str) -> None:
    assert status_of(share) == status


def test_trend_and_years_started() -> None:
    assert trend([(0, 1), (1, 3), (2, 5)]) == pytest.approx((2.0, 1.0))
    assert trend([(5, 1), (5, 2)]) is None
    assert years_started(date(2026, 11, 15), date(2027, 11, 14), 3) == [1]
    assert years_started(date(2026, 11, 15), date(2027, 11, 15), 3) == [1, 2]
    assert years_started(date(2028, 2, 29), date(2029, 2, 28), 3) == [1, 2]
