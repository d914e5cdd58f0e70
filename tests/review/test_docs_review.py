"""docs/review.md quotes the engine's figures (its examples run in tests/test_doc_examples.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from crm_readiness.models.review_results import ReviewResult
from tests.conftest import REPO
from tests.tools.doc_examples import parse

PAGE = REPO / "docs" / "review.md"


def test_the_worked_example_figures_are_what_its_run_wrote(doc_runs: Any) -> None:
    """The hand-computed NPVs of the worked example are those of the review the page ran."""
    run = doc_runs(parse(PAGE))
    result = ReviewResult.model_validate_json((run.folder / "review" / "review.json")
                                              .read_text("utf-8"))
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
