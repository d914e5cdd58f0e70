"""LibreOffice recalculation: the workbook's live values equal the engine, also after edits.

One test, one LibreOffice start-up for every workbook (it dominates the cost), read back
as CSV per sheet (tests/tools/libreoffice.py, every formula recalculated on load): the
hand-computed case (text that looks like a formula stays text), the same with a must
edited to not supported, the demo with group AHP weights, the claim-gap case (a must
claimed but not shown knocks out), the same with the outcome edited live, and the tied
case (totals within the tolerance share a rank).
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from crm_readiness.engine.vendors import compare
from crm_readiness.i18n import Lang, t
from crm_readiness.models.vendors import Comparison, VendorResponse
from crm_readiness.models.vendors.panel import DemoOutcomesFile
from crm_readiness.render.vendors.workbook import render_comparison_workbook
from tests.tools.libreoffice import Book, needs_soffice, recalculate_books
from tests.vendors.conftest import load_case
from tests.vendors.test_claims import SHOWN
from tests.vendors.test_claims import _result as claims_result
from tests.vendors.test_ranks import _tied

NOW = datetime(2025, 1, 2, tzinfo=UTC)
EVIL = "=HYPERLINK(\"http://evil\",\"x\")"


def _check(book: Book, res: Comparison, lang: Lang = "en", *, details: bool = True) -> None:
    def num(sheet: str, col: int, row: int) -> float:
        value = book.cell(sheet, col, row)
        assert isinstance(value, Decimal), (sheet, col, row, value)
        return float(value)

    fit = book.sheets["ModuleFit"]
    modules = [line[0] if line else None for line in fit[1:]]
    for i, v in enumerate(res.vendors):
        row = 2 + i
        assert num("Summary", 3, row) == pytest.approx(v.total, abs=1e-9), v.id
        assert book.cell("Summary", 6, row) == t(f"vendors.status.{v.status}", lang), v.id
        assert book.cell("Summary", 7, row) == v.rank, v.id
        if not details:
            continue
        assert num("Summary", 2, row) == pytest.approx(v.functional_fit, abs=1e-12)
        assert book.cell("Summary", 4, row) == len(v.must_gaps)
        assert book.cell("Summary", 5, row) == len(v.unanswered)
        for m in v.module_fits:
            assert num("ModuleFit", 4 + i, 2 + modules.index(m.module)) == pytest.approx(m.fit)
        for k, c in enumerate(v.criteria):
            assert num("Criteria", 5 + i, 3 + k) == pytest.approx(c.score, abs=1e-12)


def _row(ws: object, rid: str) -> int:
    from openpyxl.worksheet.worksheet import Worksheet

    assert isinstance(ws, Worksheet)
    return next(r for r in range(3, ws.max_row + 1) if ws.cell(r, 1).value == rid)


@needs_soffice
@pytest.mark.slow
def test_recalculated_workbooks_equal_the_engine(tmp_path: Path) -> None:
    from crm_readiness._resources import examples_dir
    from crm_readiness.workflows.vendors import run_compare

    src = tmp_path / "src"
    src.mkdir()
    expected: dict[str, tuple[Comparison, Lang, bool]] = {}

    # 1. the hand-computed case; a vendor name that looks like a formula
    vf, cat = load_case()
    evil = vf.vendors[0].model_copy(update={"name": EVIL})
    vf = vf.model_copy(update={"vendors": (evil, *vf.vendors[1:])})
    res = compare(cat, vf)
    (src / "case.xlsx").write_bytes(render_comparison_workbook(res, cat, "en", NOW))
    expected["case.xlsx"] = (res, "en", True)
    # 2. the consultant changes X's answer on must A-1 from native to not_supported
    edit = openpyxl.load_workbook(src / "case.xlsx")
    req = edit["Requirements"]
    row = _row(req, "A-1")
    assert req.cell(row, 6).value == "native"
    req.cell(row, 6).value = "not_supported"
    edit.save(src / "case-edited.xlsx")
    x = vf.vendors[0]
    changed = x.model_copy(update={"responses": {**x.responses,
                                                 "A-1": VendorResponse(response="not_supported")}})
    knocked = compare(cat, vf.model_copy(update={"vendors": (changed, *vf.vendors[1:])}))
    assert knocked.vendor("x").status == "knocked_out"
    expected["case-edited.xlsx"] = (knocked, "en", True)
    # 3. the demo: group AHP weights, panel scores, demonstrations (Chinese workbook)
    run = run_compare(examples_dir() / "demo" / "vendors.yaml")
    (src / "demo.xlsx").write_bytes(render_comparison_workbook(run.comparison, run.catalogue,
                                                               "zh", NOW))
    expected["demo.xlsx"] = (run.comparison, "zh", False)
    # 4. claimed vs demonstrated: X's must A-1 claimed native, not shown → knocked out
    claims, ccat = claims_result()
    (src / "claims.xlsx").write_bytes(render_comparison_workbook(claims, ccat, "en", NOW))  # type: ignore[arg-type]
    assert claims.vendor("x").status == "knocked_out"
    expected["claims.xlsx"] = (claims, "en", True)
    # 5. recorded live that A-1 was shown after all: X is eligible again
    wb = openpyxl.load_workbook(src / "claims.xlsx")
    assert wb["Requirements"]["O3"].value == "not_shown"  # X's outcome column, A-1 on row 3
    wb["Requirements"]["O3"].value = "as_claimed"
    wb.save(src / "claims-edited.xlsx")
    vf2, cat2 = load_case()
    shown = {"x": {**SHOWN["x"], "A-1": "as_claimed"}}
    again = compare(cat2, vf2, demos=DemoOutcomesFile.model_validate({"vendors": shown}))
    assert again.vendor("x").status == "eligible"
    expected["claims-edited.xlsx"] = (again, "en", False)
    # 6. tied totals (0.04 apart) share rank 1
    tied, tcat = _tied()
    (src / "tied.xlsx").write_bytes(render_comparison_workbook(tied, tcat, "en", NOW))  # type: ignore[arg-type]
    expected["tied.xlsx"] = (tied, "en", False)

    books = recalculate_books(sorted(src.iterdir()), tmp_path / "lo")
    for name, (result, lang, details) in expected.items():
        _check(books[name.removesuffix(".xlsx")], result, lang, details=details)
    assert books["case"].cell("Summary", 1, 2) == EVIL  # text stayed text after recalculation
    assert books["case-edited"].cell("Summary", 6, 2) == t("vendors.status.knocked_out", "en")
    assert books["case-edited"].cell("Summary", 7, 2) is None
    assert books["claims"].cell("Summary", 6, 2) == t("vendors.status.knocked_out", "en")
    assert [books["tied"].cell("Summary", 7, 2 + i) for i in range(3)] == [1, 1, 3]
