"""The live workbook: named inputs, formulas, text safety, and LibreOffice recalculation."""

from __future__ import annotations

from decimal import Decimal as D
from io import BytesIO
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from crm_readiness._resources import examples_dir
from crm_readiness.engine.finance import build_case
from crm_readiness.io.finance import load_benefits, load_costs
from crm_readiness.models.finance.results import FinanceCase
from crm_readiness.render.finance.workbook import render_workbook
from tests.finance._cases import amount, benefits, costs
from tests.finance._libreoffice import error_cells, named_values, needs_soffice, recalculate_many

DEMO = examples_dir() / "demo"
EVIL = '=HYPERLINK("http://x","y")'
CENT = D("0.005")


def _demo_case() -> FinanceCase:
    c = load_costs(DEMO / "costs.yaml")
    return build_case(c, load_benefits(DEMO / "benefits.yaml", c))


def _evil_case() -> FinanceCase:
    c = costs(one_time=[{"id": "evil", "name": EVIL, "category": "software", "amount": 1000},
                        {"id": "plus", "name": "+1 quoted", "category": "training",
                         "amount": 100, "risk": 0.3}],
              contingency=0.1, risk_adjustment=0.05)
    return build_case(c, benefits([amount("save", 800, [0.5, 1.0], name="@risky"),
                                   amount("late", 300, [0.2, 0.6], start_year=2, risk=0.4)],
                                  risk_adjustment=0.1))


def _save(case: FinanceCase, path: Path, lang: str = "en") -> Path:
    path.write_bytes(render_workbook(case, lang))  # type: ignore[arg-type]
    return path


def test_every_assumption_is_a_named_commented_input() -> None:
    case = _demo_case()
    wb = openpyxl.load_workbook(BytesIO(render_workbook(case, "en")))
    names = wb.defined_names
    for a in case.assumptions:
        dn = names["in_" + a.driver.replace(".", "_")]
        (sheet, ref), = list(dn.destinations)
        cell = wb[sheet][ref.replace("$", "")]
        assert sheet == "Inputs" and D(str(cell.value)) == a.value
        assert cell.comment is not None and a.driver in cell.comment.text


def test_cash_flow_cells_are_live_formulas() -> None:
    wb = openpyxl.load_workbook(BytesIO(render_workbook(_demo_case(), "en")))
    formulas = {}
    for name in ("out_npv", "out_irr", "out_roi_pv", "out_tco_nominal", "out_payback_years"):
        (sheet, ref), = list(wb.defined_names[name].destinations)
        formulas[name] = wb[sheet][ref.replace("$", "")].value
    assert formulas["out_npv"].startswith("=") and "NPV(in_discount_rate," in formulas["out_npv"]
    assert "IRR(" in formulas["out_irr"]
    assert all(str(f).startswith("=") for f in formulas.values())
    (sheet, ref), = list(wb.defined_names["out_costs"].destinations)
    assert all(str(c.value).startswith("=") for row in wb[sheet][ref] for c in row)
    assert "Sensitivity" in wb.sheetnames and wb["Cash flow"]._charts


def test_text_from_inputs_stays_text(tmp_path: Path) -> None:
    path = _save(_evil_case(), tmp_path / "evil.xlsx")
    wb = openpyxl.load_workbook(path)
    found = [c for ws in wb for row in ws.iter_rows() for c in row if c.value == EVIL]
    assert found and all(c.data_type == "s" for c in found)
    assert any(c.value == "@risky — amount" for row in wb["Inputs"].iter_rows() for c in row)


def _assert_equal(values: dict[str, Any], case: FinanceCase) -> None:
    data = case.model_dump()  # exact Decimals (the JSON rounds money to the cent)
    v, u = data["risk_adjusted"], data["unadjusted"]

    def cents(a: Any, b: Any) -> None:
        assert abs(D(str(a)) - D(str(b))) <= CENT, (a, b)

    cents(values["out_npv"], v["npv"])
    cents(values["out_npv_unadjusted"], u["npv"])
    cents(values["out_tco_nominal"], v["tco_nominal"])
    cents(values["out_tco_pv"], v["tco_pv"])
    cents(values["out_tco_nominal_unadjusted"], u["tco_nominal"])
    cents(values["out_benefits_pv"], v["benefits_pv"])
    if v["cost_per_user_year"] is None:
        assert values["out_cost_per_user_year"] in ("", None)
    else:
        cents(values["out_cost_per_user_year"], v["cost_per_user_year"])
    for key, row in (("out_costs", v["costs"]), ("out_benefits", v["benefits"]),
                     ("out_net", v["net"]), ("out_cumulative", v["cumulative"]),
                     ("out_pv_costs", v["pv_costs"]), ("out_costs_unadjusted", u["costs"]),
                     ("out_benefits_unadjusted", u["benefits"])):
        assert len(values[key]) == len(row)
        for a, b in zip(values[key], row, strict=True):
            cents(a, b)
    assert values["out_seats"] == data["seats"]
    for name, value in (("out_roi_pv", v["roi_pv"]), ("out_roi_simple", v["roi_simple"]),
                        ("out_roi_simple_unadjusted", u["roi_simple"])):
        if value is None:
            assert values[name] in ("", None), name
        else:
            assert abs(D(str(values[name])) - value) < D("1e-9"), name
    for name, view in (("out_irr", v), ("out_irr_unadjusted", u)):
        if view["irr"]["value"] is None:
            assert values[name] == "not defined", (name, values[name])
        else:
            assert abs(D(str(values[name])) - view["irr"]["value"]) < D("1e-9"), name
    for name, p in (("out_payback_months", v["payback"]),
                    ("out_discounted_payback_months", v["discounted_payback"])):
        if p["months"] is None:
            assert values[name] == "not within the horizon", (name, values[name])
        else:
            assert abs(D(str(values[name])) - p["months"]) < D("1e-9"), name
    cents(values["out_funding_nominal"], v["funding_nominal"])
    cents(values["out_tco_net_nominal"], v["tco_net_nominal"])
    x = data["vat"]
    for name, key in (("out_costs_excluding_vat", "costs_excluding_vat"),
                      ("out_vat_input", "input_vat"), ("out_vat_recoverable", "recoverable_vat"),
                      ("out_vat_non_recoverable", "non_recoverable_vat"),
                      ("out_costs_including_vat", "costs_including_vat")):
        cents(values[name], x[key])
    pnl = data["pnl"]
    for key in ("opex", "capex", "amortisation", "expenses", "result"):
        for a, b in zip(values[f"out_pnl_{key}"], pnl[key], strict=True):
            cents(a, b)
    cents(values["out_book_value_end"], pnl["book_value_end"])


def _changed_input_workbook(tmp_path: Path) -> tuple[Path, FinanceCase, D]:
    """The demo workbook with two inputs edited, the engine's case for those values, base NPV."""
    c = load_costs(DEMO / "costs.yaml")
    b = load_benefits(DEMO / "benefits.yaml", c)
    src = _save(build_case(c, b), tmp_path / "case.xlsx")
    wb = openpyxl.load_workbook(src)
    (sheet, ref), = list(wb.defined_names["in_subscription_per_user"].destinations)
    wb[sheet][ref.replace("$", "")].value = 2500
    (sheet, ref), = list(wb.defined_names["in_users_growth"].destinations)
    wb[sheet][ref.replace("$", "")].value = 0.13
    wb.save(tmp_path / "changed.xlsx")
    recurring = tuple(r.model_copy(update={"per_user": D(2500)}) if r.id == "subscription" else r
                      for r in c.recurring)
    changed = c.model_copy(update={"recurring": recurring,
                                   "users": c.users.model_copy(update={"growth": D("0.13")})})
    return tmp_path / "changed.xlsx", build_case(changed, b), build_case(c, b).risk_adjusted.npv


def _generated_picks() -> dict[str, FinanceCase]:
    """A few generated differential cases: VAT, losing, very profitable, no IRR, zero rate."""
    from tests.finance.test_differential import cases

    picks: dict[str, FinanceCase] = {}
    rules = {
        "gen_vat": lambda g, c: c.vat.non_recoverable_vat > 0 and c.risk_adjusted.funding_nominal > 0,
        "gen_losing": lambda g, c: (c.risk_adjusted.irr.value or 0) < D("-0.35"),
        "gen_profitable": lambda g, c: (c.risk_adjusted.irr.value or 0) > 1,
        "gen_no_irr": lambda g, c: c.risk_adjusted.irr.reason == "several_sign_changes",
        "gen_zero_rate": lambda g, c: g.costs.discount_rate == 0,
        "gen_ten_years": lambda g, c: g.costs.horizon_years == 10,
    }
    for name, rule in rules.items():
        picks[name] = next(c for g, c in cases() if rule(g, c))
    return picks


@needs_soffice
@pytest.mark.slow
def test_libreoffice_recalculation_equals_the_engine(tmp_path: Path) -> None:
    """One LibreOffice call recalculates every workbook; each equals the engine, no error cell."""
    from tests.finance.test_views import vat_amortisation_case

    c = load_costs(DEMO / "costs.yaml")
    upgrade = c.one_time[1].model_copy(update={"id": "upgrade", "year": 6})
    long = c.model_copy(update={"horizon_years": 10, "one_time": (*c.one_time, upgrade)})
    cases = {"demo": _demo_case(), "evil": _evil_case(),
             "tco": build_case(load_costs(DEMO / "costs-entlink.yaml")),
             "ten_years": build_case(long, load_benefits(DEMO / "benefits.yaml", long)),
             "vat_hand": vat_amortisation_case(), **_generated_picks()}
    sources = [_save(case, tmp_path / f"{name}.xlsx") for name, case in cases.items()]
    changed, expected, base = _changed_input_workbook(tmp_path)
    results = recalculate_many([*sources, changed], tmp_path / "out")
    for (name, case), result in zip(cases.items(), results, strict=False):
        assert error_cells(result) == [], name
        _assert_equal(named_values(result), case)
    values = named_values(results[-1])
    moved = D(str(values["out_npv"])) - base
    assert abs(moved - (expected.risk_adjusted.npv - base)) <= CENT and moved != 0
    assert error_cells(results[-1]) == []
    _assert_equal(values, expected)
    hand = named_values(results[list(cases).index("vat_hand")])
    assert [round(D(str(x)), 2) for x in hand["out_pnl_amortisation"]] == [0, 100000, 100000,
                                                                         100000]
    assert round(D(str(hand["out_vat_non_recoverable"])), 2) == 3000
    evil = openpyxl.load_workbook(tmp_path / "out" / "evil.xlsx", data_only=True)
    assert any(c.value == EVIL for ws in evil for row in ws.iter_rows() for c in row)
