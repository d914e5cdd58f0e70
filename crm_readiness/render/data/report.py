"""The data-profile report as Markdown and HTML (charts as inline SVG), and as JSON."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from crm_readiness.i18n import Lang, t
from crm_readiness.models.data.result import HUBS_KEPT, DataProfileResult

if TYPE_CHECKING:
    from markupsafe import Markup

#: clusters, records per cluster, match lines and hub values a report lists (the HTML and
#: Markdown stay small at any size; the JSON, the workbook and its CSVs hold the rest).
LISTED_IN_REPORT = 20


def _verdict(result: DataProfileResult) -> str:
    value = result.readiness.value
    if value is None:
        return "unknown"
    return "ready" if value >= result.readiness.target else (
        "ready_with_risks" if value >= 0.85 else "not_ready")


def _charts(result: DataProfileResult, lang: Lang) -> dict[str, Markup]:
    from crm_readiness.render import svg

    dims = [d for d in result.dimensions if d.value is not None]
    labels = [t(f"data.dim.{d.dimension}", lang) for d in dims]
    values = [(d.value or 0.0) * 100 for d in dims]
    charts: dict[str, Markup] = {}
    if dims:
        charts["dimensions"] = svg.radar(labels, [(t("data.report.dimensions", lang), values)],
                                          t("data.report.dimensions", lang))
    cols = list(result.columns)
    if cols:
        charts["completeness"] = svg.hbars(
            [c.name for c in cols], [(c.completeness or 0) * 100 for c in cols],
            t("data.report.chart_completeness", lang), unit="%")
        checked = [c for c in cols if c.validity is not None]
        if checked:
            charts["validity"] = svg.hbars(
                [c.name for c in checked], [(c.validity or 0) * 100 for c in checked],
                t("data.report.chart_validity", lang), unit="%")
    return charts


def _context(result: DataProfileResult, lang: Lang) -> dict[str, Any]:
    # the templates and the decision text are loaded for Markdown and HTML only: a JSON-only
    # run does not import Jinja (a twentieth of a second)
    from crm_readiness.render.decisions import data_decision

    verdict = _verdict(result)
    return {"r": result, "verdict": verdict, "decision": data_decision(result, lang, verdict),
            "listed": LISTED_IN_REPORT, "hubs_kept": HUBS_KEPT,
            "clusters": result.duplicates.listed[:LISTED_IN_REPORT],
            "examples": [c for c in result.columns if c.change_examples or c.invalid_examples]}


def render_md(result: DataProfileResult, lang: Lang) -> bytes:
    """Return the report as Markdown."""
    from crm_readiness.render.jinja_env import render_template

    return render_template("data/profile.md.j2", lang, **_context(result, lang)).encode("utf-8")


def render_html(result: DataProfileResult, lang: Lang) -> bytes:
    """Return the report as a self-contained HTML page (autoescaped, inline SVG charts)."""
    from crm_readiness.render.jinja_env import render_template

    return render_template("data/profile.html.j2", lang, charts=_charts(result, lang),
                           **_context(result, lang)).encode("utf-8")


def render_json(result: DataProfileResult, lang: Lang) -> bytes:
    """Return the result as JSON (loadable again with ``io.data_sources.load_profile_result``)."""
    del lang
    return (result.model_dump_json(indent=2) + "\n").encode("utf-8")
