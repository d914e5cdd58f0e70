"""The live workbook: named inputs, formulas, text safety (LibreOffice: test_libreoffice.py)."""

from __future__ import annotations

from decimal import Decimal as D
from io import BytesIO
from pathlib import Path

import openpyxl

from crm_readiness.render.finance.workbook import render_workbook
from tests.finance._books import EVIL, demo_case, evil_case, save


def test_every_assumption_is_a_named_commented_input() -> None:
    case = demo_case()
    wb = openpyxl.load_workbook(BytesIO(render_workbook(case, "en")))
    names = wb.defined_names
    for a in case.assumptions:
        dn = names["in_" + a.driver.replace(".", "_")]
        (sheet, ref), = list(dn.destinations)
        cell = wb[sheet][ref.replace("$", "")]
        assert sheet == "Inputs" and D(str(cell.value)) == a.value
        assert cell.comment is not None and a.driver in cell.comment.text


def test_cash_flow_cells_are_live_formulas() -> None:
    wb = openpyxl.load_workbook(BytesIO(render_workbook(demo_case(), "en")))
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
    path = save(evil_case(), tmp_path / "evil.xlsx")
    wb = openpyxl.load_workbook(path)
    found = [c for ws in wb for row in ws.iter_rows() for c in row if c.value == EVIL]
    assert found and all(c.data_type == "s" for c in found)
    assert any(c.value == "@risky — amount" for row in wb["Inputs"].iter_rows() for c in row)
