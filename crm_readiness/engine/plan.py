"""The implementation plan: benchmark durations, stretched where the assessment shows gaps.

Method (docs/workshops.md "Planning"):

1. Each stage starts from the domain's benchmark range (``PlanBenchmarks``):
   an SMB takes the low end, a mid-size company the midpoint (rounded up), a
   large one the high end — the *baseline*.
2. The profile stretches stages: data migration or integrations need the
   longer requirements range (data collection, vendor talks); every
   integration adds a week of build and, with a migration, interfaces add UAT
   time (one week per two systems); heavy customisation takes build and design
   to the top of their range, none takes build to the bottom; on-premise or
   hybrid hosting adds two weeks of build (servers, environments); no data
   migration leaves UAT only (the range's low end).
3. The assessment stretches the stages its phases feed: a phase "ready with
   risks" adds 25 % of the stage's baseline, "not ready" 50 % (rounded up to
   whole weeks); when two phases feed a stage, the weaker one counts (gaps are
   closed in parallel, not one after the other); each stretch names the
   phase, its score and its blockers.
4. Stages run one after the other in plan weeks of seven calendar days; a
   stage of n weeks starting on day d ends on d + 7n − 1. Python date
   arithmetic makes year ends and leap days exact.
5. Each risk's mitigation is due by the end of the stage in which it must be
   settled (a data risk before migration starts, a vendor risk by the
   contract, a go-live risk before go-live …).
6. After the roll-out, hypercare (the go-live observation, 1–2 weeks, stretched
   by the go-live phase's gaps like a stage) with entry and exit criteria; then
   benefits reviews at +3, +6 and +12 calendar months after the roll-out ends
   (31 August + 6 months = the last day of February), each naming what it
   measures.
"""

from __future__ import annotations

import calendar
import math
from datetime import date, timedelta

from crm_readiness.models.assessment import AssessmentResult, PhaseResult
from crm_readiness.models.plan import (
    STAGES,
    ExitCriterion,
    Hypercare,
    ImplementationPlan,
    Milestone,
    PlacedMitigation,
    PlanBenchmarks,
    ReviewMilestone,
    Stage,
    StageId,
    Stretch,
    WeekRange,
)
from crm_readiness.models.profile import OrganizationProfile

#: which assessment phases feed which stage (a gap there lengthens it)
FEEDS: dict[StageId, tuple[str, ...]] = {
    "requirements": ("strategy", "requirements"),
    "selection": ("vendor", "budget"),
    "design": ("requirements",),
    "build": (),
    "migration_uat": ("data",),
    "training_golive": ("training", "golive"),
    "pilot": ("training",),
    "rollout": (),
}

#: by the end of which stage a phase's risks must be mitigated
MITIGATE_BY: dict[str, StageId] = {
    "strategy": "requirements", "requirements": "requirements", "vendor": "selection",
    "budget": "selection", "data": "build", "training": "migration_uat",
    "golive": "training_golive",
}

#: the phases whose gaps lengthen hypercare (the go-live observation after roll-out)
HYPERCARE_FEEDS: tuple[str, ...] = ("golive",)

WAVES = {"smb": 1, "mid": 2, "large": 3}


def baseline(rng: WeekRange, size: str) -> int:
    """Return the benchmark weeks for a company size: low end, midpoint (up) or high end."""
    if size == "smb":
        return rng.min
    if size == "large":
        return rng.max
    return math.ceil((rng.min + rng.max) / 2)


def _range(stage: StageId, b: PlanBenchmarks) -> WeekRange:
    ranges: dict[StageId, WeekRange] = {
        "requirements": b.requirements, "selection": b.selection, "design": b.design,
        "build": b.build, "migration_uat": b.migration_uat, "training_golive": b.training_golive,
        "pilot": b.pilot, "rollout": b.rollout_wave}
    return ranges[stage]


def _profile_stretches(stage: StageId, base: int, p: OrganizationProfile,
                       b: PlanBenchmarks) -> list[Stretch]:
    out: list[Stretch] = []
    n_int = len(p.integrations)
    if stage == "requirements" and (p.data_migration or n_int):
        extra = baseline(b.requirements_extended, p.size) - base
        if extra > 0:
            out.append(Stretch(code="extended_requirements", weeks=extra,
                               params={"min": b.requirements_extended.min,
                                       "max": b.requirements_extended.max}))
    if stage == "design" and p.customization == "heavy" and b.design.max > base:
        out.append(Stretch(code="customization_heavy", weeks=b.design.max - base))
    if stage == "build":
        if p.customization == "heavy" and b.build.max > base:
            out.append(Stretch(code="customization_heavy", weeks=b.build.max - base))
        if p.customization == "none" and base > b.build.min:
            out.append(Stretch(code="customization_none", weeks=b.build.min - base))
        if n_int:
            out.append(Stretch(code="integrations", weeks=n_int,
                               params={"count": n_int, "systems": ", ".join(p.integrations)}))
        if p.deployment != "saas":
            out.append(Stretch(code="on_premise", weeks=2, params={"deployment": p.deployment}))
    if stage == "migration_uat":
        if not p.data_migration and base > b.migration_uat.min:
            out.append(Stretch(code="no_migration", weeks=b.migration_uat.min - base))
        if p.data_migration and n_int:
            out.append(Stretch(code="integrations", weeks=math.ceil(n_int / 2),
                               params={"count": n_int, "systems": ", ".join(p.integrations)}))
    return out


def _gap_stretches(feeds: tuple[str, ...], base: int, phases: dict[str, PhaseResult],
                   b: PlanBenchmarks, blockers: dict[str, int]) -> list[Stretch]:
    """Return the stretch from the weakest assessment phase in ``feeds`` (one, not a sum)."""
    worst: tuple[float, float, PhaseResult] | None = None
    for pid in feeds:
        phase = phases.get(pid)
        if phase is None or phase.score is None or phase.verdict == "ready":
            continue
        factor = b.stretch_not_ready if phase.verdict == "not_ready" else b.stretch_ready_with_risks
        if worst is None or (factor, -phase.score) > (worst[0], -worst[1]):
            worst = (factor, phase.score, phase)
    if worst is None:
        return []
    factor, score, phase = worst
    weeks = math.ceil(base * factor)
    if weeks <= 0:
        return []
    return [Stretch(code="phase_gap", weeks=weeks, params={
        "phase": phase.id, "phase_en": phase.title.en, "phase_zh": phase.title.zh,
        "score": round(score, 1), "verdict": phase.verdict,
        "blockers": blockers.get(phase.id, 0), "percent": round(factor * 100)})]


def _criteria(stage: StageId, p: OrganizationProfile) -> tuple[ExitCriterion, ...]:
    c = ExitCriterion
    table: dict[StageId, list[ExitCriterion]] = {
        "requirements": [c(code="spec_signed"), c(code="kpis_set"), c(code="process_maps")],
        "selection": [c(code="scripted_demos", target="3–5"), c(code="budget_approved"),
                      c(code="contract_signed")],
        "design": [c(code="design_signed"), c(code="permissions")],
        "build": [c(code="config_complete")]
        + ([c(code="integrations_tested")] if p.integrations else []),
        "migration_uat": ([c(code="sample_migration", target="≈100"),
                           c(code="migration_accuracy", target="≥95%"),
                           c(code="completeness", target="≥95%")] if p.data_migration else [])
        + [c(code="uat_signed")],
        "training_golive": [c(code="seed_users"), c(code="pilot_trained", target="100%")],
        "pilot": [c(code="user_satisfaction", target="≥80%"),
                  c(code="follow_up", target="≤24 h"), c(code="data_accuracy", target="≥95%")],
        "rollout": [c(code="all_live"), c(code="kpi_linked", target="≥30%")],
    }
    return tuple(table[stage])


def _stage_weeks(stage: StageId, p: OrganizationProfile, b: PlanBenchmarks,
                 phases: dict[str, PhaseResult], blockers: dict[str, int]) -> tuple[
        WeekRange, int, list[Stretch], int | None]:
    rng = _range(stage, b)
    if stage == "rollout":
        waves = WAVES[p.size]
        return rng, waves * baseline(rng, p.size), [], waves
    base = baseline(rng, p.size)
    stretches = _profile_stretches(stage, base, p, b) + _gap_stretches(FEEDS[stage], base, phases,
                                                                       b, blockers)
    return rng, base, stretches, None


def add_months(day: date, months: int) -> date:
    """Return ``day`` + ``months`` calendar months; the month's last day when it is shorter."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    last = calendar.monthrange(year, month)[1]
    return date(year, month, min(day.day, last))


def _hypercare(rollout_end: date, p: OrganizationProfile, b: PlanBenchmarks,
               phases: dict[str, PhaseResult], blockers: dict[str, int]) -> Hypercare:
    c = ExitCriterion
    base = baseline(b.hypercare, p.size)
    stretches = _gap_stretches(HYPERCARE_FEEDS, base, phases, b, blockers)
    weeks = max(1, base + sum(s.weeks for s in stretches))
    start = rollout_end + timedelta(days=1)
    entry = [c(code="hc_cutover_done"), c(code="hc_team_named")]
    if p.data_migration:
        entry.append(c(code="hc_reconciled"))
    return Hypercare(
        baseline_weeks=base, weeks=weeks, start=start,
        end=start + timedelta(days=7 * weeks - 1), stretches=tuple(stretches),
        phases=HYPERCARE_FEEDS, entry=tuple(entry),
        exit=(c(code="hc_no_critical_defects", target="0"),
              c(code="hc_tickets_normal"), c(code="user_satisfaction", target="≥80%"),
              c(code="hc_handover")))


def _reviews(rollout_end: date, b: PlanBenchmarks) -> tuple[ReviewMilestone, ...]:
    c = ExitCriterion
    measures = {3: (c(code="rv_adoption"), c(code="rv_data_quality"), c(code="rv_kpi_trend")),
                6: (c(code="rv_kpi_targets"), c(code="rv_benefits"), c(code="rv_adoption")),
                12: (c(code="rv_reforecast"), c(code="rv_retrospective"),
                     c(code="rv_kpi_targets"))}
    return tuple(ReviewMilestone(id=f"R{m}", months=m, date=add_months(rollout_end, m),
                                 measures=measures.get(m, (c(code="rv_kpi_targets"),
                                                           c(code="rv_benefits"))))
                 for m in sorted(set(b.review_months)))


def build_plan(result: AssessmentResult, start: date, *,
               benchmarks: PlanBenchmarks | None = None) -> ImplementationPlan:
    """Return the implementation plan for ``result``'s profile, starting on ``start``."""
    b = benchmarks or PlanBenchmarks()
    p = result.profile
    phases = {ph.id: ph for ph in result.phases}
    blockers: dict[str, int] = {}
    for bl in result.blockers:
        blockers[bl.phase] = blockers.get(bl.phase, 0) + 1
    stages: list[Stage] = []
    milestones: list[Milestone] = []
    day = start
    for order, sid in enumerate(STAGES, start=1):
        rng, base, stretches, waves = _stage_weeks(sid, p, b, phases, blockers)
        weeks = max(1, base + sum(s.weeks for s in stretches))
        end = day + timedelta(days=7 * weeks - 1)
        stages.append(Stage(id=sid, order=order, benchmark_min=rng.min, benchmark_max=rng.max,
                            baseline_weeks=base, weeks=weeks, start=day, end=end,
                            stretches=tuple(stretches), phases=FEEDS[sid], waves=waves))
        milestones.append(Milestone(id=f"M{order}", stage=sid, date=end,
                                    criteria=_criteria(sid, p)))
        day = end + timedelta(days=1)
    by_id = {s.id: s for s in stages}
    placed = [PlacedMitigation(risk_id=r.id, title=r.title, mitigation=r.mitigation, band=r.band,
                               exposure=r.exposure, owner=r.owner,
                               stage=MITIGATE_BY.get(r.phases[0] if r.phases else "",
                                                     "requirements"),
                               due=by_id[MITIGATE_BY.get(r.phases[0] if r.phases else "",
                                                         "requirements")].end)
              for r in result.risks]
    placed.sort(key=lambda m: (m.due, -m.exposure, m.risk_id))
    return ImplementationPlan(
        organization=p.organization, profile=p, start=start, end=stages[-1].end,
        total_weeks=sum(s.weeks for s in stages), stages=tuple(stages),
        milestones=tuple(milestones), mitigations=tuple(placed),
        overall_verdict=result.overall.verdict,
        hypercare=_hypercare(stages[-1].end, p, b, phases, blockers),
        reviews=_reviews(stages[-1].end, b))
