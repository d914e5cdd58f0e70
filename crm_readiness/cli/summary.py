"""The terminal summary of an assessment: phase table, blockers, top risks."""

from __future__ import annotations

from typing import TYPE_CHECKING

from crm_readiness.i18n import Lang, t

if TYPE_CHECKING:
    from rich.console import Console

    from crm_readiness.models.assessment import AssessmentResult

_STYLE = {"ready": "green", "ready_with_risks": "yellow", "not_ready": "red"}


def print_summary(result: AssessmentResult, lang: Lang, out: Console, *,
                  top_risks: int = 5) -> None:
    """Print the phase table, the verdict with its reasons, the blockers and the top risks."""
    from rich.table import Table

    from crm_readiness.cli._common import plain

    def fmt(v: float | None) -> str:
        return "–" if v is None else f"{v:.1f}"

    table = Table(title=f"{t('report.title', lang)} — {plain(result.profile.organization)}")
    for key, justify in (("report.phase", "left"), ("report.score", "right"),
                         ("report.coverage", "right"), ("report.level", "right"),
                         ("report.verdict", "left")):
        table.add_column(t(key, lang), justify=justify)  # type: ignore[arg-type]
    for p in result.phases:
        style = _STYLE[p.verdict]
        table.add_row(plain(p.title.get(lang)), fmt(p.score), f"{p.coverage * 100:.0f}%",
                      str(p.level or "–"), f"[{style}]{t('verdict.' + p.verdict, lang)}[/]")
    o = result.overall
    table.add_section()
    table.add_row(f"[bold]{t('report.overall', lang)}[/]", f"[bold]{fmt(o.score)}[/]",
                  f"{o.coverage * 100:.0f}%", str(o.level or "–"),
                  f"[bold {_STYLE[o.verdict]}]{t('verdict.' + o.verdict, lang)}[/]")
    out.print(table)
    on = [p for p in result.packs if p.on]
    if on:
        names = "; ".join(f"{p.title.get(lang)} ({len(p.questions)})" for p in on)
        out.print(f"{t('report.packs', lang)}: {plain(names)}")
    if result.quick is not None:
        q = result.quick
        out.print(f"[bold yellow]{t('report.quick_title', lang)}[/]: " + plain(t(
            "report.quick_intro", lang, asked=q.asked, full=q.full,
            share=f"{q.weight_share * 100:.0f}")))
        for qp in q.phases:
            if qp.not_asked:
                out.print("  + " + plain(t("report.quick_phase", lang, phase=qp.title.get(lang),
                                              count=qp.not_asked, weight=qp.not_asked_weight)))
    reasons = "; ".join(t(f"reason.{r.code}", lang, **r.params) for r in o.reasons)
    out.print(f"{t('report.reasons', lang)}: {plain(reasons)}")
    if result.measurements:
        out.print(f"\n[bold]{t('report.measured', lang)}[/]")
        for m in result.measurements:
            claimed = ", ".join(m.claimed) or "–"
            out.print(f"  {m.question_id}: {t('report.measured_value', lang)} {m.measured:.1f}% · "
                      f"{t('report.claimed_value', lang)} {plain(claimed)}")
    if result.blockers:
        out.print(f"\n[bold red]{t('report.blockers', lang)}[/]")
        for b in result.blockers:
            why = (t("report.blocker_unanswered", lang) if b.reason == "unanswered" else
                   t("report.blocker_below", lang, score=f"{b.score or 0:.2f}",
                     min=f"{b.gate_min:.2f}"))
            out.print(f"  ✗ {plain(b.text.get(lang))} [dim]({b.question_id}: {plain(why)})[/]")
    else:
        out.print(f"\n[green]{t('report.no_blockers', lang)}[/]")
    if result.waivers:
        out.print(f"\n[bold yellow]{t('report.waivers', lang)}[/]")
        for w in result.waivers:
            line = t("report.waiver_line", lang, owner=w.waived_by, reason=w.reason)
            out.print(f"  ! {plain(w.text.get(lang))} [dim]({w.question_id}: "
                      f"{plain(t('report.waived', lang))} — {plain(line)})[/]")
    path = result.path_to_ready
    if path is not None and not path.already_ready:
        score = "–" if path.projected_score is None else f"{path.projected_score:.1f}"
        out.print("\n[bold]" + plain(t("path.terminal", lang, steps=len(path.steps), score=score,
                                        verdict=t(f"verdict.{path.projected_verdict}", lang),
                                        weeks=path.plan_weeks)) + "[/]")
        for step in path.steps[:top_risks]:
            owner = t(f"owner.{step.owner}", lang) if step.owner else "–"
            out.print(f"  → {plain(step.action.get(lang))} [dim]({step.question_id}; "
                      f"{plain(owner)})[/]")
    if result.risks:
        out.print(f"\n[bold]{t('report.top_risks', lang)}[/]")
        for r in result.risks[:top_risks]:
            band = {"high": "red", "medium": "yellow", "low": "green"}[r.band]
            out.print(f"  [{band}]{r.exposure:>2} {t('band.' + r.band, lang)}[/] "
                      f"{plain(r.title.get(lang))} [dim]({r.id}; "
                      f"{plain(t('owner.' + r.owner, lang))})[/]")
