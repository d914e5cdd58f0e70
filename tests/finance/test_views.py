"""Issue 11 acceptance: yearly amounts, short ramps, VAT + amortisation, payback dips, comparability."""

from __future__ import annotations

import json
from decimal import Decimal as D
from pathlib import Path

import pytest

from crm_readiness.engine.finance import build_case, compare_tco
from crm_readiness.engine.finance.metrics import npv, payback
from crm_readiness.errors import InputFileError
from crm_readiness.io.finance import load_benefits, load_costs
from crm_readiness.models._base import Text
from crm_readiness.models.finance.inputs import CostsFile
from crm_readiness.models.finance.results import FinanceCase
from crm_readiness.render import Format
from crm_readiness.render.finance import TCO_RENDERERS
from crm_readiness.workflows.finance import tco_comparison
from tests.finance._cases import benefits, costs


def _write(path: Path, text: str) -> Path:
    path.write_text(text, "utf-8")
    return path


def test_yearly_totals_reproduce_a_hand_computed_npv_exactly() -> None:
    c = costs(one_time=[{"id": "build", "name": "Build", "category": "implementation",
                         "amount": 1000}],
              recurring=[{"id": "run", "name": "Run", "category": "maintenance",
                          "amounts": [0, 300, 200, 100]}], discount_rate=0.10)
    b = benefits([{"id": "gain", "type": "amount", "name": "Gain",
                   "amounts": {1: 500, 2: 800, 3: 900}}])
    case = build_case(c, b)
    v = case.risk_adjusted
    assert v.net == [-1000, 200, 600, 800]
    hand = D(-1000) + D(200) / D("1.1") + D(600) / D("1.21") + D(800) / D("1.331")
    # equal to 1e-40 (the engine multiplies by unrounded discount factors) and to the cent
    assert abs(v.npv - hand) < D("1e-40") and v.npv.quantize(D("0.01")) == D("278.74")
    assert abs(npv(D("0.1"), [D(-1000), D(200), D(600), D(800)]) - hand) < D("1e-40")


def test_short_ramp_is_refused_unless_a_rule_is_given(tmp_path: Path) -> None:
    cf = _write(tmp_path / "costs.yaml", "horizon_years: 3\none_time:\n"
                "  - {id: a, name: A, category: software, amount: 100}\n")
    short = _write(tmp_path / "b.yaml", "benefits:\n  - {id: x, type: amount, name: X, "
                   "amount: 100, ramp: [1]}\n")
    c = load_costs(cf)
    with pytest.raises(InputFileError) as info:
        load_benefits(short, c)
    assert "benefits.0.ramp" in str(info.value) and "ramp_rest" in str(info.value)
    zero = _write(tmp_path / "z.yaml", "benefits:\n  - {id: x, type: amount, name: X, "
                  "amount: 100, ramp: [1], ramp_rest: zero}\n")
    case = build_case(c, load_benefits(zero, c))
    assert case.benefit_lines[0].amounts == [0, 100, 0, 0]
    listed = _write(tmp_path / "c2.yaml", "horizon_years: 3\nrecurring:\n"
                    "  - {id: r, name: R, category: software, amounts: [0, 5]}\n")
    with pytest.raises(InputFileError) as info:
        load_costs(listed)
    assert "recurring.0.amounts" in str(info.value)


def case_costs() -> CostsFile:
    """Licence 100 000 at 6 % recoverable; training 50 000 at 6 % NOT recoverable;
    implementation 300 000 capitalised over 3 years (6 % recoverable); no risk."""
    return costs(one_time=[
        {"id": "licence", "name": "Licence", "category": "software", "amount": 100000},
        {"id": "training", "name": "Training", "category": "training", "amount": 50000,
         "vat_recoverable": False},
        {"id": "impl", "name": "Implementation", "category": "implementation",
         "amount": 300000, "accounting": "capex", "amortisation_years": 3}])


def vat_amortisation_case() -> FinanceCase:
    """The hand-computed VAT and amortisation case."""
    return build_case(case_costs())


def test_vat_and_amortisation_hand_computed() -> None:
    case = vat_amortisation_case()
    x = case.vat
    assert x.costs_excluding_vat == 450000
    assert x.input_vat == 27000 and x.recoverable_vat == 24000 and x.non_recoverable_vat == 3000
    assert x.costs_including_vat == 477000
    assert case.risk_adjusted.costs == [453000, 0, 0, 0]  # 3 000 VAT is a cost
    p = case.pnl
    assert p.capex == [300000, 0, 0, 0] and p.opex == [153000, 0, 0, 0]
    assert p.amortisation == [0, 100000, 100000, 100000] and p.book_value_end == 0
    assert p.expenses == [153000, 100000, 100000, 100000]
    vat_row = next(c for c in case.categories if c.category == "vat")
    assert (vat_row.one_time, vat_row.recurring, vat_row.total) == (3000, 0, 3000)
    # the same figures in the JSON and in the report (the workbook: test_workbook.py)
    data = json.loads(case.model_dump_json())
    assert data["vat"]["non_recoverable_vat"] == "3000.00"
    assert data["vat"]["recoverable_vat"] == "24000.00"
    assert data["pnl"]["amortisation"] == ["0.00", "100000.00", "100000.00", "100000.00"]
    md = TCO_RENDERERS[Format.md](compare_tco([case_costs()]), "en").decode()
    for row in ("| of which non-recoverable (in the costs) | 3,000 |",
                "| of which recoverable (not a cost) | 24,000 |",
                "| Amortisation | 0 | 100,000 | 100,000 | 100,000 | 300,000 |",
                "| **P&L expenses (opex + amortisation)** | 153,000 | 100,000 | 100,000 | 100,000 |"):
        assert row in md, row


def test_payback_is_the_final_crossing_and_reports_the_dip() -> None:
    p = payback([D(-100), D(150), D(-100), D(80)])
    # cumulative −100, 50, −50, 30: crosses in year 1, dips in year 2, final crossing year 3
    assert p.dips == [2] and p.first_years == D("100") / 150
    assert p.years == 2 + D(50) / 80
    assert payback([D(-100), D(150), D(-100)]).years is None


def test_mixed_currency_or_horizon_is_refused_naming_both_files(tmp_path: Path) -> None:
    body = "one_time:\n  - {id: a, name: A, category: software, amount: 100}\n"
    cny = _write(tmp_path / "costs-cny.yaml", "currency: CNY\nhorizon_years: 3\n" + body)
    usd = _write(tmp_path / "costs-usd.yaml", "currency: USD\nhorizon_years: 3\n" + body)
    five = _write(tmp_path / "costs-five.yaml", "currency: CNY\nhorizon_years: 5\n" + body)
    for other in (usd, five):
        with pytest.raises(InputFileError) as info:
            tco_comparison([cny, other])
        assert info.value.exit_code == 3
        assert str(cny) in str(info.value) and str(other) in str(info.value)
    restated = tco_comparison([cny, five], horizon=4)
    assert restated.horizon_years == 4 and restated.restated
    assert all(c.horizon_years == 4 for c in restated.cases)
    converted = tco_comparison([cny, usd], rates={"USD": D("7.2")})
    assert converted.cases[1].risk_adjusted.tco_nominal == 720
    assert converted.cases[1].currency == "CNY" and converted.exchange_rates == {"USD": D("7.2")}


def test_huge_amount_is_a_located_error(tmp_path: Path) -> None:
    path = _write(tmp_path / "costs.yaml", "one_time:\n  - {id: a, name: A, category: software,"
                  " amount: 1e16}\n")
    with pytest.raises(InputFileError) as info:
        load_costs(path)
    assert "one_time.0.amount" in str(info.value) and "1e15" in str(info.value)


@pytest.mark.parametrize("horizon", [1, 30])
def test_edges_zero_costs_zero_benefits_zero_rate_and_horizons(horizon: int) -> None:
    from crm_readiness.render.finance import ROI_RENDERERS, case_workbook

    c = costs(horizon_years=horizon, discount_rate=0, users=None,
              one_time=[{"id": "a", "name": "A", "category": "software", "amount": 0}])
    b = benefits([{"id": "x", "type": "amount", "name": "X", "amount": 0, "ramp": [1],
                   "ramp_rest": "last"}])
    case = build_case(c, b)
    assert case.risk_adjusted.npv == 0 and case.risk_adjusted.irr.value is None
    assert case.risk_adjusted.cost_per_user_year is None
    for fmt, render in ROI_RENDERERS.items():
        assert render(case, "en"), fmt
    assert case_workbook(case, "zh")
    tiny = build_case(costs(one_time=[{"id": "a", "name": "A", "category": "software",
                                       "amount": "0.0000001"}]))
    assert '"0.00"' in tiny.model_dump_json() and '"-0.00"' not in tiny.model_dump_json()


def test_users_needed_only_with_a_per_user_line(tmp_path: Path) -> None:
    path = _write(tmp_path / "costs.yaml", "recurring:\n  - {id: s, name: S, category: software,"
                  " per_user: 100}\n")
    with pytest.raises(InputFileError) as info:
        load_costs(path)
    assert info.value.exit_code == 3 and "users: {initial: N}" in str(info.value)
    assert "per_user" in info.value.text("zh") and "需要填写" in info.value.text("zh")
    flat = _write(tmp_path / "flat.yaml", "recurring:\n  - {id: s, name: S, category: software,"
                  " amount: 100}\n")
    assert build_case(load_costs(flat)).risk_adjusted.cost_per_user_year is None


def test_hidden_cost_warning_suppressed_per_category_with_a_reason(tmp_path: Path) -> None:
    case = build_case(costs(not_applicable={"data_migration": "no legacy system",
                                            "contingency": "fixed-price contract"}))
    assert "data_migration" not in case.missing_components
    assert "contingency" not in case.missing_components
    md = TCO_RENDERERS[Format.md](compare_tco([costs(not_applicable={
        "data_migration": "no legacy system"})]), "en").decode()
    assert "Declared not applicable" in md and "no legacy system" in md
    empty = _write(tmp_path / "na.yaml", "one_time:\n  - {id: a, name: A, category: software, "
                   "amount: 1}\nnot_applicable: {training: '  '}\n")
    with pytest.raises(InputFileError) as info:
        load_costs(empty)
    assert "not_applicable" in str(info.value) and "reason" in str(info.value)


def test_one_time_range_by_company_size_names_its_source() -> None:
    big = [{"id": "a", "name": "A", "category": "software", "amount": 9_000_000}]
    mid = build_case(costs(one_time=big))
    flag = next(f for f in mid.flags if f.code == "one_time_range")
    assert "domain.md" in flag.params["source"] and flag.params["size"] == "mid"
    small = build_case(costs(one_time=big, company_size="small"))
    assert not any(f.code == "one_time_range" for f in small.flags)
    assert any(f.code == "one_time_unchecked" for f in small.flags)
    own = build_case(costs(one_time=big, company_size="large", benchmark_one_time={
        "low": 5_000_000, "high": 8_000_000, "source": "group IT budget 2026"}))
    flag = next(f for f in own.flags if f.code == "one_time_range")
    assert flag.params["source"] == Text(en="group IT budget 2026", zh="group IT budget 2026")


def test_minus_zero_never_shows() -> None:
    from crm_readiness.render.finance.labels import money, pct

    assert money(D("-0.0001")) == "0" and money(D("-0.004"), 2) == "0.00"
    assert pct(D("-0.00001")) == "0.0%"
