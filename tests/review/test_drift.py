"""Data-quality drift between the data profile at go-live and the profile now."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from crm_readiness.cli.main import app
from crm_readiness.engine.review_drift import drift
from crm_readiness.models.data.result import DataProfileResult
from tests.conftest import REPO, no_traceback

KPIS = REPO / "crm_readiness" / "examples" / "demo" / "kpis.yaml"


@pytest.fixture(scope="module")
def profiles(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """One real profile of a small export, and a copy whose completeness fell by 10 points."""
    tmp_path = tmp_path_factory.mktemp("drift")
    runner = CliRunner()
    r = runner.invoke(app, ["data", "profile", str(REPO / "tests" / "assets" / "data" / "small.csv"),
                            "--out", str(tmp_path / "p"), "--format", "json"])
    no_traceback(r)
    assert r.exit_code == 0, r.output
    before_path = next((tmp_path / "p").glob("*.json"))
    before = DataProfileResult.model_validate_json(before_path.read_text("utf-8"))
    dims = tuple(d.model_copy(update={"value": None if d.value is None else d.value - 0.1})
                 if d.dimension == "completeness" else d for d in before.dimensions)
    now = before.model_copy(update={"dimensions": dims, "rows": before.rows + 5})
    now_path = tmp_path / "now.json"
    now_path.write_text(now.model_dump_json(), "utf-8")
    return before_path, now_path


def test_drift_per_dimension(profiles: tuple[Path, Path]) -> None:
    before_path, now_path = profiles
    before = DataProfileResult.model_validate_json(before_path.read_text("utf-8"))
    now = DataProfileResult.model_validate_json(now_path.read_text("utf-8"))
    d = drift(before, now)
    by = {x.dimension: x for x in d.dimensions}
    assert by["completeness"].trend == "worse" and d.worse == ["completeness"]
    assert by["completeness"].change is not None and abs(by["completeness"].change + 0.1) < 1e-9
    assert all(x.trend in ("stable", "unknown") for k, x in by.items() if k != "completeness")
    assert d.rows_now == d.rows_before + 5


def test_cli_drift_and_usage(tmp_path: Path, profiles: tuple[Path, Path]) -> None:
    before_path, now_path = profiles
    runner = CliRunner()
    r = runner.invoke(app, ["review", "--kpis", str(KPIS), "--profile-before", str(before_path),
                            "--profile-now", str(now_path), "--out", str(tmp_path / "o"),
                            "--lang", "zh", "-f", "json,md"])
    no_traceback(r)
    assert r.exit_code == 0, r.output
    data = json.loads((tmp_path / "o" / "review.json").read_text("utf-8"))
    assert data["data_drift"]["worse"] == ["completeness"]
    assert "上线以来的数据质量变化" in (tmp_path / "o" / "review.md").read_text("utf-8")
    half = runner.invoke(app, ["review", "--kpis", str(KPIS), "--profile-now", str(now_path),
                               "--out", str(tmp_path / "o2"), "--lang", "en"])
    no_traceback(half)
    assert half.exit_code == 2 and "--profile-before" in half.output
    bad = tmp_path / "bad.json"
    bad.write_text('{"rows": "many"}', "utf-8")
    broken = runner.invoke(app, ["review", "--kpis", str(KPIS), "--profile-before", str(bad),
                                 "--profile-now", str(now_path), "--out", str(tmp_path / "o3")])
    no_traceback(broken)
    assert broken.exit_code == 3 and str(bad) in broken.output
