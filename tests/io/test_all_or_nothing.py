"""Every command that writes several files: one refused target means nothing is written.

The workbook of each command is a file people edit, so an existing one without
``--force`` is refused (exit 4); the reports beside it must not be written
either, and the workbook keeps its bytes.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from crm_readiness._resources import examples_dir
from crm_readiness.cli.main import app
from tests.conftest import no_traceback

DEMO = examples_dir() / "demo"
SMALL_CSV = Path(__file__).parents[1] / "assets" / "data" / "small.csv"


def _d(name: str) -> str:
    return str(DEMO / name)


#: command id → (workbook it writes, argv given the output folder)
COMMANDS: dict[str, tuple[str, Callable[[Path], list[str]]]] = {
    "assess": ("readiness.xlsx", lambda o: ["assess", "--answers", _d("answers.yaml"), "--out",
                                            str(o), "-f", "md,html,json,xlsx"]),
    "plan": ("plan.xlsx", lambda o: ["plan", "--answers", _d("answers.yaml"), "--start",
                                     "2027-01-05", "--out", str(o), "-f", "md,html,json,xlsx"]),
    "roi": ("roi.xlsx", lambda o: ["roi", _d("costs.yaml"), _d("benefits.yaml"), "--out", str(o),
                                   "--draws", "100", "-f", "md,html,json,xlsx"]),
    "tco": ("tco.xlsx", lambda o: ["tco", _d("costs.yaml"), "--out", str(o),
                                   "-f", "md,html,json,xlsx"]),
    "vendors-compare": ("comparison.xlsx", lambda o: ["vendors", "compare", _d("vendors.yaml"),
                                                      "--out", str(o)]),
    "data-profile": ("small-issues.xlsx", lambda o: [
        "data", "profile", str(SMALL_CSV), "--rules", str(SMALL_CSV.with_name("small_rules.yaml")), "--out", str(o),
        "--format", "md,html,json,xlsx"]),
}


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_one_refused_workbook_writes_nothing(command: str, tmp_path: Path) -> None:
    workbook, argv = COMMANDS[command]
    out = tmp_path / "out"
    probe = CliRunner().invoke(app, [*argv(tmp_path / "probe"), "--lang", "en"])
    no_traceback(probe)
    assert probe.exit_code in (0, 1), probe.output
    written = sorted(p.name for p in (tmp_path / "probe").iterdir())
    assert workbook in written and len(written) > 1, written  # the case is real
    out.mkdir()
    (out / workbook).write_bytes(b"my edited workbook")
    result = CliRunner().invoke(app, [*argv(out), "--lang", "en"])
    no_traceback(result)
    assert result.exit_code == 4, result.output
    assert workbook in "".join(result.output.split())
    assert sorted(p.name for p in out.iterdir()) == [workbook]
    assert (out / workbook).read_bytes() == b"my edited workbook"
