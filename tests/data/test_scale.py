"""Scale settings and mechanisms: DuckDB's memory ceiling and spill folder,
the hub filter as a semi-join, progress lines when output is piped."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from crm_readiness.cli.main import app
from crm_readiness.engine.data import ProfileOptions, profile
from crm_readiness.engine.data.duplicates import find_hubs
from crm_readiness.engine.data.plan import column_plans
from crm_readiness.errors import UsageError
from crm_readiness.io.data_sources import (
    DEFAULT_CEILING,
    DEFAULT_FLOOR,
    ENV_MEMORY,
    ENV_TEMP,
    ENV_THREADS,
    engine_settings,
    load_rules,
    open_export,
    parse_memory,
)
from crm_readiness.models.data.result import HUBS_KEPT
from crm_readiness.render.data.report import render_html, render_md
from crm_readiness.render.data.workbook import WorkbookCaps, render_workbook
from tests.data.conftest import DATA_ASSETS


def test_settings_option_beats_env_beats_default(monkeypatch: pytest.MonkeyPatch,
                                                 tmp_path: Path) -> None:
    for name in (ENV_MEMORY, ENV_TEMP, ENV_THREADS):
        monkeypatch.delenv(name, raising=False)
    default = engine_settings()
    assert DEFAULT_FLOOR <= default.memory_bytes <= DEFAULT_CEILING
    assert default.threads is None
    monkeypatch.setenv(ENV_MEMORY, "700MB")
    monkeypatch.setenv(ENV_TEMP, str(tmp_path))
    monkeypatch.setenv(ENV_THREADS, "1")
    env = engine_settings()
    assert (env.memory_bytes, env.temp_root, env.threads) == (700 * 1000**2, tmp_path, 1)
    given = engine_settings("1GiB", tmp_path / ".")
    assert given.memory_bytes == 1 << 30 and given.memory_limit == "1024MiB"
    assert parse_memory("1.5 gb", "x") == 1_500_000_000
    assert parse_memory("10%", "x") > 0


@pytest.mark.parametrize("value", ["lots", "12", "1PB?", "0%", "200%", "10MB"])
def test_bad_memory_size_is_a_usage_error(value: str) -> None:
    with pytest.raises(UsageError) as info:
        parse_memory(value, "--memory-limit")
    assert "--memory-limit" in info.value.text("en") and "内存" in info.value.text("zh")


def test_bad_env_and_temp_folder_are_usage_errors(monkeypatch: pytest.MonkeyPatch,
                                                  tmp_path: Path) -> None:
    monkeypatch.setenv(ENV_THREADS, "many")
    with pytest.raises(UsageError, match=ENV_THREADS):
        engine_settings()
    monkeypatch.delenv(ENV_THREADS)
    with pytest.raises(UsageError, match="--temp-dir"):
        engine_settings(temp_dir=tmp_path / "missing")


def test_export_runs_in_memory_and_spills_its_tables_past_the_ceiling(tmp_path: Path) -> None:
    settings = engine_settings("64MiB", tmp_path)
    with open_export([DATA_ASSETS / "small.csv"], settings=settings) as table:
        con = table.conn
        limit, spill = con.execute(
            "SELECT current_setting('memory_limit'), current_setting('temp_directory')"
        ).fetchall()[0]
        assert limit == "64.0 MiB"
        assert Path(spill).parent.parent == tmp_path  # in the run's private folder
        # a table of about twice the ceiling (2 M values of 64 bytes): the blocks past the
        # ceiling go to the spill folder, not into memory
        con.execute("CREATE TABLE _big AS SELECT md5(i::VARCHAR) || md5((i + 1)::VARCHAR) "
                    "AS v FROM range(2000000) r(i)")
        held, spilled = con.execute(
            "SELECT memory_usage_bytes, temporary_storage_bytes FROM duckdb_memory() "
            "WHERE tag = 'IN_MEMORY_TABLE'").fetchall()[0]
        assert held <= 64 * 2**20 and spilled > 32 * 2**20, (held, spilled)
        assert sum(f.stat().st_size for f in Path(spill).iterdir()) >= spilled
        # read back whole from the spill folder
        assert con.execute("SELECT sum(length(v)) FROM _big").fetchall()[0][0] == 128_000_000
    assert list(tmp_path.iterdir()) == []  # the private folder is gone


_ONE_HUGE_VALUE = ("SELECT length(string_agg(md5(i::VARCHAR), '')) "  # 96 MB in one value:
                   "FROM range(3000000) r(i)")  # DuckDB cannot spill it


def test_a_ceiling_too_small_is_a_usage_error_naming_it(tmp_path: Path) -> None:
    with (pytest.raises(UsageError) as caught,
          open_export([DATA_ASSETS / "small.csv"],
                      settings=engine_settings("64MiB", tmp_path)) as table):
        table.conn.execute(_ONE_HUGE_VALUE).fetchall()
    assert caught.value.exit_code == 2
    assert "64 MiB" in caught.value.text("en") and "--memory-limit" in caught.value.text("en")
    assert "64 MiB" in caught.value.text("zh") and "调高上限" in caught.value.text("zh")
    assert list(tmp_path.iterdir()) == []  # the private folder is gone


def test_cli_reports_the_ceiling_not_a_crash(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    import crm_readiness.engine.data as engine

    def huge(table: object, *args: object, **kwargs: object) -> None:
        table.conn.execute(_ONE_HUGE_VALUE).fetchall()  # type: ignore[attr-defined]

    monkeypatch.setattr(engine, "profile", huge)  # the profile's own work, past the ceiling
    out = tmp_path / "o"
    res = CliRunner().invoke(app, ["data", "profile", str(DATA_ASSETS / "small.csv"),
                                   "--out", str(out), "--memory-limit", "64MiB",
                                   "--lang", "en"])
    assert res.exit_code == 2, res.output
    assert "ceiling of 64 MiB" in res.output and "Traceback" not in res.output
    assert not out.exists() or not any(out.iterdir())  # nothing written


def test_cli_memory_option_is_checked_before_reading(tmp_path: Path) -> None:
    res = CliRunner().invoke(app, ["data", "profile", str(DATA_ASSETS / "small.csv"), "--out",
                                   str(tmp_path / "o"), "--memory-limit", "lots", "--lang", "en"])
    assert res.exit_code == 2, res.output
    assert "--memory-limit" in res.output and "Traceback" not in res.output
    assert not (tmp_path / "o").exists()


def _hub_export(path: Path, hubs: int, per_hub: int = 8) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["客户名称", "手机"])
        n = 0
        for h in range(hubs):  # every mobile shared by per_hub records: a hub, never evidence
            for _ in range(per_hub):
                w.writerow([f"公司{n}", f"139{h:08d}"])
                n += 1
        for p in range(50):  # 50 true pairs
            w.writerow([f"甲{p}", f"137{p:08d}"])
            w.writerow([f"乙{p}", f"137{p:08d}"])


def test_hub_filter_is_a_semi_join_not_a_literal_list(tmp_path: Path) -> None:
    src = tmp_path / "hubs.csv"
    _hub_export(src, hubs=1500)
    rules_file = tmp_path / "rules.yaml"
    rules_file.write_text("version: 1\ncolumns:\n  手机: {format: cn_mobile}\n"
                          "duplicates:\n  keys: [手机]\n  hub_size: 8\n", encoding="utf-8")
    with open_export([src]) as table:
        rules = load_rules(rules_file, table.columns)
        result = profile(table, rules, ProfileOptions(fuzzy=False))
        plans = {p.name: p for p in column_plans(table, rules)}
        hubs, cond = find_hubs(table, rules, plans)
    assert len(hubs) == HUBS_KEPT == 1000  # the result stays bounded: the most shared kept
    assert result.duplicates.hub_values == result.duplicates.hubs_total == 1500
    assert len(result.duplicates.hubs) == 1000
    sql = cond["手机"]
    assert "IN (SELECT" in sql and "139" not in sql and len(sql) < 100  # no value in the SQL
    exact = result.duplicates.exact[0]
    assert (exact.groups, exact.records) == (50, 100)  # hubs left out, true pairs found
    assert result.duplicates.clusters == 50
    # the reports count every hub value, not only those the JSON keeps
    for lang, text in (("en", "… and 1,480 more hub values (the JSON report lists the 1,000 "
                                "most shared of each column)."),
                       ("zh", "……另有 1,480 个枢纽取值（JSON 报告按列列出共用最多的 1,000 个）。")):
        assert text in render_md(result, lang).decode("utf-8")
        assert text in render_html(result, lang).decode("utf-8")
        book = openpyxl.load_workbook(io.BytesIO(render_workbook(
            result, iter(()), iter(()), lang, WorkbookCaps(per_rule=1, counts=(), max_clusters=1,
                                                          issues_csv="i.csv",
                                                          clusters_csv="d.csv"))))
        assert text in [c for row in book.worksheets[0].iter_rows(values_only=True) for c in row]


def test_progress_lines_when_piped(tmp_path: Path) -> None:
    res = CliRunner().invoke(app, ["data", "profile", str(DATA_ASSETS / "small.csv"), "--rules",
                                   str(DATA_ASSETS / "small_rules.yaml"), "--out",
                                   str(tmp_path / "o"), "--lang", "en"])
    assert res.exit_code == 0, res.output
    lines = [ln for ln in res.stderr.splitlines() if ln.startswith("[")]
    stages = [ln.split("] ", 1)[1].split(" … ")[0] for ln in lines]
    assert stages[0] == "Reading the export"
    for stage in ("Measuring columns", "Finding duplicates", "Drawing the sample",
                  "Writing the outputs: small-issues.xlsx", "Writing the outputs: small-issues.csv",
                  "Writing the outputs: small-profile.html"):
        assert stage in stages, stages
    assert stages[-1] == "Done" and stages.count("Done") == 1
    zh = CliRunner().invoke(app, ["data", "profile", str(DATA_ASSETS / "small.csv"), "--out",
                                  str(tmp_path / "z"), "--lang", "zh", "--format", "json"])
    assert "正在度量各列" in zh.stderr and "完成" in zh.stderr
