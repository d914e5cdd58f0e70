"""Panel scoring round trip: export per panelist, fill, import with per-cell errors, combine.

Hand computation (tests/assets/vendors/panel/vendors.yaml; weights usability 20%,
integration 30%), scores (usability, integration):

          Vendor X    Vendor Y    Vendor Z
    ana   4, 3        3, 4        2, 2
    ben   5, 5        2, 3        1, 4      ← ben scores X strictly top on both: halo
    cho   4, 2        3, 4        3, 3

median    4, 3        3, 4        2, 3
spread    1, 3        1, 1        2, 2
X/integration: ben's 5 is 2 > 1.5 from the median 3 → outlier.
Agenda (spread ≥ 1, by spread × weight): X/integration 0.9, Z/integration 0.6,
Z/usability 0.4, Y/integration 0.3, X/usability 0.2, Y/usability 0.2.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest

from crm_readiness.io.panel import ImportProblems
from crm_readiness.models.vendors import panel_layout as L
from crm_readiness.workflows.vendor_panel import export_panel, import_panel
from crm_readiness.workflows.vendors import run_compare
from tests.vendors.conftest import ASSETS

SCORES = {
    "ana": {"x": (4, 3), "y": (3, 4), "z": (2, 2)},
    "ben": {"x": (5, 5), "y": (2, 3), "z": (1, 4)},
    "cho": {"x": (4, 2), "y": (3, 4), "z": (3, 3)},
}
EVIL = '=HYPERLINK("http://evil","x")'


@pytest.fixture
def case(tmp_path: Path) -> Path:
    folder = tmp_path / "case"
    shutil.copytree(ASSETS / "panel", folder)
    return folder / "vendors.yaml"


def fill(path: Path, scores: dict[str, tuple[object, object]],
         comments: dict[tuple[str, str], str] | None = None) -> None:
    """Fill a panel workbook as a panelist would (scores by vendor and criterion)."""
    wb = openpyxl.load_workbook(path)
    ws = wb[L.SCORES_SHEET]
    rows = {ws.cell(r, 1).value: r for r in range(L.FIRST_ROW, ws.max_row + 1)}
    for i in range(3):
        vid = ws.cell(L.VENDOR_ID_ROW, L.score_col(i)).value
        for cid, value in zip(("usability", "integration"), scores[vid], strict=True):
            ws.cell(rows[cid], L.score_col(i)).value = value
            note = (comments or {}).get((vid, cid))
            if note:  # typed as text (a leading ' in Excel): a string cell, not a formula
                cell = ws.cell(rows[cid], L.comment_col(i))
                cell.value = note
                cell.data_type = "s"
    wb.save(path)


def exported(case: Path) -> dict[str, Path]:
    paths = export_panel(case, case.parent / "out", "en")
    return {p.stem.removeprefix("panel-"): p for p in paths}


def test_export_writes_one_protected_workbook_per_panelist(case: Path) -> None:
    books = exported(case)
    assert sorted(books) == ["ana", "ben", "cho"]
    wb = openpyxl.load_workbook(books["ben"])
    ws = wb[L.SCORES_SHEET]
    assert ws[L.NAME_CELL].value == "王本" and ws[L.ROLE_CELL].value == "IT manager"
    assert ws[L.ID_CELL].value == "ben" and ws[L.ID_CELL].protection.locked
    assert not ws.cell(L.FIRST_ROW, L.score_col(0)).protection.locked
    assert ws.protection.sheet and wb.security.lockStructure
    assert [ws.cell(L.FIRST_ROW + k, 1).value for k in range(2)] == ["usability", "integration"]
    assert "How reps cope" in ws.cell(L.FIRST_ROW, L.COL_ANCHORS).value
    assert "5: reps love it" in ws.cell(L.FIRST_ROW, L.COL_ANCHORS).value
    dv = ws.data_validations.dataValidation
    assert dv and dv[0].type == "list" and "D10" in str(dv[0].sqref)
    assert wb[L.LISTS_SHEET].sheet_state == "hidden"


def test_invalid_cells_are_reported_by_sheet_and_cell_and_nothing_is_applied(
        case: Path) -> None:
    books = exported(case)
    fill(books["ana"], {"x": (6, 3), "y": ("good", 4), "z": (2, 2.3)})
    fill(books["ben"], SCORES["ben"])
    with pytest.raises(ImportProblems) as err:
        import_panel([books["ana"], books["ben"]], case)
    text = err.value.text("en")
    assert "Scores!D10: 6 is not a score for usability / x" in text.replace("'", "")
    assert "Scores!F10: 'good' is not a score" in text
    assert "Scores!H11: '2.3' is not a score" in text
    assert str(books["ben"]) not in text  # the clean file has no problem
    assert "Nothing was imported" in text and "没有" not in text
    assert "未导入任何内容" in err.value.text("zh")
    assert not (case.parent / "panel-scores.yaml").exists()
    # --partial applies the clean file only: nothing of ana's
    res = import_panel([books["ana"], books["ben"]], case, partial=True)
    assert res.applied == {books["ana"]: 0, books["ben"]: 6}
    saved = (case.parent / "panel-scores.yaml").read_text(encoding="utf-8")
    assert "ben:" in saved and "ana:" not in saved


def test_combined_scores_spreads_outliers_halo_and_agenda_equal_the_hand_computation(
        case: Path) -> None:
    books = exported(case)
    for pid, scores in SCORES.items():
        fill(books[pid], scores, {("x", "integration"): EVIL} if pid == "ben" else None)
    res = import_panel(list(books.values()), case)
    assert res.written and sum(res.applied.values()) == 18
    comp = run_compare(case).comparison
    panel = comp.panel
    assert panel is not None and panel.rule == "median"
    cells = {(c.vendor, c.criterion): c for c in panel.cells}
    expected = {("x", "usability"): (4, 1), ("x", "integration"): (3, 3),
                ("y", "usability"): (3, 1), ("y", "integration"): (4, 1),
                ("z", "usability"): (2, 2), ("z", "integration"): (3, 2)}
    for key, (combined, spread) in expected.items():
        assert (cells[key].combined, cells[key].spread) == (combined, spread), key
    assert cells[("x", "integration")].outliers == ("ben",)
    assert all(not c.outliers for k, c in cells.items() if k != ("x", "integration"))
    assert cells[("x", "integration")].comments == {"ben": EVIL}
    assert [(h.panelist, h.vendor) for h in panel.halo] == [("ben", "x")]
    agenda = [(a.vendor, a.criterion, round(a.priority, 6)) for a in panel.agenda]
    assert agenda[0] == ("x", "integration", 0.9)
    assert agenda[:3] == [("x", "integration", 0.9), ("z", "integration", 0.6),
                          ("z", "usability", 0.4)]
    assert panel.agenda[0].high == ("ben", 5) and panel.agenda[0].low == ("cho", 2)
    # the combined scores feed the comparison (the vendors file's own 1s are replaced)
    x = comp.vendor("x")
    scores = {c.id: c for c in x.criteria}
    assert scores["usability"].score == 4 and scores["integration"].score == 3
    assert scores["integration"].panel_count == 3 and scores["integration"].panel_spread == 3


def test_mean_rule_and_reimport_replaces_a_panelists_scores(case: Path) -> None:
    text = case.read_text(encoding="utf-8").replace("rule: median", "rule: mean")
    case.write_text(text, encoding="utf-8")
    books = exported(case)
    for pid, scores in SCORES.items():
        fill(books[pid], scores)
    import_panel(list(books.values()), case)
    cells = {(c.vendor, c.criterion): c for c in run_compare(case).comparison.panel.cells}  # type: ignore[union-attr]
    assert cells[("x", "integration")].combined == pytest.approx(10 / 3)
    # ana changes her mind on X/integration: importing again needs --force and replaces hers
    fill(books["ana"], {**SCORES["ana"], "x": (4, 5)})
    from crm_readiness.errors import OutputError

    with pytest.raises(OutputError):
        import_panel([books["ana"]], case)
    import_panel([books["ana"]], case, force=True)
    cells = {(c.vendor, c.criterion): c for c in run_compare(case).comparison.panel.cells}  # type: ignore[union-attr]
    assert cells[("x", "integration")].combined == pytest.approx(12 / 3)
    assert cells[("x", "integration")].scores == {"ana": 5, "ben": 5, "cho": 2}


def test_a_workbook_of_another_kind_or_a_duplicate_panelist_is_refused(case: Path) -> None:
    from crm_readiness.errors import InputFileError

    books = exported(case)
    fill(books["ana"], SCORES["ana"])
    copy = books["ana"].with_name("copy.xlsx")
    shutil.copyfile(books["ana"], copy)
    with pytest.raises(ImportProblems) as err:
        import_panel([books["ana"], copy], case)
    assert "Scores!B4: panelist ana is also in panel-ana.xlsx" in err.value.text("en")
    other = case.parent / "other.xlsx"
    openpyxl.Workbook().save(other)
    with pytest.raises(InputFileError) as err2:
        import_panel([other], case)
    assert "not a workbook written by crm-readiness" in err2.value.text("en")


def test_panelist_text_never_becomes_a_formula_and_html_escapes_it(case: Path) -> None:
    from datetime import UTC, datetime

    from crm_readiness.render import Format
    from crm_readiness.render.vendors.reports import render_comparison
    from crm_readiness.render.vendors.workbook import render_comparison_workbook

    text = case.read_text(encoding="utf-8").replace("name: Ana Li", "name: '@SUM(1+1)<i>'")
    case.write_text(text, encoding="utf-8")
    books = exported(case)
    assert openpyxl.load_workbook(books["ana"])[L.SCORES_SHEET][L.NAME_CELL].data_type == "s"
    tag = "<script>alert(1)</script>"
    for pid, scores in SCORES.items():
        fill(books[pid], scores, {("x", "integration"): EVIL + tag} if pid == "ben" else None)
    import_panel(list(books.values()), case)
    run = run_compare(case)
    html = render_comparison(run.comparison, run.catalogue, "en", Format.html)
    assert tag not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "@SUM(1+1)&lt;i&gt;" in html
    import io

    wb = openpyxl.load_workbook(io.BytesIO(render_comparison_workbook(
        run.comparison, run.catalogue, "en", datetime(2025, 1, 2, tzinfo=UTC))))
    ws = wb["Panel"]
    cells = [c for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    evil = [c for c in cells if EVIL in c.value]
    assert evil and all(c.data_type == "s" for c in evil)
    assert all(c.data_type == "s" for c in cells if c.value.startswith("@SUM"))
    assert not any(c.data_type == "f" for c in cells)


def test_concurrent_imports_of_different_panelists_lose_nothing(
        case: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Three panelists import at the same time; the store is read-merge-written under the
    lock, so all three are kept (a slow read widens the race window a lock must close)."""
    import threading
    import time

    import crm_readiness.io.panel as store

    books = exported(case)
    for pid, scores in SCORES.items():
        fill(books[pid], scores)
    slow_load = store.load_panel_scores

    def slow(path: Path, vf: object) -> object:
        time.sleep(0.2)
        return slow_load(path, vf)  # type: ignore[arg-type]

    monkeypatch.setattr(store, "load_panel_scores", slow)
    (case.parent / "panel-scores.yaml").write_text("version: 1\npanelists: {}\n", "utf-8")
    errors: list[BaseException] = []

    def run(pid: str) -> None:
        try:
            import_panel([books[pid]], case)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(pid,)) for pid in SCORES]
    for th in threads:
        th.start()
    for th in threads:
        th.join(timeout=30)
    assert not errors
    saved = (case.parent / "panel-scores.yaml").read_text(encoding="utf-8")
    assert all(f"{pid}:" in saved for pid in SCORES), saved


def test_a_panel_workbook_saved_as_ods_imports_like_the_xlsx(case: Path) -> None:
    from tests.vendors._ods import xlsx_to_ods

    books = exported(case)
    fill(books["ana"], SCORES["ana"], {("y", "usability"): "slow <b>"})
    ods = xlsx_to_ods(books["ana"], books["ana"].with_suffix(".ods"))
    res = import_panel([ods], case)
    assert res.applied == {ods: 6}
    saved = (case.parent / "panel-scores.yaml").read_text(encoding="utf-8")
    assert "ana:" in saved and "slow <b>" in saved
    fill(books["ben"], {**SCORES["ben"], "x": (7, 5)})
    with pytest.raises(ImportProblems) as err:
        import_panel([xlsx_to_ods(books["ben"], case.parent / "ben.ods")], case)
    assert "Scores!D10: 7 is not a score" in err.value.text("en").replace("'", "")


def test_hostile_cells_and_over_long_comments_are_located_problems(
        case: Path) -> None:
    from datetime import datetime as dt

    books = exported(case)
    fill(books["ana"], {"x": (1e308, True), "y": (dt(2025, 1, 2), "nan"), "z": ("-1", "4,5")})
    with pytest.raises(ImportProblems) as err:
        import_panel([books["ana"]], case)
    text = err.value.text("en")
    for cell in ("D10", "D11", "F10", "F11", "H10"):
        assert f"Scores!{cell}:" in text, cell
    assert "Scores!H11" not in text  # "4,5" is 4.5 written with a decimal comma
    fill(books["ana"], SCORES["ana"], {("x", "usability"): "x" * 4001})
    with pytest.raises(ImportProblems) as err:
        import_panel([books["ana"]], case)
    assert "Scores!E10: text longer than 4000 characters (4001)" in err.value.text("en")
