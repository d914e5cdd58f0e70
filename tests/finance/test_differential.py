"""Issue 11 acceptance: the engine against numpy-financial on 60 seeded generated cases.

Cash flows are checked exactly against an independent restatement of the documented
rules (tests/finance/_generated.py); NPV and PV totals against ``numpy_financial.npv``
to the cent, IRR against ``numpy_financial.irr`` to 1e-9 (or "not defined" exactly
where the net flows do not change sign exactly once), payback and discounted payback
(final crossing) against a numpy cumulative sum to 1e-9 years. The LibreOffice
recalculation of a few of these workbooks is in test_workbook.py.
"""

from __future__ import annotations

from decimal import Decimal as D
from functools import cache

import numpy as np
import numpy_financial as npf
import pytest

from crm_readiness.engine.finance import build_case
from crm_readiness.models.finance.results import CaseView, FinanceCase
from tests.finance._generated import COUNT, Generated, expected_flows, generated_cases

CENT = 0.005


@cache
def cases() -> list[tuple[Generated, FinanceCase]]:
    return [(g, build_case(g.costs, g.benefits, explore=False))
            for g in generated_cases()]


def _sign_changes(flows: np.ndarray) -> int:
    signs = np.sign(flows[flows != 0])
    return int(np.count_nonzero(signs[1:] != signs[:-1]))


def _payback(flows: np.ndarray) -> float | None:
    """Final crossing: the last year k with cum[k-1] < 0 <= cum[k] and cum >= 0 after it."""
    cum = np.cumsum(flows)
    if cum[-1] < 0:
        return None
    below = np.nonzero(cum < 0)[0]
    if below.size == 0:
        return 0.0
    k = int(below[-1]) + 1
    return (k - 1) + float(-cum[k - 1] / flows[k])


def _check_view(view: CaseView, g: Generated, risk: bool) -> None:
    costs, benefits, funding = expected_flows(g.costs, g.benefits, risk)
    assert view.costs == costs and view.benefits == benefits and view.funding == funding, g.index
    rate = float(g.costs.discount_rate)
    net = np.array([float(b + f - c) for c, b, f in zip(costs, benefits, funding, strict=True)])
    assert abs(float(view.npv) - npf.npv(rate, net)) <= CENT, g.index
    assert abs(float(view.tco_pv) - npf.npv(rate, [float(c) for c in costs])) <= CENT
    assert abs(float(view.benefits_pv) - npf.npv(rate, [float(b) for b in benefits])) <= CENT
    assert abs(float(view.funding_pv) - npf.npv(rate, [float(f) for f in funding])) <= CENT
    if _sign_changes(net) == 1:
        assert view.irr.value is not None, g.index
        assert abs(float(view.irr.value) - float(npf.irr(net))) < 1e-9, (g.index, view.irr)
    else:
        assert view.irr.value is None and view.irr.reason is not None, g.index
    factors = (1 + rate) ** -np.arange(net.size, dtype=float)
    for result, flows in ((view.payback, net), (view.discounted_payback, net * factors)):
        ref = _payback(flows)
        if ref is None:
            assert result.years is None, g.index
        else:
            assert result.years is not None and abs(float(result.years) - ref) < 1e-9, g.index


def test_generated_cases_cover_what_the_issue_names() -> None:
    views = [c.risk_adjusted for _, c in cases()]
    assert len(views) == COUNT >= 50
    horizons = {g.costs.horizon_years for g, _ in cases()}
    assert horizons == set(range(1, 11))
    assert any(g.costs.discount_rate == 0 for g, _ in cases())
    assert max(g.costs.discount_rate for g, _ in cases()) > D("0.18")
    assert sum(v.npv < 0 for v in views) >= 10 and sum(v.npv > 0 for v in views) >= 10
    irrs = [v.irr.value for v in views if v.irr.value is not None]
    assert min(irrs) < D("-0.35") and max(irrs) > 1
    assert any(v.irr.reason == "several_sign_changes" for v in views)
    assert sum(v.payback.years is None for v in views) >= 5
    assert any(c.vat.non_recoverable_vat > 0 for _, c in cases())
    assert any(v.funding_nominal > 0 for v in views)


@pytest.mark.parametrize("risk", [True, False], ids=["risk_adjusted", "unadjusted"])
def test_engine_equals_numpy_financial_on_generated_cases(risk: bool) -> None:
    for g, case in cases():
        _check_view(case.risk_adjusted if risk else case.unadjusted, g, risk)
