"""Review snapshots compare: a review's JSON is read back by the next review (--previous)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from crm_readiness.cli.main import app
from crm_readiness.workflows.review import demo_part
from tests.conftest import REPO, no_traceback

KPIS = REPO / "crm_readiness" / "examples" / "demo" / "kpis.yaml"


def _run(*args: str) -> Any:
    r = CliRunner().invoke(app, ["review", *args])
    no_traceback(r)
    return r


def test_the_demo_compares_with_its_three_month_review(tmp_path: Path) -> None:
    demo_part(tmp_path, "en")
    data = json.loads((tmp_path / "review" / "review.json").read_text("utf-8"))
    first = json.loads((tmp_path / "review" / "review-2028-05-06.json").read_text("utf-8"))
    assert first["as_of"] == "2028-05-06"
    pv = data["previous"]
    assert pv["previous_as_of"] == "2028-05-06"
    assert pv["npv_before"] == first["finance"]["reforecast"]["npv"]
    assert pv["npv_now"] == data["finance"]["reforecast"]["npv"]
    conv = next(k for k in pv["kpis"] if k["id"] == "lead_conversion")
    # three measurements by 6 May (12.4, 12.9, 13.3), six by 6 August (… 14.3)
    assert (conv["latest_before"], conv["latest_now"]) == ("13.3", "14.3")
    assert "Since the previous review (2028-05-06)" in (
        tmp_path / "review" / "review.md").read_text("utf-8")


def test_as_of_and_previous_on_the_command_line(tmp_path: Path) -> None:
    r = _run("--kpis", str(KPIS), "--as-of", "2028-04-06", "--out", str(tmp_path / "a"),
             "-f", "json")
    assert r.exit_code == 0, r.output
    early = json.loads((tmp_path / "a" / "review.json").read_text("utf-8"))
    assert early["as_of"] == "2028-04-06"
    assert all(len(k["measurements"]) == 2 for k in early["kpis"])
    r = _run("--kpis", str(KPIS), "--previous", str(tmp_path / "a" / "review.json"),
             "--out", str(tmp_path / "b"), "-f", "json")
    assert r.exit_code == 0, r.output
    now = json.loads((tmp_path / "b" / "review.json").read_text("utf-8"))
    assert now["previous"]["previous_as_of"] == "2028-04-06"
    bad_date = _run("--kpis", str(KPIS), "--as-of", "2028-02-30", "--out", str(tmp_path / "c"))
    assert bad_date.exit_code == 2
    not_review = tmp_path / "x.json"
    not_review.write_text('{"kpis": 3}', "utf-8")
    bad = _run("--kpis", str(KPIS), "--previous", str(not_review), "--out", str(tmp_path / "d"))
    assert bad.exit_code == 3 and str(not_review) in bad.output
