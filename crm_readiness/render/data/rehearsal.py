"""The migration-rehearsal report as Markdown, HTML and JSON (``docs/data-rehearsal-result.schema.json``)."""

from __future__ import annotations

from markupsafe import Markup

from crm_readiness.i18n import Lang, t
from crm_readiness.models.data.rehearsal import RehearsalRun
from crm_readiness.models.data.target import VIOLATIONS
from crm_readiness.render import svg
from crm_readiness.render.jinja_env import render_template


def _charts(run: RehearsalRun, lang: Lang) -> dict[str, Markup]:
    """Load rate per target and object: the migration fit at a glance."""
    labels: list[str] = []
    values: list[float] = []
    for r in run.rehearsals:
        for o in r.objects:
            if o.mapped_rows:
                labels.append(f"{r.target} · {o.object}" if len(run.rehearsals) > 1
                              else o.object)
                values.append(100.0 * o.expected_loaded / o.mapped_rows)
    if not labels:
        return {}
    return {"load": svg.hbars(labels, values, t("rehearse.chart_load", lang), unit="%")}


def render_md(run: RehearsalRun, lang: Lang) -> bytes:
    """Return the rehearsal report as Markdown."""
    return render_template("data/rehearsal.md.j2", lang, run=run,
                           kinds=VIOLATIONS).encode("utf-8")


def render_html(run: RehearsalRun, lang: Lang) -> bytes:
    """Return the rehearsal report as a self-contained HTML page (autoescaped)."""
    return render_template("data/rehearsal.html.j2", lang, run=run, kinds=VIOLATIONS,
                           charts=_charts(run, lang)).encode("utf-8")


def render_json(run: RehearsalRun, lang: Lang) -> bytes:
    """Return the run as JSON (every figure the reports show)."""
    del lang
    return (run.model_dump_json(indent=2) + "\n").encode("utf-8")


RENDERERS = {"md": render_md, "html": render_html, "json": render_json}
