"""Rendered reports: escaping, self-containment, both languages, the JSON Schema."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from crm_readiness.engine.scoring import assess
from crm_readiness.io.assessment import load_answers
from crm_readiness.io.checklists import load_checklist_set
from crm_readiness.models.assessment import AssessmentResult
from crm_readiness.render import Format
from crm_readiness.render.assessment import RENDERERS
from tests.conftest import REPO

A = Path(__file__).parents[1] / "assets" / "assessment"
MINI = A / "mini"


@pytest.fixture(scope="module")
def hostile() -> AssessmentResult:
    sets = load_checklist_set(packaged_dir=MINI)
    return assess(sets, load_answers(A / "script_injection.yaml", sets))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_html_escapes_user_text_and_makes_no_external_requests(hostile: AssessmentResult,
                                                               lang: str) -> None:
    html = RENDERERS[Format.html](hostile, lang).decode("utf-8")  # type: ignore[arg-type]
    assert "<script" not in html.lower()
    assert "&lt;script&gt;alert(&#39;org&#39;)&lt;/script&gt; &amp; Co" in html
    assert "&lt;script&gt;alert(&#39;note&#39;)" in html
    assert "<img" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    # self-contained: no external resources of any kind
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    assert "@import" not in html and "url(" not in html
    assert "<svg" in html and html.count("<svg") >= 3  # radar, heat map, coverage
    assert "Content-Security-Policy" in html


def test_markdown_escapes_structure(hostile: AssessmentResult) -> None:
    md = RENDERERS[Format.md](hostile, "en").decode("utf-8")
    assert "\\<script\\>" in md
    assert "| Alpha |" in md


def test_languages_differ(hostile: AssessmentResult) -> None:
    en = RENDERERS[Format.html](hostile, "en").decode("utf-8")
    zh = RENDERERS[Format.html](hostile, "zh").decode("utf-8")
    assert "Go-live blockers" in en and "上线阻断项" in zh
    assert 'lang="zh-CN"' in zh and "甲" in zh


def test_every_declared_format_has_a_renderer() -> None:
    # the formats `assess` offers must all be rendered
    from crm_readiness.cli.assess import FORMATS

    for name in FORMATS:  # a PDF is laid out from the HTML report (render.pdf)
        assert Format(name) in RENDERERS or (Format(name) is Format.pdf and Format.html in RENDERERS), name


def test_json_is_the_result_model(hostile: AssessmentResult) -> None:
    data = json.loads(RENDERERS[Format.json](hostile, "en"))
    assert AssessmentResult.model_validate(data) == hostile


def test_published_schema_matches_the_model() -> None:
    published = json.loads((REPO / "docs" / "assessment-result.schema.json").read_text("utf-8"))
    assert published == AssessmentResult.model_json_schema(mode="serialization"), (
        "docs/assessment-result.schema.json is stale: run python -m tests.tools.regen_docs")
