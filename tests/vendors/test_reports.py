"""Scorecards and the comparison summary: content, escaping, every format has a renderer."""

from __future__ import annotations

import json

import pytest

from crm_readiness.engine.vendors import compare
from crm_readiness.render import Format
from crm_readiness.render.vendors.reports import (
    SUMMARY_RENDERERS,
    render_comparison,
    render_json,
    render_scorecard,
)
from crm_readiness.workflows.vendors import COMPARE_FORMATS
from tests.vendors.conftest import case_result, load_case

EVIL = "<script>alert(1)</script>"


def _evil_result():  # type: ignore[no-untyped-def]
    vf, cat = load_case()
    x = vf.vendors[0]
    resp = {**x.responses, "A-1": x.responses["A-1"].model_copy(update={"comment": "=" + EVIL})}
    evil = x.model_copy(update={"name": EVIL, "responses": resp, "notes": "@" + EVIL})
    return compare(cat, vf.model_copy(update={"vendors": (evil, *vf.vendors[1:])})), cat


def test_every_compare_format_has_a_renderer() -> None:
    for name in COMPARE_FORMATS:
        fmt = Format(name)
        assert fmt in SUMMARY_RENDERERS or fmt in (Format.xlsx, Format.json) or (
            fmt is Format.pdf and Format.html in SUMMARY_RENDERERS)  # laid out from the HTML


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_html_escapes_vendor_text(lang: str) -> None:
    res, cat = _evil_result()
    html = render_comparison(res, cat, lang, Format.html)  # type: ignore[arg-type]
    card = render_scorecard(res, res.vendor("x"), cat, lang, Format.html)  # type: ignore[arg-type]
    for text in (html, card):
        assert "<script>" not in text and "&lt;script&gt;" in text
    assert "=&lt;script&gt;" in card and "@&lt;script&gt;" in card


def test_markdown_escapes_and_shows_knockout_and_verdict() -> None:
    res, cat = _evil_result()
    md = render_comparison(res, cat, "en", Format.md)
    assert "\\<script\\>" in md and "<script>" not in md
    assert "knocked out by unmet must requirements: A-1 Pipeline" in md
    assert "Saaty (1980)" not in md  # direct weights: no AHP section
    assert "leads in" in md


def test_scorecard_lists_gaps_unanswered_and_criteria() -> None:
    res = case_result()
    _, cat = load_case()
    md = render_scorecard(res, res.vendor("y"), cat, "en", Format.md)
    assert "Unanswered: B-1" in md and "78.6" in md and "hands-on demo" in md
    z = render_scorecard(res, res.vendor("z"), cat, "zh", Format.html)
    assert "一票否决" in z and "A-1" in z


def test_json_carries_every_unrounded_number() -> None:
    data = json.loads(render_json(case_result()))
    assert data["vendors"][0]["total"] == pytest.approx(78.047619, abs=1e-6)
    assert data["ranking"] == ["y", "x"]
    assert data["robustness"]["settings"]["seed"] == 7
