"""Data engine edges: no candidate pairs, huge values, RE2-only regexes, empty rows, no formats,
and ``data clean`` output failures (issue 9 item 8)."""

from __future__ import annotations

import errno
import json
import os
import resource
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from crm_readiness.cli.main import app

NAME_RULES = """\
version: 1
as_of: 2025-01-01
columns:
  客户名称: {required: true}
  联系人: {}
  手机: {format: cn_mobile}
duplicates:
  keys: [手机]
  fuzzy:
    threshold: 0.8
    min_fields: 1
    fields:
      - {column: 客户名称, kind: company_name, weight: 3}
      - {column: 手机, kind: exact, weight: 2}
    blocking:
      - columns: [客户名称]
      - columns: [联系人, 客户名称]
        typos_in: 客户名称
"""

CLEAN_ROWS = [
    ("上海华瑞机械有限公司", "张伟", "13812345678"),
    ("北京宏远科技有限公司", "王芳", "13912345678"),
    ("广州海通物流有限公司", "李娜", "13712345678"),
    ("深圳新锐电子有限公司", "刘洋", "13612345678"),
]


def _run(runner: CliRunner, *args: str) -> Result:
    result = runner.invoke(app, ["data", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert "Traceback" not in result.output
    return result


def _write(path: Path, header: str, rows: list[tuple[str, ...]] | list[str]) -> Path:
    lines = [header] + [r if isinstance(r, str) else ",".join(r) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


# (a) zero fuzzy candidate pairs ------------------------------------------------------------

def test_profile_with_zero_candidate_pairs(runner: CliRunner, tmp_path: Path) -> None:
    csv_path = _write(tmp_path / "clean.csv", "客户名称,联系人,手机", CLEAN_ROWS)
    rules = tmp_path / "rules.yaml"
    rules.write_text(NAME_RULES, encoding="utf-8")
    out = tmp_path / "out"
    res = _run(runner, "profile", str(csv_path), "--rules", str(rules), "--out", str(out),
               "--format", "json,html", "--lang", "en")
    assert res.exit_code == 0, res.output
    doc = json.loads((out / "clean-profile.json").read_text("utf-8"))
    dups = doc["duplicates"]
    assert dups["fuzzy_run"] is True
    assert dups["candidate_pairs"] == 0 and dups["matched_pairs"] == 0
    assert dups["clusters"] == 0 and dups["listed"] == []


# (b) a 200 KB company name ---------------------------------------------------------------

def _huge_name_csv(folder: Path) -> Path:
    rows = [(f"{CLEAN_ROWS[i % 4][0][:2]}测试{i}有限公司", f"联系人{i % 7}", f"138{i:08d}")
            for i in range(59)]
    rows.insert(30, ("上海" + "华" * 200_000 + "有限公司", "联系人1", "13800000999"))
    return _write(folder / "huge.csv", "客户名称,联系人,手机", rows)


def test_fuzzy_candidates_capped_by_length(tmp_path: Path) -> None:
    from crm_readiness.engine.data.duplicates import find_hubs
    from crm_readiness.engine.data.fuzzy import (
        FZ,
        MAX_COMPARED,
        MAX_TYPO_LEN,
        build_fields,
        build_pairs,
        typo_variants_sql,
    )
    from crm_readiness.engine.data.plan import build_norm, column_plans
    from crm_readiness.engine.data.sql import one
    from crm_readiness.io.data_sources import load_rules, open_export

    rules_path = tmp_path / "rules.yaml"
    rules_path.write_text(NAME_RULES, encoding="utf-8")
    with open_export([_huge_name_csv(tmp_path)]) as table:
        rules = load_rules(rules_path, table.columns)
        plans = column_plans(table, rules)
        build_norm(table, rules, plans, date(2025, 1, 1))
        by_name = {p.name: p for p in plans}
        assert rules.duplicates is not None and rules.duplicates.fuzzy is not None
        _, hub_sql = find_hubs(table, rules, by_name)
        build_fields(table, rules.duplicates.fuzzy, by_name, hub_sql)
        longest = one(table.conn, f"SELECT max(length(g0)) FROM {FZ}")[0]
        assert longest <= MAX_COMPARED <= 1024  # the 200 KB name is cut
        # a 1,000-character probe: its deletion variants must be capped too (without the cap:
        # 1,001 keys of 1,000 characters; for the 200 KB name 40 GB)
        probe = "x" * 1000
        n_probe = one(table.conn, f"SELECT len({typo_variants_sql('p')}) FROM "
                                  f"(SELECT {probe!r} AS p)")[0]
        assert n_probe <= MAX_TYPO_LEN + 1 <= 101
        variants, chars = one(table.conn,
                              f"SELECT max(len(v)), max(list_sum([length(x) FOR x IN v])) "
                              f"FROM (SELECT {typo_variants_sql('g0')} AS v FROM {FZ})")
        assert variants <= MAX_TYPO_LEN + 1
        assert chars <= (MAX_TYPO_LEN + 1) * MAX_TYPO_LEN + MAX_COMPARED
        candidates, _, _ = build_pairs(table, rules.duplicates.fuzzy, by_name)
        assert candidates <= 60 * 59 // 2


def test_profile_huge_name_bounded(tmp_path: Path) -> None:
    """End to end in a child process with a 1.5 GB address-space cap and a 10 s CPU budget."""
    csv_path = _huge_name_csv(tmp_path)
    rules = tmp_path / "rules.yaml"
    rules.write_text(NAME_RULES, encoding="utf-8")
    out = tmp_path / "out"
    limit = 1536 * 1024 * 1024

    def _cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.run(
        [sys.executable, "-m", "crm_readiness", "data", "profile", str(csv_path), "--rules",
         str(rules), "--out", str(out), "--format", "json", "--sample", "0", "--lang", "en"],
        capture_output=True, text=True, timeout=120, preexec_fn=_cap,
        env={**os.environ, "OMP_NUM_THREADS": "1"}, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    # CPU time, not wall time: the suite may share a busy machine
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert cpu < 10, cpu
    doc = json.loads((out / "huge-profile.json").read_text("utf-8"))
    assert doc["rows"] == 60


# (c) regexes Python accepts but RE2 refuses ----------------------------------------------

@pytest.mark.parametrize(("lang", "phrase"), [
    ("en", "cannot run in the data engine"),
    ("zh", "无法在数据引擎中运行"),
])
def test_re2_refused_pattern_is_exit_3_at_rules_load(runner: CliRunner, tmp_path: Path,
                                                      lang: str, phrase: str) -> None:
    csv_path = _write(tmp_path / "a.csv", "客户名称,联系人,手机", CLEAN_ROWS)
    rules = tmp_path / "re2-rules.yaml"
    rules.write_text('version: 1\ncolumns:\n  客户名称: {pattern: "(?=x).*"}\n'
                     '  联系人: {pattern: "(a)\\\\1"}\n  手机: {pattern: "1[0-9]{10}"}\n',
                     encoding="utf-8")
    out = tmp_path / "out"
    res = _run(runner, "profile", str(csv_path), "--rules", str(rules), "--out", str(out),
               "--lang", lang)
    assert res.exit_code == 3, res.output
    text = res.output.replace("\n", " ")
    assert "re2-rules.yaml" in text and phrase in text
    at = "(line {}" if lang == "en" else "（第 {} 行"
    assert "columns.客户名称.pattern " + at.format(3) in text
    assert "columns.联系人.pattern " + at.format(4) in text
    assert "columns.手机.pattern" not in text  # RE2 runs that one
    assert _files(out) == []


def test_re2_check_covers_clean(runner: CliRunner, tmp_path: Path) -> None:
    csv_path = _write(tmp_path / "a.csv", "客户名称,联系人,手机", CLEAN_ROWS)
    rules = tmp_path / "rules.yaml"
    rules.write_text('version: 1\ncolumns:\n  客户名称: {pattern: "(?!上海).*"}\n',
                     encoding="utf-8")
    res = _run(runner, "clean", str(csv_path), "--rules", str(rules), "--out",
               str(tmp_path / "c.csv"), "--lang", "en")
    assert res.exit_code == 3 and "columns.客户名称.pattern" in res.output
    assert not (tmp_path / "c.csv").exists()


# (d) every row empty: NULL aggregates ----------------------------------------------------

def test_all_empty_rows_with_city_column(runner: CliRunner, tmp_path: Path) -> None:
    csv_path = _write(tmp_path / "blank.csv", "客户名称,城市,座机,最近联系日期",
                      [",,,"] * 5)
    rules = tmp_path / "rules.yaml"
    rules.write_text("version: 1\nas_of: 2025-01-01\ncolumns:\n  客户名称: {required: true}\n"
                     "  城市: {}\n  座机: {format: cn_landline, city_column: 城市}\n"
                     "  最近联系日期: {format: date, max_age_days: 365}\n"
                     "duplicates:\n  keys: [座机]\n", encoding="utf-8")
    out = tmp_path / "out"
    res = _run(runner, "profile", str(csv_path), "--rules", str(rules), "--out", str(out),
               "--lang", "en", "--format", "json,html,md")
    assert res.exit_code == 0, res.output
    doc = json.loads((out / "blank-profile.json").read_text("utf-8"))
    assert doc["rows"] == 5
    cols = {c["name"]: c for c in doc["columns"]}
    assert cols["座机"]["missing"] == 5 and cols["座机"]["consistency"] is None
    assert cols["最近联系日期"]["timeliness"] is None
    assert doc["duplicates"]["clusters"] == 0


# (e) HTML when no column has a format ----------------------------------------------------

def test_html_without_any_format(runner: CliRunner, tmp_path: Path) -> None:
    csv_path = _write(tmp_path / "plain.csv", "客户名称,联系人,手机", CLEAN_ROWS)
    rules = tmp_path / "rules.yaml"
    rules.write_text("version: 1\ncolumns:\n  客户名称: {required: true}\n  联系人: {}\n",
                     encoding="utf-8")
    out = tmp_path / "out"
    for lang in ("en", "zh"):
        res = _run(runner, "profile", str(csv_path), "--rules", str(rules), "--out", str(out),
                   "--format", "html", "--lang", lang, "--force", "--sample", "0")
        assert res.exit_code == 0, res.output
        html = (out / "plain-profile.html").read_text("utf-8")
        assert "客户名称" in html and html.rstrip().endswith("</html>")


# (f) ``data clean`` output failures are exit 4 -------------------------------------------

def _clean_args(tmp_path: Path, out: Path) -> list[str]:
    csv_path = _write(tmp_path / "src.csv", "客户名称,联系人,手机", CLEAN_ROWS)
    return ["clean", str(csv_path), "--out", str(out), "--lang", "en"]


def test_clean_into_path_under_a_file_is_exit_4(runner: CliRunner, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    out = blocker / "clean.csv"
    res = _run(runner, *_clean_args(tmp_path, out))
    assert res.exit_code == 4, res.output
    assert "not-a-folder" in res.output
    assert blocker.read_text("utf-8") == "x"


def test_clean_full_disk_at_temp_file_is_exit_4(runner: CliRunner, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    import crm_readiness.io.data_sources as ds

    def _full(*args: Any, **kwargs: Any) -> Any:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(ds.tempfile, "mkstemp", _full)
    folder = tmp_path / "dest"
    folder.mkdir()
    res = _run(runner, *_clean_args(tmp_path, folder / "clean.csv"))
    assert res.exit_code == 4, res.output
    assert "clean.csv" in res.output and os.strerror(errno.ENOSPC) in res.output
    assert _files(folder) == []


class _FullDiskConnection:
    """A DuckDB connection whose COPY fails as on a full disk (everything else passes through)."""

    def __init__(self, con: Any) -> None:
        self._con = con

    def execute(self, sql: str, *args: Any) -> Any:
        import duckdb

        if sql.lstrip().upper().startswith("COPY"):
            raise duckdb.IOException("IO Error: Could not write file: No space left on device")
        return self._con.execute(sql, *args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._con, name)


def test_clean_full_disk_during_copy_is_exit_4(runner: CliRunner, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    import crm_readiness.io.data_sources as ds

    real = ds.export_query_csv

    def _export(con: Any, sql: str, path: Path, **kwargs: Any) -> Path:
        return real(_FullDiskConnection(con), sql, path, **kwargs)

    monkeypatch.setattr(ds, "export_query_csv", _export)
    folder = tmp_path / "dest"
    folder.mkdir()
    res = _run(runner, *_clean_args(tmp_path, folder / "clean.csv"))
    assert res.exit_code == 4, res.output
    text = res.output.replace("\n", " ")
    assert "clean.csv" in text and "No space left on device" in text
    assert _files(folder) == []  # no temp file, no body, no partial target


# (e) a probabilistic model that does not add up ------------------------------------------

@pytest.mark.parametrize(("body", "where", "phrase_en", "phrase_zh"), [
    ("      - {column: 客户名称, kind: company_name, m: [0.9, 0.1], u: [0.1, 0.9]}\n"
     "    prior: 0.1\n", "duplicates.fuzzy.fields.0", "one for 'disagree': 5 values", "共 5 个值"),
    ("      - {column: 客户名称, kind: exact}\n", "duplicates.fuzzy",
     "method probabilistic needs prior", "method 为 probabilistic 时需要 prior"),
    ("      - {column: 客户名称, kind: exact, levels: [0.5, 0.9], m: [0.5, 0.3, 0.2], "
     "u: [0.1, 0.2, 0.7]}\n    prior: 0.1\n", "duplicates.fuzzy.fields.0",
     "highest first", "从高到低"),
])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_bad_probabilistic_model_is_exit_3_with_place(runner: CliRunner, tmp_path: Path,
                                                      body: str, where: str, phrase_en: str,
                                                      phrase_zh: str, lang: str) -> None:
    csv_path = _write(tmp_path / "a.csv", "客户名称,联系人,手机", CLEAN_ROWS)
    src = csv_path.read_bytes()
    rules = tmp_path / "fs-rules.yaml"
    rules.write_text("version: 1\nduplicates:\n  fuzzy:\n    method: probabilistic\n"
                     "    blocking: [{columns: [客户名称]}]\n    fields:\n" + body,
                     encoding="utf-8")
    out = tmp_path / "out"
    res = _run(runner, "profile", str(csv_path), "--rules", str(rules), "--out", str(out),
               "--lang", lang)
    assert res.exit_code == 3, res.output
    text = res.output.replace("\n", " ")
    assert "fs-rules.yaml" in text and where in text
    assert (phrase_en if lang == "en" else phrase_zh) in text
    assert _files(out) == [] and csv_path.read_bytes() == src
