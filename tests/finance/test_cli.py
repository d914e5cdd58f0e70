"""`crm-readiness tco` and `roi` in-process: exit codes, messages, files written."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from crm_readiness._resources import examples_dir
from crm_readiness.cli.main import app
from tests.conftest import no_traceback

DEMO = examples_dir() / "demo"


def _run(runner: CliRunner, *args: str):  # type: ignore[no-untyped-def]
    result = runner.invoke(app, list(args))
    no_traceback(result)
    return result


def test_roi_writes_every_format_and_summarises(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "out"
    r = _run(runner, "roi", str(DEMO / "costs.yaml"), str(DEMO / "benefits.yaml"),
             "--out", str(out), "--lang", "en", "--draws", "2000")
    assert r.exit_code == 0, r.output
    assert "Cash flow per year" in r.output and "Risk-adjusted" in r.output
    assert {p.name for p in out.iterdir()} == {"roi.md", "roi.html", "roi.json", "roi.xlsx"}


def test_workbook_is_not_replaced_without_force(runner: CliRunner, tmp_path: Path) -> None:
    args = ["roi", str(DEMO / "costs.yaml"), str(DEMO / "benefits.yaml"), "--out",
            str(tmp_path), "--format", "json,xlsx", "--draws", "500", "--lang", "en"]
    assert _run(runner, *args).exit_code == 0
    before = (tmp_path / "roi.xlsx").read_bytes()
    again = _run(runner, *args)
    assert again.exit_code == 4 and "roi.xlsx" in again.output
    assert (tmp_path / "roi.xlsx").read_bytes() == before
    assert _run(runner, *args, "--force").exit_code == 0


def test_tco_compares_several_files(runner: CliRunner, tmp_path: Path) -> None:
    files = [str(DEMO / n) for n in ("costs-yunfan.yaml", "costs-novasales.yaml",
                                     "costs-entlink.yaml")]
    r = _run(runner, "tco", *files, "--out", str(tmp_path), "--lang", "zh")
    assert r.exit_code == 0, r.output
    assert "总体拥有成本对比" in r.output and "新智销" in r.output
    names = {p.name for p in tmp_path.iterdir()}
    assert {"tco.md", "tco.html", "tco.json", "tco-yunfan.xlsx", "tco-novasales.xlsx",
            "tco-entlink.xlsx"} <= names


@pytest.mark.parametrize(("command", "asset", "where"), [
    ("tco", "costs-negative-seats.yaml", "users.initial"),
    ("tco", "costs-discount-10.yaml", "discount_rate"),
    ("tco", "costs-unknown-category.yaml", "one_time.1.category"),
    ("roi", "benefits-no-years.yaml", "benefits.0.ramp"),
])
def test_bad_input_exits_3_with_file_and_place(runner: CliRunner, tmp_path: Path,
                                               assets: Path, command: str, asset: str,
                                               where: str) -> None:
    path = assets / "finance" / asset
    args = [command, str(path)] if command == "tco" else [
        command, str(assets / "finance" / "costs-ok.yaml"), str(path)]
    r = _run(runner, *args, "--out", str(tmp_path), "--lang", "en")
    assert r.exit_code == 3
    assert asset in r.output and where in r.output and "line" in r.output
    assert not any(tmp_path.iterdir())


def test_usage_errors_exit_2(runner: CliRunner, tmp_path: Path) -> None:
    r = _run(runner, "tco", str(DEMO / "costs.yaml"), "--format", "docx", "--out", str(tmp_path))
    assert r.exit_code == 2
    r = _run(runner, "roi", str(DEMO / "costs.yaml"), str(DEMO / "benefits.yaml"),
             "--swing", "2", "--out", str(tmp_path))
    assert r.exit_code == 2


def test_missing_file_exits_3(runner: CliRunner, tmp_path: Path) -> None:
    r = _run(runner, "tco", str(tmp_path / "nope.yaml"), "--out", str(tmp_path / "o"))
    assert r.exit_code == 3 and "nope.yaml" in r.output


def test_help_is_bilingual_capable(runner: CliRunner) -> None:
    for command in ("tco", "roi"):
        r = _run(runner, command, "--help")
        assert r.exit_code == 0 and "--format" in r.output


def _demo_copy(tmp_path: Path) -> Path:
    import shutil

    folder = tmp_path / "demo"
    shutil.copytree(DEMO, folder)
    return folder


def test_mixed_horizons_and_currencies_exit_3_naming_both_files(runner: CliRunner,
                                                                tmp_path: Path) -> None:
    demo = _demo_copy(tmp_path)
    five = demo / "costs-novasales.yaml"
    five.write_text(five.read_text("utf-8").replace("horizon_years: 3", "horizon_years: 5"),
                    "utf-8")
    usd = demo / "costs-entlink.yaml"
    usd.write_text(usd.read_text("utf-8").replace("currency: CNY", "currency: USD"), "utf-8")
    first = str(demo / "costs-yunfan.yaml")
    for lang, other, word in (("en", five, "--horizon"), ("zh", usd, "--rate")):
        r = _run(runner, "tco", first, str(other), "--out", str(tmp_path / "o"), "--lang", lang)
        flat = r.output.replace("\n", "")
        assert r.exit_code == 3 and first in flat and str(other) in flat and word in flat, r.output
    ok = _run(runner, "tco", first, str(five), "--horizon", "4", "--out", str(tmp_path / "o"),
              "--format", "json", "--lang", "en")
    assert ok.exit_code == 0 and "Compared over 4 years, restated with --horizon." in ok.output
    # vendors compare: the cost files and the budget share one horizon
    r = _run(runner, "vendors", "compare", str(demo / "vendors.yaml"), "--out",
             str(tmp_path / "v"), "--format", "json", "--lang", "en")
    flat = r.output.replace("\n", "")
    assert r.exit_code == 3 and "costs-novasales.yaml" in flat and "costs-yunfan.yaml" in flat
    five.write_text(five.read_text("utf-8").replace("horizon_years: 5", "horizon_years: 3"),
                    "utf-8")
    usd.write_text(usd.read_text("utf-8").replace("currency: USD", "currency: CNY"), "utf-8")
    vendors = demo / "vendors.yaml"
    vendors.write_text(vendors.read_text("utf-8").replace("horizon_years: 3", "horizon_years: 5"),
                       "utf-8")
    r = _run(runner, "vendors", "compare", str(vendors), "--out", str(tmp_path / "v"),
             "--format", "json", "--lang", "zh")
    flat = r.output.replace("\n", "")
    assert r.exit_code == 3 and "vendors.yaml (budget)" in flat and "测算期" in flat, r.output
    assert "costs-yunfan.yaml" in flat
