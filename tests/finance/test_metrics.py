"""NPV, IRR and payback against hand-computed values and numpy-financial 1.0.0."""

from __future__ import annotations

from decimal import Decimal as D

import numpy_financial as npf
import pytest

from crm_readiness.engine.finance import irr, npv, payback, sign_changes


def test_npv_by_hand_year_0_undiscounted() -> None:
    flows = [D(-1000), D(500), D(600)]
    expected = D(-1000) + D(500) / D("1.1") + D(600) / D("1.21")
    assert abs(npv(D("0.10"), flows) - expected) < D("1e-40")
    assert npv(D("0.10"), flows).quantize(D("0.01")) == D("-49.59")


@pytest.mark.parametrize("flows", [
    [-1000, 500, 600], [-3091500, 751180, 2696912, 3419889], [-5, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
    [0, -200, 50, 80, 120], [1000, -300, -400, -500],
])
def test_npv_and_irr_match_numpy_financial(flows: list[int]) -> None:
    cash = [D(f) for f in flows]
    assert float(npv(D("0.1"), cash)) == pytest.approx(npf.npv(0.1, flows), rel=1e-12, abs=1e-6)
    result = irr(cash)
    assert result.value is not None and result.sign_changes == 1
    assert float(result.value) == pytest.approx(npf.irr(flows), abs=1e-9)
    assert abs(npv(result.value, cash)) < D("1e-9")


def test_irr_exact_hand_cases() -> None:
    for flows in ([D(-100), D(110)], [D(-100), D(0), D(121)]):
        value = irr(flows).value
        assert value is not None and abs(value - D("0.10")) < D("1e-18")


def test_irr_not_defined_without_a_sign_change() -> None:
    result = irr([D(-100), D(-50), D(0), D(-20)])
    assert result.value is None and result.reason == "no_sign_change"
    assert irr([D(0), D(0)]).reason == "no_sign_change"


def test_irr_not_defined_with_several_sign_changes() -> None:
    # roots at 10% and 20%: refusing to choose is the convention
    result = irr([D(-100), D(230), D(-132)])
    assert result.value is None and result.reason == "several_sign_changes"
    assert result.sign_changes == 2


def test_sign_changes_skip_zeros() -> None:
    assert sign_changes([D(-1), D(0), D(0), D(2)]) == 1
    assert sign_changes([D(0), D(1), D(0), D(-1), D(1)]) == 2


def test_payback_interpolated_inside_year_two() -> None:
    # cumulative −1000, −600, +200: k = 2, payback = 1 + 600/800 = 1.75 years = 21 months
    result = payback([D(-1000), D(400), D(800)])
    assert result.years == D("1.75") and result.months == D(21)
    assert not result.discounted


def test_payback_zero_when_year_0_is_not_negative() -> None:
    assert payback([D(0), D(10)]).years == 0
    assert payback([D(5), D(-1)]).months == 0


def test_payback_exactly_at_year_end() -> None:
    assert payback([D(-100), D(50), D(50)]).years == D(2)


def test_payback_never_within_the_horizon() -> None:
    result = payback([D(-1000), D(100), D(200)])
    assert result.years is None and result.months is None


def test_discounted_payback_is_later() -> None:
    flows = [D(-1000), D(400), D(800)]
    plain = payback(flows).years
    disc = payback(flows, rate=D("0.1"))
    # PV flows −1000, 363.63…, 661.15…: 1 + 636.36…/661.15… years
    expected = 1 + (D(1000) - D(400) / D("1.1")) / (D(800) / D("1.21"))
    assert disc.discounted and disc.years is not None and plain is not None
    assert abs(disc.years - expected) < D("1e-30") and disc.years > plain
