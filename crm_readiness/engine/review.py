"""The benefits review: KPI status from the trend, the business case re-forecast, go-live readiness.

Rules (docs/review.md):

1. KPI status. The measurements up to the review date are fitted by least
   squares (value against days since the baseline); the line is projected
   to the target date. ``projected share`` = (projected − baseline) /
   (target − baseline), the share of the planned improvement the trend
   reaches by the deadline (the same formula serves "higher" and "lower is
   better": both differences change sign together). On track ≥ 100 %,
   at risk 75–100 %, off track < 75 %; fewer than two measurements: not
   enough data.
2. Realised benefits. A benefit line evidenced by KPIs (``benefit:`` in the
   register) is realised in the share of the planned improvement its KPIs
   have reached at their latest measurement (the mean over its KPIs, clamped
   to 0–200 %): for each case year that has begun by the review date, the
   line's full-year value at target (ramp at 100 %, before the risk
   adjustment: the uncertainty is now measured) × that share. Later years keep the approved,
   risk-adjusted plan; a line no KPI evidences keeps its plan throughout.
3. Costs. A year with actual costs uses them; other years keep the planned,
   risk-adjusted costs.
4. The re-forecast cash flows go through the finance engine's
   :func:`~crm_readiness.engine.finance.case.build_view` (NPV, ROI, IRR,
   payback, with the case's discount rate and seats); the NPV variance is the
   sum of the drivers' PV variances minus the cost PV variance.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal, localcontext
from typing import Any

from crm_readiness.engine.finance.case import build_view
from crm_readiness.engine.finance.cashflow import evaluate
from crm_readiness.engine.finance.drivers import base_params, case_drivers
from crm_readiness.engine.finance.metrics import CONTEXT
from crm_readiness.engine.plan import add_months
from crm_readiness.engine.review_adoption import adoption
from crm_readiness.models.assessment import AssessmentResult
from crm_readiness.models.finance.inputs import BenefitsFile, CostsFile
from crm_readiness.models.review import DIMENSIONS, Kpi, KpiRegister, LessonsFile
from crm_readiness.models.review_adoption import AdoptionResult
from crm_readiness.models.review_results import (
    STATUS_ORDER,
    CostVariance,
    DriverVariance,
    GoliveBlocker,
    GoliveReadiness,
    KpiChange,
    KpiReview,
    KpiStatusCode,
    Reforecast,
    RetrospectiveDimension,
    ReviewComparison,
    ReviewResult,
)

ON_TRACK = 1.0
AT_RISK = 0.75
#: tolerance for float rounding at the thresholds (a trend exactly on target is on track)
EPS = 1e-9
MAX_SHARE = Decimal(2)


def trend(points: Sequence[tuple[float, float]]) -> tuple[float, float] | None:
    """Return (slope, intercept) of the least-squares line, or None under two distinct x."""
    n = len(points)
    if n < 2:
        return None
    mx = sum(x for x, _ in points) / n
    my = sum(y for _, y in points) / n
    sxx = sum((x - mx) ** 2 for x, _ in points)
    if sxx == 0:
        return None
    slope = sum((x - mx) * (y - my) for x, y in points) / sxx
    return slope, my - slope * mx


def status_of(share: float | None) -> KpiStatusCode:
    """Return the status for a projected share of the planned improvement."""
    if share is None:
        return "no_data"
    if share >= ON_TRACK - EPS:
        return "on_track"
    if share >= AT_RISK - EPS:
        return "at_risk"
    return "off_track"


def review_kpi(kpi: Kpi, as_of: date) -> KpiReview:
    """Return the review of one KPI on ``as_of`` (later measurements are ignored)."""
    ms = tuple(m for m in kpi.measurements if m.date <= as_of)
    base, goal = kpi.baseline.value, kpi.target.value
    planned = goal - base
    latest = ms[-1] if ms else None
    with localcontext(CONTEXT):
        achieved = (latest.value - base) / planned if latest else None
    line = trend([(float((m.date - kpi.baseline.date).days), float(m.value)) for m in ms])
    slope = projected = share = None
    if line is not None:
        slope, intercept = line
        projected = intercept + slope * (kpi.target.date - kpi.baseline.date).days
        share = (projected - float(base)) / float(planned)
    return KpiReview(
        id=kpi.id, name=kpi.name, unit=kpi.unit, direction=kpi.direction, owner=kpi.owner,
        serves=kpi.serves, benefit=kpi.benefit, dimension=kpi.dimension, baseline=base, baseline_date=kpi.baseline.date,
        target=goal, target_date=kpi.target.date, measurements=ms, latest=latest,
        achieved_share=achieved, slope_per_day=slope, projected=projected, projected_share=share,
        status=status_of(share))


def years_started(year1_start: date, as_of: date, horizon: int) -> list[int]:
    """Return the case years 1..horizon whose first day is on or before ``as_of``."""
    return [t for t in range(1, horizon + 1) if add_months(year1_start, 12 * (t - 1)) <= as_of]


def _share(reviews: Sequence[KpiReview]) -> Decimal | None:
    shares = [min(max(r.achieved_share, Decimal(0)), MAX_SHARE) for r in reviews
              if r.achieved_share is not None]
    if not shares:
        return None
    with localcontext(CONTEXT):
        return sum(shares, Decimal(0)) / len(shares)


def _full_ramp(params: dict[str, Decimal]) -> dict[str, Decimal]:
    """Return the driver values with every benefit ramp at 100 % (the benefit at target)."""
    return {k: (Decimal(1) if ".ramp_" in k else v) for k, v in params.items()}


def reforecast(reg: KpiRegister, reviews: Sequence[KpiReview], costs: CostsFile,
               benefits: BenefitsFile, as_of: date) -> Reforecast:
    """Return the business case with realised benefits and actual costs for the years begun."""
    if reg.year1_start is None:
        raise ValueError("year1_start is required for a re-forecast")  # checked by the loader
    with localcontext(CONTEXT):
        structure, drivers = case_drivers(costs, benefits)
        params = base_params(drivers)
        ev = evaluate(structure, params)
        at_target = evaluate(structure, _full_ramp(params))
        seats = [int(x) for x in ev.seats]
        rate = costs.discount_rate
        approved = build_view("risk_adjusted", [Decimal(c) for c in ev.cost_totals(True)],
                              [Decimal(b) for b in ev.benefit_totals(True)], rate, seats)
        n = costs.horizon_years
        started = years_started(reg.year1_start, as_of, n)
        factors = approved.discount_factors
        out: list[DriverVariance] = []
        benefit_totals = [Decimal(0)] * (n + 1)
        for line, full in zip(ev.benefits, at_target.benefits, strict=True):
            evidence = [r for r in reviews if r.benefit == line.spec.id]
            share = _share(evidence)
            plan = [Decimal(a) for a in line.adjusted(-1)]
            value = [Decimal(a) for a in full.amounts]
            new = [value[t] * share if share is not None and t in started else plan[t]
                   for t in range(n + 1)]
            diff = [a - b for a, b in zip(new, plan, strict=True)]
            out.append(DriverVariance(
                id=line.spec.id, name=line.spec.name, kpis=tuple(r.id for r in evidence),
                share=share, approved=plan, at_target=value, reforecast=new,
                realised_to_date=sum((new[t] for t in started), Decimal(0)),
                approved_to_date=sum((plan[t] for t in started), Decimal(0)),
                variance_nominal=sum(diff, Decimal(0)),
                variance_pv=sum((d * f for d, f in zip(diff, factors, strict=True)), Decimal(0))))
            benefit_totals = [a + b for a, b in zip(benefit_totals, new, strict=True)]
        actual: list[Decimal | None] = [None] * (n + 1)
        for c in reg.actual_costs:
            actual[c.year] = c.amount
        planned = list(approved.costs)
        cost_new = [a if a is not None else p for a, p in zip(actual, planned, strict=True)]
        cost_diff = [a - b for a, b in zip(cost_new, planned, strict=True)]
        view = build_view("risk_adjusted", cost_new, benefit_totals, rate, seats)
        return Reforecast(
            currency=costs.currency, horizon_years=n, discount_rate=rate,
            year1_start=reg.year1_start, years_started=started, seats=seats,
            approved=approved,
            reforecast=view, drivers=out,
            costs=CostVariance(
                planned=planned, actual=actual, reforecast=cost_new,
                planned_to_date=sum((p for p, a in zip(planned, actual, strict=True)
                                     if a is not None), Decimal(0)),
                actual_to_date=sum((a for a in actual if a is not None), Decimal(0)),
                variance_nominal=sum(cost_diff, Decimal(0)),
                variance_pv=sum((d * f for d, f in zip(cost_diff, factors, strict=True)),
                                Decimal(0))),
            npv_variance=view.npv - approved.npv)


def golive_readiness(result: AssessmentResult) -> GoliveReadiness | None:
    """Return the go-live phase of an assessment (None when the checklists have none)."""
    phase = next((p for p in result.phases if p.id == "golive"), None)
    if phase is None:
        return None
    return GoliveReadiness(
        score=phase.score, verdict=phase.verdict, coverage=phase.coverage,
        blockers=[GoliveBlocker(question_id=b.question_id, text=b.text)
                  for b in result.blockers if b.phase == "golive"])


def build_review(reg: KpiRegister, *, costs: CostsFile | None = None,
                 benefits: BenefitsFile | None = None,
                 assessment: AssessmentResult | None = None,
                 activity: Any = None,
                 seats: int | None = None,
                 lessons: LessonsFile | None = None) -> ReviewResult:
    """Return the review of the register on its review date.

    With ``activity`` (a DuckDB connection holding the adoption export as table
    ``activity``) the adoption is measured on the same
    date, against ``seats`` or, with a case, the seats of the latest case year begun.
    """
    as_of = reg.review_date()
    reviews = [review_kpi(k, as_of) for k in reg.kpis]
    counts = {s: sum(1 for r in reviews if r.status == s) for s in STATUS_ORDER}
    finance = (reforecast(reg, reviews, costs, benefits, as_of)
               if costs is not None and benefits is not None else None)
    used = None
    if activity is not None:
        if seats is None and finance is not None:
            year = max(finance.years_started, default=1)
            seats = finance.seats[year]
        used = adoption(activity, as_of=as_of, seats=seats)
    return ReviewResult(title=reg.title, as_of=as_of, kpis=reviews, status_counts=counts,
                        finance=finance,
                        golive=golive_readiness(assessment) if assessment is not None else None,
                        adoption=used,
                        retrospective=retrospective(reviews, finance, used, lessons, as_of))


def retrospective(reviews: Sequence[KpiReview], finance: Reforecast | None,
                  used: AdoptionResult | None, lessons: LessonsFile | None,
                  as_of: date) -> list[RetrospectiveDimension]:
    """Return the three dimensions: their KPIs and statuses, a headline figure, the lessons."""
    kept = sorted((x for x in (lessons.lessons if lessons else ()) if x.date <= as_of),
                  key=lambda x: x.date)
    out = []
    for dim in DIMENSIONS:
        mine = [r for r in reviews if r.dimension == dim]
        out.append(RetrospectiveDimension(
            dimension=dim, kpis=[r.id for r in mine],
            status_counts={s: sum(1 for r in mine if r.status == s) for s in STATUS_ORDER},
            npv_variance=finance.npv_variance if dim == "financial" and finance else None,
            active_share=used.active_share if dim == "organisational" and used else None,
            lessons=[x for x in kept if x.dimension == dim]))
    return out


def compare_reviews(previous: ReviewResult, now: ReviewResult) -> ReviewComparison:
    """Return this review beside the previous one: KPI by KPI, the NPV, the active users."""
    before = {k.id: k for k in previous.kpis}
    current = {k.id: k for k in now.kpis}
    order = [k.id for k in now.kpis] + [k for k in before if k not in current]
    rows = []
    for kid in order:
        b, c = before.get(kid), current.get(kid)
        named = c or b
        assert named is not None
        rows.append(KpiChange(
            id=kid, name=named.name, status_before=b.status if b else None,
            status_now=c.status if c else None,
            latest_before=b.latest.value if b and b.latest else None,
            latest_now=c.latest.value if c and c.latest else None,
            projected_share_before=b.projected_share if b else None,
            projected_share_now=c.projected_share if c else None))
    return ReviewComparison(
        previous_as_of=previous.as_of, kpis=rows,
        npv_before=previous.finance.reforecast.npv if previous.finance else None,
        npv_now=now.finance.reforecast.npv if now.finance else None,
        active_users_before=previous.adoption.active_users if previous.adoption else None,
        active_users_now=now.adoption.active_users if now.adoption else None)
