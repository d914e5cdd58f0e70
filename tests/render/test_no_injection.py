"""Hostile text in every demo input stays text in every workbook and CSV the demo writes.

The demo's example inputs are copied, every free-text field gets a formula-like
or control-character payload in front, and the whole demo runs on them; then
every ``.xlsx`` is read with openpyxl and every ``.csv`` with the csv module. The
finance and vendors workbooks hold intentional formulas; none of them may
contain a payload.
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from crm_readiness.cells_rule import safe_text
from tests.conftest import shared_folder
from tests.tools.libreoffice import CSV_FILTER, convert, needs_soffice

PAYLOADS = ['=HYPERLINK("http://x","y")', "+1+1 ", "-2+3 ", "@SUM(1) ", "a\x01b ",
            "\x1b[31m "]
MARKERS = ("HYPERLINK", "+1+1", "-2+3", "SUM(1)")
TEXT_KEYS = {"note", "evidence", "organization", "en", "zh", "title", "name", "description"}


def _poison(node: Any, counter: list[int]) -> Any:
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            if key in TEXT_KEYS and isinstance(value, str):
                counter[0] += 1
                value = PAYLOADS[counter[0] % len(PAYLOADS)] + value
            out[key] = _poison(value, counter)
        return out
    if isinstance(node, list):
        return [_poison(v, counter) for v in node]
    return node


def _hostile_examples(src: Path, dst: Path) -> None:
    shutil.copytree(src, dst)
    counter = [0]
    for path in dst.rglob("*.yaml"):
        if path.name.endswith("-rules.yaml"):
            continue  # rules files name columns and formats, not free text
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        path.write_text(yaml.safe_dump(_poison(data, counter), allow_unicode=True,
                                       sort_keys=False), encoding="utf-8")


def _hostile_write_csv(original: Any) -> Any:
    def write(path: object, rows: int, seed: int = 20240501, **kw: Any) -> Any:
        truth = original(path, rows, seed, **kw)
        p = Path(str(path))
        with p.open(encoding=kw.get("encoding", "utf-8-sig"), newline="") as fh:
            table = list(csv.reader(fh))
        for i, row in enumerate(table[1:], start=1):
            for c in range(1, min(len(row), 4)):
                row[c] = PAYLOADS[(i + c) % len(PAYLOADS)] + row[c]
        with p.open("w", encoding="utf-8-sig", newline="") as fh:
            csv.writer(fh).writerows(table)
        return truth

    return write


@pytest.fixture(scope="module")
def hostile_demo(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Path:
    """The demo run on poisoned examples, once per suite run (the tests of this module may
    run on two pytest-xdist workers; both read the one folder, and write elsewhere)."""
    import crm_readiness._resources as resources
    import crm_readiness.workflows.data as data_workflow
    import crm_readiness.workflows.workshop as workshop
    from crm_readiness.demo.run import run_demo

    def build(base: Path) -> None:
        examples = base / "examples"
        _hostile_examples(resources.examples_dir(), examples)
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(resources, "examples_dir", lambda: examples)
            mp.setattr(workshop, "examples_dir", lambda: examples)
            mp.setattr(data_workflow, "write_synthetic_csv",
                       _hostile_write_csv(data_workflow.write_synthetic_csv))
            mp.setattr(data_workflow, "DEMO_ROWS", 300)  # keeps the test fast; rules the same
            run_demo(base / "demo", "en")

    return shared_folder(tmp_path_factory, worker_id, "hostile-demo", build) / "demo"


def test_every_workbook_keeps_payloads_as_text(hostile_demo: Path) -> None:
    from openpyxl import load_workbook

    books = sorted(hostile_demo.rglob("*.xlsx"))
    assert len(books) >= 6
    reached: set[str] = set()
    for book in books:
        wb = load_workbook(book)
        for ws in wb.worksheets:
            for row in ws.iter_rows():
                for cell in row:
                    v = cell.value
                    if not isinstance(v, str):
                        continue
                    assert "\x1b" not in v and "\x01" not in v, (book.name, cell.coordinate)
                    hit = [m for m in MARKERS if m in v]
                    if cell.data_type == "f":
                        assert not hit, (book.name, ws.title, cell.coordinate, v)
                    reached.update(hit)
    assert reached == set(MARKERS)


def _csv_fields(path: Path) -> list[str]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return [f for row in csv.reader(fh) for f in row]


def test_every_csv_field_is_safe(hostile_demo: Path, tmp_path: Path) -> None:
    from crm_readiness.workflows.data import clean_files

    out = tmp_path / "cleaned.csv"
    inputs = hostile_demo / "inputs"
    clean_files([inputs / "customers.csv"], inputs / "customers-rules.yaml", out, fuzzy=False)
    outputs = [*(p for p in hostile_demo.rglob("*.csv") if p.parent.name != "inputs"),
               *tmp_path.rglob("*.csv")]  # cleaned.csv and anything written beside it
    assert {p.name for p in outputs} >= {"customers-sample.csv", "cleaned.csv"}
    for path in outputs:
        fields = _csv_fields(path)
        assert any("HYPERLINK" in f for f in fields), path.name
        unsafe = [f for f in fields if safe_text(f) != f]
        assert unsafe == [], path.name


def test_raw_copies_verbatim(hostile_demo: Path, tmp_path: Path) -> None:
    from crm_readiness.workflows.data import clean_files

    out = tmp_path / "raw.csv"
    inputs = hostile_demo / "inputs"
    clean_files([inputs / "customers.csv"], inputs / "customers-rules.yaml", out, fuzzy=False,
                csv_safe=False)
    assert any(f.startswith("=HYPERLINK") for f in _csv_fields(out))


@needs_soffice
def test_libreoffice_evaluates_nothing(hostile_demo: Path, tmp_path: Path) -> None:
    sample = next(hostile_demo.rglob("customers-sample.csv"))
    book = next(hostile_demo.rglob("*-issues.xlsx"))
    convert([sample, book], tmp_path, CSV_FILTER)  # one LibreOffice run, every sheet to CSV
    for src in (sample, book):
        converted = list(tmp_path.glob(f"{src.stem}*.csv"))
        assert converted, src.name
        text = "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in converted)
        # an evaluated payload would show its result (y, 2, 1) instead of its text
        for marker in MARKERS:
            assert marker in text, (src.name, marker)
        assert "#NAME?" not in text and "Err:" not in text
