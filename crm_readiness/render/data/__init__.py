"""Renderers of the data profile: Markdown, HTML (inline SVG), JSON and the issues workbook.

:data:`RENDERERS` maps each report :class:`~crm_readiness.render.Format` to
its function ``(result, lang) -> bytes``; the issues workbook
(:func:`~crm_readiness.render.data.workbook.render_workbook`) also streams the
problem rows and cluster rows, so it has its own signature.
"""

from __future__ import annotations

from collections.abc import Callable

from crm_readiness.i18n import Lang
from crm_readiness.models.data.result import DataProfileResult
from crm_readiness.render import Format
from crm_readiness.render.data.report import render_html, render_json, render_md

Renderer = Callable[[DataProfileResult, Lang], bytes]

RENDERERS: dict[Format, Renderer] = {
    Format.md: render_md,
    Format.html: render_html,
    Format.json: render_json,
}
#: formats of ``data profile --format``; xlsx is the issues workbook.
PROFILE_FORMATS: tuple[str, ...] = ("md", "html", "json", "xlsx")

__all__ = ["PROFILE_FORMATS", "RENDERERS", "Renderer"]
