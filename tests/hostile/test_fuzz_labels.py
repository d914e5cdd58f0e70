"""Property-based fuzz of the clerical-review labels reader (``data profile --labels``).

A clerical-review sheet as ``data profile`` writes it, with random cells
overwritten by hostile values (formulas, control characters, huge or negative
numbers, dates, other languages' decision words, truncated ids). The only
allowed outcomes are labels or an :class:`InputFileError` (exit 3) naming a
cell of the sheet — never another exception. Bounded and derandomised.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from crm_readiness.engine.data.clerical import pair_id
from crm_readiness.errors import InputFileError
from crm_readiness.io.review_labels import read_labels
from crm_readiness.models.data.clerical import (
    ClericalSample,
    ReviewField,
    ReviewPair,
    ReviewRecord,
)
from crm_readiness.render.data.clerical_sheet import add_review_sheet

EXAMPLES = int(os.environ.get("CRM_FUZZ_EXAMPLES", "30"))
PAIRS = 6


def _fp(n: int) -> str:
    return hashlib.md5(str(n).encode()).hexdigest()[:16]


def _sheet(lang: str) -> bytes:
    pairs = []
    for k in range(PAIRS):
        a, b = _fp(2 * k), _fp(2 * k + 1)
        pairs.append(ReviewPair(
            pair_id=pair_id(a, b), left=ReviewRecord(record=2 * k, file="c.csv", row=2 * k + 2,
                                                     id=f"C{k}", fingerprint=a),
            right=ReviewRecord(record=2 * k + 1, file="c.csv", row=2 * k + 3, id=None,
                               fingerprint=b),
            score=0.7, model_match=True, same_cluster=True, stratum=k,
            fields=(ReviewField(column="名称", left="=1+1", right="x", similarity=0.5, level=1,
                                levels=2, agreement=">=0.7"),)))
    sample = ClericalSample(method="weighted", threshold=0.7, band=(0.55, 0.85), strata=10,
                            seed=1, size=PAIRS, scanned_pairs=9, candidate_pairs=9, in_band=PAIRS,
                            id_column="编号", columns=("名称",), pairs=tuple(pairs))
    wb = Workbook(write_only=True)
    add_review_sheet(wb, sample, lang)  # type: ignore[arg-type]
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


SHEETS = {"en": _sheet("en"), "zh": _sheet("zh")}
HOSTILE = st.one_of(
    st.sampled_from(["same", "different", "unsure", "同一客户", "不同客户", "不确定", "SAME ",
                     "=HYPERLINK(\"x\")", "@SUM(A1)", "-", "\x00\x1b", "", " ", "P", "2",
                     "0", "-5", "9" * 30, "²", "３", "ffffffffffffffff", "同一客户\n"]),
    st.text(max_size=40), st.integers(min_value=-(2**40), max_value=2**40),
    st.floats(allow_nan=True, allow_infinity=True), st.booleans(),
    st.dates(min_value=dt.date(1900, 3, 1), max_value=dt.date(2100, 1, 1)))
EDITS = st.lists(st.tuples(st.integers(1, PAIRS + 3), st.integers(1, 20), HOSTILE),
                 min_size=1, max_size=8)


@settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])
@given(lang=st.sampled_from(["en", "zh"]), edits=EDITS)
def test_mutated_labels_sheet_is_labels_or_a_located_input_error(
        lang: str, edits: list[tuple[int, int, object]]) -> None:
    wb = load_workbook(io.BytesIO(SHEETS[lang]))
    ws = wb.worksheets[0]
    name = ws.title
    for row, col, value in edits:
        if isinstance(value, str):
            value = "".join(ch for ch in value if ch >= " " or ch in "\t\n")  # xlsx cannot hold C0
        ws.cell(row, col).value = value
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "labels.xlsx"
        wb.save(path)
        try:
            labels = read_labels(path)
        except InputFileError as exc:
            assert exc.problems, exc
            assert all(p.location.startswith(f"{name}!") for p in exc.problems), exc
            assert str(path) in str(exc)
            return
    assert len(labels) <= PAIRS + 3
    for lab in labels:
        assert lab.pair_id == pair_id(lab.left_fingerprint, lab.right_fingerprint)
        assert lab.decision in ("same", "different", "unsure")
        assert lab.left_row >= 2 and lab.right_row >= 2
