"""The live review workbook: LibreOffice's recalculation equals the engine's re-forecast to the cent."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from crm_readiness.engine.review import build_review
from crm_readiness.models.review_results import Reforecast
from crm_readiness.render import Format
from crm_readiness.render.review import REVIEW_RENDERERS
from tests.review.test_engine import BENEFITS, COSTS, REGISTER
from tests.tools.libreoffice import needs_soffice, recalculate_books

CENT = Decimal("0.01")


def _case() -> Reforecast:
    f = build_review(REGISTER, costs=COSTS, benefits=BENEFITS).finance
    assert f is not None
    return f


def _save(tmp_path: Path, name: str = "review.xlsx") -> Path:
    result = build_review(REGISTER, costs=COSTS, benefits=BENEFITS)
    path = tmp_path / name
    path.write_bytes(REVIEW_RENDERERS[Format.xlsx](result, "en"))
    return path


def test_the_workbook_is_live_formulas_over_input_cells(tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(_save(tmp_path))
    names = set(wb.defined_names)
    assert {"out_npv", "out_npv_approved", "out_npv_variance", "out_var_uplift", "out_var_time",
            "out_var_costs"} <= names
    (sheet, ref), = list(wb.defined_names["out_npv"].destinations)
    cell = wb[sheet][ref.replace("$", "")]
    assert isinstance(cell.value, str) and cell.value.startswith("=") and "NPV(" in cell.value
    formulas = [c.value for row in wb[sheet].iter_rows() for c in row
                if isinstance(c.value, str) and c.value.startswith("=IF(")]
    assert len(formulas) == 3 * 3  # two benefit lines and the costs, years 0–2


@needs_soffice
@pytest.mark.slow
def test_libreoffice_recalculation_equals_the_engine(tmp_path: Path) -> None:
    f = _case()
    original = _save(tmp_path)
    # the same workbook with the year-1 actual cost changed from 260 to 300
    wb = openpyxl.load_workbook(_save(tmp_path, "changed.xlsx"))
    ws = wb.active
    actual_row = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 4).value == 260)
    ws.cell(actual_row, 4).value = 300
    wb.save(tmp_path / "changed.xlsx")
    books = recalculate_books([original, tmp_path / "changed.xlsx"], tmp_path / "out")
    values = books[original.stem].values()
    assert abs(Decimal(str(values["out_npv"])) - f.reforecast.npv) <= CENT
    assert Decimal(str(values["out_npv"])).quantize(CENT) == Decimal("949.59")
    assert abs(Decimal(str(values["out_npv_approved"])) - f.approved.npv) <= CENT
    assert abs(Decimal(str(values["out_npv_variance"])) - f.npv_variance) <= CENT
    by = {d.id: d for d in f.drivers}
    for line in ("uplift", "time"):
        assert abs(Decimal(str(values[f"out_var_{line}"])) - by[line].variance_pv) <= CENT
    assert abs(Decimal(str(values["out_var_costs"])) - f.costs.variance_pv) <= CENT
    # the changed actual recomputes: the NPV falls by 40 / 1.1
    moved = books["changed"].values()
    drop = Decimal(str(values["out_npv"])) - Decimal(str(moved["out_npv"]))
    assert abs(drop - Decimal(40) / Decimal("1.1")) <= CENT
