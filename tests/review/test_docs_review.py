"""docs/review.md runs as written (the docs' example convention) and quotes the engine's figures.

Convention (tests/test_doc_examples.py on the docs branch): ```` ```yaml file=PATH ```` is
written to PATH in a scratch folder; every line of a ```` ```sh run ```` block is a
``crm-readiness …`` command that must exit 0 or the code a trailing ``# exit N`` names.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from crm_readiness.cli.main import app
from crm_readiness.models.review_results import ReviewResult
from tests.conftest import REPO, no_traceback

PAGE = REPO / "docs" / "review.md"
FENCE = re.compile(r"^```([^\n]*)\n(.*?)^```\s*$", re.S | re.M)


def test_review_page_examples_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    outputs: list[str] = []
    blocks = FENCE.findall(PAGE.read_text("utf-8"))
    for info, body in blocks:
        words = info.split()
        opts = dict(w.split("=", 1) for w in words[1:] if "=" in w)
        if "file" in opts:
            Path(opts["file"]).write_text(body, "utf-8")
        if words[:1] in (["sh"], ["bash"]):
            assert words[1:2] in (["run"], ["norun"]), info
        if words[:2] in (["sh", "run"], ["bash", "run"]):
            for line in body.splitlines():
                text = line.strip()
                if not text or text.startswith("#"):
                    continue
                expect = 0
                m = re.search(r"#\s*exit\s+(\d+)\s*$", text)
                if m:
                    expect, text = int(m.group(1)), text[:m.start()].strip()
                argv = shlex.split(text)
                assert argv[0] == "crm-readiness"
                r = runner.invoke(app, argv[1:])
                no_traceback(r)
                assert r.exit_code == expect, (text, r.output)
                outputs.append(r.output)
        if words[:1] == ["text"]:
            assert body.strip() in outputs[-1].replace("\r", ""), (body, outputs[-1])
    result = ReviewResult.model_validate_json(Path("review/review.json").read_text("utf-8"))
    assert result.finance is not None
    page = PAGE.read_text("utf-8")
    for figure in (result.finance.approved.npv, result.finance.reforecast.npv,
                   result.finance.npv_variance):
        assert f"{figure:,.2f}" in page, figure


def test_the_demo_figures_quoted_are_the_demos(tmp_path: Path) -> None:
    from crm_readiness.workflows.review import demo_part

    demo_part(tmp_path, "en")
    r = ReviewResult.model_validate_json((tmp_path / "review" / "review.json").read_text("utf-8"))
    page = PAGE.read_text("utf-8")
    assert r.finance is not None and r.as_of.isoformat() in page
    for figure in (r.finance.approved.npv, r.finance.reforecast.npv, r.finance.costs.actual_to_date,
                   r.finance.costs.variance_nominal):
        assert f"{figure:,.0f}" in page, figure
    a = r.adoption
    assert a is not None
    assert f"{a.active_users} of the {a.seats} licensed" in page
    assert f"{a.inactive_users} licensed users never logged in" in page
    for k in r.kpis:
        assert k.projected_share is not None and f"{k.projected_share * 100:.0f} %" in page, k.id
