"""RFP round trip: generate, fill (with invalid cells), import; every bad cell is located."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import yaml

from crm_readiness.io.rfp_import import read_rfp
from crm_readiness.io.vendors import load_catalogue
from crm_readiness.models.vendors import rfp_layout as L
from crm_readiness.workflows.vendors import import_rfps, write_rfp
from tests.vendors.conftest import ASSETS

INJECT = "=cmd|' /C calc'!A0"


def _generate(tmp_path: Path) -> Path:
    cat = load_catalogue(ASSETS / "catalogue.yaml")
    return write_rfp(cat, tmp_path / "rfp.xlsx", "zh", vendor_name="企联通 (EntLink)",
                     vendor_id="entlink")


def _fill(path: Path) -> Path:
    wb = openpyxl.load_workbook(path)
    ws = wb[L.RESPONSES]
    rows = {ws.cell(r, L.COL_ID).value: r for r in range(2, ws.max_row + 1)}
    ws.cell(rows["A-1"], L.COL_RESPONSE).value = "native"
    ws.cell(rows["A-1"], L.COL_COMMENT).value = INJECT
    ws.cell(rows["A-1"], L.COL_COMMENT).data_type = "s"
    ws.cell(rows["A-1"], L.COL_EVIDENCE).value = "Demo 3 May"
    ws.cell(rows["A-2"], L.COL_RESPONSE).value = "Custom development"   # alias accepted
    ws.cell(rows["B-1"], L.COL_RESPONSE).value = "maybe"                # invalid
    # B-2 left empty                                                    # missing
    filled = path.with_name("filled.xlsx")
    wb.save(filled)
    return filled


def test_generated_workbook_has_dropdown_and_protected_structure(tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(_generate(tmp_path))
    ws = wb[L.RESPONSES]
    assert [ws.cell(r, 1).value for r in range(2, 6)] == ["A-1", "A-2", "B-1", "B-2"]
    dv = ws.data_validations.dataValidation[0]
    assert dv.formula1 == "Lists!$A$2:$A$7" and "G2:G5" in str(dv.sqref)
    assert ws.protection.sheet and wb.security.lockStructure
    assert ws.cell(2, L.COL_RESPONSE).protection.locked is False
    assert ws.cell(2, L.COL_ID).protection.locked is True
    assert wb[L.LISTS].sheet_state == "hidden"
    assert wb[L.INSTRUCTIONS][L.VENDOR_NAME_CELL].value == "企联通 (EntLink)"


def test_round_trip_reports_each_invalid_cell_by_sheet_and_cell(tmp_path: Path) -> None:
    filled = _fill(_generate(tmp_path))
    got = read_rfp(filled, load_catalogue(ASSETS / "catalogue.yaml"))
    assert got.vendor_id == "entlink" and got.vendor_name == "企联通 (EntLink)"
    assert {k: v.response for k, v in got.responses.items()} == {"A-1": "native",
                                                                 "A-2": "custom"}
    assert got.responses["A-1"].comment == INJECT
    where = {p.location: p.message for p in got.problems}
    assert set(where) == {"Responses!G4", "Responses!G5"}
    assert "'maybe' is not a valid response" in where["Responses!G4"]
    assert "no response for B-2" in where["Responses!G5"]


def test_import_writes_valid_responses_into_the_vendors_file(tmp_path: Path) -> None:
    filled = _fill(_generate(tmp_path))
    target = tmp_path / "vendors.yaml"
    report = import_rfps([filled], target, requirements=ASSETS / "catalogue.yaml")
    assert report.imported == {"entlink": 2}
    assert len(report.problems[filled]) == 2
    data = yaml.safe_load(target.read_text("utf-8"))
    vendor = data["vendors"][0]
    assert vendor["id"] == "entlink" and vendor["name"] == "企联通 (EntLink)"
    assert vendor["responses"]["A-2"] == "custom"
    assert vendor["responses"]["A-1"]["comment"] == INJECT
    assert "B-1" not in vendor["responses"]
    # the written file is a valid vendors file again
    from crm_readiness.io.vendors import load_vendors

    vf, _, _ = load_vendors(target)
    assert vf.vendors[0].responses["A-1"].response == "native"


def test_vendor_text_stays_text_in_the_rfp_workbook(tmp_path: Path) -> None:
    cat = load_catalogue(ASSETS / "catalogue.yaml")
    path = write_rfp(cat, tmp_path / "rfp.xlsx", "en", vendor_name="=evil()", vendor_id="@x")
    cells = openpyxl.load_workbook(path)[L.INSTRUCTIONS]
    assert cells[L.VENDOR_NAME_CELL].value == "=evil()"
    assert cells[L.VENDOR_NAME_CELL].data_type == "s"
    assert cells[L.VENDOR_ID_CELL].value == "@x"


def test_unknown_id_and_foreign_workbook(tmp_path: Path) -> None:
    src = _generate(tmp_path)
    wb = openpyxl.load_workbook(src)
    wb[L.RESPONSES].cell(3, L.COL_ID).value = "ZZZ-9"
    wb[L.INSTRUCTIONS][L.VENDOR_NAME_CELL].value = None
    wb.save(src)
    got = read_rfp(src, load_catalogue(ASSETS / "catalogue.yaml"))
    where = {p.location: p.message for p in got.problems}
    assert "unknown requirement id 'ZZZ-9'" in where["Responses!A3"]
    assert "Instructions!B4" in where
    assert any("A-2 is missing" in m for m in where.values())
    other = tmp_path / "other.xlsx"
    openpyxl.Workbook().save(other)
    import pytest

    from crm_readiness.errors import InputFileError

    with pytest.raises(InputFileError) as exc:
        read_rfp(other, load_catalogue(ASSETS / "catalogue.yaml"))
    assert "Responses" in exc.value.text()
