"""Comparison summary and per-vendor scorecards in Markdown and HTML (Jinja), and JSON."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from markupsafe import Markup

from crm_readiness.i18n import Lang, t
from crm_readiness.models.requirements import RequirementsCatalogue
from crm_readiness.models.vendors import Comparison, VendorResult
from crm_readiness.render import Format
from crm_readiness.render.decisions import vendors_decision
from crm_readiness.render.finance.labels import money
from crm_readiness.render.jinja_env import render_template
from crm_readiness.render.svg import PALETTE, hbars, radar
from crm_readiness.render.svg.kit import GREY


def _context(result: Comparison, catalogue: RequirementsCatalogue, lang: Lang) -> dict[str, Any]:
    names = {v.id: v.name.get(lang) for v in result.vendors}
    reqs = {r.id: r for r in catalogue.requirements}
    rob = result.robustness
    share = rob.shares[0].first_share if rob.shares else 0.0
    verdict = t(f"vendors.verdict.{rob.verdict}", lang, leader=names.get(rob.leader or "", "–"),
                share=f"{share * 100:.0f}%")
    crit_names = {c.id: c.name.get(lang) for c in result.criteria}
    for g in result.ahp.groups if result.ahp else ():
        crit_names[g.id] = g.name.get(lang) if g.name else g.id
    notes = rank_notes(result, lang)
    return {"r": result, "names": names, "reqs": reqs, "verdict": verdict,
            "verdict_class": VERDICT_CLASS[rob.verdict], "rank_notes": notes,
            "decision": vendors_decision(result, lang, verdict, VERDICT_CLASS[rob.verdict], notes),
            "crit_names": crit_names, "catalogue": catalogue,
            "any_demo": any(v.demonstrated for v in result.vendors)}


#: callout style per verdict: alarm colours only for the alarming ones
VERDICT_CLASS: dict[str, str] = {"robust": "ok", "single": "warn", "moderate": "warn",
                                 "fragile": "", "no_leader": ""}


def rank_notes(result: Comparison, lang: Lang) -> list[str]:
    """Return the tie and close-call notes of a comparison, in ``lang``."""
    names = {v.id: v.name.get(lang) for v in result.vendors}
    notes: list[str] = []
    by_rank: dict[int, list[str]] = {}
    for v in result.vendors:
        if v.rank is not None:
            by_rank.setdefault(v.rank, []).append(v.name.get(lang))
    for rank, group in sorted(by_rank.items()):
        if len(group) > 1:
            notes.append(t("vendors.rep.tie", lang, names=", ".join(group), rank=rank,
                           tol=f"{result.tie_tolerance:g}"))
    rob = result.robustness
    if rob.close_call and not rob.tied_leaders and rob.margin is not None:
        notes.append(t("vendors.rep.close_call", lang, leader=names.get(rob.leader or "", "–"),
                       runner=names.get(rob.runner_up or "", "–"), margin=f"{rob.margin:.1f}",
                       spread=f"{rob.margin_spread or 0:.1f}"))
    return notes


def _charts(result: Comparison, lang: Lang) -> dict[str, Markup]:
    vendors = list(result.vendors)
    eligible, out = PALETTE[2], GREY
    colors = [eligible if v.status == "eligible" else out for v in vendors]
    status_legend = [(t("vendors.status.eligible", lang), eligible)]
    if any(v.status != "eligible" for v in vendors):
        status_legend.append((t("vendors.status.knocked_out", lang), out))
    bars = hbars([v.name.get(lang) for v in vendors], [v.total for v in vendors],
                 t("vendors.wb.bar_title", lang), colors=colors,
                 value_labels=[f"{v.total:.1f}" for v in vendors], legend=status_legend,
                 heading=True)
    labels = [c.name.get(lang) for c in result.criteria]
    prof = radar(labels, [(v.name.get(lang), [c.score for c in v.criteria]) for v in vendors],
                 t("vendors.wb.radar_title", lang), maximum=5.0,
                 value_format="{:.1f}") if vendors else Markup("")
    charts = {"bars": bars, "radar": prof, "tco": Markup("")}
    costed = [v for v in vendors if v.cost is not None]
    if costed:
        costs = [float(v.cost or 0) for v in costed]
        currency = result.budget.currency if result.budget else "–"
        charts["tco"] = hbars(
            [v.name.get(lang) for v in costed], costs, t("vendors.chart.tco", lang, currency=currency),
            maximum=max(costs) or 1.0,
            colors=[PALETTE[k % len(PALETTE)] for k in range(len(costed))],
            value_labels=[money(v.cost) for v in costed], heading=True)
    return charts


def render_comparison(result: Comparison, catalogue: RequirementsCatalogue, lang: Lang,
                      fmt: Format) -> str:
    """Return the comparison summary as Markdown or HTML."""
    ctx = _context(result, catalogue, lang)
    if fmt is Format.html:
        ctx.update(_charts(result, lang))
        return render_template("vendors/comparison.html.j2", lang, **ctx)
    return render_template("vendors/comparison.md.j2", lang, **ctx)


def render_scorecard(result: Comparison, vendor: VendorResult, catalogue: RequirementsCatalogue,
                     lang: Lang, fmt: Format) -> str:
    """Return one vendor's scorecard as Markdown or HTML."""
    ctx = _context(result, catalogue, lang)
    ctx["v"] = vendor
    if fmt is Format.html:
        labels = [c.name.get(lang) for c in result.criteria]
        ctx["radar"] = radar(labels, [(vendor.name.get(lang), [c.score for c in vendor.criteria])],
                             t("vendors.wb.radar_title", lang), maximum=5.0,
                             value_format="{:.1f}")
        ctx["fits"] = hbars([m.name.get(lang) for m in vendor.module_fits],
                            [m.fit * 100 for m in vendor.module_fits],
                            t("vendors.sc.module_fits", lang), unit="%")
        return render_template("vendors/scorecard.html.j2", lang, **ctx)
    return render_template("vendors/scorecard.md.j2", lang, **ctx)


def render_json(result: Comparison) -> str:
    """Return the comparison as JSON (the result model, every number unrounded)."""
    return result.model_dump_json(indent=2) + "\n"


#: text renderers of the comparison summary by format
SUMMARY_RENDERERS: dict[Format, Callable[[Comparison, RequirementsCatalogue, Lang, Format], str]] = {
    Format.md: render_comparison,
    Format.html: render_comparison,
}
