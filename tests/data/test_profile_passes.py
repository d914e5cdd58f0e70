"""The fused profile passes (issue 16): same answers from fewer, cheaper queries.

The column counts are one ``count_if`` pass over the normalised table, the
examples a top-N per column joined to the raw rows by row id, hubs and exact
keys one grouping per key column (``_cr_shared_{i}``); these tests pin what
each shortcut must keep: record order, the fallback when no grouping was made,
no stale grouping after the table is rebuilt.
"""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from crm_readiness.engine.data import ProfileOptions, profile
from crm_readiness.engine.data.duplicates import _exact_matches, exact_keys, find_hubs
from crm_readiness.engine.data.plan import build_norm, column_plans
from crm_readiness.engine.data.sql import rows
from crm_readiness.i18n import t
from crm_readiness.io.data_sources import load_rules, open_export
from crm_readiness.workflows.data import profile_files

RULES = ("version: 1\ncolumns:\n  手机: {format: cn_mobile}\n  邮箱: {format: email}\n"
         "duplicates:\n  keys: [手机, 邮箱]\n  hub_size: 4\n")


def _export(path: Path) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["名称", "手机", "邮箱"])
        for n in range(80):  # 80 valid rows first: the examples come from further down
            w.writerow([f"甲{n}", f"137{n:08d}", f"a{n}@x.cn"])
        for n in range(70):  # 70 changed values (spaces removed), then 70 invalid ones
            w.writerow([f"乙{n}", f"138 {n:04d} {n:04d}", f"B{n}@X.CN"])
        for n in range(70):
            w.writerow([f"丙{n}", f"bad{n}", f"bad{n}"])
        for n in range(5):  # a hub: one mobile on 5 records (hub_size 4)
            w.writerow([f"丁{n}", "13900000000", f"d{n}@x.cn"])
        for n in range(3):  # exact-key pairs: two records per e-mail
            w.writerow([f"戊{n}", f"136{n:08d}", f"e{n}@x.cn"])
            w.writerow([f"己{n}", f"135{n:08d}", f"e{n}@x.cn"])
    return path


def test_examples_are_the_earliest_in_record_order(tmp_path: Path) -> None:
    src = _export(tmp_path / "e.csv")
    rules_path = tmp_path / "r.yaml"
    rules_path.write_text(RULES, encoding="utf-8")
    with open_export([src]) as table:
        result = profile(table, load_rules(rules_path, table.columns),
                         ProfileOptions(fuzzy=False))
    mobile = next(c for c in result.columns if c.name == "手机")
    assert [(e.raw, e.normalised) for e in mobile.change_examples] == [
        (f"138 {n:04d} {n:04d}", f"138{n:04d}{n:04d}") for n in range(5)]
    assert list(mobile.invalid_examples) == [f"bad{n}" for n in range(5)]
    assert (mobile.changed, mobile.invalid, mobile.distinct) == (70, 70, 80 + 70 + 1 + 6)
    mail = next(c for c in result.columns if c.name == "邮箱")
    assert [e.normalised for e in mail.change_examples] == [f"b{n}@x.cn" for n in range(5)]


def test_exact_keys_same_without_the_hub_grouping(tmp_path: Path) -> None:
    src = _export(tmp_path / "e.csv")
    rules_path = tmp_path / "r.yaml"
    rules_path.write_text(RULES, encoding="utf-8")
    got = []
    for with_hubs in (True, False):
        with open_export([src]) as table:
            rules = load_rules(rules_path, table.columns)
            plans = column_plans(table, rules)
            build_norm(table, rules, plans, date(2025, 1, 1))
            by_name = {p.name: p for p in plans}
            hub_sql = find_hubs(table, rules, by_name)[1] if with_hubs else {}
            keys = exact_keys(table, rules, by_name, hub_sql)
            m = _exact_matches(table, rules, by_name, hub_sql)
            got.append((keys, list(zip(m.left.tolist(), m.right.tolist(), strict=True))))
    assert got[0] == got[1]
    keys, pairs = got[0]
    by_col = {k.column: (k.groups, k.records) for k in keys}
    assert by_col == {"手机": (0, 0), "邮箱": (3, 6)}  # the 5-record mobile is a hub
    assert len(pairs) == 3


def test_rebuilt_norm_drops_the_old_grouping(tmp_path: Path) -> None:
    src = _export(tmp_path / "e.csv")
    rules_path = tmp_path / "r.yaml"
    rules_path.write_text(RULES, encoding="utf-8")
    with open_export([src]) as table:
        rules = load_rules(rules_path, table.columns)
        plans = column_plans(table, rules)
        build_norm(table, rules, plans, date(2025, 1, 1))
        find_hubs(table, rules, {p.name: p for p in plans})
        query = ("SELECT count(*) FROM duckdb_tables() WHERE "
                 "starts_with(table_name, '_cr_shared_')")
        assert rows(table.conn, query)[0][0] == 2
        build_norm(table, rules, plans, date(2025, 1, 1))
        assert rows(table.conn, query)[0][0] == 0


def test_duplicates_sheet_marks_the_leading_columns(tmp_path: Path) -> None:
    src = _export(tmp_path / "e.csv")
    rules_path = tmp_path / "r.yaml"
    rules_path.write_text(RULES, encoding="utf-8")
    profile_files([src], rules_path, tmp_path / "o", ("xlsx",), "en", sample=0)
    ws = load_workbook(tmp_path / "o" / "e-issues.xlsx")[t("data.wb.duplicates", "en")[:31]]
    body = list(ws.iter_rows(min_row=2, max_row=7))
    assert [r[0].value for r in body] == sorted(r[0].value for r in body)
    assert len({r[0].value for r in body}) == 3  # three clusters of two
    marked = []
    for row in body:
        fills = [c.fill.fgColor.rgb if c.fill.fill_type else None for c in row]
        assert len(set(fills[:5])) == 1, fills  # cluster, suggestion, score, row, file alike
        assert not any(fills[5:]), fills  # the export's own columns stay plain
        assert row[-1].value is None  # the decision column is empty, not an empty string
        marked.append(fills[0])
    kept, band = "00DCFCE7", "00F3F4F6"
    # first cluster banded, second plain, third banded; the kept record always green
    assert marked == [kept, band, kept, None, kept, band]


def test_column_measurements_run_beside_the_duplicates(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """The column measurements run on a thread (a cursor of their own) while the duplicates
    are found on the calling one; they equal the measurements made on the calling thread."""
    import importlib
    import threading

    profile_module = importlib.import_module("crm_readiness.engine.data.profile")
    seen: dict[str, int] = {}
    measure, find = profile_module.column_profiles, profile_module.find_duplicates

    def measuring(*a: Any, **kw: Any) -> Any:
        seen["metrics"] = threading.get_ident()
        return measure(*a, **kw)

    def finding(*a: Any, **kw: Any) -> Any:
        seen["duplicates"] = threading.get_ident()
        return find(*a, **kw)

    monkeypatch.setattr(profile_module, "column_profiles", measuring)
    monkeypatch.setattr(profile_module, "find_duplicates", finding)
    src = _export(tmp_path / "e.csv")
    rules_path = tmp_path / "r.yaml"
    rules_path.write_text(RULES, encoding="utf-8")
    with open_export([src]) as table:
        rules = load_rules(rules_path, table.columns)
        beside = profile(table, rules, ProfileOptions(fuzzy=False))
        assert seen["duplicates"] == threading.get_ident() != seen["metrics"]
        assert list(beside.columns) == measure(table, rules, column_plans(table, rules))
    assert beside.duplicates.clusters == 3 and beside.issue_rows == 70  # a record: one row
