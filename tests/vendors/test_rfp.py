"""RFP round trip: generate, fill (with invalid cells), import; every bad cell is located."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest
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


COMMENTED_VENDORS = """\
# Our shortlist, kept by hand 手工维护的候选名单
version: 1
title: Shortlist 2026   # for the board
requirements: catalogue.yaml
budget: {min: 100, max: 300, currency: CNY}  # approved in May

# --- who we compare ---
vendors:
  - id: entlink        # the incumbent's partner
    name: {en: EntLink, zh: 企联通 (EntLink)}   # the workbook's name in zh
    cost: 150
    responses:
      B-1: Custom development   # written as the vendor said it
  - name: Vendor Z     # name before id, on purpose
    id: z
    cost: 250
    responses: {A-1: roadmap, A-2: native, B-1: native, B-2: native}

# --- how we weigh them ---
criteria:
  - {id: fit, kind: functional_fit, weight: 70%, name: {en: Functional fit, zh: 功能匹配度}}
  - {id: cost, kind: cost, weight: 0.3, name: {en: Cost, zh: 成本}}   # finance insists
# end of file 文件结尾
"""


def _comments(text: str) -> list[str]:
    return [line[line.index("#"):] for line in text.splitlines() if "#" in line]


def _keys(text: str) -> list[str]:
    """The block keys in file order (``- `` items included), with their indentation."""
    return [line.split(":")[0].rstrip() for line in text.splitlines()
            if line.strip() and not line.lstrip().startswith("#") and ":" in line]


def test_import_into_a_commented_vendors_file_keeps_its_comments_order_and_layout(
        tmp_path: Path) -> None:
    """``vendors import --force`` merges into the file in place: every comment, the key
    order and blank lines stay, the untouched lines are byte for byte the same, and the
    imported responses land (the file reads back as the merged vendors)."""
    from typer.testing import CliRunner

    from crm_readiness.cli.main import app
    from crm_readiness.io.vendors import load_vendors
    from tests.conftest import no_traceback

    shutil.copyfile(ASSETS / "catalogue.yaml", tmp_path / "catalogue.yaml")
    target = tmp_path / "vendors.yaml"
    target.write_text(COMMENTED_VENDORS, encoding="utf-8")
    filled = _fill(_generate(tmp_path))
    r = CliRunner().invoke(app, ["vendors", "import", str(filled), "--vendors", str(target),
                                 "--force", "--lang", "en"])
    no_traceback(r)
    assert r.exit_code == 0, r.output
    after = target.read_text("utf-8")
    assert _comments(after) == _comments(COMMENTED_VENDORS) and len(_comments(after)) == 11
    rest = iter(_keys(after))
    assert all(key in rest for key in _keys(COMMENTED_VENDORS))  # the same order, new keys added
    assert after.index("  - name: Vendor Z") < after.index("    id: z")
    assert after.index("vendors:") < after.index("criteria:")  # not re-sorted
    before_lines = COMMENTED_VENDORS.splitlines()
    after_lines = after.splitlines()
    assert after_lines.count("") == before_lines.count("") == 2
    assert [ln for ln in before_lines if ln not in after_lines] == []  # nothing rewritten
    assert "weight: 70%" in after and "B-1: Custom development   #" in after
    vf, _, _ = load_vendors(target)
    ent = next(v for v in vf.vendors if v.id == "entlink")
    assert {k: v.response for k, v in ent.responses.items()} == {
        "A-1": "native", "A-2": "custom", "B-1": "custom"}
    assert ent.responses["A-1"].comment == INJECT
    assert ent.name.en == "EntLink" and ent.name.zh == "企联通 (EntLink)"  # kept as written
    assert [v.id for v in vf.vendors] == ["entlink", "z"]


def test_concurrent_rfp_imports_into_one_vendors_file_lose_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two vendors' workbooks imported at the same time: the vendors file is read, merged
    and written under the lock, so both vendors' responses are kept (a slow read widens
    the window an unlocked read-modify-write would lose one in)."""
    import threading
    import time

    import crm_readiness.io.vendors as store

    shutil.copyfile(ASSETS / "catalogue.yaml", tmp_path / "catalogue.yaml")
    target = tmp_path / "vendors.yaml"
    target.write_text(COMMENTED_VENDORS, encoding="utf-8")
    cat = load_catalogue(ASSETS / "catalogue.yaml")
    books = []
    for vid in ("nova", "yun"):
        book = write_rfp(cat, tmp_path / f"rfp-{vid}.xlsx", "en", vendor_name=vid.title(),
                         vendor_id=vid)
        wb = openpyxl.load_workbook(book)
        ws = wb[L.RESPONSES]
        for r in range(2, 6):
            ws.cell(r, L.COL_RESPONSE).value = "native"
        wb.save(book)
        books.append(book)
    slow_load = store.load_vendors

    def slow(*args: object, **kwargs: object) -> object:
        time.sleep(0.2)
        return slow_load(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(store, "load_vendors", slow)
    errors: list[BaseException] = []

    def run(book: Path) -> None:
        try:
            import_rfps([book], target, force=True)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(b,)) for b in books]
    for th in threads:
        th.start()
    for th in threads:
        th.join(timeout=30)
    assert not errors
    monkeypatch.setattr(store, "load_vendors", slow_load)
    vf, _, _ = store.load_vendors(target)
    ids = [v.id for v in vf.vendors]
    assert ids[:2] == ["entlink", "z"] and sorted(ids[2:]) == ["nova", "yun"]
    assert all(len(v.responses) == 4 for v in vf.vendors if v.id in ("nova", "yun"))
    saved = target.read_text("utf-8")
    assert _comments(saved) == _comments(COMMENTED_VENDORS)
    assert "\n\n# --- how we weigh them ---\ncriteria:\n" in saved  # not carried up
