"""The readiness report as Markdown and HTML (Jinja templates in ``templates/assessment``)."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from crm_readiness.i18n import Lang, t
from crm_readiness.models.assessment import AssessmentResult
from crm_readiness.render import svg
from crm_readiness.render.decision import assessment_decision, grouped
from crm_readiness.render.jinja_env import render_template


def _bands(result: AssessmentResult) -> dict[tuple[int, int], str]:
    th = result.thresholds
    out: dict[tuple[int, int], str] = {}
    for like in range(1, 6):
        for imp in range(1, 6):
            e = like * imp
            out[(like, imp)] = ("low" if e <= th.exposure_low_max
                                else "medium" if e <= th.exposure_medium_max else "high")
    return out


def charts(result: AssessmentResult, lang: Lang) -> dict[str, Markup | None]:
    """Return the report's inline SVG charts: radar, risk heat map, coverage bars, trend."""
    from crm_readiness.render.progress import trend_chart

    scored = [p for p in result.phases if p.score is not None]
    labels = [p.title.get(lang) for p in scored]
    counts: dict[tuple[int, int], int] = {}
    for r in result.risks:
        counts[(r.likelihood, r.impact)] = counts.get((r.likelihood, r.impact), 0) + 1
    return {
        "radar": svg.radar(labels, [(t("report.score", lang), [p.score or 0.0 for p in scored])],
                           t("report.radar", lang)),
        "heatmap": svg.heatmap(counts, t("report.heatmap", lang),
                               x_label=t("report.likelihood", lang),
                               y_label=t("report.impact", lang), band_of=_bands(result),
                               band_names={b: t(f"band.{b}", lang)
                                           for b in ("low", "medium", "high")},
                               legend_title=t("report.exposure", lang)),
        "coverage": svg.hbars([p.title.get(lang) for p in result.phases],
                              [p.coverage * 100 for p in result.phases],
                              t("report.coverage_bars", lang), unit="%"),
        "trend": trend_chart(result.trend, lang),
    }


def context(result: AssessmentResult, lang: Lang) -> dict[str, Any]:
    """Return the template context shared by both formats."""
    th = result.thresholds
    method = t("report.method_text", lang, ready=f"{th.ready_min:g}",
               coverage=f"{th.ready_min_coverage * 100:g}%", risks=f"{th.ready_with_risks_min:g}",
               low=th.exposure_low_max, medium=th.exposure_medium_max,
               rule=t(f"rule.{th.consensus_rule}", lang))
    titles = {p.id: p.title.get(lang) for p in result.phases}
    order = [p.id for p in result.phases]
    path = result.path_to_ready
    return {"r": result, "method": method, "phase_titles": titles,
            "question_texts": {q.id: q.text for p in result.phases for q in p.questions},
            "decision": assessment_decision(result, lang),
            "risk_groups": grouped(result.risks, lambda k: k.category,
                                   lambda c: t(f"category.{c}", lang)),
            "action_groups": grouped(result.actions, lambda a: a.phase, titles.__getitem__,
                                     order),
            "path_groups": grouped(path.steps if path else (), lambda s: s.phase,
                                   titles.__getitem__, order),
            "risk_ref_width": max((len(k.id) for k in result.risks), default=4) + 2,
            "question_count": sum(len(p.questions) for p in result.phases)}


def markdown(result: AssessmentResult, lang: Lang) -> str:
    """Return the Markdown report."""
    return render_template("assessment/report.md.j2", lang, **context(result, lang))


def html(result: AssessmentResult, lang: Lang) -> str:
    """Return the HTML report."""
    return render_template("assessment/report.html.j2", lang, charts=charts(result, lang),
                           **context(result, lang))
