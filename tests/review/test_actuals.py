"""KPI actuals from a CSV: merged with the register; unknown KPI ids and early dates exit 3."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from crm_readiness.cli.main import app
from crm_readiness.errors import InputFileError
from crm_readiness.io.review import load_register
from crm_readiness.io.review_csv import load_actuals
from tests.conftest import no_traceback

REGISTER = """\
kpis:
  - id: conv
    name: Conversion
    direction: higher
    baseline: {value: 10, date: 2026-01-01}
    target: {value: 20, date: 2027-01-01}
    measurements: [{date: 2026-04-01, value: 13}]
"""


@pytest.fixture
def register(tmp_path: Path) -> Path:
    path = tmp_path / "kpis.yaml"
    path.write_text(REGISTER, "utf-8")
    return path


def test_actuals_are_merged_in_date_order(tmp_path: Path, register: Path) -> None:
    actuals = tmp_path / "actuals.csv"
    actuals.write_text("date,kpi,value,comment\n2026-07-01,conv,17,q2\n2026-02-01,conv,11,\n",
                       "utf-8")
    merged = load_actuals(actuals, load_register(register))
    assert [(m.date.isoformat(), str(m.value)) for m in merged.kpis[0].measurements] == [
        ("2026-02-01", "11"), ("2026-04-01", "13"), ("2026-07-01", "17")]


@pytest.mark.parametrize(("rows", "where", "en", "zh"), [
    ("kpi,date,value\nconv,2026-05-01,12\nconvx,2026-05-01,12\n", ("kpi", 3),
     "unknown KPI id 'convx'", "未知的 KPI id"),
    ("kpi,date,value\nconv,2025-12-31,12\n", ("date", 2),
     "before the baseline date 2026-01-01", "早于基线日期"),
    ("kpi,date,value\nconv,2026-04-01,12\n", ("date", 2),
     "already has a measurement on 2026-04-01", "已有测量值"),
    ("kpi,date,value\nconv,2026-05-01,1e999\n", ("value", 2), "finite", "有限数值"),
    ("kpi,date,value\nconv,2026-05-01,=1+1\n", ("value", 2), "finite", "有限数值"),
])
def test_bad_actuals_are_located(tmp_path: Path, register: Path, rows: str,
                                 where: tuple[str, int], en: str, zh: str) -> None:
    actuals = tmp_path / "actuals.csv"
    actuals.write_text(rows, "utf-8")
    with pytest.raises(InputFileError) as info:
        load_actuals(actuals, load_register(register))
    problem = next(p for p in info.value.problems if (p.location, p.line) == where)
    assert en in problem.text("en") and zh in problem.text("zh")


def test_cli_actuals_unknown_id_exits_3_with_file_and_place(tmp_path: Path,
                                                            register: Path) -> None:
    actuals = tmp_path / "actuals.csv"
    actuals.write_text("kpi,date,value\nnope,2026-05-01,12\n", "utf-8")
    r = CliRunner().invoke(app, ["review", "--kpis", str(register), "--actuals", str(actuals),
                                 "--out", str(tmp_path / "o"), "--lang", "zh"])
    no_traceback(r)
    assert r.exit_code == 3 and str(actuals) in r.output and "kpi （第 2 行）" in r.output
    ok = tmp_path / "ok.csv"
    ok.write_text("kpi,date,value\nconv,2026-07-01,17\n", "utf-8")
    r = CliRunner().invoke(app, ["review", "--kpis", str(register), "--actuals", str(ok),
                                 "--out", str(tmp_path / "o"), "-f", "json", "--lang", "en"])
    assert r.exit_code == 0, r.output
    assert '"status": "on_track"' in (tmp_path / "o" / "review.json").read_text("utf-8")
