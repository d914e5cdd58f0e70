"""The benchmark generator's shifted copies (benchmarks/data_generate.py ``--copies-of``).

Chunk ``k`` of a 10 M / 20 M benchmark file is a DuckDB-shifted copy of chunk 0: it must
be a distinct set of customers by every key (no artificial hubs or cross-chunk
duplicates) and keep the invalid values' shares, or the scale figures measure
something a real export would not have.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import duckdb
import pytest

from crm_readiness.engine.data.formats import clean_sql, ident, lit, normalise_sql
from crm_readiness.engine.data.synthetic import HEADER
from crm_readiness.models.data.rules import ColumnRule
from crm_readiness.workflows.data import write_synthetic_csv

ROOT = Path(__file__).resolve().parents[2]
CHUNK = 1500
KEYS = {"客户编号": "text", "手机": "cn_mobile", "座机": "cn_landline", "邮箱": "email",
        "统一社会信用代码": "cn_uscc"}


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("data_generate",
                                                  ROOT / "benchmarks" / "data_generate.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("data_generate", mod)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def copied(tmp_path_factory: pytest.TempPathFactory) -> tuple[duckdb.DuckDBPyConnection, str]:
    folder = tmp_path_factory.mktemp("copies")
    src, out = folder / "base.csv", folder / "copies.csv"
    write_synthetic_csv(src, CHUNK, seed=11)
    # chunk 0 = the file; shifts 1 and 2, then 3 = a copy of the 3-chunk file shifted by 3
    # (how 20 M is made from 10 M: shifts add up)
    mid = folder / "three.csv"
    gen = _generator()
    gen.write_copies(src, mid, [1, 2], CHUNK)
    gen.write_copies(mid, out, [3], CHUNK)
    con = duckdb.connect()
    con.execute(f"CREATE TABLE t AS SELECT (row_number() OVER () - 1) // {CHUNK} AS k, * "
                f"FROM read_csv({lit(str(out))}, header=true, all_varchar=true)")
    return con, str(src)


def test_copies_keep_rows_and_chunk_zero(copied: tuple[duckdb.DuckDBPyConnection, str]) -> None:
    con, src = copied
    assert con.execute("SELECT k, count(*) FROM t GROUP BY k ORDER BY k").fetchall() == [
        (k, CHUNK) for k in range(6)]
    cols = ", ".join(ident(c) for c in HEADER)
    base = con.execute(f"SELECT {cols} FROM read_csv({lit(src)}, header=true, "
                       f"all_varchar=true)").fetchall()
    assert con.execute(f"SELECT {cols} FROM t WHERE k = 0 ORDER BY rowid").fetchall() == base
    # the non-key columns are copied unchanged
    same = ", ".join(ident(c) for c in HEADER if c not in KEYS)
    assert con.execute(f"SELECT count(*) FROM (SELECT {same} FROM t WHERE k = 5 EXCEPT ALL "
                       f"SELECT {same} FROM t WHERE k = 0)").fetchone() == (0,)


@pytest.mark.parametrize("column", list(KEYS))
def test_no_key_value_repeats_across_chunks_and_invalid_shares_stay(
        copied: tuple[duckdb.DuckDBPyConnection, str], column: str) -> None:
    con, _ = copied
    rule = ColumnRule.model_validate({"format": KEYS[column]})
    norm = normalise_sql(clean_sql(ident(column)), rule)
    con.execute(f"CREATE OR REPLACE TEMP VIEW n AS SELECT k, {ident(column)} AS x, "
                f"{norm} AS v FROM t")
    shared = con.execute("SELECT count(*) FROM (SELECT v FROM n WHERE v IS NOT NULL "
                         "AND v <> '' GROUP BY v HAVING count(DISTINCT k) > 1)").fetchone()
    assert shared == (0,)
    # per chunk: as many blank and as many invalid (not normalisable) values as chunk 0
    counts = con.execute("SELECT k, count(*) FILTER (WHERE x IS NULL), count(*) FILTER "
                         "(WHERE x IS NOT NULL AND v IS NULL) FROM n GROUP BY k "
                         "ORDER BY k").fetchall()
    assert len({(blank, bad) for _, blank, bad in counts}) == 1
    if column != "客户编号":
        assert counts[0][2] > 0  # the generator writes invalid keys: their share is tested
