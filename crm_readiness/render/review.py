"""The benefits review as HTML (inline SVG sparklines), Markdown and JSON."""

from __future__ import annotations

from collections.abc import Callable

from markupsafe import Markup, escape

from crm_readiness.i18n import Lang, t
from crm_readiness.models.review_results import KpiReview, ReviewResult
from crm_readiness.render import Format
from crm_readiness.render.decisions import review_decision
from crm_readiness.render.jinja_env import render_template

_STATUS_COLOUR = {"on_track": "#16a34a", "at_risk": "#d97706", "off_track": "#dc2626",
                  "no_data": "#6b7280"}
_BLOCKS = "▁▂▃▄▅▆▇█"


def _scale(k: KpiReview) -> tuple[float, float]:
    values = [float(k.baseline), float(k.target)] + [float(m.value) for m in k.measurements]
    lo, hi = min(values), max(values)
    return lo, (hi - lo) or 1.0


def sparkline_svg(k: KpiReview, lang: Lang, *, width: int = 140, height: int = 32) -> Markup:
    """Return an inline SVG: baseline, the measurements, and the target as a dashed line."""
    lo, span = _scale(k)
    start, end = k.baseline_date, k.target_date
    days = max((end - start).days, 1)

    def xy(day: int, value: float) -> tuple[float, float]:
        return 2 + (width - 4) * day / days, height - 3 - (height - 6) * (value - lo) / span

    points = [xy(0, float(k.baseline))] + [xy((m.date - start).days, float(m.value))
                                           for m in k.measurements]
    path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
    _, ty = xy(days, float(k.target))
    colour = _STATUS_COLOUR[k.status]
    title = escape(t("review.sparkline", lang, name=k.name.get(lang)))
    dots = "".join(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="1.8" fill="{colour}"/>'
                   for x, y in points[1:])
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="{title}"><title>{title}</title>'
        f'<line x1="0" x2="{width}" y1="{ty:.1f}" y2="{ty:.1f}" stroke="#9ca3af" '
        f'stroke-dasharray="3 2"/><polyline fill="none" stroke="{colour}" stroke-width="1.5" '
        f'points="{path}"/>{dots}</svg>')


def sparkline_text(k: KpiReview) -> str:
    """Return the measurements as block characters (baseline first), for Markdown."""
    lo, span = _scale(k)
    values = [float(k.baseline)] + [float(m.value) for m in k.measurements]
    return "".join(_BLOCKS[min(7, int((v - lo) / span * 7.999))] for v in values)


def context(result: ReviewResult, lang: Lang, *, html: bool) -> dict[str, object]:
    """Return the template context: the result and its sparklines."""
    from crm_readiness.render.finance.labels import irr_text, payback_text

    spark = {k.id: (sparkline_svg(k, lang) if html else sparkline_text(k)) for k in result.kpis}
    return {"r": result, "spark": spark, "payback": lambda p: payback_text(p, lang),
            "decision": review_decision(result, lang),
            "irr": lambda i: irr_text(i, lang)}


def render_review_md(result: ReviewResult, lang: Lang) -> bytes:
    """Return the review as Markdown."""
    return render_template("review/review.md.j2", lang,
                           **context(result, lang, html=False)).encode("utf-8")


def render_review_html(result: ReviewResult, lang: Lang) -> bytes:
    """Return the review as self-contained HTML."""
    return render_template("review/review.html.j2", lang,
                           **context(result, lang, html=True)).encode("utf-8")


def render_review_json(result: ReviewResult, lang: Lang) -> bytes:
    """Return the review as JSON (docs/review-result.schema.json)."""
    return (result.model_dump_json(indent=2) + "\n").encode("utf-8")


def render_review_xlsx(result: ReviewResult, lang: Lang) -> bytes:
    """Return the live re-forecast workbook (needs the business case: --costs, --benefits)."""
    from crm_readiness.render.review_workbook import reforecast_workbook

    if result.finance is None:
        raise ValueError("the review workbook needs the business case")  # checked by the workflow
    return reforecast_workbook(result.finance, lang)


REVIEW_RENDERERS: dict[Format, Callable[[ReviewResult, Lang], bytes]] = {
    Format.html: render_review_html,
    Format.md: render_review_md,
    Format.json: render_review_json,
    Format.xlsx: render_review_xlsx,
}
