"""Renderers of the readiness result: one function per format.

:data:`RENDERERS` maps each supported :class:`~crm_readiness.render.Format` to a
function ``(result, lang) -> bytes``; ``tests`` walk it so no declared format
ships without a renderer.
"""

from __future__ import annotations

from collections.abc import Callable

from crm_readiness.i18n import Lang
from crm_readiness.models.assessment import AssessmentResult
from crm_readiness.render import Format

Renderer = Callable[[AssessmentResult, Lang], bytes]


def render_json(result: AssessmentResult, lang: Lang) -> bytes:
    """Return the result as indented JSON (both languages; ``lang`` is not needed)."""
    return (result.model_dump_json(indent=2) + "\n").encode("utf-8")


def render_md(result: AssessmentResult, lang: Lang) -> bytes:
    """Return the Markdown report."""
    from crm_readiness.render.assessment.report import markdown

    return markdown(result, lang).encode("utf-8")


def render_html(result: AssessmentResult, lang: Lang) -> bytes:
    """Return the self-contained HTML report (inline SVG charts, no scripts, no network)."""
    from crm_readiness.render.assessment.report import html

    return html(result, lang).encode("utf-8")


def render_xlsx(result: AssessmentResult, lang: Lang) -> bytes:
    """Return the assessment workbook (phase scores, answers, risks, editable action plan)."""
    from crm_readiness.render.assessment.xlsx import render_xlsx as _render

    return _render(result, lang)


RENDERERS: dict[Format, Renderer] = {
    Format.md: render_md,
    Format.html: render_html,
    Format.json: render_json,
    Format.xlsx: render_xlsx,
}
