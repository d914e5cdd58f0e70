"""The comparison of two snapshots as Markdown, HTML and JSON, and the trend chart."""

from __future__ import annotations

from collections.abc import Callable

from markupsafe import Markup

from crm_readiness.i18n import Lang, t
from crm_readiness.models.progress import Comparison
from crm_readiness.models.workshop import Trend
from crm_readiness.render import Format, svg
from crm_readiness.render.decisions import compare_decision
from crm_readiness.render.jinja_env import render_template


def trend_chart(trend: Trend, lang: Lang) -> Markup | None:
    """Return the per-phase score trend as an SVG line chart (None with fewer than two points)."""
    if len(trend.points) < 2:
        return None
    labels = [p.name for p in trend.points]
    ids: list[str] = []
    for p in trend.points:
        ids.extend(i for i in p.phases if i not in ids)
    series: list[tuple[str, list[float | None]]] = [
        (trend.phase_titles[i].get(lang) if i in trend.phase_titles else i,
         [p.phases.get(i) for p in trend.points]) for i in ids]
    series.append((t("report.overall", lang), [p.overall for p in trend.points]))
    return svg.line_chart(labels, series, t("workshop.trend", lang), lang=lang, minimum=0,
                          maximum=100)


def render_compare_md(c: Comparison, lang: Lang) -> bytes:
    """Return the comparison as Markdown."""
    return render_template("workshop/compare.md.j2", lang, c=c,
                           decision=compare_decision(c, lang)).encode("utf-8")


def render_compare_html(c: Comparison, lang: Lang) -> bytes:
    """Return the comparison as self-contained HTML."""
    return render_template("workshop/compare.html.j2", lang, c=c,
                           decision=compare_decision(c, lang)).encode("utf-8")


def render_compare_json(c: Comparison, lang: Lang) -> bytes:
    """Return the comparison as JSON."""
    return (c.model_dump_json(indent=2) + "\n").encode("utf-8")


COMPARE_RENDERERS: dict[Format, Callable[[Comparison, Lang], bytes]] = {
    Format.md: render_compare_md,
    Format.html: render_compare_html,
    Format.json: render_compare_json,
}
