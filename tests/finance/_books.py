"""Finance workbooks for the tests and the one LibreOffice batch that recalculates them.

:func:`recalculate_all` renders every workbook the finance tests have LibreOffice
recalculate (the hand-made cases, a copy of the demo with two inputs edited, and
every generated differential case), then converts them all in ONE LibreOffice
process (tests/tools/libreoffice.py): starting LibreOffice costs seconds, each
further workbook a fraction of one (less without its comments and charts). ``conftest.recalculated`` holds it for the
session; :func:`assert_equal` compares a recalculated workbook with the engine.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal as D
from functools import cache
from pathlib import Path
from typing import Any

import openpyxl

from crm_readiness._resources import examples_dir
from crm_readiness.engine.finance import build_case
from crm_readiness.io.finance import load_benefits, load_costs
from crm_readiness.models.finance.results import FinanceCase
from crm_readiness.render.finance.workbook import render_workbook
from tests.finance._cases import amount, benefits, costs
from tests.tools.libreoffice import Book, recalculate_books, without_drawings

DEMO = examples_dir() / "demo"
EVIL = '=HYPERLINK("http://x","y")'
CENT = D("0.005")


@cache
def demo_case() -> FinanceCase:
    c = load_costs(DEMO / "costs.yaml")
    return build_case(c, load_benefits(DEMO / "benefits.yaml", c))


def evil_case() -> FinanceCase:
    c = costs(one_time=[{"id": "evil", "name": EVIL, "category": "software", "amount": 1000},
                        {"id": "plus", "name": "+1 quoted", "category": "training",
                         "amount": 100, "risk": 0.3}],
              contingency=0.1, risk_adjustment=0.05)
    return build_case(c, benefits([amount("save", 800, [0.5, 1.0], name="@risky"),
                                   amount("late", 300, [0.2, 0.6], start_year=2, risk=0.4)],
                                  risk_adjustment=0.1))


def save(case: FinanceCase, path: Path, lang: str = "en") -> Path:
    path.write_bytes(render_workbook(case, lang))  # type: ignore[arg-type]
    return path


def assert_equal(values: dict[str, Any], case: FinanceCase) -> None:
    """Every ``out_`` name of a recalculated workbook equals the engine's figure.

    Money to the cent, rates (IRR, ROI) and paybacks to 1e-9; "not defined" and
    "not within the horizon" exactly where the engine has none.
    """
    data = case.model_dump()  # exact Decimals (the JSON rounds money to the cent)
    v, u = data["risk_adjusted"], data["unadjusted"]
    checked = set()

    def get(name: str) -> Any:
        checked.add(name)
        return values[name]

    def num(a: Any, label: str) -> D:
        assert isinstance(a, int | float | D) and not isinstance(a, bool), (label, a)
        return D(str(a))

    def cents(a: Any, b: Any, label: str) -> None:
        assert abs(num(a, label) - D(str(b))) <= CENT, (label, a, b)

    for name, key, view in (("npv", "npv", v), ("npv_unadjusted", "npv", u),
                            ("tco_nominal", "tco_nominal", v), ("tco_pv", "tco_pv", v),
                            ("tco_nominal_unadjusted", "tco_nominal", u),
                            ("funding_nominal", "funding_nominal", v),
                            ("funding_pv", "funding_pv", v),
                            ("tco_net_nominal", "tco_net_nominal", v),
                            ("benefits_nominal", "benefits_nominal", v),
                            ("benefits_pv", "benefits_pv", v)):
        cents(get(f"out_{name}"), view[key], name)
    if v["cost_per_user_year"] is None:
        assert get("out_cost_per_user_year") in ("", None)
    else:
        cents(get("out_cost_per_user_year"), v["cost_per_user_year"], "cost_per_user_year")
    for key, row in (("out_costs", v["costs"]), ("out_benefits", v["benefits"]),
                     ("out_funding", v["funding"]), ("out_net", v["net"]),
                     ("out_cumulative", v["cumulative"]), ("out_pv_costs", v["pv_costs"]),
                     ("out_pv_benefits", v["pv_benefits"]),
                     ("out_costs_unadjusted", u["costs"]),
                     ("out_benefits_unadjusted", u["benefits"])):
        assert len(get(key)) == len(row), key
        for a, b in zip(values[key], row, strict=True):
            cents(a, b, key)
    assert get("out_seats") == data["seats"]
    for name, value in (("out_roi_pv", v["roi_pv"]), ("out_roi_simple", v["roi_simple"]),
                        ("out_roi_simple_unadjusted", u["roi_simple"])):
        if value is None:
            assert get(name) in ("", None), name
        else:
            assert abs(num(get(name), name) - value) < D("1e-9"), (name, values[name])
    for name, view in (("out_irr", v), ("out_irr_unadjusted", u)):
        if view["irr"]["value"] is None:
            assert get(name) == "not defined", (name, values[name])
        else:
            assert abs(num(get(name), name) - view["irr"]["value"]) < D("1e-9"), (name, values[name])
    for name, p in (("payback", v["payback"]), ("discounted_payback", v["discounted_payback"])):
        for unit in ("years", "months"):
            key = f"out_{name}_{unit}"
            if p[unit] is None:
                assert get(key) == "not within the horizon", (key, values[key])
            else:
                assert abs(num(get(key), key) - p[unit]) < D("1e-9"), (key, values[key])
    x = data["vat"]
    for name, key in (("out_costs_excluding_vat", "costs_excluding_vat"),
                      ("out_vat_input", "input_vat"), ("out_vat_recoverable", "recoverable_vat"),
                      ("out_vat_non_recoverable", "non_recoverable_vat"),
                      ("out_costs_including_vat", "costs_including_vat")):
        cents(get(name), x[key], name)
    vat_lines = [ln["amounts"] for ln in data["cost_lines"] if ln["kind"] == "vat"]
    vat = vat_lines[0] if vat_lines else [0] * len(v["costs"])  # before the risk adjustment
    assert len(get("out_vat")) == len(vat)
    for a, b in zip(values["out_vat"], vat, strict=True):
        cents(a, b, "out_vat")
    pnl = data["pnl"]
    for key in ("opex", "capex", "amortisation", "expenses", "result"):
        assert len(get(f"out_pnl_{key}")) == len(pnl[key]), key
        for a, b in zip(values[f"out_pnl_{key}"], pnl[key], strict=True):
            cents(a, b, f"out_pnl_{key}")
    cents(get("out_book_value_end"), pnl["book_value_end"], "out_book_value_end")
    unchecked = {n for n in values if n.startswith("out_")} - checked
    assert not unchecked, f"workbook outputs no test compares with the engine: {unchecked}"


def changed_input_workbook(tmp_path: Path) -> tuple[Path, FinanceCase]:
    """The demo workbook with two inputs edited, and the engine's case for those values."""
    c = load_costs(DEMO / "costs.yaml")
    b = load_benefits(DEMO / "benefits.yaml", c)
    wb = openpyxl.load_workbook(save(demo_case(), tmp_path / "changed.xlsx"))
    (sheet, ref), = list(wb.defined_names["in_subscription_per_user"].destinations)
    wb[sheet][ref.replace("$", "")].value = 2500
    (sheet, ref), = list(wb.defined_names["in_users_growth"].destinations)
    wb[sheet][ref.replace("$", "")].value = 0.13
    wb.save(tmp_path / "changed.xlsx")
    recurring = tuple(r.model_copy(update={"per_user": D(2500)}) if r.id == "subscription" else r
                      for r in c.recurring)
    changed = c.model_copy(update={"recurring": recurring,
                                   "users": c.users.model_copy(update={"growth": D("0.13")})})
    return tmp_path / "changed.xlsx", build_case(changed, b, explore=False)


def hand_made_cases() -> dict[str, FinanceCase]:
    """The demo (with its sensitivity sheet), hostile text, a TCO-only case and the
    hand-computed VAT and amortisation case (horizons up to ten years, late upgrades:
    the generated cases)."""
    from tests.finance.test_views import vat_amortisation_case

    return {"demo": demo_case(), "evil": evil_case(),
            "tco": build_case(load_costs(DEMO / "costs-entlink.yaml")),
            "vat_hand": vat_amortisation_case()}


def generated_name(index: int) -> str:
    return f"gen{index:02d}"


@dataclass(frozen=True)
class Recalculated:
    """The batch: each workbook as LibreOffice recalculated it, and the engine's case."""

    books: dict[str, Book]
    cases: dict[str, FinanceCase]


FULL = "gen00_full"  # one generated workbook also sent whole: the same cells as its lean copy


def recalculate_all(tmp: Path) -> Recalculated:
    """Render every finance workbook the tests recalculate; one LibreOffice run for all.

    The hand-made workbooks go whole; the generated ones without their comments and
    charts (:func:`without_drawings`: half of LibreOffice's time, no formula), and one
    of them whole as well so the test sees that this changes no recalculated cell.
    """
    from tests.finance.test_differential import cases as generated

    cases = hand_made_cases()
    sources = [save(case, tmp / f"{name}.xlsx") for name, case in cases.items()]
    for g, case in generated():
        name = generated_name(g.index)
        cases[name] = case
        data = render_workbook(case, "en")
        if name == generated_name(0):
            (tmp / f"{FULL}.xlsx").write_bytes(data)
            sources.append(tmp / f"{FULL}.xlsx")
        (tmp / f"{name}.xlsx").write_bytes(without_drawings(data))
        sources.append(tmp / f"{name}.xlsx")
    changed, cases["changed"] = changed_input_workbook(tmp)
    return Recalculated(recalculate_books([*sources, changed], tmp / "out"), cases)
