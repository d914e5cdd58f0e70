"""Terminal views of a snapshot comparison and of the implementation plan."""

from __future__ import annotations

from typing import TYPE_CHECKING

from crm_readiness.i18n import Lang, t

if TYPE_CHECKING:
    from rich.console import Console

    from crm_readiness.models.plan import ImplementationPlan
    from crm_readiness.models.progress import Comparison


def _num(v: float | None, sign: bool = False) -> str:
    if v is None:
        return "–"
    return f"{v:+.1f}" if sign else f"{v:.1f}"


def print_comparison(c: Comparison, lang: Lang, out: Console) -> None:
    """Print per-phase deltas, then blockers, risks, actions and checklist changes."""
    from rich.table import Table

    from crm_readiness.cli._common import plain

    table = Table(title=t("compare.title", lang, a=plain(c.a.name), b=plain(c.b.name)))
    for key, justify in (("report.phase", "left"), ("compare.score_a", "right"),
                         ("compare.score_b", "right"), ("compare.delta", "right"),
                         ("compare.like_for_like", "right"), ("report.coverage", "right"),
                         ("report.verdict", "left"), ("compare.checklist", "left")):
        table.add_column(t(key, lang), justify=justify)  # type: ignore[arg-type]
    for p in c.phases:
        cov = (f"{(p.coverage_a or 0) * 100:.0f}% → {(p.coverage_b or 0) * 100:.0f}%"
               if p.status == "both" else "–")
        verdict = " → ".join(t(f"verdict.{v}", lang) for v in (p.verdict_a, p.verdict_b) if v)
        notes = []
        if p.status != "both":
            notes.append(t(f"compare.phase_{p.status}", lang))
        if p.version_a and p.version_b and p.version_a != p.version_b:
            notes.append(f"v{p.version_a} → v{p.version_b}")
        if p.questions_added:
            notes.append(t("compare.n_added", lang, count=len(p.questions_added)))
        if p.questions_retired:
            notes.append(t("compare.n_retired", lang, count=len(p.questions_retired)))
        table.add_row(plain(p.title.get(lang)), _num(p.score_a), _num(p.score_b),
                      _num(p.delta, True), _num(p.like_for_like, True), cov, verdict,
                      plain("; ".join(notes)))
    table.add_section()
    table.add_row(t("report.overall", lang), _num(c.a.overall), _num(c.b.overall),
                  _num(c.overall_delta, True), "", "",
                  " → ".join(t(f"verdict.{v}", lang) for v in (c.verdict_a, c.verdict_b)), "")
    out.print(table)
    sections: list[tuple[str, list[str]]] = [
        ("compare.blockers_closed", [f"✓ {b.text.get(lang)} ({b.question_id})"
                                     for b in c.blockers_closed]),
        ("compare.blockers_opened", [f"✗ {b.text.get(lang)} ({b.question_id})"
                                     + (f" — {t('compare.new_question', lang)}"
                                        if b.new_question else "") for b in c.blockers_opened]),
        ("compare.risks_added", [f"+ {r.id} {r.title.get(lang)} ({r.exposure})"
                                 for r in c.risks_added]),
        ("compare.risks_retired", [f"− {r.id} {r.title.get(lang)}" for r in c.risks_retired]),
        ("compare.actions_done", [f"✓ {a.action.get(lang)} ({a.question_id})"
                                  for a in c.actions_done]),
        ("compare.questions_added", [f"+ {q.question_id} {q.text.get(lang)}"
                                     for q in c.questions_added]),
        ("compare.questions_retired", [f"− {q.question_id} {q.text.get(lang)}"
                                       for q in c.questions_retired]),
    ]
    for key, lines in sections:
        if lines:
            out.print(f"\n[bold]{t(key, lang)}[/] ({len(lines)})")
            for line in lines:
                out.print(f"  {plain(line)}")


def print_plan(plan: ImplementationPlan, lang: Lang, out: Console) -> None:
    """Print the stages with dates, weeks and the reasons for each stretch."""
    from rich.table import Table

    from crm_readiness.cli._common import plain
    from crm_readiness.workflows.display import stretch_text

    table = Table(title=t("plan.span", lang, start=plan.start.isoformat(),
                          end=plan.end.isoformat(), weeks=plan.total_weeks))
    for key in ("plan.stage", "plan.start", "plan.end", "plan.weeks", "plan.why"):
        table.add_column(t(key, lang))
    for s in plan.stages:
        why = "; ".join(stretch_text(x, lang) for x in s.stretches)
        if s.waves:
            why = (t("plan.waves", lang, waves=s.waves) + ("; " + why if why else ""))
        table.add_row(t(f"plan.stage.{s.id}", lang), s.start.isoformat(), s.end.isoformat(),
                      str(s.weeks), plain(why))
    out.print(table)
