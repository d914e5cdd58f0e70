"""The quick scan: the gates plus the questions the checklists flag ``quick: true``.

Which questions a quick scan asks is data (the checklists), not code. The scan is
scored by the same engine on the reduced checklists; its result then says how
much of the full assessment it covers and what a full assessment would add, and
it can never be *Ready* (a verdict needs the full picture): a Ready scan is
capped at *Ready with risks* with the ``quick_scan`` reason.
"""

from __future__ import annotations

from crm_readiness.engine.conditions import applies
from crm_readiness.models.assessment import AssessmentResult, QuickPhase, QuickScan, VerdictReason
from crm_readiness.models.checklist import ChecklistSet, Question
from crm_readiness.models.profile import OrganizationProfile


def in_quick_scan(q: Question) -> bool:
    """Return whether the quick scan asks ``q`` (every gate, and ``quick: true``)."""
    return q.gate or q.quick


def quick_checklists(checklists: ChecklistSet) -> ChecklistSet:
    """Return ``checklists`` reduced to the quick-scan questions (phases without any dropped)."""
    reduced = []
    for c in checklists.checklists:
        kept = tuple(q for q in c.questions if in_quick_scan(q))
        if kept:
            reduced.append(c.model_copy(update={"questions": kept}))
    return checklists.model_copy(update={"checklists": tuple(reduced)})


def quick_scan(full: ChecklistSet, profile: OrganizationProfile,
               phases: list[str] | None = None) -> QuickScan:
    """Return what the quick scan of ``full`` asks for ``profile`` against the full assessment."""
    rows: list[QuickPhase] = []
    asked = total = asked_w = total_w = 0
    for c in full.checklists:
        if phases is not None and c.id not in phases:
            continue
        live = [q for q in c.questions if applies(q.applies_when, profile)]
        quick = [q for q in live if in_quick_scan(q)]
        rest = [q for q in live if not in_quick_scan(q)]
        asked += len(quick)
        total += len(live)
        asked_w += sum(q.weight for q in quick)
        total_w += sum(q.weight for q in live)
        rows.append(QuickPhase(phase=c.id, title=c.title, asked=len(quick), not_asked=len(rest),
                               not_asked_weight=sum(q.weight for q in rest)))
    return QuickScan(asked=asked, full=total, weight_share=asked_w / total_w if total_w else 1.0,
                     phases=tuple(rows))


def mark_quick(result: AssessmentResult, scan: QuickScan) -> AssessmentResult:
    """Return ``result`` marked as a quick scan; a Ready verdict is capped at Ready with risks."""
    overall = result.overall
    reason = VerdictReason(code="quick_scan", params={
        "share": round(scan.weight_share * 100), "asked": scan.asked, "full": scan.full})
    kept = tuple(r for r in overall.reasons if r.code != "all_clear")
    verdict = "ready_with_risks" if overall.verdict == "ready" else overall.verdict
    return result.model_copy(update={
        "quick": scan,
        "overall": overall.model_copy(update={"verdict": verdict, "reasons": (*kept, reason)})})
