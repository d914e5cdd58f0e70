"""Issue 11 acceptance: the engine against numpy-financial on 60 seeded generated cases.

Cash flows are checked exactly against an independent restatement of the documented
rules (tests/finance/_generated.py); NPV and PV totals against ``numpy_financial.npv``
to the cent, IRR against ``numpy_financial.irr`` to 1e-9 (or "not defined" exactly
where the net flows do not change sign exactly once), payback and discounted payback
(final crossing) against a numpy cumulative sum to 1e-9 years. LibreOffice's
recalculation of every one of these workbooks: test_libreoffice.py.
"""

from __future__ import annotations

from decimal import Decimal as D
from functools import cache

import pytest

from crm_readiness.engine.finance import build_case
from crm_readiness.models.finance.results import CaseView, FinanceCase
from tests.finance._generated import COUNT, Generated, expected, generated_cases

CENT = 0.005


@cache
def cases() -> list[tuple[Generated, FinanceCase]]:
    return [(g, build_case(g.costs, g.benefits, explore=False))
            for g in generated_cases()]


def _check_view(view: CaseView, g: Generated, risk: bool) -> None:
    ref = expected(g, risk)
    assert (view.costs, view.benefits, view.funding) == (ref.costs, ref.benefits, ref.funding), \
        g.index
    assert abs(float(view.npv) - ref.npv) <= CENT, g.index
    assert abs(float(view.tco_pv) - ref.tco_pv) <= CENT
    assert abs(float(view.benefits_pv) - ref.benefits_pv) <= CENT
    assert abs(float(view.funding_pv) - ref.funding_pv) <= CENT
    if ref.irr is not None:
        assert view.irr.value is not None, g.index
        assert abs(float(view.irr.value) - ref.irr) < 1e-9, (g.index, view.irr)
    else:
        assert view.irr.value is None and view.irr.reason is not None, g.index
    for result, years in ((view.payback, ref.payback),
                          (view.discounted_payback, ref.discounted_payback)):
        if years is None:
            assert result.years is None, g.index
        else:
            assert result.years is not None and abs(float(result.years) - years) < 1e-9, g.index


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
