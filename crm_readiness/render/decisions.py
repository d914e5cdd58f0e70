"""The decision page of each report other than the readiness report (see render/decision.py).

Each builder selects from its result what decides: a verdict and why, what
blocks, the next actions with owners, the top risks. It phrases; it computes
nothing the result does not already hold.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from crm_readiness.i18n import Lang, t
from crm_readiness.render.decision import (
    NEXT_ACTIONS,
    TOP_RISKS,
    Decision,
    DecisionItem,
)

if TYPE_CHECKING:  # annotations only: importing every report's models cost each command ~0.3 s
    from crm_readiness.models.data.result import DataProfileResult
    from crm_readiness.models.finance.results import FinanceCase, TcoComparison
    from crm_readiness.models.plan import ImplementationPlan
    from crm_readiness.models.progress import Comparison as SnapshotComparison
    from crm_readiness.models.review_results import ReviewResult
    from crm_readiness.models.vendors.results import Comparison as VendorComparison


def _owner(role: str | None, lang: Lang) -> str | None:
    return t(f"owner.{role}", lang) if role else None


def plan_decision(plan: ImplementationPlan, lang: Lang) -> Decision:
    """Return the plan's decision page: verdict, gap-stretched stages, first mitigations, risks."""
    verdict = plan.overall_verdict or "ready"
    why = [t("plan.span", lang, start=plan.start.isoformat(), end=plan.end.isoformat(),
             weeks=plan.total_weeks)]
    blockers = []
    for s in plan.stages:
        for x in s.stretches:
            if x.code == "phase_gap" and int(x.params.get("blockers", 0)):
                blockers.append(DecisionItem(
                    text=t(f"plan.stage.{s.id}", lang), ref=str(x.params.get("phase", "")),
                    detail=t("decision.plan.blocked", lang, count=x.params.get("blockers", 0),
                             weeks=x.weeks)))
    gaps = sum(x.weeks for s in plan.stages for x in s.stretches if x.code == "phase_gap")
    if gaps:
        why.append(t("decision.plan.gap_weeks", lang, weeks=gaps))
    actions = tuple(DecisionItem(
        text=m.mitigation.get(lang), ref=m.risk_id,
        detail=t("decision.plan.due", lang, date=m.due.isoformat(),
                 stage=t(f"plan.stage.{m.stage}", lang)),
        owner=_owner(m.owner, lang)) for m in plan.mitigations[:NEXT_ACTIONS])
    top = sorted(plan.mitigations, key=lambda m: (-m.exposure, m.due, m.risk_id))[:TOP_RISKS]
    risks = tuple(DecisionItem(text=m.title.get(lang), ref=m.risk_id,
                               owner=_owner(m.owner, lang),
                               figure=f"{m.exposure} {t(f'band.{m.band}', lang)}", band=m.band)
                  for m in top)
    return Decision(verdict=t(f"verdict.{verdict}", lang), tone=verdict, why=tuple(why),
                    blockers=tuple(blockers), actions=actions, risks=risks,
                    risks_total=len(plan.mitigations))


def compare_decision(c: SnapshotComparison, lang: Lang) -> Decision:
    """Return the snapshot comparison's decision page: where B stands and what moved."""
    why = [t("decision.compare.moved", lang, a=t(f"verdict.{c.verdict_a}", lang),
             b=t(f"verdict.{c.verdict_b}", lang),
             delta="–" if c.overall_delta is None else f"{c.overall_delta:+.1f}"),
           t("decision.compare.blockers", lang, closed=len(c.blockers_closed),
             opened=len(c.blockers_opened)),
           t("decision.compare.risks", lang, retired=len(c.risks_retired),
             added=len(c.risks_added))]
    opened = {b.question_id for b in c.blockers_opened}
    blockers = tuple(DecisionItem(text=b.text.get(lang), ref=b.question_id,
                                  detail=t("decision.compare.new", lang)
                                  if b.question_id in opened else None)
                     for b in c.open_blockers)
    actions = tuple(DecisionItem(text=a.action.get(lang), ref=a.question_id,
                                 owner=_owner(a.owner, lang)) for a in c.next_actions)
    risks = tuple(DecisionItem(text=r.title.get(lang), ref=r.id, owner=_owner(r.owner, lang),
                               figure=f"{r.exposure} {t(f'band.{r.band}', lang)}", band=r.band)
                  for r in c.top_risks)
    return Decision(verdict=t(f"verdict.{c.verdict_b}", lang), tone=c.verdict_b, why=tuple(why),
                    blockers=blockers, actions=actions, risks=risks, risks_total=c.b.risks)


def data_decision(r: DataProfileResult, lang: Lang, verdict: str) -> Decision:
    """Return the data profile's decision page: failing dimensions, fixes, worst columns."""
    why = []
    if r.readiness.value is not None:
        why.append(t("decision.data.score", lang, value=f"{r.readiness.value * 100:.1f}%",
                     target=f"{r.readiness.target * 100:.0f}%"))
    failing = [d for d in r.dimensions if d.passed is False]
    blockers = tuple(DecisionItem(
        text=t(f"data.dim.{d.dimension}", lang), ref=None,
        detail=t("decision.data.below", lang, value=f"{(d.value or 0) * 100:.1f}%",
                 target=f"{(d.target or 0) * 100:.0f}%")) for d in failing)
    owner = t("owner.data_owner", lang)
    actions: list[DecisionItem] = [
        DecisionItem(text=t(f"decision.data.fix.{d.dimension}", lang), owner=owner)
        for d in failing
        # the merge action below says the same with its count
        if not (d.dimension == "uniqueness" and r.duplicates.redundant_records)]
    if r.duplicates.redundant_records:
        actions.append(DecisionItem(text=t("decision.data.merge", lang,
                                           n=r.duplicates.redundant_records), owner=owner))
    if r.normalisation_changes:
        actions.append(DecisionItem(text=t("decision.data.normalise", lang,
                                           n=r.normalisation_changes),
                                    owner=t("owner.it_lead", lang)))
    worst = sorted((c for c in r.columns if c.missing + c.invalid),
                   key=lambda c: (-(c.missing + c.invalid), c.name))
    risks = tuple(DecisionItem(
        text=t("decision.data.column", lang, missing=c.missing, invalid=c.invalid), ref=c.name,
        owner=owner, figure=str(c.missing + c.invalid),
        band="high" if c.below_threshold else "medium") for c in worst[:TOP_RISKS])
    tone = verdict if verdict != "unknown" else "ready_with_risks"
    return Decision(verdict=t(f"verdict.{verdict}", lang), tone=tone, why=tuple(why),
                    blockers=blockers, actions=tuple(actions[:NEXT_ACTIONS]), risks=risks,
                    risks_total=len(worst), figure_label=t("decision.data.problems", lang),
                    no_risks=t("decision.data.no_problems", lang))


def _finance_tone(case: FinanceCase) -> str:
    if case.risk_adjusted.npv < 0:
        return "not_ready"
    warned = any(f.severity == "warning" for f in case.flags)
    return "ready_with_risks" if warned or case.missing_components else "ready"


def roi_decision(case: FinanceCase, lang: Lang, flags: Sequence[tuple[str, str]],
                 summary: str, tornado_labels: Sequence[str]) -> Decision:
    """Return the ROI case's decision page: invest or not, hidden costs, NPV drivers."""
    from crm_readiness.render.finance import labels as lb

    tone = _finance_tone(case)
    finance = t("owner.finance", lang)
    blockers = [DecisionItem(text=t("decision.finance.unpriced", lang,
                                    component=t(f"finance.cat.{m}", lang)))
                for m in case.missing_components]
    blockers += [DecisionItem(text=text) for sev, text in flags if sev == "warning"]
    actions = [DecisionItem(text=t("decision.finance.price", lang,
                                   component=t(f"finance.cat.{m}", lang)), owner=finance)
               for m in case.missing_components]
    rows = case.sensitivity.tornado if case.sensitivity else []
    for row, label in list(zip(rows, tornado_labels, strict=False))[:2]:
        actions.append(DecisionItem(text=t("decision.finance.firm_up", lang, driver=label,
                                           swing=lb.money(row.swing), currency=case.currency),
                                    owner=finance))
    actions += [DecisionItem(text=t("decision.finance.resolve", lang, finding=text),
                             owner=finance) for sev, text in flags if sev == "warning"]
    risks = tuple(DecisionItem(text=label, figure=lb.money(row.swing),
                               owner=None, band="high" if row.npv_low < 0 else "medium")
                  for row, label in list(zip(rows, tornado_labels, strict=False))[:TOP_RISKS])
    return Decision(verdict=t(f"decision.finance.verdict.{tone}", lang), tone=tone, why=(summary,),
                    blockers=tuple(blockers), actions=tuple(actions[:NEXT_ACTIONS]), risks=risks,
                    risks_total=len(rows),
                    figure_label=t("decision.finance.swing", lang, currency=case.currency),
                    no_risks=t("decision.finance.no_sensitivity", lang))


def tco_decision(comparison: TcoComparison, lang: Lang,
                 flags: Sequence[Sequence[tuple[str, str]]]) -> Decision:
    """Return the TCO comparison's decision page: the lowest cost, hidden costs, warnings."""
    from crm_readiness.render.finance import labels as lb

    ranked = [comparison.cases[i] for i in comparison.ranking]
    best = ranked[0]
    name = (best.vendor or best.title).get(lang)
    why = [t("decision.tco.lowest", lang, name=name, tco=lb.money(best.risk_adjusted.tco_nominal),
             currency=best.currency)]
    if len(ranked) > 1:
        second = ranked[1]
        gap = second.risk_adjusted.tco_nominal - best.risk_adjusted.tco_nominal
        why.append(t("decision.tco.next", lang, name=(second.vendor or second.title).get(lang),
                     gap=lb.money(gap), currency=best.currency))
    finance = t("owner.finance", lang)
    blockers: list[DecisionItem] = []
    actions: list[DecisionItem] = []
    risks: list[DecisionItem] = []
    for case, case_flags in zip(comparison.cases, flags, strict=True):
        vendor = (case.vendor or case.title).get(lang)
        for m in case.missing_components:
            component = t(f"finance.cat.{m}", lang)
            blockers.append(DecisionItem(text=t("decision.finance.unpriced", lang,
                                                component=component), ref=vendor))
            actions.append(DecisionItem(text=t("decision.tco.price", lang, component=component,
                                               vendor=vendor), owner=finance))
        risks += [DecisionItem(text=text, ref=vendor, band="high", figure="!")
                  for sev, text in case_flags if sev == "warning"]
    tone = "ready_with_risks" if blockers or risks else "ready"
    return Decision(verdict=t("decision.tco.verdict", lang, name=name), tone=tone,
                    why=tuple(why), blockers=tuple(blockers),
                    actions=tuple(actions[:NEXT_ACTIONS]), risks=tuple(risks[:TOP_RISKS]),
                    risks_total=len(risks), figure_label=t("decision.tco.finding", lang),
                    no_risks=t("decision.tco.no_findings", lang))


#: decision-page tone per ranking-robustness verdict
VENDOR_TONE = {"robust": "ready", "single": "ready_with_risks", "moderate": "ready_with_risks",
               "fragile": "not_ready", "no_leader": "not_ready"}


def vendors_decision(r: VendorComparison, lang: Lang, verdict: str, callout: str,
                     notes: Sequence[str]) -> Decision:
    """Return the vendor comparison's decision page: the leader, knock-outs, open answers."""
    names = {v.id: v.name.get(lang) for v in r.vendors}
    blockers = tuple(DecisionItem(text=names[v.id], detail=t("decision.vendors.knocked_out", lang,
                                                         count=len(v.must_gaps)))
                     for v in r.vendors if v.must_gaps)
    proc = t("owner.procurement", lang)
    actions: list[DecisionItem] = []
    for v in sorted(r.vendors, key=lambda v: v.rank or 999):
        if v.must_gaps:
            continue
        if v.unanswered:
            actions.append(DecisionItem(text=t("decision.vendors.answers", lang, vendor=names[v.id],
                                               count=len(v.unanswered)), owner=proc))
        if v.missing_scores:
            actions.append(DecisionItem(text=t("decision.vendors.scores", lang, vendor=names[v.id],
                                               count=len(v.missing_scores)),
                                        owner=t("owner.steering_committee", lang)))
        if v.claim_gaps:
            actions.append(DecisionItem(text=t("decision.vendors.claims", lang, vendor=names[v.id],
                                               count=len(v.claim_gaps)), owner=proc))
    if not any(v.demonstrated for v in r.vendors):
        actions.append(DecisionItem(text=t("decision.vendors.demos", lang),
                                    owner=t("owner.business_lead", lang)))
    leader = r.robustness.leader
    if leader:
        actions.append(DecisionItem(text=t("decision.vendors.negotiate", lang,
                                           vendor=names.get(leader, leader)), owner=proc))
    risks: list[DecisionItem] = []
    flip = r.robustness.smallest_flip
    if flip is not None and flip.new_weight is not None:
        crit = {c.id: c.name.get(lang) for c in r.criteria}.get(flip.criterion, flip.criterion)
        risks.append(DecisionItem(
            text=t("decision.vendors.flip", lang, criterion=crit,
                   weight=f"{flip.weight * 100:.1f}%", new=f"{flip.new_weight * 100:.1f}%",
                   leader=names.get(flip.new_leader or "", "–")),
            figure=f"{abs(flip.delta or 0) * 100:.1f}%", band="medium"))
    for v in r.vendors:
        if v.claim_gaps:
            risks.append(DecisionItem(text=t("decision.vendors.claim_risk", lang, vendor=names[v.id],
                                             count=len(v.claim_gaps)),
                                      figure=str(len(v.claim_gaps)), band="high", owner=proc))
    return Decision(verdict=verdict, tone=VENDOR_TONE[r.robustness.verdict], why=tuple(notes),
                    blockers=blockers, actions=tuple(actions[:NEXT_ACTIONS]),
                    risks=tuple(risks[:TOP_RISKS]), risks_total=len(risks),
                    figure_label=t("decision.vendors.figure", lang),
                    no_blockers=t("decision.vendors.none_out", lang),
                    no_risks=t("decision.vendors.no_risks", lang), callout=callout)


def review_decision(r: ReviewResult, lang: Lang) -> Decision:
    """Return the benefits review's decision page: KPIs off track, their owners, the NPV."""
    from crm_readiness.render.finance.labels import money

    counts = r.status_counts
    tone = ("not_ready" if counts.get("off_track") else
            "ready_with_risks" if counts.get("at_risk") else "ready")
    why = [t("decision.review.counts", lang, on=counts.get("on_track", 0),
             risk=counts.get("at_risk", 0), off=counts.get("off_track", 0),
             none=counts.get("no_data", 0))]
    if r.finance is not None:
        why.append(t("decision.review.npv", lang, approved=money(r.finance.approved.npv),
                     now=money(r.finance.reforecast.npv), currency=r.finance.currency))
    blockers = [DecisionItem(text=b.text.get(lang), ref=b.question_id)
                for b in (r.golive.blockers if r.golive else ())]
    lagging = sorted((k for k in r.kpis if k.status in ("off_track", "at_risk")),
                     key=lambda k: (k.projected_share if k.projected_share is not None else 0.0,
                                    k.id))
    blockers += [DecisionItem(text=k.name.get(lang), ref=k.id,
                              detail=t("review.status.off_track", lang))
                 for k in lagging if k.status == "off_track"]
    actions = tuple(DecisionItem(
        text=t("decision.review.recover", lang, kpi=k.name.get(lang), target=f"{k.target:g}",
               unit=k.unit, date=k.target_date.isoformat()), ref=k.id, owner=k.owner.get(lang) if k.owner else None)
        for k in lagging[:NEXT_ACTIONS])
    risks = tuple(DecisionItem(
        text=k.name.get(lang), ref=k.id, owner=k.owner.get(lang) if k.owner else None,
        figure="–" if k.projected_share is None else f"{k.projected_share * 100:.0f}%",
        band="high" if k.status == "off_track" else "medium") for k in lagging[:TOP_RISKS])
    return Decision(verdict=t(f"decision.review.verdict.{tone}", lang), tone=tone,
                    why=tuple(why), blockers=tuple(blockers), actions=actions, risks=risks,
                    risks_total=len(lagging),
                    figure_label=t("decision.review.projected", lang),
                    no_risks=t("decision.review.none_lagging", lang))
