"""LibreOffice recalculation: the workbook's live values equal the engine, also after an edit."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import openpyxl
import pytest

from crm_readiness.engine.vendors import compare
from crm_readiness.i18n import t
from crm_readiness.models.vendors import Comparison, VendorResponse
from crm_readiness.render.vendors.workbook import render_comparison_workbook
from tests.vendors._libreoffice import needs_soffice, recalculate
from tests.vendors.conftest import load_case

NOW = datetime(2025, 1, 2, tzinfo=UTC)
EVIL = "=HYPERLINK(\"http://evil\",\"x\")"


def _check(book: openpyxl.Workbook, res: Comparison) -> None:
    summary, fit = book["Summary"], book["ModuleFit"]
    modules = [fit.cell(r, 1).value for r in range(2, fit.max_row + 1)]
    for i, v in enumerate(res.vendors):
        row = 2 + i
        assert summary.cell(row, 2).value == pytest.approx(v.functional_fit, abs=1e-12)
        assert summary.cell(row, 3).value == pytest.approx(v.total, abs=1e-9)
        assert summary.cell(row, 4).value == len(v.must_gaps)
        assert summary.cell(row, 5).value == len(v.unanswered)
        assert summary.cell(row, 6).value == t(f"vendors.status.{v.status}", "en")
        assert (summary.cell(row, 7).value or None) == v.rank
        for m in v.module_fits:
            assert fit.cell(2 + modules.index(m.module), 4 + i).value == pytest.approx(m.fit)
        crit = book["Criteria"]
        for k, c in enumerate(v.criteria):
            assert crit.cell(3 + k, 5 + i).value == pytest.approx(c.score, abs=1e-12)


@needs_soffice
@pytest.mark.slow
def test_recalculated_workbook_equals_engine_and_knocks_out_like_it(tmp_path: Path) -> None:
    vf, cat = load_case()
    evil = vf.vendors[0].model_copy(update={"name": EVIL})
    vf = vf.model_copy(update={"vendors": (evil, *vf.vendors[1:])})
    res = compare(cat, vf)
    src = tmp_path / "comparison.xlsx"
    src.write_bytes(render_comparison_workbook(res, cat, "en", NOW))
    book = openpyxl.load_workbook(recalculate(src, tmp_path / "lo1"), data_only=True)
    _check(book, res)
    assert book["Summary"]["A2"].value == EVIL  # text stayed text after recalculation

    # the consultant changes X's answer on must A-1 from native to not_supported
    edit = openpyxl.load_workbook(src)
    req = edit["Requirements"]
    row = next(r for r in range(3, req.max_row + 1) if req.cell(r, 1).value == "A-1")
    assert req.cell(row, 6).value == "native"
    req.cell(row, 6).value = "not_supported"
    edited = tmp_path / "edited" / "comparison.xlsx"
    edited.parent.mkdir()
    edit.save(edited)
    again = openpyxl.load_workbook(recalculate(edited, tmp_path / "lo2"), data_only=True)

    x = vf.vendors[0]
    changed = x.model_copy(update={"responses": {**x.responses,
                                                 "A-1": VendorResponse(response="not_supported")}})
    expected = compare(cat, vf.model_copy(update={"vendors": (changed, *vf.vendors[1:])}))
    assert expected.vendor("x").status == "knocked_out"
    _check(again, expected)
    assert again["Summary"]["F2"].value == t("vendors.status.knocked_out", "en")
    assert again["Summary"]["G2"].value in (None, "")


@needs_soffice
@pytest.mark.slow
def test_demo_workbook_with_ahp_weights_recalculates_to_the_engine(tmp_path: Path) -> None:
    from crm_readiness._resources import examples_dir
    from crm_readiness.workflows.vendors import run_compare

    run = run_compare(examples_dir() / "demo" / "vendors.yaml")
    src = tmp_path / "demo.xlsx"
    src.write_bytes(render_comparison_workbook(run.comparison, run.catalogue, "zh", NOW))
    book = openpyxl.load_workbook(recalculate(src, tmp_path / "lo"), data_only=True)
    res = run.comparison
    summary = book["Summary"]
    for i, v in enumerate(res.vendors):
        assert summary.cell(2 + i, 3).value == pytest.approx(v.total, abs=1e-9)
        assert summary.cell(2 + i, 6).value == t(f"vendors.status.{v.status}", "zh")
        assert (summary.cell(2 + i, 7).value or None) == v.rank
