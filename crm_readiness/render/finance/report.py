"""The TCO and ROI reports (Markdown and HTML) from the packaged Jinja templates."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from crm_readiness.i18n import Lang, t
from crm_readiness.models.finance.results import (
    FinanceCase,
    MonteCarloResult,
    ScenarioResult,
    TcoComparison,
)
from crm_readiness.render import svg
from crm_readiness.render.decisions import roi_decision, tco_decision
from crm_readiness.render.finance import labels as lb
from crm_readiness.render.jinja_env import render_template

TORNADO_ROWS = 10


def _charts(case: FinanceCase, lang: Lang) -> dict[str, Markup]:
    years = [t("finance.year_short", lang, year=y) for y in range(case.horizon_years + 1)]
    charts = {
        "cumulative": svg.line_chart(
            years,
            [(t("finance.basis.risk_adjusted", lang),
              [float(v) for v in case.risk_adjusted.cumulative]),
             (t("finance.basis.unadjusted", lang),
              [float(v) for v in case.unadjusted.cumulative])],
            t("finance.chart.cumulative", lang), lang=lang, zero_line=True, compact_ticks=True,
            unit=case.currency),
    }
    cats = [c for c in case.categories if c.total > 0]
    if cats:
        top = max(float(c.total) for c in cats)
        charts["breakdown"] = svg.hbars(
            [t(f"finance.cat.{c.category}", lang) for c in cats], [float(c.total) for c in cats],
            t("finance.chart.breakdown", lang), maximum=top,
            value_labels=[f"{lb.money(c.total)} ({lb.pct(c.share)})" for c in cats])
    sens = case.sensitivity
    if sens is not None and sens.tornado:
        rows = sens.tornado[:TORNADO_ROWS]
        names = lb.line_names(case, lang)
        charts["tornado"] = svg.diverging_bars(
            [lb.tornado_label(r, names, lang) for r in rows],
            [float(min(r.npv_low, r.npv_high)) for r in rows],
            [float(max(r.npv_low, r.npv_high)) for r in rows],
            float(case.risk_adjusted.npv),
            t("finance.chart.tornado", lang, swing=lb.pct(sens.swing, 0)), lang=lang,
            base_label=t("finance.chart.base_npv", lang),
            low_label=t("finance.chart.below_base", lang),
            high_label=t("finance.chart.above_base", lang), unit=case.currency)
    return charts


def tco_chart(comparison: TcoComparison, lang: Lang) -> Markup | None:
    """Return the cases' risk-adjusted nominal TCO side by side (None for a single case)."""
    if len(comparison.cases) < 2:
        return None
    cases = [comparison.cases[i] for i in comparison.ranking]
    values = [float(c.risk_adjusted.tco_nominal) for c in cases]
    return svg.hbars([(c.vendor or c.title).get(lang) for c in cases], values,
                     t("finance.chart.tco_compare", lang, currency=cases[0].currency),
                     maximum=max(values) or 1.0,
                     # each vendor keeps its input-order colour, as in the vendor radar
                     colors=[svg.PALETTE[i % len(svg.PALETTE)] for i in comparison.ranking],
                     value_labels=[lb.money(c.risk_adjusted.tco_nominal) for c in cases],
                     heading=True)


def flag_texts(case: FinanceCase, lang: Lang) -> list[tuple[str, str]]:
    """Return (severity, message) for every finding of the case."""
    out: list[tuple[str, str]] = []
    for f in case.flags:
        params = dict(f.params)
        if "component" in params:
            params["component"] = t(f"finance.component.{params['component']}", lang)
        out.append((f.severity, t(f"finance.flag.{f.code}", lang, **params)))
    return out


def scenario_label(s: ScenarioResult, lang: Lang) -> str:
    """Return a scenario's label from the file, or the standard name's translation."""
    label = s.label_zh if lang == "zh" else s.label_en
    if label:
        return label
    if s.name in ("conservative", "expected", "optimistic"):
        return t(f"finance.scenario.{s.name}", lang)
    return s.name


_MC_POSITION = {"above": "finance.mc.position_above", "below": "finance.mc.position_below"}


def mc_position(mc: MonteCarloResult, names: dict[str, str], lang: Lang) -> str:
    """Return where the base-case NPV lies in the Monte Carlo distribution, and why."""
    side = "above" if mc.deterministic_npv >= mc.npv_p50 else "below"
    text = t(_MC_POSITION[side], lang, npv=lb.money(mc.deterministic_npv),
             pct=lb.pct(mc.deterministic_percentile, 0), p50=lb.money(mc.npv_p50))
    if mc.skew:
        shown = [lb.driver_label(d, names, lang) for d in mc.skew[:4]]
        more = len(mc.skew) - len(shown)
        drivers = "; ".join(shown) + (t("finance.mc.more", lang, n=more) if more > 0 else "")
        return text + " " + t("finance.mc.skewed", lang, drivers=drivers)
    return text + " " + t("finance.mc.symmetric", lang)


def summary_text(case: FinanceCase, lang: Lang) -> str:
    """Return the one-sentence verdict of a case: NPV, cost, ROI and payback."""
    v = case.risk_adjusted
    return t("finance.summary.positive" if v.npv >= 0 else "finance.summary.negative", lang,
             years=case.horizon_years, npv=lb.money(v.npv), cost=lb.money(v.tco_pv),
             currency=case.currency, roi=lb.pct(v.roi_pv),
             payback=lb.payback_text(v.payback, lang))


def _context(case: FinanceCase, lang: Lang) -> dict[str, Any]:
    names = lb.line_names(case, lang)
    kinds = {a.driver: a.kind for a in case.assumptions}
    flags = flag_texts(case, lang)
    rows = case.sensitivity.tornado if case.sensitivity else []
    return {
        "decision": roi_decision(case, lang, flags, summary_text(case, lang),
                                 [lb.tornado_label(r, names, lang) for r in rows]),
        "tornado_label": lambda r: lb.tornado_label(r, names, lang),
        "be_label": lambda b: lb.break_even_label(b, names, lang),
        "mc_position": lambda mc: mc_position(mc, names, lang),
        "case": case, "charts": _charts(case, lang), "lb": lb, "names": names, "kinds": kinds,
        "label": lambda d: lb.driver_label(d, names, lang),
        "years": list(range(case.horizon_years + 1)),
        "views": [case.risk_adjusted, case.unadjusted], "flags": flags,
        "scenario_label": lambda s: scenario_label(s, lang),
    }


def render_roi(case: FinanceCase, lang: Lang, fmt: str) -> str:
    """Return the ROI report as ``md`` or ``html`` text."""
    return render_template(f"finance/roi.{fmt}.j2", lang, **_context(case, lang))


def render_tco(comparison: TcoComparison, lang: Lang, fmt: str) -> str:
    """Return the TCO report (one case, or several side by side) as ``md`` or ``html``."""
    details = [_context(c, lang) for c in comparison.cases]
    chart = tco_chart(comparison, lang) if fmt == "html" else None
    decision = tco_decision(comparison, lang, [d["flags"] for d in details])
    return render_template(f"finance/tco.{fmt}.j2", lang, comparison=comparison,
                           details=details, lb=lb, horizon_note=horizon_note(comparison, lang),
                           tco_chart=chart, decision=decision)


def horizon_note(comparison: TcoComparison, lang: Lang) -> str:
    """Return which horizon (and exchange rates) the comparison used."""
    key = "finance.tco.horizon_restated" if comparison.restated else "finance.tco.horizon_used"
    text = t(key, lang, years=comparison.horizon_years)
    if comparison.exchange_rates:
        base = comparison.cases[0].currency if comparison.cases else ""
        rates = ", ".join(f"1 {c} = {lb.money(r, 6)} {base}"
                          for c, r in sorted(comparison.exchange_rates.items()))
        text += " " + t("finance.tco.exchange_used", lang, rates=rates)
    return text
