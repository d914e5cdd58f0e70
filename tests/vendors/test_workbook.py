"""The comparison workbook's structure: names, dropdowns, formulas, formatting, charts, text."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import openpyxl
import pytest

from crm_readiness.engine.vendors import compare
from crm_readiness.render.vendors.workbook import render_comparison_workbook
from tests.vendors.conftest import case_result, load_case

NOW = datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC)
TRICKY = ("=1+1", "+86 21 5555", "-minus", "@mention", "=HYPERLINK(\"http://evil\")")


@pytest.fixture(scope="module")
def wb() -> openpyxl.Workbook:
    _, cat = load_case()
    data = render_comparison_workbook(case_result(), cat, "en", NOW)
    return openpyxl.load_workbook(io.BytesIO(data))


def test_sheets_in_order(wb: openpyxl.Workbook) -> None:
    assert wb.sheetnames[:2] == ["README", "Summary"]
    for name in ("Config", "Requirements", "Comments", "ModuleFit", "Criteria", "Sensitivity",
                 "Lists", "SC 1 x", "SC 2 y", "SC 3 z"):
        assert name in wb.sheetnames


def test_readme_names_method_ri_table_and_run(wb: openpyxl.Workbook) -> None:
    text = "\n".join(str(c.value) for row in wb["README"].iter_rows() for c in row if c.value)
    assert "Σ P·R / Σ P·3" in text and "Σ w·s / 5 · 100" in text
    assert "Saaty (1980), n = 1–15" in text
    assert "2025-01-02T03:04:05+00:00" in text


def test_config_named_cells_and_weight_sum_check(wb: openpyxl.Workbook) -> None:
    names = set(wb.defined_names)
    for n in ("PW_MUST", "PW_SHOULD", "PW_COULD", "PTS_NATIVE", "PTS_CONFIGURABLE", "PTS_CUSTOM",
              "PTS_NOT_SUPPORTED", "MAP_THIRD_PARTY", "MAP_ROADMAP", "BUDGET_MIN", "BUDGET_MAX",
              "W_FIT", "W_USABILITY", "W_COST", "W_SUM", "RESP_TABLE"):
        assert n in names, n
    ws = wb["Config"]
    sheet, ref = next(iter(wb.defined_names["W_SUM"].destinations))
    assert sheet == "Config"
    cell = ws[ref.replace("$", "")]
    assert cell.value.startswith("=SUM(")
    rules = [r for rng in ws.conditional_formatting for r in rng.rules]
    red = [r for r in rules if r.formula and "ABS(" in r.formula[0] and ">=" in r.formula[0]]
    assert red and red[0].dxf.fill.fgColor.rgb.endswith("F8CBAD")
    w = ws[next(iter(wb.defined_names["W_FIT"].destinations))[1].replace("$", "")]
    assert w.value == pytest.approx(0.5)


def test_response_dropdowns_reference_a_range_on_the_lists_sheet(wb: openpyxl.Workbook) -> None:
    ws = wb["Requirements"]
    dvs = ws.data_validations.dataValidation
    resp = [d for d in dvs if "Lists!$A$2" in (d.formula1 or "")]
    assert resp, [d.formula1 for d in dvs]
    for d in dvs:
        assert '"' not in (d.formula1 or ""), "inline lists break Excel beyond 255 characters"
    covered = str(resp[0].sqref)
    for col in ("F3:F6", "I3:I6", "L3:L6"):
        assert col in covered
    assert ws.freeze_panes == "F3" and ws.auto_filter.ref


def test_live_formulas_for_points_fits_totals_gaps_status_rank(wb: openpyxl.Workbook) -> None:
    req = wb["Requirements"]
    # three vendors: their demonstration outcomes sit in O, P, Q (after the F–N blocks)
    assert req["G3"].value == ('=IFERROR(VLOOKUP(IF(OR(F3="",O3="",O3="as_claimed"),F3,'
                               'IFERROR(VLOOKUP(O3,DEMO_TABLE,2,FALSE),F3)),RESP_TABLE,3,FALSE),0)')
    assert req["H3"].value.startswith('=IF($D3="must"')
    assert req["E3"].value.startswith('=IF(D3="must",PW_MUST')
    assert wb["ModuleFit"]["D2"].value.startswith("=IFERROR(SUMPRODUCT(")
    crit = wb["Criteria"]
    assert crit["E6"].value.startswith("=SUMPRODUCT($D$3:$D$5,E3:E5)/5*100")
    assert "BUDGET_MAX" in crit["E5"].value
    summary = wb["Summary"]
    row = [summary.cell(2, c).value for c in range(2, 8)]
    assert all(isinstance(v, str) and v.startswith("=") for v in row), row
    assert "SUMPRODUCT" in row[5] and 'IF(D2>0,""' in row[5]


def test_conditional_formatting_frozen_headers_filters_charts(wb: openpyxl.Workbook) -> None:
    assert wb["Summary"].freeze_panes == "B2" and wb["Summary"].auto_filter.ref == "A1:G4"
    assert any("$D2>0" in (r.formula or [""])[0]
               for rng in wb["Summary"].conditional_formatting for r in rng.rules)
    req_rules = [r for rng in wb["Requirements"].conditional_formatting for r in rng.rules]
    assert any(r.formula and r.formula[0] == "H3=1" for r in req_rules)  # unmet must → red
    assert any(r.type == "colorScale" for rng in wb["ModuleFit"].conditional_formatting
               for r in rng.rules)


def test_charts_bar_of_totals_and_radar_of_profiles() -> None:
    # openpyxl does not read charts back, so check the parts inside the package
    import zipfile

    _, cat = load_case()
    data = render_comparison_workbook(case_result(), cat, "en", NOW)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        charts = [z.read(n).decode() for n in z.namelist() if n.startswith("xl/charts/chart")]
    assert len(charts) == 2
    assert any("<barChart>" in c and "Total score" in c for c in charts)
    assert any("<radarChart>" in c and "Vendor X" in c and "Vendor Z" in c for c in charts)


def test_scorecard_and_sensitivity_sheets(wb: openpyxl.Workbook) -> None:
    sc = wb["SC 3 z"]
    assert sc["B4"].value == "=Summary!C4" and sc["B5"].value == "=Summary!G4"
    values = [c.value for row in sc.iter_rows() for c in row if c.value]
    assert "A-1" in values  # its must gap is listed
    sens = wb["Sensitivity"]
    assert "Snapshot" in sens["A2"].value and "does not recalculate" in sens["A2"].value


def test_vendor_text_never_becomes_a_formula() -> None:
    vf, cat = load_case()
    x = vf.vendors[0]
    responses = dict(x.responses)
    for i, (rid, text) in enumerate(zip(("A-1", "A-2", "B-1", "B-2"), TRICKY[:4], strict=True)):
        responses[rid] = responses[rid].model_copy(update={"comment": text,
                                                           "evidence": TRICKY[4 - i]})
    evil = x.model_copy(update={"name": TRICKY[4], "responses": responses})
    res = compare(cat, vf.model_copy(update={"vendors": (evil, *vf.vendors[1:])}))
    book = openpyxl.load_workbook(io.BytesIO(render_comparison_workbook(res, cat, "en", NOW)))
    found = {c.value: c.data_type for ws in book.worksheets for row in ws.iter_rows()
             for c in row if isinstance(c.value, str) and c.value in TRICKY}
    assert set(found) == set(TRICKY)
    assert set(found.values()) == {"s"}
    assert book["Summary"]["A2"].value == TRICKY[4]


def test_a_comparison_without_vendors_still_renders() -> None:
    vf, cat = load_case()
    res = compare(cat, vf.model_copy(update={"vendors": ()}))
    book = openpyxl.load_workbook(io.BytesIO(render_comparison_workbook(res, cat, "zh", NOW)))
    assert book["Summary"].max_row >= 1 and res.robustness.verdict == "no_leader"
