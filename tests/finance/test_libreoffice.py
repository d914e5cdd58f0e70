"""LibreOffice's recalculation of the finance workbooks equals the engine and numpy-financial.

Issue 11 acceptance: every generated differential case (60, seeded; test_differential.py
checks the engine itself) is rendered as the workbook ``roi`` writes and recalculated
by LibreOffice, forced to recompute every formula on load; NPV, IRR or "not defined",
payback and discounted payback, the PV totals and every other named output equal the
engine (to the cent, 1e-9 for rates and paybacks) and numpy-financial, and no sheet
has an error cell. One LibreOffice process converts all of these workbooks and the
hand-made ones below (the session fixture ``recalculated``, conftest.py). The
generated workbooks go without their cell comments and charts, which hold no formula
and take half of LibreOffice's time; one also goes whole and must give the same cells.
"""

from __future__ import annotations

from decimal import Decimal as D
from typing import Any

import pytest

from tests.finance._books import EVIL, FULL, Recalculated, assert_equal, generated_name
from tests.finance._generated import COUNT, Expected, expected
from tests.finance.test_differential import cases
from tests.tools.libreoffice import needs_soffice

CENT = 0.005


def _against_numpy(values: dict[str, Any], ref: Expected, suffix: str) -> None:
    """The workbook's figures on one basis (``suffix`` "" or "_unadjusted") against
    numpy-financial on the flows restated from the documented rules."""
    def close(name: str, want: float, within: float) -> None:
        got = values[name]
        assert isinstance(got, D) and abs(float(got) - want) <= within, (name, got, want)

    close(f"out_npv{suffix}", ref.npv, CENT)
    irr = values[f"out_irr{suffix}"]
    if ref.irr is None:
        assert irr == "not defined", (suffix, irr)
    else:
        close(f"out_irr{suffix}", ref.irr, 1e-9)
    for key, row in (("costs", ref.costs), ("benefits", ref.benefits)):
        got = values[f"out_{key}{suffix}"]
        assert all(isinstance(a, D) and abs(a - b) <= D("0.005")
                   for a, b in zip(got, row, strict=True)), (key + suffix, got, row)
    if suffix:
        return  # the PV totals and paybacks are shown on the risk-adjusted basis only
    close("out_tco_pv", ref.tco_pv, CENT)
    close("out_benefits_pv", ref.benefits_pv, CENT)
    close("out_funding_pv", ref.funding_pv, CENT)
    for name, years in (("out_payback_years", ref.payback),
                        ("out_discounted_payback_years", ref.discounted_payback)):
        if years is None:
            assert values[name] == "not within the horizon", (name, values[name])
        else:
            close(name, years, 1e-9)


@needs_soffice
@pytest.mark.slow
def test_libreoffice_recalculates_every_generated_case_like_the_engine_and_numpy(
        recalculated: Recalculated) -> None:
    failures, done = [], 0
    for g, case in cases():
        name = generated_name(g.index)
        book = recalculated.books[name]
        try:
            errors = book.error_cells()
            assert not errors, f"error cells {errors}"
            values = book.values()
            assert_equal(values, case)
            _against_numpy(values, expected(g, True), "")
            _against_numpy(values, expected(g, False), "_unadjusted")
        except AssertionError as e:
            failures.append(f"{name}: {e}")
        done += 1
    assert not failures, "\n".join(failures)
    assert done == COUNT >= 50
    # sent without comments and charts (cheaper): the whole workbook recalculates the same
    whole, lean = recalculated.books[FULL], recalculated.books[generated_name(0)]
    assert whole.sheets == lean.sheets and len(lean.error_cells()) == 0


@needs_soffice
@pytest.mark.slow
def test_libreoffice_recalculation_of_the_hand_made_workbooks(recalculated: Recalculated) -> None:
    """The demo (sensitivity sheet), hostile text, TCO only, hand-computed VAT and
    amortisation, and the demo with two inputs edited: each equals the engine."""
    books, cases_ = recalculated.books, recalculated.cases
    for name in ("demo", "evil", "tco", "vat_hand", "changed"):
        errors = books[name].error_cells()
        assert not errors, (name, errors)
        assert_equal(books[name].values(), cases_[name])
    base, moved = books["demo"].value("out_npv"), books["changed"].value("out_npv")
    want = cases_["changed"].risk_adjusted.npv - cases_["demo"].risk_adjusted.npv
    assert moved != base and abs((moved - base) - want) <= D(CENT)
    hand = books["vat_hand"]
    assert [round(x, 2) for x in hand.value("out_pnl_amortisation")] == [0, 100000, 100000,
                                                                        100000]
    assert round(hand.value("out_vat_non_recoverable"), 2) == 3000
    assert EVIL in books["evil"].texts()  # still text after LibreOffice loaded it
