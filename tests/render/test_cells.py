"""The one safe-cell rule: safe_text, its DuckDB twin and openpyxl put()."""

from __future__ import annotations

import io
import random

import pytest

from crm_readiness.cells_rule import is_plain_number, safe_text, safe_text_sql
from crm_readiness.render.cells import put


@pytest.mark.parametrize(("raw", "expected"), [
    ("=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")"),
    ("+1+1", "'+1+1"),
    ("-2+3", "'-2+3"),
    ("@SUM(1)", "'@SUM(1)"),
    ("\tx", "'\tx"),
    ("\rx", "'\rx"),
    ("＝1+1", "'＝1+1"),
    ("＋1", "'＋1"),
    ("－1", "'－1"),
    ("＠a", "'＠a"),
    ("+86 138 0000 0000", "'+86 138 0000 0000"),
    ("-5", "-5"), ("+3.2", "+3.2"), ("1e5", "1e5"), ("-.5E-3", "-.5E-3"), ("-", "'-"),
    ("a\x01b", "a␁b"), ("\x1b[31m", "␛[31m"), ("x\x7f", "x␡"), ("\x00", "␀"),
    ("\x01=1", "␁=1"), ("line\nnext\ttab\r", "line\nnext\ttab\r"),
    ("a\ufffeb\uffff", "a\ufffdb\ufffd"), ("a\ud800", "a\ufffd"),
    ("", ""), ("plain", "plain"), ("'=already", "'=already"),
])
def test_safe_text(raw: str, expected: str) -> None:
    assert safe_text(raw) == expected


def test_plain_number_is_ascii_only() -> None:
    assert is_plain_number("-12.5e3")
    assert not is_plain_number("-١٢")  # Arabic-Indic digits are not a plain number
    assert not is_plain_number("-1 ")


_ALPHABET = ["=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠", "0", "5", ".",
             "e", "E", "a", "中", " ", "'", "\x00", "\x01", "\x1b", "\x1f", "\x7f", "\ufffe",
             "\uffff", '"', "{expr}"]


def _strings(n: int) -> list[str]:
    rng = random.Random(20261201)
    out = ["-5", "+3.2", "1e5", "=1", "+86 1", "-", "", "\x01", "＋1", "-.5", "5."]
    while len(out) < n:
        out.append("".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 6))))
    return out


def test_sql_equals_python() -> None:
    import duckdb  # a runtime dependency: never skipped
    values = _strings(400)
    con = duckdb.connect()
    con.execute("CREATE TABLE t (i INTEGER, v VARCHAR)")
    con.executemany("INSERT INTO t VALUES (?, ?)", list(enumerate(values)))
    got = dict(con.execute(f"SELECT i, {safe_text_sql('v')} FROM t").fetchall())
    mismatches = [(v, got[i], safe_text(v)) for i, v in enumerate(values)
                  if got[i] != safe_text(v)]
    assert mismatches == []
    assert con.execute(f"SELECT {safe_text_sql('NULL::VARCHAR')}").fetchone() == (None,)


def test_put_keeps_text_text() -> None:
    from openpyxl import Workbook, load_workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    hostile = ["=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2+3", "@SUM(1)", "a\x01b", "\x1b["]
    for row, value in enumerate(hostile, start=1):
        put(ws, row, 1, value)
    put(ws, 10, 1, 42)
    put(ws, 11, 1, "-5")
    buf = io.BytesIO()
    wb.save(buf)
    back = load_workbook(io.BytesIO(buf.getvalue()))
    ws2 = back.active
    assert ws2 is not None
    for row, value in enumerate(hostile, start=1):
        cell = ws2.cell(row, 1)
        assert cell.data_type == "s"
        assert cell.value == safe_text(value).removeprefix("'")
    assert ws2.cell(1, 1).quotePrefix
    assert ws2.cell(10, 1).value == 42
    assert ws2.cell(11, 1).value == "-5" and ws2.cell(11, 1).data_type == "s"


def test_printable_fast_path_never_skips_a_character_the_rule_replaces() -> None:
    """``visible_controls`` passes printable text unsearched: no printable code point is one
    of the characters the rule replaces (controls, DEL, U+FFFE/U+FFFF, surrogates)."""
    from crm_readiness.cells_rule import _NEEDS_WORK

    printable_but_replaced = [cp for cp in range(0x110000)
                              if chr(cp).isprintable() and _NEEDS_WORK.search(chr(cp))]
    assert printable_but_replaced == []
